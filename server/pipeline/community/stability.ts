/**
 * How much of a partition is the graph's and how much the seed's: Louvain
 * again with a few more seeds, drawn from the build's own seed so the same
 * build gives the same figures, and for each community of the reported
 * partition the Jaccard similarity of its members to the most similar
 * community of each other run, averaged over the runs (cluster-wise
 * stability as in Hennig 2007, "Cluster-wise assessment of cluster
 * stability", with seeds in place of bootstrap samples). Jaccard rather than
 * "share of members kept": a run that merges everything keeps every member
 * together yet says nothing of the community. Overall: the mean weighted by
 * size. Hennig reads ≥ 0.75 as stable and ≤ 0.5 as dissolved.
 *
 * Cost: each run is a whole Louvain pass. `runs` extra passes at most, and
 * no more than `tieBudget` ties in all (the bench's L graph, 1.4M ties, gets
 * 2; M, 0.55M ties, 4; at `tieBudget` / 2 ties or more, fewer than two would
 * fit and the measure is skipped).
 */
import type { CoParticipationGraph } from '../co-participation-graph.js';
import { detectCommunities, type CommunityResult } from '../communities.js';
import { seededRandom } from '../rng.js';

export interface StabilityOptions {
  seed: number;
  resolution: number;
  /** Extra Louvain runs at most. */
  runs: number;
  /** Ties × runs at most; fewer runs on a big graph, none when fewer than two fit. */
  tieBudget: number;
}

export const DEFAULT_STABILITY_OPTIONS: Pick<StabilityOptions, 'runs' | 'tieBudget'> = { runs: 4, tieBudget: 3_000_000 };

export interface Stability {
  /** Extra runs made (0: skipped, the graph too big or without ties). */
  runs: number;
  /** Per community of the reported partition, 0..1; empty when skipped. */
  communities: number[];
  /** Size-weighted mean of `communities`; undefined when skipped. */
  overall: number | undefined;
}

/** Seeds for the extra runs: a stream of the build's seed, never the seed itself. */
export function stabilitySeeds(seed: number, runs: number): number[] {
  const random = seededRandom(seed ^ 0x5eed5eed);
  const seeds: number[] = [];
  while (seeds.length < runs) {
    const next = Math.floor(random() * 2 ** 31);
    if (next !== seed && !seeds.includes(next)) seeds.push(next);
  }
  return seeds;
}

export function measureStability(
  graph: CoParticipationGraph,
  reported: CommunityResult,
  input: Partial<StabilityOptions> & Pick<StabilityOptions, 'seed' | 'resolution'>,
): Stability {
  const options = { ...DEFAULT_STABILITY_OPTIONS, ...input };
  const runs = graph.size === 0 ? 0 : Math.min(options.runs, Math.floor(options.tieBudget / graph.size));
  if (runs < 2) return { runs: 0, communities: [], overall: undefined };

  const members: string[][] = Array.from({ length: reported.count }, () => []);
  for (const [key, c] of reported.membership) members[c]!.push(key);
  const sums = new Array<number>(reported.count).fill(0);
  for (const seed of stabilitySeeds(options.seed, runs)) {
    const other = detectCommunities(graph, { seed, resolution: options.resolution });
    const sizes = new Array<number>(other.count).fill(0);
    for (const c of other.membership.values()) sizes[c]!++;
    members.forEach((keys, c) => {
      // Overlap with each community of the other run, then the best Jaccard.
      const overlap = new Map<number, number>();
      for (const key of keys) {
        const d = other.membership.get(key)!;
        overlap.set(d, (overlap.get(d) ?? 0) + 1);
      }
      let best = 0;
      for (const [d, n] of overlap) best = Math.max(best, n / (keys.length + sizes[d]! - n));
      sums[c]! += best;
    });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const communities = sums.map((s) => round(s / runs));
  const people = reported.membership.size;
  const overall = people === 0 ? undefined : round(members.reduce((s, keys, c) => s + (keys.length * sums[c]!) / runs, 0) / people);
  return { runs, communities, overall };
}
