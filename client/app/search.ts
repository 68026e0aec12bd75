/** The search box's effect: open the person it names. */
import { announce } from '../ui/announcer.js';
import { setStatus, type App } from './context.js';
import { selectPerson } from './selection.js';

export function search(app: App, text: string): void {
  const { loaded } = app.explorer.get();
  if (!loaded || !text.trim()) return;
  const needle = text.trim().toLowerCase().replace(/^@/, '');
  const nodes = loaded.graph.nodes();
  const label = (k: string) => loaded.graph.getNodeAttributes(k);
  const found =
    nodes.find((k) => `${label(k).label} (@${label(k).handle})`.toLowerCase() === needle || label(k).handle.toLowerCase() === needle || label(k).label.toLowerCase() === needle || k === needle) ??
    nodes.find((k) => label(k).label.toLowerCase().includes(needle) || label(k).handle.toLowerCase().includes(needle));
  if (found) selectPerson(app, found, true);
  else announce(`No one matches ${text}`), setStatus(app, `No one matches “${text}”.`);
}
