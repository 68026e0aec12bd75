/**
 * Candidate key phrases of one message: noun phrases from the tagger
 * (tag-words.ts), and the library-and-information vocabulary wherever it is
 * written. A noun phrase here is a run of adjectives, nouns and participles
 * ("automated delivery", "data sharing model") that ends on a noun — the
 * simple noun-phrase chunk of term extraction (Justeson & Katz 1995,
 * "Technical terminology", whose (Adj|Noun)+ Noun pattern this is). Every
 * span of up to three words of a chunk that ends on one of its nouns is a
 * candidate, so "open access journals" meets "open access" and "journals".
 * Verbs end a chunk, which is what keeps "forms asking" and "hear goes and
 * came round" out, except gerunds that name an activity ("machine
 * learning"); function words and chat filler end it too, and stop phrases
 * ("safe travels") are dropped (all lists in peers/phrase-lists.ts).
 *
 * Keys are lower case with a final plural "s" dropped from each word past
 * four letters ("systematic review" for "systematic reviews"); label.ts and
 * the vocabulary list use the same rule.
 */
import { LIS_VOCABULARY, NOMINAL_GERUNDS, STOP_PHRASES, STOP_WORDS } from '../peers/phrase-lists.js';
import { tagWords, type TaggedWord } from './tag-words.js';

/** Longest candidate, in words. */
const MAX_WORDS = 3;
/** Longer "words" are pasted keys, hashes or runs of one letter, not topics. */
const MAX_WORD_LENGTH = 40;
/** Longest vocabulary entry, in words ("english language learner", "evidence based practice"). */
const VOCABULARY_WORDS = Math.max(...[...LIS_VOCABULARY].map((p) => p.split(' ').length));

/** A phrase key's word: a final plural "s" dropped, so "review" and "reviews" meet. */
export const stemWord = (word: string) => (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word);

const HEADS = new Set(['NOUN', 'PROPN']);
/** Letters first, then letters, digits and inner hyphens: not "apt." (a host name cut up), not "it's". */
const WORD = /^\p{L}[\p{L}\p{N}]*(-[\p{L}\p{N}]+)*$/u;

/** A word that may stand in a noun phrase: a content word (not a stop word, a letter first, three letters or more). */
function inPhrase(t: NonNullable<TaggedWord>): boolean {
  if (t.word.length < 3 || t.word.length > MAX_WORD_LENGTH || STOP_WORDS.has(t.word) || !WORD.test(t.word)) return false;
  if (HEADS.has(t.pos) || t.pos === 'ADJ') return true;
  // A participle modifies a noun ("automated delivery", "data sharing model"); only a nominal gerund ends a phrase (isHead).
  return t.pos === 'VERB' && /(ing|ed)$/.test(t.word);
}

/** A noun, or a gerund that names an activity ("machine learning"), ends a phrase. */
const isHead = (t: NonNullable<TaggedWord>) => HEADS.has(t.pos) || NOMINAL_GERUNDS.has(t.word);

/** The candidate phrases of one message, as [key, surface] pairs, in the order written. */
export function nounPhrases(text: string): [string, string][] {
  const tagged = tagWords(text);
  const out: [string, string][] = [];
  const add = (words: string[]) => {
    const key = words.map(stemWord).join(' ');
    if (!STOP_PHRASES.has(key)) out.push([key, words.join(' ')]);
  };
  let chunk: NonNullable<TaggedWord>[] = [];
  const flush = () => {
    for (let end = 0; end < chunk.length; end++) {
      if (!isHead(chunk[end]!)) continue;
      for (let start = Math.max(0, end - MAX_WORDS + 1); start <= end; start++) add(chunk.slice(start, end + 1).map((t) => t.word));
    }
    chunk = [];
  };
  for (const t of tagged) {
    if (t && inPhrase(t)) chunk.push(t);
    else flush();
  }
  flush();
  // The vocabulary wherever written, whatever the tags: "weeding" (a verb to the tagger), "reading for pleasure".
  const seen = new Set(out.map(([key]) => key));
  for (let i = 0; i < tagged.length; i++) {
    let key = '';
    let surface = '';
    for (let n = 0; n < VOCABULARY_WORDS && i + n < tagged.length; n++) {
      const t = tagged[i + n];
      if (!t) break;
      key += (n ? ' ' : '') + stemWord(t.word);
      surface += (n ? ' ' : '') + t.word;
      if (LIS_VOCABULARY.has(key) && !seen.has(key)) {
        seen.add(key);
        out.push([key, surface]);
      }
    }
  }
  return out;
}
