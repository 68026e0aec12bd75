/**
 * What sets a community apart in words: the key phrases and hashtags its
 * members use more than the rest of the view does. Phrases come from the
 * one phrase reader (words.ts, shared with peers). Each is counted by
 * people, not by messages, so one prolific member cannot make a community's
 * topic; and it is scored by the log-odds ratio of "a member uses it" against
 * "someone outside uses it", divided by its standard error (Monroe, Colaresi
 * & Quinn 2008, "Fightin' words", with the Haldane–Anscombe half-count as
 * the prior), which ranks a phrase many members share and few others use
 * above one that is merely frequent everywhere ("library") or rare
 * everywhere. A phrase needs `minMembers` members and `minShare` of the
 * community to count at all.
 */
import { isNamedTopic, commonSurface, type PhraseUses } from '../words.js';

export interface TermOptions {
  /** Fewest members who must use a phrase for it to describe their community. */
  minMembers: number;
  /** …and as a share of the community's members who wrote anything. */
  minShare: number;
  /** Phrases kept per community. */
  limit: number;
}

export const DEFAULT_TERM_OPTIONS: TermOptions = { minMembers: 2, minShare: 0.05, limit: 6 };

export interface DistinctiveTerm {
  /** As people wrote it most often; a hashtag with its "#". */
  term: string;
  /** Members who used it. */
  members: number;
  /** Log-odds z-score against everyone else in the view (> 0: used more inside). */
  score: number;
}

const HALF = 0.5;

/** z of the log-odds ratio of k of n inside against r of m outside. */
function logOddsZ(k: number, n: number, r: number, m: number): number {
  const delta = Math.log((k + HALF) / (n - k + HALF)) - Math.log((r + HALF) / (m - r + HALF));
  const variance = 1 / (k + HALF) + 1 / (n - k + HALF) + 1 / (r + HALF) + 1 / (m - r + HALF);
  return delta / Math.sqrt(variance);
}

const inside = (short: string, long: string) => ` ${long} `.includes(` ${short} `);

/**
 * Per community (index = community number), its distinctive terms, most
 * distinctive first. `names`: people's names and handles in lower case,
 * which are someone mentioned, not a topic.
 */
export function distinctiveTerms(
  phrases: PhraseUses,
  membership: ReadonlyMap<string, number>,
  count: number,
  names: ReadonlySet<string>,
  input: Partial<TermOptions> = {},
  /** Words of people's names ("john", "mckinney"): a term made of these alone names someone. */
  nameWords: ReadonlySet<string> = new Set(),
): DistinctiveTerm[][] {
  const options = { ...DEFAULT_TERM_OPTIONS, ...input };
  if (!(options.minMembers >= 1) || !(options.minShare >= 0 && options.minShare <= 1) || !(options.limit >= 0))
    throw new Error('community terms: minMembers ≥ 1, 0 ≤ minShare ≤ 1, limit ≥ 0');
  // People counted: every author in the view who wrote something of their own, members or not.
  const writers = [...phrases.counts.keys()];
  const total = writers.length;
  const users = new Map<string, number>();
  const usersIn = Array.from({ length: count }, () => new Map<string, number>());
  const writersIn = new Array<number>(count).fill(0);
  for (const author of writers) {
    const c = membership.get(author);
    if (c !== undefined) writersIn[c]!++;
    for (const key of phrases.counts.get(author)!.keys()) {
      users.set(key, (users.get(key) ?? 0) + 1);
      if (c !== undefined) usersIn[c]!.set(key, (usersIn[c]!.get(key) ?? 0) + 1);
    }
  }
  return usersIn.map((mine, c) => {
    const n = writersIn[c]!;
    const need = Math.max(options.minMembers, Math.ceil(options.minShare * n));
    const scored: (DistinctiveTerm & { key: string })[] = [];
    for (const [key, k] of mine) {
      if (k < need) continue;
      const term = commonSurface(phrases.surfaces, key);
      if (names.has(term.toLowerCase()) || names.has(key) || key.split(' ').every((w) => nameWords.has(w))) continue;
      const score = logOddsZ(k, n, users.get(key)! - k, total - n);
      if (score > 0) scored.push({ key, term, members: k, score });
    }
    // Ties: named topics (phrases, hashtags, the LIS vocabulary) first, then alphabetical, for the same bytes every run.
    scored.sort((a, b) => b.score - a.score || Number(isNamedTopic(b.key)) - Number(isNamedTopic(a.key)) || (a.key < b.key ? -1 : 1));
    // A phrase and the words inside it say one thing, and the longer says more ("community groups", not "groups"):
    // it takes the place of the shorter one, as shared topics do (words.ts).
    let kept: (DistinctiveTerm & { key: string })[] = [];
    for (const t of scored) {
      const shorter = kept.filter((k) => inside(k.key, t.key));
      if (shorter.length) kept = [...kept.filter((k) => !shorter.includes(k)), t];
      else if (kept.length < options.limit && !kept.some((k) => inside(t.key, k.key))) kept.push(t);
    }
    // Back in order of distinctiveness (a longer phrase that replaced a shorter one may rank lower).
    const unique = scored.filter((t) => kept.includes(t));
    return unique.map(({ term, members, score }) => ({ term, members, score: Math.round(score * 1000) / 1000 }));
  });
}
