/**
 * Metrics: per person (degree, weighted degree) and per community (size, top
 * members, top hashtags, chat, sector and region mix).
 */
import type { CommunitySummary, Message } from '../../shared/index.js';
import type { CoParticipationGraph } from './co-participation-graph.js';

export interface MetricsOptions {
  /** Members and hashtags listed per community. */
  topN: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { topN: 5 };

export interface PersonMetrics {
  degree: number;
  weightedDegree: number;
}

export interface MetricsInput {
  graph: CoParticipationGraph;
  membership: Map<string, number>;
  messages: readonly Message[];
  labelOf: (key: string) => string;
  sectorOf: (key: string) => string;
  regionOf: (key: string) => string;
}

export interface Metrics {
  people: Map<string, PersonMetrics>;
  communities: CommunitySummary[];
}

/** Counts → `[{value, count}]`, most first, ties by value. */
function ranked(counts: Map<string, number>, limit = Infinity): { value: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function computeMetrics(input: MetricsInput, options: Partial<MetricsOptions> = {}): Metrics {
  const { topN } = { ...DEFAULT_METRICS_OPTIONS, ...options };
  const { graph, membership } = input;
  const people = new Map<string, PersonMetrics>();
  const degrees = graph.degrees();
  const strengths = graph.strengths();
  graph.keys.forEach((key, i) => people.set(key, { degree: degrees[i]!, weightedDegree: strengths[i]! }));

  const count = membership.size === 0 ? 0 : Math.max(...membership.values()) + 1;
  const members: string[][] = Array.from({ length: count }, () => []);
  for (const [key, c] of membership) members[c]!.push(key);
  const hashtags = Array.from({ length: count }, () => new Map<string, number>());
  const chats = Array.from({ length: count }, () => new Map<string, number>());
  for (const m of input.messages) {
    const c = membership.get(m.author);
    if (c === undefined) continue;
    bump(chats[c]!, m.chat);
    for (const tag of m.hashtags) if (tag !== m.chat) bump(hashtags[c]!, tag);
  }

  const communities: CommunitySummary[] = members.map((keys, id) => {
    const sectors = new Map<string, number>();
    const regions = new Map<string, number>();
    for (const key of keys) {
      bump(sectors, input.sectorOf(key));
      bump(regions, input.regionOf(key));
    }
    const top = [...keys]
      .sort((a, b) => people.get(b)!.weightedDegree - people.get(a)!.weightedDegree || (a < b ? -1 : 1))
      .slice(0, topN)
      .map((key) => ({ key, label: input.labelOf(key), weightedDegree: round(people.get(key)!.weightedDegree) }));
    return {
      id,
      size: keys.length,
      topMembers: top,
      topHashtags: ranked(hashtags[id]!, topN).map(({ value, count: n }) => ({ tag: value, count: n })),
      chats: ranked(chats[id]!).map(({ value, count: n }) => ({ chat: value, messages: n })),
      sectors: ranked(sectors),
      regions: ranked(regions),
      // Filled in by community/describe.ts, which contrasts communities with each other.
      terms: [],
      activeSessions: [],
    };
  });
  return { people, communities };
}

/** Six significant decimals: enough for any view, and equal runs print equal bytes. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
