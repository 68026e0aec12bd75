/**
 * The co-participation graph as graphology-communities-louvain reads it,
 * served from its columns, so Louvain runs without a graphology graph of
 * every tie (building one was most of the analysis; see
 * co-participation-graph.ts).
 *
 * The library (2.0.2, pinned) reads a graph in three places: `isGraph` (two
 * mutators exist, `multi` is a boolean), `inferType` (`type`), and the
 * `UndirectedLouvainIndex` it builds first — `order`, `size`,
 * `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops` and
 * `forEachEdge` — after which it works on its own typed arrays. We pass the
 * same people and ties in the same orders as a graphology graph built from
 * them, so the partition is the same for the same seed;
 * tests/pipeline/co-participation-graph.test.ts runs both and compares, and fails if an
 * upgrade reads anything else.
 */
import type { UndirectedGraph } from 'graphology';
import type { CoParticipationGraph } from './co-participation-graph.js';

export interface LouvainInput {
  graph: UndirectedGraph;
  /** The weight of an edge as the view names it (its tie number). */
  getEdgeWeight: (edge: string) => number;
}

type EdgeVisitor = (
  edge: number,
  attributes: undefined,
  source: string,
  target: string,
  sa: undefined,
  ta: undefined,
  undirected: boolean,
) => void;

export function louvainInput(graph: CoParticipationGraph): LouvainInput {
  const { keys, size } = graph;
  const { lo, hi, weight } = graph.ties;
  const readOnly = () => {
    throw new Error('louvain input: the graph is read-only');
  };
  const view = {
    type: 'undirected',
    multi: false,
    order: keys.length,
    size,
    selfLoopCount: 0,
    addUndirectedEdgeWithKey: readOnly,
    dropNode: readOnly,
    setNodeAttribute: readOnly,
    forEachNode(callback: (key: string) => void) {
      for (const key of keys) callback(key);
    },
    undirectedDegreeWithoutSelfLoops: (key: string) => graph.degree(key),
    forEachEdge(callback: EdgeVisitor) {
      for (let t = 0; t < size; t++) callback(t, undefined, keys[lo[t]!]!, keys[hi[t]!]!, undefined, undefined, true);
    },
  };
  return {
    graph: view as unknown as UndirectedGraph,
    // The view names each edge by its tie number (see forEachEdge); the library hands that name back here.
    getEdgeWeight: (edge) => weight[edge as unknown as number]!,
  };
}
