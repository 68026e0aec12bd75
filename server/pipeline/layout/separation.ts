/**
 * How well a layout separates communities, so a layout change can be judged
 * on the same graphs before and after (tests and bench/analysis.ts use it):
 *
 * - tieRatio: mean length of ties inside a community ÷ mean distance between
 *   community centroids, pairs weighted by size product (the distance between
 *   two random people's centroids). Lower is better: tight groups, far apart.
 * - silhouette: the simplified silhouette (Hruschka et al. 2004, centroids
 *   instead of all pairs, so it costs n·k not n²) over positions, grouped by
 *   community; in [−1, 1], higher is better.
 *
 * People in no community (no ties: not in `membership`) are not measured,
 * and communities of one person are left out of both: one person has no
 * group to stand apart from.
 */
import type { CoParticipationGraph } from '../co-participation-graph.js';

export interface Separation {
  tieRatio: number;
  silhouette: number;
}

export function measureSeparation(
  graph: CoParticipationGraph,
  membership: Map<string, number>,
  positions: Map<string, { x: number; y: number }>,
): Separation {
  const groups = new Map<number, { n: number; x: number; y: number }>();
  for (const [key, c] of membership) {
    const p = positions.get(key)!;
    const g = groups.get(c) ?? { n: 0, x: 0, y: 0 };
    g.n++;
    g.x += p.x;
    g.y += p.y;
    groups.set(c, g);
  }
  const kept = [...groups].filter(([, g]) => g.n > 1).sort(([a], [b]) => a - b);
  const slot = new Map(kept.map(([c], i) => [c, i]));
  const k = kept.length;
  const cx = new Float64Array(k),
    cy = new Float64Array(k),
    size = new Float64Array(k);
  kept.forEach(([, g], i) => {
    cx[i] = g.x / g.n;
    cy[i] = g.y / g.n;
    size[i] = g.n;
  });

  let between = 0,
    pairs = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      between += size[i]! * size[j]! * Math.hypot(cx[i]! - cx[j]!, cy[i]! - cy[j]!);
      pairs += size[i]! * size[j]!;
    }
  }
  let within = 0,
    ties = 0;
  for (let t = 0; t < graph.size; t++) {
    const [source, target] = graph.extremities(t);
    if (membership.get(source) !== membership.get(target) || !slot.has(membership.get(source)!)) continue;
    const a = positions.get(source)!,
      b = positions.get(target)!;
    within += Math.hypot(a.x - b.x, a.y - b.y);
    ties++;
  }
  const tieRatio = ties > 0 && pairs > 0 ? within / ties / (between / pairs) : NaN;

  let silhouette = 0,
    counted = 0;
  if (k > 1) {
    for (const [key, c] of membership) {
      const own = slot.get(c);
      if (own === undefined) continue;
      const p = positions.get(key)!;
      const a = Math.hypot(p.x - cx[own]!, p.y - cy[own]!);
      let b = Infinity;
      for (let j = 0; j < k; j++) if (j !== own) b = Math.min(b, Math.hypot(p.x - cx[j]!, p.y - cy[j]!));
      const m = Math.max(a, b);
      silhouette += m > 0 ? (b - a) / m : 0;
      counted++;
    }
  }
  return { tieRatio, silhouette: counted > 0 ? silhouette / counted : NaN };
}
