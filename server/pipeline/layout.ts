/**
 * Layout: seeded first positions that already separate communities (each
 * community a disc on a golden-angle spiral, largest in the middle), then
 * ForceAtlas2 (Jacomy et al. 2014) to let ties pull people together. Both
 * are deterministic, so the same graph and seed give the same picture.
 */
import { UndirectedGraph } from 'graphology';
import { forceAtlas2 } from './cjs.js';
import type { CoParticipationGraph } from './build-graph.js';
import { seededRandom } from './rng.js';

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; default scales down with size to bound the time. */
  iterations?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

export function defaultIterations(order: number): number {
  if (order <= 500) return 300;
  if (order <= 2000) return 150;
  if (order <= 10000) return 60;
  return 25;
}

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

export function layoutGraph(graph: CoParticipationGraph, membership: Map<string, number>, options: LayoutOptions): Positions {
  const start = seedPositions(graph, membership, options.seed);
  if (graph.size === 0) return start;
  const working = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  graph.forEachNode((key) => working.addNode(key, { ...start.get(key)! }));
  graph.forEachEdge((_edge, attributes, source, target) => {
    working.addUndirectedEdge(source, target, { weight: attributes.weight });
  });
  const settings = { ...forceAtlas2.inferSettings(working), barnesHutOptimize: working.order > 2000 };
  const iterations = options.iterations ?? defaultIterations(working.order);
  const result = forceAtlas2(working, { iterations, settings, getEdgeWeight: 'weight' });
  return new Map(Object.entries(result).map(([key, p]) => [key, { x: p.x, y: p.y }]));
}
