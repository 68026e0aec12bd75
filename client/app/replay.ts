/**
 * Replaying one session minute by minute: people appear with their first
 * message, ties as both ends have spoken (the reducers read the replay's
 * clock from the interaction object).
 */
import type { SessionSummary } from '../../shared/index.js';
import { fetchMessages } from '../api.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { setStatus, type App } from './context.js';

let replayTimer: ReturnType<typeof setInterval> | undefined;
let finishReplay: (() => void) | undefined;

/** Ends a replay under way (Escape, wherever focus is); false when none is. */
export function stopReplay(): boolean {
  if (!finishReplay) return false;
  finishReplay();
  return true;
}

export async function replaySession(app: App, session: SessionSummary): Promise<void> {
  const state = app.view.get();
  if (!state.dataset) return;
  clearInterval(replayTimer);
  app.interaction.replay = undefined;
  app.view.set((s) => ({ query: { ...s.query, chats: [session.chat], from: session.start, to: session.end }, mode: 'graph' }));
  const messages = await fetchMessages(state.dataset, { chats: session.chat, from: session.start, to: session.end });
  const firstPost = new Map<string, number>();
  for (const m of messages) if (!firstPost.has(m.author)) firstPost.set(m.author, Date.parse(m.time));
  const start = Date.parse(session.start);
  const end = Date.parse(session.end);
  app.interaction.replay = { firstPost, until: start };
  setStatus(app, 'Replaying… (Escape or Stop ends it)', true);
  const stop = h('button', { type: 'button', id: 'replay-stop', onclick: () => finish() }, 'Stop replay');
  app.els.status.append(' ', stop);
  const finish = () => {
    finishReplay = undefined;
    clearInterval(replayTimer);
    app.interaction.replay = undefined;
    setStatus(app, '');
    app.renderer?.refresh();
    announce('Replay finished');
  };
  finishReplay = finish;
  replayTimer = setInterval(() => {
    const replay = app.interaction.replay;
    if (!replay) return clearInterval(replayTimer);
    replay.until += 60_000;
    const people = [...firstPost.values()].filter((t) => t <= replay.until).length;
    const minute = Math.round((replay.until - start) / 60_000);
    setStatus(app, `Replay: minute ${minute}, ${people} people`, true);
    app.els.status.append(' ', stop);
    app.renderer?.refresh();
    if (replay.until >= end) finish();
  }, 350);
}
