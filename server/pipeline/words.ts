/**
 * What people write about: key phrases per person, and the ones two people
 * share. Candidates are runs of content words between function words, filler
 * and punctuation, cut into phrases of one to three words (RAKE: Rose, Engel,
 * Cramer & Cowley 2010, "Automatic keyword extraction from individual
 * documents"), plus the hashtags that are not a chat's own. A phrase is a
 * topic only when at least `minPeople` people use it and at most `maxShare`
 * of them do; it is weighted by tf-idf across people (Salton & Buckley 1988),
 * so words every participant uses count little, with phrases of two or more
 * words and the library-and-information vocabulary (peers/phrase-lists.ts)
 * weighing more. Each phrase remembers the messages it came from, so a reason
 * can point at what was said.
 */
import type { Message } from '../../shared/index.js';
import { LIS_VOCABULARY, STOP_WORDS } from './peers/phrase-lists.js';

export interface TopicOptions {
  /** A phrase used by fewer people is nobody's topic in common. */
  minPeople: number;
  /** A phrase used by more than this share of people (and more than `minPeople`) is everyone's, not a topic. */
  maxShare: number;
  /** Weight of a named topic (isNamedTopic), and again of one in the LIS vocabulary, against a lone word. */
  phraseBoost: number;
  vocabularyBoost: number;
}

export const DEFAULT_TOPIC_OPTIONS: TopicOptions = { minPeople: 2, maxShare: 0.2, phraseBoost: 1.5, vocabularyBoost: 2 };

export interface PersonTopics {
  /** Phrase key → tf-idf weight, unit length. */
  weights: Map<string, number>;
  /** Phrase key → ids of this person's messages using it, oldest first. */
  uses: Map<string, string[]>;
}

export interface Topics {
  people: Map<string, PersonTopics>;
  /** Phrase key → how people wrote it most often ("systematic reviews"). */
  surface: Map<string, string>;
}

/** A phrase's key: lower case, a final plural "s" dropped from each word, so "review" and "reviews" meet. */
const stem = (word: string) => (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word);

/** The candidate phrases of one message, as [key, surface] pairs. */
export function messagePhrases(text: string): [string, string][] {
  const runs: string[][] = [[]];
  const cleaned = text
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/https?:\/\/\S+/g, ' . ')
    .replace(/[@#][\p{L}\p{N}_.@-]+/gu, ' . ');
  // Words, and any other character as a break between runs.
  for (const token of cleaned.toLowerCase().match(/[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}'’-]/gu) ?? []) {
    const word = token.replace(/’/g, "'").replace(/^['-]+|['-]+$/g, '');
    const content = word.length >= 3 && !STOP_WORDS.has(word) && /^\p{L}/u.test(word) && !word.endsWith("'s");
    if (content) runs[runs.length - 1]!.push(word);
    else if (runs[runs.length - 1]!.length > 0) runs.push([]);
  }
  const out: [string, string][] = [];
  for (const run of runs)
    for (let n = 1; n <= Math.min(3, run.length); n++)
      for (let i = 0; i + n <= run.length; i++) {
        const words = run.slice(i, i + n);
        out.push([words.map(stem).join(' '), words.join(' ')]);
      }
  return out;
}

/**
 * Every author's phrases, read once: per author, each key phrase (and each
 * hashtag other than a chat's own) with how often they wrote it and the ids
 * of their messages using it, and how people wrote each phrase. The one
 * reading of messages into phrases: `personTopics` weighs it for peers, and
 * community/terms.ts contrasts it across communities for their labels.
 * Reposts are someone else's words and are left out.
 */
export interface PhraseUses {
  /** Author → phrase key → times written. */
  counts: Map<string, Map<string, number>>;
  /** Author → phrase key → ids of their messages using it, oldest first. */
  uses: Map<string, Map<string, string[]>>;
  /** Phrase key → surface → times written that way. */
  surfaces: Map<string, Map<string, number>>;
}

export function readPhrases(messages: readonly Message[]): PhraseUses {
  const chats = new Set(messages.map((m) => m.chat.toLowerCase()));
  const counts = new Map<string, Map<string, number>>();
  const uses = new Map<string, Map<string, string[]>>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const m of [...messages].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1))) {
    if (m.kind === 'repost') continue;
    const mine = counts.get(m.author) ?? new Map<string, number>();
    const used = uses.get(m.author) ?? new Map<string, string[]>();
    const tags = m.hashtags.filter((h) => !chats.has(h.toLowerCase())).map((h): [string, string] => [h.toLowerCase(), h.toLowerCase()]);
    const seen = new Set<string>();
    for (const [key, surface] of [...messagePhrases(m.text), ...tags]) {
      mine.set(key, (mine.get(key) ?? 0) + 1);
      const s = surfaces.get(key) ?? new Map<string, number>();
      surfaces.set(key, s.set(surface, (s.get(surface) ?? 0) + 1));
      if (!seen.has(key)) {
        const ids = used.get(key);
        if (ids) ids.push(m.id);
        else used.set(key, [m.id]);
      }
      seen.add(key);
    }
    counts.set(m.author, mine);
    uses.set(m.author, used);
  }
  return { counts, uses, surfaces };
}

