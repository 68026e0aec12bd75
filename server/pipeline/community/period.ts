/**
 * When a community is most active: the period holding most of its members'
 * messages, at a grain the view's span makes meaningful (a day in a week's
 * view, a week in a month's, a month in a season's, a season beyond), with
 * its share of the community's messages and its lift over the view's own
 * share of that period (a community that is busiest when everyone is busiest
 * has no period of its own); and the sessions its members posted most in,
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

/** The grain for a view spanning `span` ms: about a dozen periods or fewer, each long enough to mean something. */
function grainFor(span: number): Grain {
  if (span <= 10 * DAY) return { bucket: (t) => Math.floor(t / DAY) * DAY, end: (s) => s + DAY, label: (s) => dayLabel(new Date(s)) };
  if (span <= 60 * DAY)
    return {
      // Weeks from Monday (1 Jan 1970 was a Thursday).
      bucket: (t) => Math.floor((t - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY,
      end: (s) => s + 7 * DAY,
      label: (s) => `week of ${dayLabel(new Date(s))}`,
    };
  if (span <= 400 * DAY)
    return {
      bucket: (t) => monthStart(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth()),
      end: (s) => monthStart(new Date(s).getUTCFullYear(), new Date(s).getUTCMonth() + 1),
      label: (s) => `${MONTH_NAMES[new Date(s).getUTCMonth()]} ${new Date(s).getUTCFullYear()}`,
    };
  // Three-month seasons named by their months (Dec–Feb, Mar–May…), not "spring": that depends on the hemisphere.
  return {
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
  const all = new Map<number, number>();
  const mine = Array.from({ length: count }, () => new Map<number, number>());
  const totals = new Array<number>(count).fill(0);
  messages.forEach((m, i) => {
    const b = grain.bucket(times[i]!);
    all.set(b, (all.get(b) ?? 0) + 1);
    const c = membership.get(m.author);
    if (c === undefined) return;
    mine[c]!.set(b, (mine[c]!.get(b) ?? 0) + 1);
    totals[c]!++;
  });
  const periods = mine.map((buckets, c) => {
    const peak = [...buckets].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!peak) return undefined;
    const share = peak[1] / totals[c]!;
    const lift = share / (all.get(peak[0])! / messages.length);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      label: grain.label(peak[0]),
      start: new Date(peak[0]).toISOString(),
      end: new Date(grain.end(peak[0])).toISOString(),
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
