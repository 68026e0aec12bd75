import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKBONE_OPTIONS, disparityPValues, extractBackbone, resolveBackboneOptions } from '../../server/pipeline/backbone.js';
import { graphFromTies, type BuiltEdge, type BuiltNode, type CoParticipationGraph } from '../../server/pipeline/co-participation-graph.js';

const tie = (weight: number): BuiltEdge => ({ weight, reply: 0, mention: 0, coAnswer: 0, coSession: 1, repost: 0 });

function graphOf(edges: [string, string, number][]): CoParticipationGraph {
  // People in the order their first tie names them, as adding ties one by one would.
  const people = new Map<string, BuiltNode>();
  for (const [a, b] of edges) for (const n of [a, b]) if (!people.has(n)) people.set(n, { messages: 1, sessions: 1, chats: ['#c'] });
  return graphFromTies(
    [...people],
    edges.map(([a, b, w]) => [a, b, tie(w)]),
  );
}

/**
 * a: strength 5 over 3 ties; b: 4 over 2; c: 2 over 2; d: 1 over 1.
 * a–b: min((1 − 3/5)², (1 − 3/4)¹) = 0.16; a–c: min(0.8², 0.5) = 0.5;
 * b–c: min(0.75, 0.5) = 0.5; a–d: min(0.8², 1 (one tie)) = 0.64.
 */
const SMALL: [string, string, number][] = [
  ['a', 'b', 3],
  ['a', 'c', 1],
  ['a', 'd', 1],
  ['b', 'c', 1],
];

const pairs = (g: CoParticipationGraph, ties: ReadonlySet<number>) => [...ties].map((t) => g.extremities(t).sort().join('-')).sort();

/** Everyone to everyone among n people, weights from a fixed pattern (no randomness). */
function clique(n: number, reverse = false): CoParticipationGraph {
  const edges: [string, string, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      edges.push([`p${String(i).padStart(2, '0')}`, `p${String(j).padStart(2, '0')}`, 1 + ((i * 7 + j * 3) % 5)]);
  return graphOf(reverse ? edges.reverse() : edges);
}

describe('disparityPValues', () => {
  it('gives each tie the smaller of its two ends’ (1 − w/s)^(k−1)', () => {
    const g = graphOf(SMALL);
    const p = disparityPValues(g);
    const of = (a: string, b: string) => p[g.tieBetween(a, b)]!;
    expect(of('a', 'b')).toBeCloseTo(0.16, 12);
    expect(of('a', 'c')).toBeCloseTo(0.5, 12);
    expect(of('b', 'c')).toBeCloseTo(0.5, 12);
    expect(of('a', 'd')).toBeCloseTo(0.64, 12);
  });

  it('reads a tie with no strength behind it as not significant (p = 1)', () => {
    const g = graphOf([
      ['a', 'b', 0],
      ['a', 'c', 0],
    ]);
    expect([...disparityPValues(g)]).toEqual([1, 1]);
  });
});

describe('extractBackbone', () => {
  it('leaves a graph within the cap whole', () => {
    expect(extractBackbone(graphOf(SMALL), { maxEdges: 4 })).toBeUndefined();
    expect(extractBackbone(clique(30))).toBeUndefined();
    expect(DEFAULT_BACKBONE_OPTIONS).toEqual({ maxEdges: 200_000, alpha: 1 });
  });

  it('keeps the most significant ties, equal p-values by weight then endpoints, and gives back a lost person’s strongest tie', () => {
    const g = graphOf(SMALL);
    const b = extractBackbone(g, { maxEdges: 2 })!;
    // a–b (0.16), then a–c before b–c (both 0.5, weight 1: by endpoints); d had none and gets a–d back.
    expect(pairs(g, b.edges)).toEqual(['a-b', 'a-c', 'a-d']);
    expect(b.meta).toEqual({ method: 'disparity', alpha: 1, maxEdges: 2, edgesTotal: 4, edgesShown: 3 });
  });

  it('keeps every person with a tie, and the cap whenever that leaves room', () => {
    const g = clique(30);
    for (const maxEdges of [10, 15, 40, 200]) {
      const b = extractBackbone(g, { maxEdges })!;
      const reached = new Set([...b.edges].flatMap((e) => g.extremities(e)));
      expect(reached.size, `cap ${maxEdges}`).toBe(30);
      expect(b.meta.edgesShown).toBe(b.edges.size);
      expect(b.meta.edgesTotal).toBe(435);
      // Over the cap only when everyone cannot fit under it: then at most one tie fewer than people.
      if (maxEdges >= 29) expect(b.edges.size).toBe(maxEdges);
      else expect(b.edges.size).toBeLessThanOrEqual(29);
    }
  });

  it('is the same whatever order the ties were added in', () => {
    const a = clique(30);
    const z = clique(30, true);
    for (const maxEdges of [15, 100]) {
      expect(pairs(z, extractBackbone(z, { maxEdges })!.edges)).toEqual(pairs(a, extractBackbone(a, { maxEdges })!.edges));
    }
  });

  it('leaves out ties not significant at alpha, still keeping everyone', () => {
    const g = graphOf(SMALL);
    const b = extractBackbone(g, { maxEdges: 3, alpha: 0.2 })!;
    // Only a–b passes 0.2; c and d get their strongest back (c: a–c and b–c tie at weight 1, a–c first by endpoints).
    expect(pairs(g, b.edges)).toEqual(['a-b', 'a-c', 'a-d']);
    expect(b.meta.alpha).toBe(0.2);
  });

  it('refuses options that make no sense, naming the stage', () => {
    expect(() => resolveBackboneOptions({ maxEdges: 0 })).toThrow(/^backbone: maxEdges/);
    expect(() => resolveBackboneOptions({ maxEdges: 2.5 })).toThrow(/^backbone: maxEdges/);
    expect(() => resolveBackboneOptions({ alpha: 0 })).toThrow(/^backbone: alpha/);
    expect(() => resolveBackboneOptions({ alpha: 1.5 })).toThrow(/^backbone: alpha/);
  });
});