/** The way people wrote a phrase most often ("systematic reviews" for "systematic review"). */
export function commonSurface(surfaces: PhraseUses['surfaces'], key: string): string {
  const s = surfaces.get(key);
  return s ? [...s].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0] : key;
}

/** Per author, the key phrases of their non-repost messages. `chats`: hashtags that are a chat's own name, never a topic. */
export function personTopics(messages: readonly Message[], input: Partial<TopicOptions> = {}): Topics {
  const options = { ...DEFAULT_TOPIC_OPTIONS, ...input };
  if (!(options.minPeople >= 1) || !(options.maxShare > 0 && options.maxShare <= 1))
    throw new Error('words: minPeople ≥ 1 and 0 < maxShare ≤ 1');
  const { counts, uses, surfaces } = readPhrases(messages);
  const df = new Map<string, number>();
  for (const mine of counts.values()) for (const t of mine.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = counts.size;
  const maxPeople = Math.max(options.minPeople, Math.floor(n * options.maxShare));
  const people = new Map<string, PersonTopics>();
  for (const [author, mine] of counts) {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of mine) {
      const d = df.get(t)!;
      if (d < options.minPeople || d > maxPeople) continue;
      const boost = (isNamedTopic(t) ? options.phraseBoost : 1) * (LIS_VOCABULARY.has(t) ? options.vocabularyBoost : 1);
      const w = (1 + Math.log(c)) * Math.log((n + 1) / d) * boost;
      if (w > 0) {
        weights.set(t, w);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of weights) weights.set(t, w / norm);
    const used = uses.get(author)!;
    people.set(author, { weights, uses: new Map([...used].filter(([t]) => weights.has(t))) });
  }
  const surface = new Map<string, string>();
  for (const key of surfaces.keys()) if (df.get(key)! >= options.minPeople) surface.set(key, commonSurface(surfaces, key));
  return { people, surface };
}

/**
 * Whether a phrase reads as a topic when named in a sentence: two or more
 * words, a hashtag, or a word of the LIS vocabulary. A lone word still counts
 * towards similarity, but "you both wrote about admin" says nothing.
 */
export const isNamedTopic = (key: string) => key.includes(' ') || key.startsWith('#') || LIS_VOCABULARY.has(key);

/** Cosine similarity of two people's phrases, and the shared phrases that weigh most and read as topics, none inside another. */
export function sharedTopics(
  a: PersonTopics | undefined,
  b: PersonTopics | undefined,
  limit = 2,
): { similarity: number; topics: string[] } {
  if (!a || !b) return { similarity: 0, topics: [] };
  const [small, large] = a.weights.size < b.weights.size ? [a.weights, b.weights] : [b.weights, a.weights];
  let similarity = 0;
  const shared: [string, number][] = [];
  for (const [t, w] of small) {
    const other = large.get(t);
    if (other === undefined) continue;
    similarity += w * other;
    shared.push([t, w * other]);
  }
  shared.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const picked: string[] = [];
  const inside = (short: string, long: string) => ` ${long} `.includes(` ${short} `);
  for (const [t] of shared) {
    if (!isNamedTopic(t)) continue;
    // The longer phrase says more: "wikidata projects" rather than "wikidata".
    const shorter = picked.findIndex((p) => inside(p, t));
    if (shorter >= 0) picked[shorter] = t;
    else if (picked.length < limit && !picked.some((p) => inside(t, p))) picked.push(t);
  }
  const unique = [...new Set(picked)];
  return { similarity, topics: unique };
}
