/**
 * The build's pair tallies: the same counts and shares as a plain Map would
 * give, through many growths, pairs in (lo, hi) order.
 */
import { describe, expect, it } from 'vitest';
import { PairTally } from '../../server/pipeline/pair-tally.js';
import { seededRandom } from '../../server/pipeline/rng.js';

describe('PairTally', () => {
  it('tallies what a Map of pairs tallies, shares summed in the same order, pairs listed by (lo, hi)', () => {
    const people = 300;
    const tally = new PairTally(people);
    const expected = new Map<
      string,
      { reply: number; mention: number; repost: number; coAnswer: number; coSession: number; answerShare: number; sessionShare: number }
    >();
    const entry = (a: number, b: number) => {
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      let e = expected.get(key);
      if (!e) expected.set(key, (e = { reply: 0, mention: 0, repost: 0, coAnswer: 0, coSession: 0, answerShare: 0, sessionShare: 0 }));
      return e;
    };
    const random = seededRandom(9);
    const pick = () => Math.floor(random() * people);
    for (let i = 0; i < 5_000; i++) {
      const a = pick(),
        b = pick();
      const kind = (['reply', 'mention', 'repost'] as const)[i % 3]!;
      tally.addTie(kind, a, b);
      if (a !== b) entry(a, b)[kind]++;
      if (i % 10 === 0) {
        // A group of 1–40 distinct people; big enough to grow every array several times.
        const group = [...new Set(Array.from({ length: 1 + Math.floor(random() * 40) }, pick))].sort((x, y) => x - y);
        const kind = i % 20 === 0 ? 'coAnswer' : 'coSession';
        tally.addGroup(kind, Int32Array.from(group));
        for (let x = 0; x < group.length; x++)
          for (let y = x + 1; y < group.length; y++) {
            const e = entry(group[x]!, group[y]!);
            e[kind]++;
            if (kind === 'coAnswer') e.answerShare += 1 / (group.length - 1);
            else e.sessionShare += 1 / (group.length - 1);
          }
      }
    }
    const list = tally.pairs();
    const byPair = (p: string) => p.split('-').map(Number) as [number, number];
    const keys = [...expected.keys()].sort((p, q) => byPair(p)[0] - byPair(q)[0] || byPair(p)[1] - byPair(q)[1]);
    expect(list.size).toBe(expected.size);
    expect(list.size).toBeGreaterThan(5_000);
    expect(Array.from({ length: list.size }, (_, s) => `${list.lo[s]}-${list.hi[s]}`)).toEqual(keys);
    // One comparison of every figure: the same additions in the same order give the same bits, so the floats compare exactly.
    const actual = keys.map((_, s) => [
      list.reply[s],
      list.mention[s],
      list.repost[s],
      list.coAnswer[s],
      list.coSession[s],
      list.coAnswerShare[s],
      list.coSessionShare[s],
    ]);
    expect(actual).toEqual(
      keys.map((key) => {
        const e = expected.get(key)!;
        return [e.reply, e.mention, e.repost, e.coAnswer, e.coSession, e.answerShare, e.sessionShare];
      }),
    );
  });

  it('adds every pair of a group once with share 1/(n−1), nothing for a group of one or a tie to oneself', () => {
    const tally = new PairTally(10);
    tally.addGroup('coAnswer', Int32Array.from([2, 5, 7, 9]));
    tally.addGroup('coSession', Int32Array.from([4]));
    tally.addTie('mention', 3, 3);
    const list = tally.pairs();
    expect(list.size).toBe(6);
    expect(Array.from(list.lo.subarray(0, 6))).toEqual([2, 2, 2, 5, 5, 7]);
    expect(Array.from(list.hi.subarray(0, 6))).toEqual([5, 7, 9, 7, 9, 9]);
    for (let s = 0; s < list.size; s++) {
      expect([list.coAnswer[s], list.coAnswerShare[s], list.coSession[s], list.coSessionShare[s], list.mention[s]]).toEqual([
        1,
        1 / 3,
        0,
        0,
        0,
      ]);
    }
  });

  it('lists nothing when nothing was tied', () => {
    expect(new PairTally(5).pairs().size).toBe(0);
    expect(new PairTally(0).pairs().size).toBe(0);
  });
});
