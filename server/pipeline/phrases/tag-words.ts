/**
 * The words of a chat message with their part of speech, from wink-nlp's
 * tagger (wink-nlp with its English model wink-eng-lite-web-model, both MIT,
 * kept up by winkjs): universal POS tags, about 25 µs for a tweet-sized
 * message on the bench's machine, no network, and no state between calls,
 * so the same text gives the same tags. Only sentence boundaries and tags
 * are run: entities, negation and sentiment would cost time and say nothing
 * about topics.
 *
 * Links, emoji, numbers and punctuation are breaks; @-names and hashtags keep
 * their sign and never join a phrase (hashtags are read from a message's own
 * field, words.ts). A word cut off by a platform's truncation ("relea…
 * https://t.co/x") is a break too, not a word.
 */
import { createRequire } from 'node:module';
import type { Model, PartOfSpeech, WinkMethods } from 'wink-nlp';

/** A lower-case word and its universal part-of-speech tag, or a break between phrases. */
export type TaggedWord = { word: string; pos: PartOfSpeech } | null;

const BREAKS: ReadonlySet<PartOfSpeech> = new Set(['PUNCT', 'SYM', 'NUM', 'SPACE', 'X']);

/**
 * The tagger, loaded on first use: reading the model takes half a second to a second, which a process that
 * never reads phrases (the server until its first peers request, most tests) need not pay.
 */
let tagger: WinkMethods | undefined;
function loadTagger(): WinkMethods {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: Model, pipe: string[]) => WinkMethods;
    tagger = winkNLP(require('wink-eng-lite-web-model') as Model, ['sbd', 'pos']);
  }
  return tagger;
}

/** A final "word…", optionally followed by a link: what a platform left of a longer text. */
const TRUNCATED = /[\p{L}\p{N}'’-]*…(\s+https?:\/\/\S+)?\s*$/u;

export function tagWords(text: string): TaggedWord[] {
  const cleaned = text
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;/g, ' ')
    .replace(TRUNCATED, ' . ');
  const nlp = loadTagger();
  const its = nlp.its;
  const tokens = nlp.readDoc(cleaned).tokens();
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as PartOfSpeech[];
  // Links, emoji and numbers are tagged as symbols or numbers; @-names and hashtags keep their "@" and "#",
  // which no phrase word has (noun-phrases.ts). Asking wink for token types as well would cost a sixth more.
  return values.map((value, i) => (BREAKS.has(tags[i]!) ? null : { word: value.toLowerCase().replace(/’/g, "'"), pos: tags[i]! }));
}
