/**
 * The search box's effect: list whom the text matches (kept in the explorer
 * store, so the list and the text survive re-renders), draw their names,
 * and open the person when the text names exactly one.
 */
import { exactMatch, searchPeople } from '../state/search.js';
import { announce } from '../ui/announcer.js';
import type { App } from './context.js';
import { selectPerson } from './selection.js';

/**
 * A search typed before the graph is ready (the first picture and its summary come first, the searchable
 * graph after): kept, and run once the graph has loaded, so the name typed is not lost.
 */
let waiting: { app: App; text: string; unsubscribe: () => void } | undefined;

export function search(app: App, text: string): void {
  const { loaded } = app.explorer.get();
  if (!loaded) {
    waiting?.unsubscribe();
    const unsubscribe = app.explorer.subscribe((now) => {
      if (!now.loaded || waiting?.app !== app) return;
      const pending = waiting.text;
      waiting.unsubscribe();
      waiting = undefined;
      // After this change has run its course: the graph's renderer is made right after it is marked loaded.
      setTimeout(() => search(app, pending), 0);
    });
    waiting = { app, text, unsubscribe };
    return;
  }
  waiting?.unsubscribe();
  waiting = undefined;
  const result = searchPeople(loaded, text);
  app.interaction.matches = new Set(result.matches);
  app.explorer.set({ search: result });
  const exact = exactMatch(loaded, result);
  if (exact) selectPerson(app, exact, true);
  else if (result.matches.length) app.renderer?.fitAround(result.matches, true);
  if (text.trim())
    announce(
      result.total === 0
        ? `No one matches ${text.trim()}`
        : `${result.total} ${result.total === 1 ? 'person matches' : 'people match'} ${text.trim()}`,
    );
}
