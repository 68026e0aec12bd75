/**
 * Communities by Louvain (Blondel et al. 2008, "Fast unfolding of
 * communities in large networks"), graphology's detailed variant with a
 * seeded RNG so the same graph and seed give the same partition. Communities
 * are renumbered by size (0 = largest; ties by their first member's key) so
 * numbers mean something and stay stable.
 *
 * People with no ties are in no community. Louvain leaves each of them alone
 * (a node of degree 0 gains nothing by moving), and on a real hashtag chat
 * they are most of the people (one post with the tag, or only retweets):
 * counting each as a community of one buried the handful of real ones. They
 * still go into Louvain, so its seeded visiting order, and with it the
 * partition of everyone else, is the one it always was; with degree 0 they
 * add nothing to modularity either way.
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
export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = {
  seed: DEFAULT_BUILD_OPTIONS.seed,
  resolution: DEFAULT_BUILD_OPTIONS.resolution,
};

export interface CommunityResult {
  /** Node key → community number, for people with at least one tie (people with none are not in it). */
  membership: Map<string, number>;
  /** Communities (numbers 0…count−1). */
  count: number;
  modularity: number;
  /** People with no ties, in key order: in no community. */
  isolated: string[];
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
  const isolated: string[] = [];
  const degrees = graph.degrees();
  graph.keys.forEach((key, i) => {
    if (degrees[i] === 0) {
      isolated.push(key);
      return;
    }
    const c = raw[key]!;
    const members = groups.get(c);
    if (members) members.push(key);
    else groups.set(c, [key]);
  });
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const membership = new Map<string, number>();
  ordered.forEach((members, id) => members.forEach((key) => membership.set(key, id)));
  return { membership, count: ordered.length, modularity, isolated };
}
