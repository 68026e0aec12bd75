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
import winkNLP, { type PartOfSpeech } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A lower-case word and its universal part-of-speech tag, or a break between phrases. */
export type TaggedWord = { word: string; pos: PartOfSpeech } | null;

const nlp = winkNLP(model, ['sbd', 'pos']);
const BREAKS: ReadonlySet<PartOfSpeech> = new Set(['PUNCT', 'SYM', 'NUM', 'SPACE', 'X']);
const its = nlp.its;

/** A final "word…", optionally followed by a link: what a platform left of a longer text. */
const TRUNCATED = /[\p{L}\p{N}'’-]*…(\s+https?:\/\/\S+)?\s*$/u;

export function tagWords(text: string): TaggedWord[] {
  const cleaned = text
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;/g, ' ')
    .replace(TRUNCATED, ' . ');
  const tokens = nlp.readDoc(cleaned).tokens();
  const values = tokens.out(its.value) as string[];
  const tags = tokens.out(its.pos) as PartOfSpeech[];
  // Links, emoji and numbers are tagged as symbols or numbers; @-names and hashtags keep their "@" and "#",
  // which no phrase word has (noun-phrases.ts). Asking wink for token types as well would cost a sixth more.
  return values.map((value, i) => (BREAKS.has(tags[i]!) ? null : { word: value.toLowerCase().replace(/’/g, "'"), pos: tags[i]! }));
}
