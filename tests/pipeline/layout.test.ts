/**
 * The server's layout: deterministic, finite, communities kept apart at
 * least as well as graphology's ForceAtlas2 with the same start and budget,
 * people without ties on a ring outside everyone else; and its parts
 * (CSR arrays, Barnes–Hut against the exact n² sum) on their own.
 */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { graphFromTies, type BuiltEdge, type BuiltNode, type CoParticipationGraph } from '../../server/pipeline/co-participation-graph.js';
import { forceAtlas2 as graphologyForceAtlas2 } from '../../server/pipeline/cjs.js';
import { detectCommunities } from '../../server/pipeline/communities.js';
import { defaultIterations, layoutGraph, runLayout, seedPositions } from '../../server/pipeline/layout.js';
import { toLayoutArrays } from '../../server/pipeline/layout/arrays.js';
import { Quadtree } from '../../server/pipeline/layout/quadtree.js';
import { measureSeparation } from '../../server/pipeline/layout/separation.js';
import { seededRandom } from '../../server/pipeline/rng.js';
import { plantedGraph } from '../support/planted-graph.js';

const edge = (weight: number): BuiltEdge => ({ weight, reply: 0, mention: 0, coAnswer: 0, coSession: 1, repost: 0 });
const person = (chats: string[]): BuiltNode => ({ messages: 1, sessions: 1, chats });

function smallGraph(): CoParticipationGraph {
  return graphFromTies(
    ['a', 'b', 'c', 'd', 'lone'].map((k) => [k, person(['#x'])]),
    [
      ['a', 'b', edge(2)],
      ['b', 'c', edge(1)],
      ['c', 'd', edge(0.5)],
    ],
  );
}

describe('layout arrays', () => {
  it('lists each tie under both ends, masses degree + 1, people without ties last, communities grouped', () => {
    const g = smallGraph();
    const membership = new Map([
      ['a', 1],
      ['b', 0],
      ['c', 1],
      ['d', 0],
      ['lone', 2],
    ]);
    const a = toLayoutArrays(g, membership);
    expect(a.connected).toBe(4);
    expect(a.communities).toBe(2);
    // Community 0 (b, d) first, then 1 (a, c), each in graph order; the lone person last.
    expect(a.keys).toEqual(['b', 'd', 'a', 'c', 'lone']);
    expect(Array.from(a.community)).toEqual([0, 0, 1, 1]);
    expect(Array.from(a.mass)).toEqual([3, 2, 2, 3, 1]);
    expect(Array.from(a.indexInGraphOrder)).toEqual([2, 0, 3, 1, 4]);
    const ties = (i: number) =>
      Array.from(a.neighbour.subarray(a.start[i]!, a.start[i + 1]!))
        .map((j, k) => `${a.keys[j]}:${a.weight[a.start[i]! + k]}`)
        .sort();
    expect(ties(0)).toEqual(['a:2', 'c:1']);
    expect(ties(3)).toEqual(['b:1', 'd:0.5']);
    expect(ties(4)).toEqual([]);
  });
});

describe('Barnes–Hut repulsion', () => {
  const n = 300;
  const random = seededRandom(3);
  const x = Float64Array.from({ length: n }, () => random() * 100);
  const y = Float64Array.from({ length: n }, () => random() * 100);
  const m = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 5));
  const exact = () => {
    const fx = new Float64Array(n),
      fy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const dx = x[i]! - x[j]!,
          dy = y[i]! - y[j]!,
          d2 = dx * dx + dy * dy;
        fx[i] = fx[i]! + (10 * m[i]! * m[j]! * dx) / d2;
        fy[i] = fy[i]! + (10 * m[i]! * m[j]! * dy) / d2;
      }
    }
    return { fx, fy };
  };
  const tree = (theta: number) => {
    const fx = new Float64Array(n),
      fy = new Float64Array(n);
    const q = new Quadtree();
    q.build(x, y, m, n);
    q.repulse(x, y, m, 10, theta, fx, fy);
    return { fx, fy };
  };

  it('equals the exact n² sum when no cell may stand for its people (theta 0)', () => {
    const e = exact(),
      t = tree(0);
    for (let i = 0; i < n; i++) {
      expect(t.fx[i]).toBeCloseTo(e.fx[i]!, 6);
      expect(t.fy[i]).toBeCloseTo(e.fy[i]!, 6);
    }
  });

  it('stays within a few percent of it at the layout’s theta (1.2)', () => {
    const e = exact(),
      t = tree(1.2);
    let error = 0,
      total = 0;
    for (let i = 0; i < n; i++) {
      error += Math.hypot(t.fx[i]! - e.fx[i]!, t.fy[i]! - e.fy[i]!);
      total += Math.hypot(e.fx[i]!, e.fy[i]!);
    }
    expect(error / total).toBeLessThan(0.05);
    expect(error / total).toBeGreaterThan(0);
  });
});

