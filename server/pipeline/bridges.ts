/**
 * Bridging: who connects different parts of the conversation. Per person,
 * the participation coefficient across communities (Guimerà & Amaral 2005,
 * "Functional cartography of complex metabolic networks"):
 * P = 1 − Σ_c (w_c / w)², with w_c the weight of their ties into community c
 * — 0 when all ties stay in one community, towards 1 when spread evenly —
 * and how many distinct sectors and regions their neighbours span.
 */
import type { CoParticipationGraph } from './build-graph.js';
import { round } from './metrics.js';

export interface BridgeMetrics {
  participation: number;
  /** Distinct known sectors / regions among neighbours (unknown not counted). */
  sectorsReached: number;
  regionsReached: number;
  communitiesReached: number;
}

export function computeBridges(
  graph: CoParticipationGraph,
  membership: Map<string, number>,
  sectorOf: (key: string) => string,
  regionOf: (key: string) => string,
): Map<string, BridgeMetrics> {
  const out = new Map<string, BridgeMetrics>();
  graph.forEachNode((key) => {
    const byCommunity = new Map<number, number>();
    const sectors = new Set<string>();
    const regions = new Set<string>();
    let total = 0;
    graph.forEachEdge(key, (_e, a, source, target) => {
      const other = source === key ? target : source;
      const c = membership.get(other) ?? -1;
      byCommunity.set(c, (byCommunity.get(c) ?? 0) + a.weight);
      total += a.weight;
      const s = sectorOf(other);
      const r = regionOf(other);
      if (s !== 'unknown') sectors.add(s);
      if (r !== 'unknown') regions.add(r);
    });
    let sum = 0;
    for (const w of byCommunity.values()) sum += (w / total) ** 2;
    out.set(key, {
      participation: total > 0 ? round(1 - sum) : 0,
      sectorsReached: sectors.size,
      regionsReached: regions.size,
      communitiesReached: byCommunity.size,
    });
  });
  return out;
}
