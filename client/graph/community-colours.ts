/**
 * Community colours that stay put when a filter changes. The server numbers
 * communities afresh for each query (Louvain's order), so colouring by
 * number would repaint a chat orange, then blue. Instead each community
 * takes the colour its largest members (by weighted degree) had when first seen,
 * largest community first; a community with no remembered members takes the
 * first colour no one holds.
 */
import { colourOf, PALETTE } from '../design/palette.js';

/** The little of a graph this needs (so it does not import model.ts, which imports it). */
interface People {
  forEachNode(callback: (key: string, attributes: { community: number; weightedDegree: number }) => void): void;
}

/** Members that vote for a community's colour. */
const VOTERS = 12;

export function communityColours(graph: People, remembered: ReadonlyMap<string, string>): Map<number, string> {
  const members = new Map<number, { key: string; weight: number }[]>();
  graph.forEachNode((key, a) => {
    // People with no ties are in no community (NO_COMMUNITY, -1): they stay grey, the legend's "other".
    if (a.community < 0) return;
    const list = members.get(a.community) ?? [];
    list.push({ key, weight: a.weightedDegree });
    members.set(a.community, list);
  });
  const bySize = [...members].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
  const taken = new Set<string>();
  const out = new Map<number, string>();
  for (const [id, list] of bySize) {
    const votes = new Map<string, number>();
    for (const m of list.sort((x, y) => y.weight - x.weight).slice(0, VOTERS)) {
      const colour = remembered.get(m.key);
      if (colour && !taken.has(colour)) votes.set(colour, (votes.get(colour) ?? 0) + m.weight + 1);
    }
    const voted = [...votes].sort((x, y) => y[1] - x[1])[0]?.[0];
    if (voted) {
      out.set(id, voted);
      taken.add(voted);
    }
  }
  // The rest, in community order, take free colours (past the palette, grey).
  for (const [id] of [...members].sort((x, y) => x[0] - y[0])) {
    if (out.has(id)) continue;
    const free = PALETTE.find((c) => !taken.has(c)) ?? colourOf(PALETTE.length);
    if (free !== colourOf(PALETTE.length)) taken.add(free);
    out.set(id, free);
  }
  return out;
}

/** What to remember of this graph's colouring: each person's community colour. */
export function rememberColours(graph: People, colours: ReadonlyMap<number, string>): Map<string, string> {
  const out = new Map<string, string>();
  graph.forEachNode((key, a) => {
    const c = colours.get(a.community);
    if (c) out.set(key, c);
  });
  return out;
}
