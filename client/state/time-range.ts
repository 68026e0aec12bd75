/**
 * The date range as steps over session days: the days known for a dataset
 * (every day a session started, in any graph loaded so far, so narrowing the
 * range keeps the days outside it), the range a query covers as indexes,
 * and the query for a range. Playing moves the range's end one day a step.
 */
import type { GraphQuery, SessionSummary } from '../../shared/index.js';

/** Session days known so far, merged with a graph's sessions; sorted, unique, no "unknown". */
export function mergeDays(known: readonly string[], sessions: readonly SessionSummary[]): string[] {
  const all = new Set(known);
  for (const s of sessions) if (/^\d{4}-\d{2}-\d{2}/.test(s.start)) all.add(s.start.slice(0, 10));
  return [...all].sort();
}

const day = (iso?: string) => (iso ? iso.slice(0, 10) : '');

/** The range of day indexes a query covers (the whole range without from/to). */
export function rangeOf(days: readonly string[], query: GraphQuery): [number, number] {
  const last = Math.max(0, days.length - 1);
  const from = query.from ? days.findIndex((d) => d >= day(query.from)) : 0;
  const a = from < 0 ? last : from;
  const to = query.to ? days.findLastIndex((d) => d <= day(query.to)) : last;
  return [a, Math.max(a, to < 0 ? a : to)];
}

/** The query's dates for a range of day indexes; the whole range is no dates at all (a short URL). */
export function datesOf(days: readonly string[], a: number, b: number): Pick<GraphQuery, 'from' | 'to'> {
  const all = a <= 0 && b >= days.length - 1;
  return { from: all ? undefined : `${days[a]}T00:00:00.000Z`, to: all ? undefined : `${days[b]}T23:59:59.999Z` };
}

/** The next range when stepping the end by `direction` days; undefined past either end. */
export function stepRange(days: readonly string[], [a, b]: [number, number], direction: 1 | -1): [number, number] | undefined {
  const next = b + direction;
  if (next < a || next > days.length - 1) return undefined;
  return [a, next];
}

/** Where playing starts: from the range's start, or on from where it stands when it is part-way. */
export function playStart(days: readonly string[], [a, b]: [number, number]): [number, number] {
  return b >= days.length - 1 ? [a, a] : [a, b];
}

export const PLAY_SPEEDS = [
  { label: 'Slow', delayMs: 3000 },
  { label: 'Normal', delayMs: 1500 },
  { label: 'Fast', delayMs: 600 },
] as const;
