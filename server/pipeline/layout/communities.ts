/**
 * The coarse pass: each community becomes one body (its people's masses
 * summed, the ties between two communities summed into one tie) and
 * ForceAtlas2 lays out that small graph, so communities that share ties end
 * up side by side before anyone moves alone. Moving a whole community one
 * person at a time is what a plain force layout spends most of its
 * iterations on.
 *
 * Each community then gets a disc of the area the forces will give it: with
 * repulsion k_r/d and strong gravity k_g·d, ForceAtlas2 settles at a uniform
 * mass density k_g/(π·k_r) (a 2D Coulomb plasma in a harmonic trap), so a
 * community of mass M fills radius √(M·k_r/k_g); `fill` < 1 leaves room for
 * the gaps its inner ties pull open. People keep their seeded place inside
 * the disc, so the person-level pass only settles each community's inside.
 */
import type { LayoutArrays } from './arrays.js';
import { forceAtlas2, type ForceSettings } from './force-atlas.js';

export interface CommunityPass {
  settings: ForceSettings;
  iterations: number;
  /** Disc radius as a share of the radius the plasma density gives. */
  fill: number;
}

/** Moves x/y of the connected people (seeded, each community a disc) to their community's coarse place; returns the coarse iterations run. */
export function placeCommunities(a: LayoutArrays, x: Float64Array, y: Float64Array, pass: CommunityPass): number {
  const n = a.connected,
    k = a.communities;
  const mass = new Float64Array(k),
    seedX = new Float64Array(k),
    seedY = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = a.community[i]!,
      m = a.mass[i]!;
    mass[c] = mass[c]! + m;
    seedX[c] = seedX[c]! + m * x[i]!;
    seedY[c] = seedY[c]! + m * y[i]!;
  }
  for (let c = 0; c < k; c++) {
    seedX[c] = seedX[c]! / mass[c]!;
    seedY[c] = seedY[c]! / mass[c]!;
  }
  const reach = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = a.community[i]!;
    reach[c] = Math.max(reach[c]!, Math.sqrt((x[i]! - seedX[c]!) ** 2 + (y[i]! - seedY[c]!) ** 2));
  }

  const coarse = communityGraph(a);
  const cx = seedX.slice(),
    cy = seedY.slice();
  const ran = forceAtlas2({ x: cx, y: cy, mass, ...coarse }, pass.iterations, pass.settings);

  const { scalingRatio: kr, gravity: kg } = pass.settings;
  for (let i = 0; i < n; i++) {
    const c = a.community[i]!;
    const scale = reach[c]! > 0 ? (pass.fill * Math.sqrt((mass[c]! * kr) / kg)) / reach[c]! : 0;
    x[i] = cx[c]! + (x[i]! - seedX[c]!) * scale;
    y[i] = cy[c]! + (y[i]! - seedY[c]!) * scale;
  }
  return ran;
}

/** The community graph as CSR: one tie per pair of communities, weight summed; pairs sorted so it never depends on Map order. */
function communityGraph(a: LayoutArrays): { start: Int32Array; neighbour: Int32Array; weight: Float64Array } {
  const k = a.communities;
  const between = new Map<number, number>();
  for (let i = 0; i < a.connected; i++) {
    const c = a.community[i]!;
    for (let e = a.start[i]!, end = a.start[i + 1]!; e < end; e++) {
      const j = a.neighbour[e]!,
        d = a.community[j]!;
      if (j <= i || d === c) continue;
      const key = c < d ? c * k + d : d * k + c;
      between.set(key, (between.get(key) ?? 0) + a.weight[e]!);
    }
  }
  const pairs = [...between.keys()].sort((p, q) => p - q);
  const start = new Int32Array(k + 1);
  for (const key of pairs) {
    const c = Math.floor(key / k),
      d = key % k;
    start[c + 1] = start[c + 1]! + 1;
    start[d + 1] = start[d + 1]! + 1;
  }
  for (let c = 0; c < k; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, k);
  const neighbour = new Int32Array(2 * pairs.length),
    weight = new Float64Array(2 * pairs.length);
  for (const key of pairs) {
    const c = Math.floor(key / k),
      d = key % k,
      w = between.get(key)!;
    neighbour[fill[c]!] = d;
    weight[fill[c]!] = w;
    fill[c] = fill[c]! + 1;
    neighbour[fill[d]!] = c;
    weight[fill[d]!] = w;
    fill[d] = fill[d]! + 1;
  }
  return { start, neighbour, weight };
}
