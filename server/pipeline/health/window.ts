/**
 * A window of the chat-health facts: the sessions overlapping `from`…`to`
 * with their figures as the whole history gave them, and over those
 * sessions the series, the returns of welcomed vs not welcomed first-timers
 * and the sector × sector and region × region mixing matrices. Pure and
 * cheap: a new window never reads or splits the messages again.
 */
import type { HealthOptions, HealthReport, SeriesPoint, SessionHealth } from '../../../shared/index.js';
import type { HealthFacts, SessionFacts } from './facts.js';
import { mixingMatrix } from './mixing.js';

export function windowHealth(facts: HealthFacts, window: Pick<HealthOptions, 'from' | 'to'> = {}): HealthReport {
  const from = window.from ? Date.parse(window.from) : -Infinity;
  const to = window.to ? Date.parse(window.to) : Infinity;
  const shown = facts.sessions.filter((s) => Date.parse(s.health.end) >= from && Date.parse(s.health.start) <= to);
  const sessions = shown.map((s) => s.health);
  return {
    chats: facts.chats,
    returnWindow: facts.returnWindow,
    sessions,
    series: sessions.map((s): SeriesPoint => ({
      session: s.id,
      chat: s.chat,
      start: s.start,
      participants: s.participants,
      newcomers: s.newcomers,
      returning: s.returning,
      sectors: s.sectors,
      regions: s.regions,
    })),
    returns: returnTallies(sessions),
    mixing: mixingOf(shown, facts.groups),
  };
}

/** First-timers with a later session to come back to, welcomed vs not, and how many came back. */
function returnTallies(sessions: readonly SessionHealth[]): HealthReport['returns'] {
  const tally = { welcomed: { firstTimers: 0, cameBack: 0 }, notWelcomed: { firstTimers: 0, cameBack: 0 } };
  for (const s of sessions)
    for (const f of s.firstTimers) {
      if (f.sessionsAfter === 0) continue;
      const t = f.welcomed ? tally.welcomed : tally.notWelcomed;
      t.firstTimers++;
      if (f.cameBack) t.cameBack++;
    }
  return tally;
}

/** Ties among the sessions' participants (replies and mentions either way, relays aside), by sector and by region. */
function mixingOf(shown: readonly SessionFacts[], groups: HealthFacts['groups']): HealthReport['mixing'] {
  const participants = new Set<string>();
  const spokeTo = new Map<string, Set<string>>();
  for (const s of shown) {
    for (const p of s.people) participants.add(p.key);
    for (const [a, b] of s.spokeTo) (spokeTo.get(a) ?? spokeTo.set(a, new Set()).get(a)!).add(b);
  }
  const ties: (readonly [string, string])[] = [];
  for (const [a, targets] of spokeTo)
    for (const b of targets) {
      if (!participants.has(b)) continue;
      // Each pair once: from its smaller key, or from the larger when the smaller never spoke to it.
      if (a < b || !spokeTo.get(b)?.has(a)) ties.push(a < b ? [a, b] : [b, a]);
    }
  const sectorOf = (key: string) => groups[key]![0];
  const regionOf = (key: string) => groups[key]![1];
  return { sector: mixingMatrix(ties, sectorOf), region: mixingMatrix(ties, regionOf) };
}
