/**
 * Whether a candidate is worth meeting at all, before anyone is ranked: they
 * must share something with the person. A difference of sector or region is
 * a reason to prefer one such candidate over another, never a reason alone;
 * on real hashtag chats the people with nothing but another country are the
 * follow-bait accounts that posted one tweet carrying the tag.
 */

export interface RelevanceOptions {
  /**
   * Cosine similarity of the two people's phrases (words.ts) from which a shared topic links them by itself. 0.05:
   * one rare phrase shared by two people who each wrote a few dozen others; a single common word that happens to
   * pass the filters stays under it.
   */
  minTopicSimilarity: number;
}

export const DEFAULT_RELEVANCE_OPTIONS: RelevanceOptions = { minTopicSimilarity: 0.05 };

export interface RelevanceInput {
  /** A tie in the graph: a reply, mention, answer to the same question, or a session both took part in. */
  tie: boolean;
  /** People both have a tie with (a chat's own account not counted). */
  commonContacts: number;
  /** Shared topics that read as topics (words.ts isNamedTopic, names of people left out), and the phrases' similarity. */
  topics: readonly string[];
  similarity: number;
}

/** The signals that make someone worth suggesting; a candidate with none is left out. */
export function relevanceSignals(input: RelevanceInput, options: RelevanceOptions = DEFAULT_RELEVANCE_OPTIONS): string[] {
  const signals: string[] = [];
  if (input.topics.length > 0 && input.similarity >= options.minTopicSimilarity) signals.push('topic');
  if (input.tie) signals.push('tie');
  if (input.commonContacts > 0) signals.push('contact');
  return signals;
}

export const isRelevant = (input: RelevanceInput, options?: RelevanceOptions) => relevanceSignals(input, options).length > 0;

/**
 * The contact in common who says most: of the people both have a tie with, the one with fewest ties (as
 * Adamic–Adar weighs them), and how many more there are.
 */
export function commonContact(
  mine: ReadonlySet<string>,
  theirs: ReadonlySet<string> | undefined,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  skip: ReadonlySet<string>,
): { key: string; others: number } | undefined {
  let best: string | undefined;
  let count = 0;
  for (const z of theirs ?? []) {
    if (!mine.has(z) || skip.has(z)) continue;
    count++;
    const size = neighbours.get(z)?.size ?? 0;
    if (best === undefined || size < neighbours.get(best)!.size || (size === neighbours.get(best)!.size && z < best)) best = z;
  }
  return best === undefined ? undefined : { key: best, others: count - 1 };
}
