/**
 * Bridging: who connects different parts of the conversation. Per person,
 * the participation coefficient across communities (Guimerà & Amaral 2005,
 * "Functional cartography of complex metabolic networks"):
 * P = 1 − Σ_c (w_c / w)², with w_c the weight of their ties into community c
 * — 0 when all ties stay in one community, towards 1 when spread evenly —
 * and how many distinct sectors and regions their neighbours span.
 */
import type { CoParticipationGraph } from './co-participation-graph.js';
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
  // Their community, sector and region looked up once per person (not once per tie end).
  const keys = graph.keys;
  const n = keys.length;
  const community = Int32Array.from(keys, (key) => membership.get(key) ?? -1);
  const sectorIds = new Map<string, number>();
  const regionIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, value: string) => {
    if (value === 'unknown') return -1;
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    return id;
  };
  const sector = Int32Array.from(keys, (key) => idOf(sectorIds, sectorOf(key)));
  const region = Int32Array.from(keys, (key) => idOf(regionIds, regionOf(key)));

  // One pass over the ties. Each person's ties come in the order their own adjacency would list them
  // (both list ties in the order they were added), so every sum is made in the same order as per person.
  let maxCommunity = 0;
  for (const c of community) maxCommunity = Math.max(maxCommunity, c);
  const slotsPerPerson = maxCommunity + 2;
  const weightInto = new Map<number, number>();
  const total = new Float64Array(n);
  const reached = { sectors: new Set<number>(), regions: new Set<number>() };
  const sectorsReached = new Uint32Array(n);
  const regionsReached = new Uint32Array(n);
  const sectorSlots = sectorIds.size,
    regionSlots = regionIds.size;
  const end = (i: number, other: number, w: number) => {
    const slot = i * slotsPerPerson + community[other]! + 1;
    weightInto.set(slot, (weightInto.get(slot) ?? 0) + w);
    total[i] = total[i]! + w;
    const s = sector[other]!,
      r = region[other]!;
    if (s >= 0 && !reached.sectors.has(i * sectorSlots + s)) {
      reached.sectors.add(i * sectorSlots + s);
      sectorsReached[i] = sectorsReached[i]! + 1;
    }
    if (r >= 0 && !reached.regions.has(i * regionSlots + r)) {
      reached.regions.add(i * regionSlots + r);
      regionsReached[i] = regionsReached[i]! + 1;
    }
  };
  const { lo, hi, weight } = graph.ties;
  for (let t = 0; t < graph.size; t++) {
    end(lo[t]!, hi[t]!, weight[t]!);
    end(hi[t]!, lo[t]!, weight[t]!);
  }

  // Σ_c (w_c / w)² per person, over communities in the order their ties first reached each.
  const squares = new Float64Array(n);
  const communitiesReached = new Uint32Array(n);
  for (const [slot, w] of weightInto) {
    const i = Math.floor(slot / slotsPerPerson);
    squares[i] = squares[i]! + (w / total[i]!) ** 2;
    communitiesReached[i] = communitiesReached[i]! + 1;
  }
  const out = new Map<string, BridgeMetrics>();
  keys.forEach((key, i) => {
    out.set(key, {
      participation: total[i]! > 0 ? round(1 - squares[i]!) : 0,
      sectorsReached: sectorsReached[i]!,
      regionsReached: regionsReached[i]!,
      communitiesReached: communitiesReached[i]!,
    });
  });
  return out;
}
