/**
 * The build's pair tallies and graphology with dictionary adjacency: the
 * same counts as a plain Map would give, through many growths, slots in
 * (lo, hi) order; and a graph whose adjacency was swapped answers every
 * question as an ordinary one, even for keys like `constructor` and
 * `__proto__` (which graphology mishandles either way, the same way).
 */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { useDictionaryAdjacency } from '../../server/pipeline/dictionary-adjacency.js';
import { PairTable } from '../../server/pipeline/pair-table.js';
import { seededRandom } from '../../server/pipeline/rng.js';

describe('PairTable', () => {
  it('tallies what a Map of pairs tallies, through growths, and lists slots by (lo, hi)', () => {
    const people = 500;
    const table = new PairTable(4);
    const expected = new Map<string, { reply: number; coSession: number; share: number }>();
    const random = seededRandom(9);
    for (let i = 0; i < 20_000; i++) {
      const a = Math.floor(random() * people), b = Math.floor(random() * people);
      if (a === b) continue;
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      const e = expected.get(key) ?? { reply: 0, coSession: 0, share: 0 };
      if (i % 3 === 0) {
        table.add('coSession', a, b, 0.25);
        e.coSession++;
        e.share += 0.25;
      } else {
        table.add('reply', b, a);
        e.reply++;
      }
      expected.set(key, e);
    }
    expect(table.size).toBe(expected.size);
    const order = Array.from(table.sortedSlots(people));
    const listed = order.map((s) => `${table.lo[s]}-${table.hi[s]}`);
    const byPair = (p: string) => p.split('-').map(Number) as [number, number];
    expect(listed).toEqual([...expected.keys()].sort((p, q) => byPair(p)[0] - byPair(q)[0] || byPair(p)[1] - byPair(q)[1]));
    for (const s of order) {
      const e = expected.get(`${table.lo[s]}-${table.hi[s]}`)!;
      expect([table.count(s, 'reply'), table.count(s, 'coSession'), table.coSessionShare[s]]).toEqual([e.reply, e.coSession, e.share]);
      expect(table.count(s, 'mention')).toBe(0);
    }
  });

  it('adds every pair of a clique once with share 1/(n−1), and nothing for ties to oneself', () => {
    const table = new PairTable();
    table.addClique('coAnswer', Int32Array.from([2, 5, 7, 9]));
    table.add('mention', 3, 3);
    expect(table.size).toBe(6);
    for (const s of table.sortedSlots(10)) {
      expect(table.count(s, 'coAnswer')).toBe(1);
      expect(table.coAnswerShare[s]).toBeCloseTo(1 / 3, 12);
      expect(table.coSessionShare[s]).toBe(0);
    }
  });
});

describe('useDictionaryAdjacency', () => {
  it('leaves a graph that answers as an ordinary one, in the same orders', () => {
    const keys = ['constructor', 'toString', '__proto__', 'ann', '12', 'bob'];
    const plain = new UndirectedGraph();
    const swapped = new UndirectedGraph();
    for (const k of keys) {
      plain.addNode(k);
      swapped.addNode(k);
    }
    expect(useDictionaryAdjacency(swapped)).toBe(true);
    for (const g of [plain, swapped]) {
      g.addUndirectedEdgeWithKey('e1', 'constructor', 'ann');
      g.addUndirectedEdgeWithKey('e2', 'ann', '12');
      g.addUndirectedEdgeWithKey('e3', '__proto__', 'bob');
      g.addUndirectedEdgeWithKey('e4', 'toString', 'ann');
    }
    for (const k of keys) {
      expect(swapped.neighbors(k)).toEqual(plain.neighbors(k));
      expect(swapped.degree(k)).toBe(plain.degree(k));
    }
    expect(swapped.hasEdge('bob', 'constructor')).toBe(false);
    expect(swapped.hasEdge('ann', 'constructor')).toBe(true);
    expect(swapped.neighbors('12')).toEqual(['ann']);
    swapped.dropEdge('e1');
    expect(swapped.neighbors('ann')).toEqual(['12', 'toString']);
    expect(JSON.stringify(swapped.export().edges)).toBe(JSON.stringify(plain.export().edges.filter((e) => e.key !== 'e1')));
  });

  it('does nothing once a graph has an edge', () => {
    const g = new UndirectedGraph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b');
    expect(useDictionaryAdjacency(g)).toBe(false);
    expect(g.neighbors('a')).toEqual(['b']);
  });
});
