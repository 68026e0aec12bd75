/**
 * What people write about: key phrases per person, and the ones two people
 * share. Candidates are noun phrases found by a part-of-speech tagger
 * (wink-nlp, phrases/), the library-and-information vocabulary wherever it
 * is written, and the hashtags that are not a chat's own. A phrase is a
 * topic only when at least `minPeople` people use it and at most `maxShare`
 * of them do; it is weighted by tf-idf across people (Salton & Buckley 1988),
 * so words every participant uses count little, with phrases of two or more
 * words and the vocabulary (peers/phrase-lists.ts) weighing more. Each
 * phrase remembers the messages it came from, so a reason can point at what
 * was said. Tagging costs about 30 µs a message (three times the regular
 * expressions it replaced), so a person's phrases are read from an even
 * sample of at most `maxMessagesPerPerson` of their messages: topics are
 * counted by people, and a sample across someone's history keeps what they
 * write about.
 */
import type { Message } from '../../shared/index.js';
import { LIS_VOCABULARY } from './peers/phrase-lists.js';
import { nounPhrases } from './phrases/noun-phrases.js';

export interface ReadOptions {
  /** Messages read per author at most, an even sample of their own messages in time order beyond (reposts are never read). */
  maxMessagesPerPerson: number;
}

/**
 * 50 keeps every person of the bench's M (9.6k people, at most 134 messages each) whole and reads 663k of L's
 * 902k messages; the most active people of the real #vala2018 day keep the same topics as from all their messages.
 */
export const DEFAULT_READ_OPTIONS: ReadOptions = { maxMessagesPerPerson: 50 };

export interface TopicOptions {
  /** A phrase used by fewer people is nobody's topic in common. */
  minPeople: number;
  /** A phrase used by more than this share of people (and more than `minPeople`) is everyone's, not a topic. */
  maxShare: number;
  /** Weight of a named topic (isNamedTopic), and again of one in the LIS vocabulary, against a lone word. */
  phraseBoost: number;
  vocabularyBoost: number;
  /** See ReadOptions. */
  maxMessagesPerPerson: number;
}

export const DEFAULT_TOPIC_OPTIONS: TopicOptions = {
  minPeople: 2,
  maxShare: 0.2,
  phraseBoost: 1.5,
  vocabularyBoost: 2,
  ...DEFAULT_READ_OPTIONS,
};

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

/** The candidate phrases of one message, as [key, surface] pairs (phrases/noun-phrases.ts). */
export const messagePhrases = nounPhrases;

/**
 * Every author's phrases, read once: per author, each key phrase (and each
 * hashtag other than a chat's own) with how often they wrote it and the ids
 * of their messages using it, and how people wrote each phrase. The one
 * reading of messages into phrases: `personTopics` weighs it for peers, and
 * community/terms.ts contrasts it across communities for their labels.
 * Reposts are someone else's words and are left out. Message ids in `uses`
 * stay in time order per author.
 */
export interface PhraseUses {
  /** Author → phrase key → times written. */
  counts: Map<string, Map<string, number>>;
  /** Author → phrase key → ids of their messages using it, oldest first. */
  uses: Map<string, Map<string, string[]>>;
  /** Phrase key → surface → times written that way. */
  surfaces: Map<string, Map<string, number>>;
}

/** Each author's own messages (no reposts) in time order, an even sample of `most` of them past that many. */
function ownMessages(messages: readonly Message[], most: number): Message[] {
  const byAuthor = new Map<string, Message[]>();
  for (const m of [...messages].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1))) {
    if (m.kind === 'repost') continue;
    const mine = byAuthor.get(m.author);
    if (mine) mine.push(m);
    else byAuthor.set(m.author, [m]);
  }
  const out: Message[] = [];
  for (const mine of byAuthor.values()) {
    const step = Math.max(1, mine.length / most);
    for (let i = 0; i * step < mine.length && i < most; i++) out.push(mine[Math.floor(i * step)]!);
  }
  return out;
}

/** Messages read between two turns of the event loop when reading yields (about 25 ms of tagging). */
const MESSAGES_PER_TURN = 1000;

export function readPhrases(messages: readonly Message[], input: Partial<ReadOptions> = {}): PhraseUses {
  return runToEnd(phraseReading(messages, input));
}

/**
 * The same reading, giving the event loop a turn every MESSAGES_PER_TURN
 * messages: a server reading a big dataset's phrases for a request (peers)
 * keeps answering others meanwhile.
 */
export function readPhrasesYielding(messages: readonly Message[], input: Partial<ReadOptions> = {}): Promise<PhraseUses> {
  return runYielding(phraseReading(messages, input));
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

async function runYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The one reading of messages into phrases, pausing (yield) every MESSAGES_PER_TURN messages. */
function* phraseReading(messages: readonly Message[], input: Partial<ReadOptions>): Generator<void, PhraseUses> {
  const options = { ...DEFAULT_READ_OPTIONS, ...input };
  if (!(options.maxMessagesPerPerson >= 1)) throw new Error('words: maxMessagesPerPerson ≥ 1');
  const chats = new Set(messages.map((m) => m.chat.toLowerCase()));
  // A chat's name written without its "#" ("vala2018 was great") is no topic either; "ubuntu server" in #ubuntu is.
  const chatWords = new Set([...chats].map((c) => c.replace(/^#/, '')));
  const counts = new Map<string, Map<string, number>>();
  const uses = new Map<string, Map<string, string[]>>();
  const surfaces = new Map<string, Map<string, number>>();
  let read = 0;
  for (const m of ownMessages(messages, options.maxMessagesPerPerson)) {
    if (++read % MESSAGES_PER_TURN === 0) yield;
    const mine = counts.get(m.author) ?? new Map<string, number>();
    const used = uses.get(m.author) ?? new Map<string, string[]>();
    const tags = m.hashtags.filter((h) => !chats.has(h.toLowerCase())).map((h): [string, string] => [h.toLowerCase(), h.toLowerCase()]);
    const seen = new Set<string>();
    for (const [key, surface] of [...messagePhrases(m.text).filter(([key]) => !chatWords.has(key)), ...tags]) {
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
  const options = topicOptions(input);
  return weighTopics(readPhrases(messages, { maxMessagesPerPerson: options.maxMessagesPerPerson }), options);
}

/** The same, reading phrases with turns for the event loop (readPhrasesYielding): for a server's request. */
export async function personTopicsYielding(messages: readonly Message[], input: Partial<TopicOptions> = {}): Promise<Topics> {
  const options = topicOptions(input);
  return weighTopics(await readPhrasesYielding(messages, { maxMessagesPerPerson: options.maxMessagesPerPerson }), options);
}

function topicOptions(input: Partial<TopicOptions>): TopicOptions {
  const options = { ...DEFAULT_TOPIC_OPTIONS, ...input };
  if (!(options.minPeople >= 1) || !(options.maxShare > 0 && options.maxShare <= 1))
    throw new Error('words: minPeople ≥ 1 and 0 < maxShare ≤ 1');
  return options;
}

/** Phrases weighed by tf-idf across people, the ones too rare or too common left out. */
function weighTopics({ counts, uses, surfaces }: PhraseUses, options: TopicOptions): Topics {
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
