/** People per group (sector or region) among a set of participants, most first, ties by name. */
import type { GroupCount } from '../../../shared/index.js';

export function groupMix(people: Iterable<string>, groupOf: (key: string) => string): GroupCount[] {
  const counts = new Map<string, number>();
  for (const p of people) {
    const g = groupOf(p);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value, people]) => ({ value, people }));
}
