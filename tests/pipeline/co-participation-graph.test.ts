/**
 * The graph as columns answers as the graphology graph it stands for: the
 * same people, ties, attributes and orders; Louvain through the columns
 * (louvain-input.ts) finds the same partition as graphology-communities-louvain
 * on a real graphology graph of the same ties, for every seed tried.
 */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../shared/index.js';
import { buildGraph } from '../../server/pipeline/build-graph.js';
import { louvain } from '../../server/pipeline/cjs.js';
import { graphFromTies, type BuiltEdge, type BuiltNode } from '../../server/pipeline/co-participation-graph.js';
import { detectCommunities } from '../../server/pipeline/communities.js';
import { louvainInput } from '../../server/pipeline/louvain-input.js';
import { seededRandom } from '../../server/pipeline/rng.js';
import { splitSessions } from '../../server/pipeline/sessions.js';
import { plantedGraph } from '../support/planted-graph.js';
import { TINY } from '../support/messages.js';

const person: BuiltNode = { messages: 1, sessions: 1, chats: ['#c'] };
const tie = (weight: number, reply = 0): BuiltEdge => ({ weight, reply, mention: 0, coAnswer: 0, coSession: 1, repost: 0 });

/** d–a added before a–b: ties keep the order they were given, each person's ties too. */
const SMALL = graphFromTies(
  [
    ['d', person],
    ['a', person],
    ['b', person],
    ['c', person],
    ['lone', person],
  ],
  [
    ['d', 'a', tie(0.5)],
    ['a', 'b', tie(2, 1)],
    ['c', 'b', tie(1)],
  ],
);

describe('CoParticipationGraph', () => {
  it('answers graphology’s read methods as the graphology graph of the same ties does', () => {
    const real = SMALL.toGraphology();
    expect(real.order).toBe(5);
    expect(real.size).toBe(3);
    expect(SMALL.nodes()).toEqual(real.nodes());
    for (const key of real.nodes()) {
      expect(SMALL.degree(key), key).toBe(real.degree(key));
      expect(SMALL.getNodeAttributes(key)).toEqual(real.getNodeAttributes(key));
      const ours: string[] = [],
        theirs: string[] = [];
      SMALL.forEachEdge(key, (_t, a, s, t) => ours.push(`${s}-${t}:${a.weight}`));
      real.forEachEdge(key, (_e, a, s, t) => theirs.push(`${[s, t].sort().join('-')}:${a.weight}`));
      expect(ours.map((e) => e.replace(/^(\w+)-(\w+)/, (_m, x: string, y: string) => [x, y].sort().join('-')))).toEqual(theirs);
    }
    expect(SMALL.degree('lone')).toBe(0);
    expect(SMALL.getEdgeAttributes('b', 'a')).toEqual(tie(2, 1));
    expect(SMALL.getEdgeAttribute('a', 'd', 'weight')).toBe(0.5);
    expect(SMALL.hasEdge('a', 'c')).toBe(false);
    expect(SMALL.tieBetween('b', 'c')).toBe(2);
    expect(SMALL.extremities(0)).toEqual(['d', 'a']);
    expect(Array.from(SMALL.degrees())).toEqual([1, 2, 2, 1, 0]);
    expect(Array.from(SMALL.strengths())).toEqual([0.5, 2.5, 3, 1, 0]);
  });

  it('keeps each person’s ties in tie order in its adjacency', () => {
    const { start, neighbour, tie: ties } = SMALL.adjacency();
    expect(Array.from(start)).toEqual([0, 1, 3, 5, 6, 6]);
    // a (1): d by tie 0, then b by tie 1; b (2): a by tie 1, c by tie 2.
    expect(Array.from(neighbour)).toEqual([1, 0, 2, 1, 3, 2]);
    expect(Array.from(ties)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('refuses ties it cannot hold, saying which', () => {
    expect(() => graphFromTies([['a', person]], [['a', 'a', tie(1)]])).toThrow(/tie 0 must join two different people/);
    expect(() =>
      graphFromTies(
        [
          ['a', person],
          ['a', person],
        ],
        [],
      ),
    ).toThrow(/a person is listed twice/);
    expect(() => graphFromTies([['a', person]], [['a', 'x', tie(1)]])).toThrow(/names someone not listed/);
    expect(() =>
      graphFromTies(
        [
          ['a', person],
          ['b', person],
        ],
        [
          ['a', 'b', tie(1)],
          ['b', 'a', tie(1)],
        ],
      ),
    ).toThrow(/a second tie between b and a/);
    expect(() => SMALL.getEdgeAttributes('a', 'c')).toThrow(/no tie between a and c/);
    expect(() => SMALL.degree('nobody')).toThrow(/no person nobody/);
  });

  it('is what buildGraph makes of the tiny chat: people in key order, ties by (lo, hi)', () => {
    const options = resolveBuildOptions();
    const graph = buildGraph(TINY, splitSessions(TINY, options), options);
    expect(graph.keys).toEqual(['twitter:ann', 'twitter:bob', 'twitter:cat', 'twitter:dan', 'twitter:mod']);
    const pairs = Array.from({ length: graph.size }, (_, t) =>
      graph
        .extremities(t)
        .map((k) => k.slice(8))
        .join('-'),
    );
    expect(pairs).toEqual(['ann-bob', 'ann-cat', 'ann-dan', 'ann-mod', 'bob-cat', 'bob-mod', 'cat-mod']);
  });
});

describe('Louvain through the columns', () => {
  const { graph } = plantedGraph({ people: 2000, seed: 3 });
  const real = graph.toGraphology();

  it('finds the same communities and modularity as on a graphology graph of the same ties', () => {
    for (const seed of [1, 2, 7]) {
      for (const resolution of [0.5, 1]) {
        const input = louvainInput(graph);
        const ours = louvain.detailed(input.graph, { getEdgeWeight: input.getEdgeWeight, resolution, rng: seededRandom(seed) });
        const theirs = louvain.detailed(real, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
        expect(ours.communities, `seed ${seed}, resolution ${resolution}`).toEqual(theirs.communities);
        expect(ours.modularity).toBe(theirs.modularity);
        expect(ours.count).toBe(theirs.count);
      }
    }
  });

  it('finds the planted groups (a real partition, not everyone alone)', () => {
    const found = detectCommunities(graph, { seed: 1 });
    expect(found.count).toBeGreaterThan(10);
    expect(found.count).toBeLessThan(200);
    expect(found.modularity).toBeGreaterThan(0.6);
  });

  it('is read-only', () => {
    const { graph: view } = louvainInput(graph);
    expect(() => (view as UndirectedGraph).dropNode('twitter:p0')).toThrow(/read-only/);
  });
});
