/**
 * Layout, in four deterministic steps (same graph and seed, same positions):
 *
 * 1. seeded first positions, each community a disc on a golden-angle spiral;
 * 2. a coarse ForceAtlas2 over the community graph places the communities,
 *    each disc sized to the area the forces will give it (layout/communities.ts);
 * 3. ForceAtlas2 (Jacomy et al. 2014) over people, on typed arrays with
 *    Barnes–Hut repulsion (layout/force-atlas.ts), for a budget of
 *    iterations that shrinks with size, stopping early once steps are small;
 * 4. people without ties (in no community: not in `membership`) on a ring
 *    around the rest (layout/isolated.ts).
 *
 * Ties inside a community pull COMMUNITY_PULL times harder than ties
 * between communities: the picture is there to show the communities Louvain
 * found, and with plain weights a big graph's visitors drag communities into
 * each other (measured with layout/separation.ts, see tests/pipeline/layout.test.ts).
 */
import type { CoParticipationGraph } from './co-participation-graph.js';
import { toLayoutArrays, type LayoutArrays } from './layout/arrays.js';
import { placeCommunities } from './layout/communities.js';
import { DEFAULT_FORCE_SETTINGS, forceAtlas2 } from './layout/force-atlas.js';
import { ringIsolated } from './layout/isolated.js';
import { seededRandom } from './rng.js';

export interface LayoutOptions {
  seed: number;
  /** Person-level ForceAtlas2 iterations at most; default scales down with size to bound the time. */
  iterations?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

/** Measured on generated chats and planted graphs (bench/analysis.ts, bench/layout.ts): past these the pictures no longer change visibly and separation stops improving. */
export function defaultIterations(order: number): number {
  if (order <= 2000) return 150;
  if (order <= 20000) return 45;
  return 40;
}

/** Ties inside a community pull this many times harder than ties between communities (tuned on bench/planted-graph.ts and M/L). */
const COMMUNITY_PULL = 6;
/** Community discs at this share of the radius the forces would give them, leaving gaps to pull open. */
const COMMUNITY_FILL = 0.6;
/** Coarse (community graph) iterations at most: a few hundred bodies settle well within this. */
const COARSE_ITERATIONS = 300;
/** Coarse iterations × communities at most, so many tiny communities cannot make the coarse pass the slow one. */
const COARSE_WORK = 300_000;

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** First positions: communities as discs on a spiral, members spread inside by a seeded RNG. */
export function seedPositions(graph: CoParticipationGraph, membership: Map<string, number>, seed: number): Positions {
  const random = seededRandom(seed);
  const sizes = new Map<number, number>();
  for (const c of membership.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const centres = new Map<number, { x: number; y: number; r: number }>();
  let area = 0;
  for (const c of [...sizes.keys()].sort((a, b) => a - b)) {
    const r = Math.sqrt(sizes.get(c)!) * 10;
    const distance = c === 0 ? 0 : Math.sqrt(area) * 1.8;
    centres.set(c, { x: distance * Math.cos(c * GOLDEN_ANGLE), y: distance * Math.sin(c * GOLDEN_ANGLE), r });
    area += r * r;
  }
  const positions: Positions = new Map();
  graph.forEachNode((key) => {
    const centre = centres.get(membership.get(key) ?? 0) ?? { x: 0, y: 0, r: 10 };
    const angle = random() * 2 * Math.PI;
    const radius = centre.r * Math.sqrt(random());
    positions.set(key, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
  return positions;
}

/** What a layout did, for the bench and tests: the positions and the iterations each pass ran. */
export interface LayoutRun {
  positions: Positions;
  /** Person-level ForceAtlas2 iterations run (fewer than the budget when it converged). */
  iterations: number;
  /** Community-graph iterations run. */
  coarseIterations: number;
}

export function layoutGraph(graph: CoParticipationGraph, membership: Map<string, number>, options: LayoutOptions): Positions {
  return runLayout(graph, membership, options).positions;
}

export function runLayout(graph: CoParticipationGraph, membership: Map<string, number>, options: LayoutOptions): LayoutRun {
  if (!Number.isFinite(options.seed)) throw new Error(`layout: seed must be a finite number, got ${options.seed}`);
  if (options.iterations !== undefined && !(Number.isInteger(options.iterations) && options.iterations >= 0)) {
    throw new Error(`layout: iterations must be a non-negative integer, got ${options.iterations}`);
  }
  for (const c of membership.values()) if (!Number.isFinite(c)) throw new Error(`layout: community numbers must be finite, got ${c}`);

  // Seeded for everyone, people without ties too (their places are then set on the ring): the RNG's
  // sequence, and so everyone else's start, does not depend on who has ties.
  const start = seedPositions(graph, membership, options.seed);
  if (graph.size === 0) {
    const x = new Float64Array(graph.order),
      y = new Float64Array(graph.order);
    ringIsolated(x, y, 0);
    return { positions: new Map(graph.keys.map((key, i) => [key, { x: x[i]!, y: y[i]! }])), iterations: 0, coarseIterations: 0 };
  }
  const arrays = toLayoutArrays(graph, membership);
  const n = arrays.keys.length;
  const x = new Float64Array(n),
    y = new Float64Array(n);
  arrays.keys.forEach((key, i) => {
    const p = start.get(key)!;
    x[i] = p.x;
    y[i] = p.y;
  });

  const connected = arrays.connected;
  const coarseIterations = placeCommunities(arrays, x, y, {
    settings: DEFAULT_FORCE_SETTINGS,
    iterations: Math.min(COARSE_ITERATIONS, Math.ceil(COARSE_WORK / arrays.communities)),
    fill: COMMUNITY_FILL,
  });
  pullCommunities(arrays, COMMUNITY_PULL);
  const active = { ...arrays, x: x.subarray(0, connected), y: y.subarray(0, connected), mass: arrays.mass.subarray(0, connected) };
  const iterations = forceAtlas2(active, options.iterations ?? defaultIterations(n), DEFAULT_FORCE_SETTINGS);
  ringIsolated(x, y, connected);

  const positions: Positions = new Map();
  for (const i of arrays.indexInGraphOrder) positions.set(arrays.keys[i]!, { x: x[i]!, y: y[i]! });
  return { positions, iterations, coarseIterations };
}

/** Ties inside a community weigh `factor` times more (in the arrays only; the graph is left alone). */
function pullCommunities(a: LayoutArrays, factor: number): void {
  for (let i = 0; i < a.connected; i++) {
    for (let e = a.start[i]!, end = a.start[i + 1]!; e < end; e++) {
      if (a.community[a.neighbour[e]!] === a.community[i]) a.weight[e] = a.weight[e]! * factor;
    }
  }
}
