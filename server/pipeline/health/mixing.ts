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
  // Groups as small numbers and pairs as one number: a million ties make no strings.
  const indexOf = new Map<string, number>();
  const names: string[] = [];
  const group = (key: string) => {
    const name = groupOf(key);
    let i = indexOf.get(name);
    if (i === undefined) indexOf.set(name, (i = names.push(name) - 1));
    return i;
  };
  const endCounts: number[] = [];
  const pairCounts = new Map<number, number>(); // lo * 2^16 + hi
  let total = 0;
  for (const [a, b] of ties) {
    const [ga, gb] = [group(a), group(b)];
    endCounts[ga] = (endCounts[ga] ?? 0) + 1;
    endCounts[gb] = (endCounts[gb] ?? 0) + 1;
    const pair = Math.min(ga, gb) * 65_536 + Math.max(ga, gb);
    pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
    total++;
  }
  // Groups with most tie ends first, ties by name: the matrix reads from the chat's core outwards.
  const order = names.map((_, i) => i).sort((x, y) => endCounts[y]! - endCounts[x]! || (names[x]! < names[y]! ? -1 : 1));
  const groups = order.map((i) => names[i]!);
  const count = (i: number, j: number) => pairCounts.get(Math.min(i, j) * 65_536 + Math.max(i, j)) ?? 0;
  const observed = order.map((i) => order.map((j) => count(i, j)));
  const d = order.map((i) => endCounts[i]!);
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
