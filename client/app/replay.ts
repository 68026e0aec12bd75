/**
 * Replaying one session minute by minute: people appear with their first
 * message, ties as both ends have spoken (the reducers read the replay's
 * clock from the interaction object). Pause, a minute back or forward, a
 * scrubber over the session's minutes, Stop (or Escape); when it ends the
 * view it started from (filters and mode) comes back.
 */
import type { SessionSummary, ViewState } from '../../shared/index.js';
import { fetchMessages } from '../api.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { setStatus, type App } from './context.js';
import './replay.css';

const MINUTE = 60_000;
let replayTimer: ReturnType<typeof setInterval> | undefined;
let finishReplay: (() => void) | undefined;

/** Ends a replay under way (Escape, wherever focus is); false when none is. */
export function stopReplay(): boolean {
  if (!finishReplay) return false;
  finishReplay();
  return true;
}

/** `newcomers`: person keys to highlight as they appear (the session's first-timers, when known). */
export async function replaySession(
  app: App,
  session: Pick<SessionSummary, 'chat' | 'start' | 'end'>,
  newcomers: readonly string[] = [],
): Promise<void> {
  const state = app.view.get();
  if (!state.dataset) return;
  stopReplay();
  // What to come back to: a replay narrows the filters to the session and shows the graph.
  const before: Pick<ViewState, 'query' | 'mode'> = { query: state.query, mode: state.mode };
  const start = Date.parse(session.start);
  const minutes = Math.max(1, Math.ceil((Date.parse(session.end) - start) / MINUTE));
  const firstPost = new Map<string, number>();
  const replay = { firstPost, until: start, newcomers: new Set(newcomers) };
  let paused = false;

  const pause = h('button', { type: 'button', id: 'replay-pause', 'aria-pressed': 'false' }, 'Pause');
  const back = h('button', { type: 'button', id: 'replay-back', 'aria-label': 'A minute back' }, '−1 min');
  const forward = h('button', { type: 'button', id: 'replay-forward', 'aria-label': 'A minute forward' }, '+1 min');
  const scrubber = h('input', {
    type: 'range',
    id: 'replay-minute',
    min: 0,
    max: minutes,
    step: 1,
    value: 0,
    'aria-label': 'Replay minute',
  });
  const stop = h('button', { type: 'button', id: 'replay-stop' }, 'Stop replay');
  const controls = h(
    'div',
    { class: 'replay-controls', role: 'group', 'aria-label': `Replay of ${session.chat}` },
    pause,
    back,
    forward,
    scrubber,
    stop,
  );
  // The controls take their room before the session's graph is fitted: a resize during the replay would fit it
  // to the few people who have spoken so far.
  app.els.status.after(controls);
  app.view.set((s) => ({ query: { ...s.query, chats: [session.chat], from: session.start, to: session.end }, mode: 'graph' }));
  const messages = await fetchMessages(state.dataset, { chats: session.chat, from: session.start, to: session.end }).catch(
    (error: unknown) => {
      controls.remove();
      throw error;
    },
  );
  for (const m of messages) if (!firstPost.has(m.author)) firstPost.set(m.author, Date.parse(m.time));
  // The clock starts once the session's graph is drawn and its panels settled (they refit it to who is shown).
  await app.loading;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  if (finishReplay !== undefined || !controls.isConnected) return;
  app.interaction.replay = replay;

  const minute = () => Math.round((replay.until - start) / MINUTE);
  const show = () => {
    const people = [...firstPost.values()].filter((t) => t <= replay.until).length;
    setStatus(app, `Replay: minute ${minute()}, ${people} people${paused ? ' (paused)' : ''}`, !paused);
    scrubber.value = String(minute());
    scrubber.setAttribute('aria-valuetext', `minute ${minute()} of ${minutes}, ${people} people`);
    app.renderer?.refresh();
  };
  const goTo = (m: number) => {
    replay.until = start + Math.min(minutes, Math.max(0, m)) * MINUTE;
    show();
  };
  const setPaused = (value: boolean) => {
    paused = value;
    pause.textContent = paused ? 'Play' : 'Pause';
    pause.setAttribute('aria-pressed', String(paused));
    show();
  };
  const finish = () => {
    finishReplay = undefined;
    clearInterval(replayTimer);
    app.interaction.replay = undefined;
    controls.remove();
    setStatus(app, '');
    app.view.set(before);
    app.renderer?.refresh();
    announce('Replay finished');
  };
  pause.addEventListener('click', () => setPaused(!paused));
  back.addEventListener('click', () => (setPaused(true), goTo(minute() - 1)));
  forward.addEventListener('click', () => (setPaused(true), goTo(minute() + 1)));
  scrubber.addEventListener('input', () => {
    // Read before pausing: pausing redraws the scrubber at the current minute.
    const to = Number(scrubber.value);
    setPaused(true);
    goTo(to);
  });
  stop.addEventListener('click', () => finish());
  finishReplay = finish;
  setStatus(app, 'Replaying… (Escape or Stop ends it)', true);
  replayTimer = setInterval(() => {
    if (paused) return;
    if (minute() >= minutes) return finish();
    goTo(minute() + 1);
  }, 350);
}
