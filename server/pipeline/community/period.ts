/**
 * When a community is most active: the period holding most of its members'
 * messages, at a grain the view's span makes meaningful (a day in a week's
 * view, a week in a month's, a month in a season's, a season beyond), with
 * its share of the community's messages and its lift over the view's own
 * share of that period (a community that is busiest when everyone is busiest
 * has no period of its own), said no wider than the community's messages
 * there (a one-day meeting in a season's grain is that day); and the
 * sessions its members posted most in,
 * taken from the sessions the analysis found (sessions.ts decides what a
 * session is).
 */
import type { Message } from '../../../shared/index.js';

export interface ActivePeriod {
  /** "April 2015", "week of 6 Apr 2015", "Mar–May 2015", "7 Apr 2015". */
  label: string;
  start: string;
  end: string;
  /** Share of the community's messages in it, 0..1. */
  share: number;
  /** That share over the view's share of messages in the same period (1: no busier than everyone). */
  lift: number;
}

export interface SessionActivity {
  id: string;
  /** Messages by members in that session. */
  messages: number;
}

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Grain {
  /** The period's start (UTC ms) of a time. */
  bucket(t: number): number;
  end(start: number): number;
  label(start: number): string;
}

const dayLabel = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);

const DAYS: Grain = { bucket: (t) => Math.floor(t / DAY) * DAY, end: (s) => s + DAY, label: (s) => dayLabel(new Date(s)) };
const WEEKS: Grain = {
  // Weeks from Monday (1 Jan 1970 was a Thursday).
  bucket: (t) => Math.floor((t - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY,
  end: (s) => s + 7 * DAY,
  label: (s) => `week of ${dayLabel(new Date(s))}`,
};
const MONTH_GRAIN: Grain = {
  bucket: (t) => monthStart(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth()),
  end: (s) => monthStart(new Date(s).getUTCFullYear(), new Date(s).getUTCMonth() + 1),
  label: (s) => `${MONTH_NAMES[new Date(s).getUTCMonth()]} ${new Date(s).getUTCFullYear()}`,
};
// Three-month seasons named by their months (Dec–Feb, Mar–May…), not "spring": that depends on the hemisphere.
const SEASONS: Grain = {
  bucket: (t) => {
    const d = new Date(t);
    const m = d.getUTCMonth();
    const first = m === 11 ? 11 : m - ((m + 1) % 3);
    return monthStart(d.getUTCFullYear(), first);
  },
  end: (s) => monthStart(new Date(s).getUTCFullYear(), new Date(s).getUTCMonth() + 3),
  label: (s) => {
    const d = new Date(s);
    const last = new Date(monthStart(d.getUTCFullYear(), d.getUTCMonth() + 2));
    return `${MONTHS[d.getUTCMonth()]}–${MONTHS[last.getUTCMonth()]} ${last.getUTCFullYear()}`;
  },
};

/** The grain for a view spanning `span` ms: about a dozen periods or fewer, each long enough to mean something. */
function grainFor(span: number): Grain {
  if (span <= 10 * DAY) return DAYS;
  if (span <= 60 * DAY) return WEEKS;
  if (span <= 400 * DAY) return MONTH_GRAIN;
  return SEASONS;
}

/**
 * A period said no wider than the community's messages in it: a community whose busiest season is one
 * Zoom meeting was busiest on that day, not in "Mar–May 2024". The day, else the month, that holds its
 * first and last message there, when finer than the view's grain (weeks are left out: "week of 26 Feb"
 * for a meeting on 1 March reads wrong).
 */
function narrowest(grain: Grain, start: number, first: number, last: number): { grain: Grain; start: number } {
  const finer = grain === SEASONS ? [DAYS, MONTH_GRAIN] : grain === DAYS ? [] : [DAYS];
  const fits = finer.find((g) => g.bucket(first) === g.bucket(last));
  return fits ? { grain: fits, start: fits.bucket(first) } : { grain, start };
}

/** How many of the sorted `times` fall in [start, end). */
function countIn(times: Float64Array, start: number, end: number): number {
  const firstAtOrAfter = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return firstAtOrAfter(end) - firstAtOrAfter(start);
}

export function activePeriods(
  messages: readonly Message[],
  sessions: readonly { id: string; members: readonly number[] }[],
  membership: ReadonlyMap<string, number>,
  count: number,
  sessionsKept = 3,
): { periods: (ActivePeriod | undefined)[]; sessions: SessionActivity[][] } {
  const times = messages.map((m) => Date.parse(m.time));
  let first = Infinity;
  let last = -Infinity;
  for (const t of times) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const grain = grainFor(last - first);
  // Per community and period: its messages there, and the first and last of them.
  const mine = Array.from({ length: count }, () => new Map<number, { n: number; first: number; last: number }>());
  const totals = new Array<number>(count).fill(0);
  messages.forEach((m, i) => {
    const c = membership.get(m.author);
    if (c === undefined) return;
    const t = times[i]!;
    const b = grain.bucket(t);
    const seen = mine[c]!.get(b);
    if (seen) {
      seen.n++;
      if (t < seen.first) seen.first = t;
      if (t > seen.last) seen.last = t;
    } else mine[c]!.set(b, { n: 1, first: t, last: t });
    totals[c]!++;
  });
  const sorted = Float64Array.from(times).sort();
  const periods = mine.map((buckets, c) => {
    const peak = [...buckets].sort((a, b) => b[1].n - a[1].n || a[0] - b[0])[0];
    if (!peak) return undefined;
    const said = narrowest(grain, peak[0], peak[1].first, peak[1].last);
    const end = said.grain.end(said.start);
    const share = peak[1].n / totals[c]!;
    const lift = share / (countIn(sorted, said.start, end) / messages.length);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      label: said.grain.label(said.start),
      start: new Date(said.start).toISOString(),
      end: new Date(end).toISOString(),
      share: round(share),
      lift: round(lift),
    };
  });
  const bySession = Array.from({ length: count }, () => [] as SessionActivity[]);
  for (const s of sessions) {
    const inSession = new Map<number, number>();
    for (const i of s.members) {
      const c = membership.get(messages[i]!.author);
      if (c !== undefined) inSession.set(c, (inSession.get(c) ?? 0) + 1);
    }
    for (const [c, n] of inSession) bySession[c]!.push({ id: s.id, messages: n });
  }
  const topSessions = bySession.map((list) =>
    list.sort((a, b) => b.messages - a.messages || (a.id < b.id ? -1 : 1)).slice(0, sessionsKept),
  );
  return { periods, sessions: topSessions };
}
