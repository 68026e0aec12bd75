/**
 * A view's key phrases (pipeline/words `Topics`) as compact JSON, for the
 * way back from an analysis process: every phrase and message id written
 * once and referred to by number, so the server parses a few megabytes, not
 * the tens a plain rendering of L's phrases takes. Maps keep their order
 * (peers break ties in it) and weights are written as JavaScript writes
 * numbers, which reads back to the same double: the decoded topics are the
 * ones encoded, entry for entry.
 */
import type { PersonTopics, Topics } from '../pipeline/words.js';

interface TopicsJson {
  phrases: string[];
  ids: string[];
  /** Phrase number and how people wrote it, `null` when the surface is the key itself. */
  surface: [number, string | null][];
  /** Author, their phrases' numbers, the weights in the same order, and the message numbers behind each used phrase. */
  people: [string, number[], number[], [number, number[]][]][];
}

/** Numbers for strings, in first-seen order. */
function numbering(): { of(s: string): number; list: string[] } {
  const index = new Map<string, number>();
  const list: string[] = [];
  return {
    of(s) {
      let i = index.get(s);
      if (i === undefined) {
        i = list.length;
        index.set(s, i);
        list.push(s);
      }
      return i;
    },
    list,
  };
}

export function encodeTopics(topics: Topics): string {
  const phrases = numbering();
  const ids = numbering();
  const people: TopicsJson['people'] = [];
  for (const [author, { weights, uses }] of topics.people)
    people.push([
      author,
      [...weights.keys()].map(phrases.of),
      [...weights.values()],
      [...uses].map(([key, used]): [number, number[]] => [phrases.of(key), used.map(ids.of)]),
    ]);
  const surface = [...topics.surface].map(([key, s]): [number, string | null] => [phrases.of(key), s === key ? null : s]);
  return JSON.stringify({ phrases: phrases.list, ids: ids.list, surface, people } satisfies TopicsJson);
}

export function decodeTopics(json: string): Topics {
  const { phrases, ids, surface, people } = JSON.parse(json) as TopicsJson;
  const byAuthor = new Map<string, PersonTopics>();
  for (const [author, keys, values, used] of people) {
    const weights = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) weights.set(phrases[keys[i]!]!, values[i]!);
    const uses = new Map<string, string[]>();
    for (const [key, messages] of used)
      uses.set(
        phrases[key]!,
        messages.map((m) => ids[m]!),
      );
    byAuthor.set(author, { weights, uses });
  }
  return { people: byAuthor, surface: new Map(surface.map(([key, s]) => [phrases[key]!, s ?? phrases[key]!])) };
}
