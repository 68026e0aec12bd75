/**
 * k-anonymous node attributes for a pseudonymous share. A pseudonym hides a
 * name, but an exact profile of figures (142 messages, 9 sessions, degree 31,
 * law, NZ) picks one person out of the named graph just as well. So, within
 * each community (people with no ties, in none, as one group of their own):
 *
 * 1. categories that fewer than k members share are generalised, step by
 *    step: the region becomes `unknown`, then the sector, then the chats are
 *    cut to the person's first chat and, failing that, to the community's
 *    most common one (Sweeney 2002, "k-anonymity", generalisation and
 *    suppression);
 * 2. members of one such class are ranked by weighted degree and cut into
 *    groups of at least k; every figure of a member becomes its group's
 *    mean (microaggregation, Domingo-Ferrer & Mateo-Sanz 2002). The mean,
 *    not the median: a median is one member's own figure, and with figures
 *    that rise together (messages, ties, weighted degree) the middle member
 *    of a group kept their exact profile, joinable to the named graph.
 *
 * Every node then shares its whole attribute profile with at least k − 1
 * others, except in a class or community that has fewer than k members in
 * all (an "other" community of merged small ones can be smaller than k).
 * What it cannot hide is the pattern of ties itself: see the README's Privacy section.
 */
import type { NodeAttributes } from '../../../shared/index.js';

type Node = { key: string; attributes: NodeAttributes };

const FIGURES = [
  'size',
  'messages',
  'sessions',
  'degree',
  'weightedDegree',
  'participation',
  'sectorsReached',
  'regionsReached',
  'welcomes',
] as const;
const WHOLE: ReadonlySet<string> = new Set(['messages', 'sessions', 'degree', 'sectorsReached', 'regionsReached', 'welcomes']);

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

const classKey = (a: NodeAttributes) => JSON.stringify([a.chats, a.sector, a.region]);

/** Applies `generalise` to members of classes smaller than k; returns whether any class is still too small. */
function generaliseSmallClasses(members: NodeAttributes[], k: number, generalise: (a: NodeAttributes) => void): boolean {
  const sizes = new Map<string, number>();
  for (const a of members) sizes.set(classKey(a), (sizes.get(classKey(a)) ?? 0) + 1);
  let small = false;
  for (const a of members) {
    if (sizes.get(classKey(a))! < k) {
      generalise(a);
      small = true;
    }
  }
  return small;
}

/** The nodes with their categories generalised and their figures microaggregated (new objects; the input is untouched). */
export function kAnonymousNodes<N extends Node>(nodes: readonly N[], k: number): N[] {
  const out = nodes.map((n) => ({ ...n, attributes: { ...n.attributes, chats: [...n.attributes.chats] } }));
  const byCommunity = new Map<number, NodeAttributes[]>();
  for (const n of out) byCommunity.set(n.attributes.community, [...(byCommunity.get(n.attributes.community) ?? []), n.attributes]);

  for (const members of byCommunity.values()) {
    const chatCounts = new Map<string, number>();
    for (const a of members) for (const c of a.chats) chatCounts.set(c, (chatCounts.get(c) ?? 0) + 1);
    const commonChat = [...chatCounts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
    const steps: ((a: NodeAttributes) => void)[] = [
      (a) => (a.region = 'unknown'),
      (a) => (a.sector = 'unknown'),
      (a) => (a.chats = a.chats.slice(0, 1)),
      (a) => (a.chats = commonChat === undefined ? [] : [commonChat]),
    ];
    for (const step of steps) if (!generaliseSmallClasses(members, k, step)) break;

    const classes = new Map<string, NodeAttributes[]>();
    for (const a of members) classes.set(classKey(a), [...(classes.get(classKey(a)) ?? []), a]);
    for (const group of classes.values()) {
      group.sort((a, b) => a.weightedDegree - b.weightedDegree);
      // Groups of k; the remainder joins the last group, so none is smaller than k (unless the class is).
      const count = Math.max(1, Math.floor(group.length / k));
      for (let g = 0; g < count; g++) {
        const part = group.slice(g * k, g === count - 1 ? group.length : (g + 1) * k);
        for (const field of FIGURES) {
          const m = mean(part.map((a) => a[field]));
          const value = WHOLE.has(field) ? Math.round(m) : Math.round(m * 1000) / 1000;
          for (const a of part) a[field] = value;
        }
      }
    }
  }
  return out;
}
