/**
 * One chat's sessions, on its time line (message times ascending, with the
 * question-marked messages among them):
 *
 * 1. a chat with a schedule has its scheduled windows, nothing else;
 * 2. otherwise the chat falls into sittings wherever it is quiet for more
 *    than `sessionGapMinutes`; a sitting no longer than `sittingMaxMinutes`
 *    is one session whole (a Zoom meeting, a WhatsApp evening, a monthly
 *    chat's hour with a month of quiet around it), if it holds at least
 *    `minSessionMessages` (a lone post is between sessions);
 * 3. a longer sitting (a busy hashtag's day, a channel that never sleeps)
 *    holds sessions only where it bursts (bursts.ts) or where hosts post a
 *    question series (questions.ts); overlapping ones are one session. What
 *    lies outside them is between sessions.
 *
 * Linear in the chat's messages (plus bins), and deterministic.
 */
import type { ChatSchedule, SessionFoundBy } from '../../../shared/index.js';
import { findBursts, type BurstOptions } from './bursts.js';
import { findQuestionSeries, type QuestionSeriesOptions, type TimelineMarker } from './questions.js';
import { scheduledWindows } from './schedule.js';

export type { SessionFoundBy } from '../../../shared/index.js';

export interface DetectOptions extends BurstOptions, QuestionSeriesOptions {
  sessionGapMinutes: number;
  sittingMaxMinutes: number;
  /** A sitting with fewer messages is a stray post between sessions, not a session (a schedule's windows excepted). */
  minSessionMessages: number;
}

/** A chat's messages in time order: their times (ms) and the question-marked ones (non-reposts) among them. */
export interface ChatTimeline {
  times: Float64Array;
  markers: readonly TimelineMarker[];
}

/** A session as positions `first … last` (inclusive) on the time line. */
export interface SessionRange {
  first: number;
  last: number;
  foundBy: SessionFoundBy;
}

export function findChatSessions(timeline: ChatTimeline, options: DetectOptions, schedules: readonly ChatSchedule[] = []): SessionRange[] {
  const { times } = timeline;
  const n = times.length;
  if (n === 0) return [];
  if (schedules.length > 0)
    return inWindows(
      times,
      0,
      n,
      scheduledWindows(schedules, times[0]!, times[n - 1]!).map(([s, e]) => ({ s, e, foundBy: 'schedule' })),
    );

  const gapMs = options.sessionGapMinutes * 60_000;
  const sittingMs = options.sittingMaxMinutes * 60_000;
  const ranges: SessionRange[] = [];
  let marker = 0;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && times[i]! - times[i - 1]! <= gapMs) continue;
    if (i - start < options.minSessionMessages) {
      // A lone post days from the chat (an announcement, an advert): between sessions.
    } else if (times[i - 1]! - times[start]! <= sittingMs) ranges.push({ first: start, last: i - 1, foundBy: 'gap' });
    else {
      const from = marker;
      while (marker < timeline.markers.length && timeline.markers[marker]!.at < i) marker++;
      ranges.push(...withinSitting(times, start, i, timeline.markers.slice(from, marker), options));
    }
    while (marker < timeline.markers.length && timeline.markers[marker]!.at < i) marker++;
    start = i;
  }
  return ranges;
}

/** A long sitting's sessions: its bursts and question series, overlapping ones merged. */
function withinSitting(
  times: Float64Array,
  from: number,
  to: number,
  markers: readonly TimelineMarker[],
  options: DetectOptions,
): SessionRange[] {
  const spans: Span[] = findBursts(times, from, to, options).map(([a, b]) => ({ s: times[a]!, e: times[b]!, foundBy: 'burst' }));
  for (const q of findQuestionSeries(markers, options)) spans.push({ s: q.startMs, e: q.endMs, foundBy: 'questions' });
  spans.sort((a, b) => a.s - b.s || a.e - b.e);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.s <= last.e) {
      last.e = Math.max(last.e, span.e);
      if (span.foundBy === 'questions') last.foundBy = 'questions';
    } else merged.push({ ...span });
  }
  return inWindows(times, from, to, merged);
}

interface Span {
  s: number;
  e: number;
  foundBy: SessionFoundBy;
}

/** The messages of `times[from … to)` within each window (ascending, not overlapping), as ranges; empty windows none. */
function inWindows(times: Float64Array, from: number, to: number, windows: readonly Span[]): SessionRange[] {
  const ranges: SessionRange[] = [];
  let i = from;
  for (const w of windows) {
    while (i < to && times[i]! < w.s) i++;
    let j = i;
    while (j < to && times[j]! <= w.e) j++;
    if (j > i) ranges.push({ first: i, last: j - 1, foundBy: w.foundBy });
    i = j;
  }
  return ranges;
}
