/**
 * Who the search box matches, best first: the exact name or handle, then
 * people whose first name is the word typed, then names and handles that
 * start with it, then those that contain it. Pure, so the list shown and the
 * labels drawn come from the same answer.
 */
import type { LoadedGraph } from '../graph/model.js';

export interface SearchState {
  text: string;
  /** Matching people, best first (at most MAX_MATCHES). */
  matches: string[];
  /** How many matched in all. */
  total: number;
}

export const MAX_MATCHES = 20;

const normal = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function rankOf(needle: string, key: string, label: string, handle: string): number {
  const name = normal(label);
  const at = normal(handle);
  if (name === needle || at === needle || key === needle || `${name} (@${at})` === needle) return 0;
  const first = name.split(/[\s_.-]+/)[0] ?? '';
  if (first === needle) return 1;
  if (name.startsWith(needle) || at.startsWith(needle)) return 2;
  if (name.split(/[\s_.-]+/).some((w) => w.startsWith(needle))) return 3;
  if (name.includes(needle) || at.includes(needle)) return 4;
  return -1;
}

export function searchPeople(loaded: LoadedGraph, text: string, limit = MAX_MATCHES): SearchState {
  const needle = normal(text.trim()).replace(/^@/, '');
  if (!needle) return { text, matches: [], total: 0 };
  const found: { key: string; rank: number; weight: number; label: string }[] = [];
  loaded.graph.forEachNode((key, a) => {
    const rank = rankOf(needle, key, a.label, a.handle);
    if (rank >= 0) found.push({ key, rank, weight: a.weightedDegree, label: a.label });
  });
  found.sort((x, y) => x.rank - y.rank || y.weight - x.weight || (x.label < y.label ? -1 : 1));
  return { text, matches: found.slice(0, limit).map((f) => f.key), total: found.length };
}

/** The one person the text names exactly, if it names one. */
export function exactMatch(loaded: LoadedGraph, state: SearchState): string | undefined {
  const best = state.matches[0];
  if (!best) return undefined;
  const a = loaded.graph.getNodeAttributes(best);
  return rankOf(normal(state.text.trim()).replace(/^@/, ''), best, a.label, a.handle) === 0 ? best : undefined;
}