describe('layoutGraph', () => {
  const { graph } = plantedGraph({ people: 1500, seed: 4 });
  const { membership } = detectCommunities(graph, { seed: 1 });

  it('gives the same positions for the same graph and seed, other positions for another seed', () => {
    const first = layoutGraph(graph, membership, { seed: 1 });
    const again = layoutGraph(graph, membership, { seed: 1 });
    expect([...again]).toEqual([...first]);
    const other = layoutGraph(graph, membership, { seed: 2 });
    expect(other.get('twitter:p0')).not.toEqual(first.get('twitter:p0'));
    expect([...first.keys()]).toEqual(graph.nodes());
    for (const p of first.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('keeps communities apart at least as well as graphology’s ForceAtlas2 from the same start and iteration budget', () => {
    const ours = runLayout(graph, membership, { seed: 1 });
    const start = seedPositions(graph, membership, 1);
    const working = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
    graph.forEachNode((k) => working.addNode(k, { ...start.get(k)! }));
    graph.forEachEdge((_t, a, s, t) => void working.addUndirectedEdge(s, t, { weight: a.weight }));
    const theirs = graphologyForceAtlas2(working, {
      iterations: defaultIterations(graph.order),
      settings: { ...graphologyForceAtlas2.inferSettings(working), barnesHutOptimize: true },
      getEdgeWeight: 'weight',
    });
    const oursSeparation = measureSeparation(graph, membership, ours.positions);
    const theirSeparation = measureSeparation(graph, membership, new Map(Object.entries(theirs)));
    expect(ours.iterations).toBeGreaterThan(0);
    expect(ours.iterations).toBeLessThanOrEqual(defaultIterations(graph.order));
    // Lower tie ratio: ties inside communities short next to the distances between them.
    expect(oursSeparation.tieRatio).toBeLessThan(theirSeparation.tieRatio);
    expect(oursSeparation.silhouette).toBeGreaterThan(theirSeparation.silhouette);
  });

  it('puts people without ties on a ring outside everyone with ties', () => {
    const g = smallGraph();
    const { membership: m } = detectCommunities(g, { seed: 1 });
    const p = layoutGraph(g, m, { seed: 1 });
    const tied = ['a', 'b', 'c', 'd'].map((k) => p.get(k)!);
    const cx = tied.reduce((s, q) => s + q.x, 0) / 4,
      cy = tied.reduce((s, q) => s + q.y, 0) / 4;
    const reach = Math.max(...tied.map((q) => Math.hypot(q.x - cx, q.y - cy)));
    const lone = Math.hypot(p.get('lone')!.x - cx, p.get('lone')!.y - cy);
    expect(lone).toBeGreaterThan(reach * 1.05);
    expect(lone).toBeLessThan(reach * 1.25);
  });

  it('lays out graphs with no ties, one person, or two', () => {
    expect(layoutGraph(graphFromTies([], []), new Map(), { seed: 1 }).size).toBe(0);
    expect(layoutGraph(graphFromTies([['a', person([])]], []), new Map([['a', 0]]), { seed: 1 }).size).toBe(1);
    const g = graphFromTies(
      [
        ['a', person([])],
        ['b', person([])],
      ],
      [['a', 'b', edge(1)]],
    );
    const p = layoutGraph(
      g,
      new Map([
        ['a', 0],
        ['b', 0],
      ]),
      { seed: 1 },
    );
    expect(Math.hypot(p.get('a')!.x - p.get('b')!.x, p.get('a')!.y - p.get('b')!.y)).toBeGreaterThan(0);
  });

  it('refuses a seed, iteration count or community number it cannot use', () => {
    const m = new Map([...membership]);
    expect(() => layoutGraph(graph, m, { seed: Number.NaN })).toThrow(/seed must be a finite number/);
    expect(() => layoutGraph(graph, m, { seed: 1, iterations: -1 })).toThrow(/iterations must be a non-negative integer/);
    m.set('twitter:p0', Number.POSITIVE_INFINITY);
    expect(() => layoutGraph(graph, m, { seed: 1 })).toThrow(/community numbers must be finite/);
  });
});
