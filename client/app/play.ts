/**
 * Playing through time: the date range's end moves one session day a step,
 * so the graph grows session by session. Each step waits for its graph to
 * load, then for the chosen delay, and is announced; the last day, Pause or
 * Escape ends it.
 */
import { datesOf, playStart, rangeOf, stepRange } from '../state/time-range.js';
import { announce } from '../ui/announcer.js';
import type { App } from './context.js';

let timer: ReturnType<typeof setTimeout> | undefined;

function setRange(app: App, [a, b]: [number, number]): void {
  const { days } = app.explorer.get();
  app.view.set((s) => ({ query: { ...s.query, ...datesOf(days, a, b) } }));
}

async function sayWhere(app: App, b: number): Promise<void> {
  await app.loading;
  const { loaded, days } = app.explorer.get();
  if (!loaded) return;
  const { counts } = loaded.payload.attributes.meta;
  announce(`Up to ${days[b]}: ${counts.nodes} people, ${counts.edges} ties, ${counts.sessions} sessions`);
}

function schedule(app: App): void {
  clearTimeout(timer);
  const playing = app.explorer.get().playing;
  if (!playing) return;
  timer = setTimeout(async () => {
    if (!app.explorer.get().playing) return;
    const { days } = app.explorer.get();
    const next = stepRange(days, rangeOf(days, app.view.get().query), 1);
    if (!next) return pause(app, 'Played to the last session day');
    setRange(app, next);
    await sayWhere(app, next[1]);
    schedule(app);
  }, playing.delayMs);
}

export function play(app: App): void {
  const { days, playDelayMs } = app.explorer.get();
  if (days.length < 2) return;
  const start = playStart(days, rangeOf(days, app.view.get().query));
  app.explorer.set({ playing: { delayMs: playDelayMs } });
  setRange(app, start);
  void sayWhere(app, start[1]).then(() => schedule(app));
}

export function pause(app: App, words = 'Paused'): void {
  if (!app.explorer.get().playing) return;
  clearTimeout(timer);
  app.explorer.set({ playing: undefined });
  announce(words);
}

export function togglePlay(app: App): void {
  if (app.explorer.get().playing) pause(app);
  else play(app);
}

export function step(app: App, direction: 1 | -1): void {
  pause(app);
  const { days } = app.explorer.get();
  const next = stepRange(days, rangeOf(days, app.view.get().query), direction);
  if (!next) return;
  setRange(app, next);
  void sayWhere(app, next[1]);
}

export function setSpeed(app: App, delayMs: number): void {
  const playing = app.explorer.get().playing;
  app.explorer.set({ playDelayMs: delayMs, ...(playing ? { playing: { delayMs } } : {}) });
}

export { setRange };
