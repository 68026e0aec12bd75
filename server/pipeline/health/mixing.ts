/**
 * Mixing matrices: ties between groups (sectors, regions) against what
 * random mixing of the same people would give, and Newman's assortativity r
 * (Newman 2003, "Mixing patterns in networks", Phys. Rev. E 67, 026126).
 * A tie is a pair of people who replied to or mentioned each other at least
 * once in the sessions shown; its two ends fall in the groups of its people.
 */
import type { MixingMatrix } from '../../../shared/index.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** `ties`: unordered pairs of distinct people (each pair once). */
export function mixingMatrix(ties: Iterable<readonly [string, string]>, groupOf: (key: string) => string): MixingMatrix {
  const ends = new Map<string, number>();
  const pairs = new Map<string, number>(); // "i\u0000j" with i ≤ j
  let total = 0;
  for (const [a, b] of ties) {
    const [ga, gb] = [groupOf(a), groupOf(b)];
    ends.set(ga, (ends.get(ga) ?? 0) + 1);
    ends.set(gb, (ends.get(gb) ?? 0) + 1);
    const key = ga <= gb ? `${ga}\u0000${gb}` : `${gb}\u0000${ga}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    total++;
  }
  // Groups with most tie ends first, ties by name: the matrix reads from the chat's core outwards.
  const groups = [...ends].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([g]) => g);
  const observed = groups.map((gi) => groups.map((gj) => pairs.get(gi <= gj ? `${gi}\u0000${gj}` : `${gj}\u0000${gi}`) ?? 0));
  const d = groups.map((g) => ends.get(g)!);
  const expected = groups.map((_, i) =>
    groups.map((__, j) => (total === 0 ? 0 : round(i === j ? (d[i]! * d[i]!) / (4 * total) : (d[i]! * d[j]!) / (2 * total), 2))),
  );
  const out: MixingMatrix = { groups, observed, expected, ties: total };
  if (total > 0) {
    // e_ii: share of ties within group i; a_i: share of tie ends in group i.
    const within = groups.reduce((s, _, i) => s + observed[i]![i]! / total, 0);
    const random = d.reduce((s, di) => s + (di / (2 * total)) ** 2, 0);
    if (random < 1) out.assortativity = round((within - random) / (1 - random), 3);
  }
  return out;
}
