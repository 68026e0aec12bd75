/**
 * Phrase lookup over tokens: every lexicon phrase found in a text, longest
 * first and never overlapping, so "New South Wales" is not also "Wales" and
 * "library school student" is not also "school". Case-sensitive phrases
 * ("=TX", "=Cork") are kept apart and win a tie with the case-insensitive
 * ones at the same span.
 */
import { phraseKey, type Token } from './tokenize.js';

export interface PhraseMatch<P> {
  /** Token span, end exclusive. */
  first: number;
  last: number;
  payloads: readonly P[];
}

interface Entry<P> {
  payloads: P[];
  /** A generated plural ("librarians" from "librarian"): a written phrase replaces it. */
  plural: boolean;
}

/** `=` before a phrase in the data: match this capitalisation only. */
export function parsePhrase(written: string): { text: string; cased: boolean } {
  return written.startsWith('=') ? { text: written.slice(1), cased: true } : { text: written, cased: false };
}

/** "librarian" → "librarians", "public library" → "public libraries" (a consonant before the y). */
function pluralOf(key: string): string {
  return /[^aeiou]y$/.test(key) ? `${key.slice(0, -1)}ies` : `${key}s`;
}

export class PhraseIndex<P> {
  private readonly folded = new Map<string, Entry<P>>();
  private readonly cased = new Map<string, Entry<P>>();
  private longest = 1;

  /**
   * Adds a data phrase; `plural` also accepts its last word's plural (`s`, or `ies` for a `y` after a consonant),
   * `possessive` its last word with `'s`.
   */
  add(written: string, payload: P, options: { plural?: boolean; possessive?: boolean } = {}): void {
    const { text, cased } = parsePhrase(written);
    const key = phraseKey(text, cased);
    if (!key) throw new Error(`context data: phrase "${written}" has no words`);
    this.longest = Math.max(this.longest, key.split(' ').length);
    const map = cased ? this.cased : this.folded;
    this.put(map, key, payload, false);
    if (options.plural && !cased && !key.endsWith('s')) this.put(map, pluralOf(key), payload, true);
    // "Australia's library profession", "Britain's oldest": a place in the possessive is still the place.
    if (options.possessive) this.put(map, `${key}'s`, payload, true);
  }

  private put(map: Map<string, Entry<P>>, key: string, payload: P, plural: boolean): void {
    const entry = map.get(key);
    if (!entry) map.set(key, { payloads: [payload], plural });
    else if (entry.plural && !plural) map.set(key, { payloads: [payload], plural: false });
    else if (entry.plural === plural) entry.payloads.push(payload);
  }

  /** Payloads of a whole phrase written exactly as in the data (for lookups such as roster regions). */
  lookup(text: string): readonly P[] {
    return this.cased.get(phraseKey(text, true))?.payloads ?? this.folded.get(phraseKey(text, false))?.payloads ?? [];
  }

  /** Matches in text order; of two overlapping ones the longer is kept, then the higher `rank`, then the leftmost. */
  match(tokens: readonly Token[], rank: (payloads: readonly P[]) => number = () => 0): PhraseMatch<P>[] {
    const found: PhraseMatch<P>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(this.longest, tokens.length - i); n >= 1; n--) {
        const span = tokens.slice(i, i + n);
        const hit = this.cased.get(span.map((t) => t.cased).join(' ')) ?? this.folded.get(span.map((t) => t.norm).join(' '));
        if (hit) {
          found.push({ first: i, last: i + n, payloads: hit.payloads });
          break;
        }
      }
    }
    // Longest first, then strongest, then leftmost; drop whatever overlaps a kept match.
    found.sort((a, b) => b.last - b.first - (a.last - a.first) || rank(b.payloads) - rank(a.payloads) || a.first - b.first);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const kept: PhraseMatch<P>[] = [];
    for (const m of found) {
      if (taken.slice(m.first, m.last).some(Boolean)) continue;
      taken.fill(true, m.first, m.last);
      kept.push(m);
    }
    return kept.sort((a, b) => a.first - b.first);
  }
}
