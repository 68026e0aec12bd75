/**
 * Communities by Louvain (Blondel et al. 2008, "Fast unfolding of
 * communities in large networks"), graphology's detailed variant with a
 * seeded RNG so the same graph and seed give the same partition. Communities
 * are renumbered by size (0 = largest; ties by their first member's key) so
 * numbers mean something and stay stable.
 */
import { DEFAULT_BUILD_OPTIONS } from '../../shared/index.js';
import { louvain } from './cjs.js';
import type { CoParticipationGraph } from './co-participation-graph.js';
import { louvainInput } from './louvain-input.js';
import { seededRandom } from './rng.js';

export interface CommunityOptions {
  seed: number;
  resolution: number;
}

/** The build options' own defaults: one source for the seed and resolution. */
export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = { seed: DEFAULT_BUILD_OPTIONS.seed, resolution: DEFAULT_BUILD_OPTIONS.resolution };

export interface CommunityResult {
  /** Node key → community number. */
  membership: Map<string, number>;
  count: number;
  modularity: number;
}

export function detectCommunities(graph: CoParticipationGraph, options: Partial<CommunityOptions> = {}): CommunityResult {
  const { seed, resolution } = { ...DEFAULT_COMMUNITY_OPTIONS, ...options };
  if (!(resolution > 0)) throw new Error(`communities: resolution must be positive, got ${resolution}`);

  let raw: Record<string, number>;
  let modularity = 0;
  if (graph.size === 0) {
    // Louvain needs at least one edge; with none, everyone is alone.
    raw = Object.fromEntries(graph.nodes().map((key, i) => [key, i]));
  } else {
    const input = louvainInput(graph);
    const detailed = louvain.detailed(input.graph, { getEdgeWeight: input.getEdgeWeight, resolution, rng: seededRandom(seed) });
    raw = detailed.communities;
    modularity = detailed.modularity;
  }

  const groups = new Map<number, string[]>();
  graph.forEachNode((key) => {
    const c = raw[key]!;
    const members = groups.get(c);
    if (members) members.push(key);
    else groups.set(c, [key]);
  });
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const membership = new Map<string, number>();
  ordered.forEach((members, id) => members.forEach((key) => membership.set(key, id)));
  return { membership, count: ordered.length, modularity };
}
