/**
 * Initials a profile spells out itself: "NHS Library" beside "Noblesville High School" is that school's library, not the
 * National Health Service's; "THA_Library" beside "The Hereford Academy". Where a profile names a body whose initials
 * are an acronym it also uses, and what it reads in that name says otherwise than the acronym's own reading, the
 * acronym means that body and its own reading is a coincidence: dropped (sector and region alike). Where both say the
 * same ("UCLA" beside "University of California, Los Angeles"), the acronym stays as evidence like any other.
 */
import type { Hit } from './decide.js';
import type { FieldText } from './fields.js';
import { INSTITUTION_WORD } from './institution-words.js';

const ACRONYM = /^[A-Z]{2,6}$/;
/** The last word of a body's name: what the spelled-out initials name is an institution, not a joke. */
const BODY_WORD = new RegExp(`\\b(?:${INSTITUTION_WORD}|Trust|Council)$`);
// Small words a body's initials usually leave out ("Institute of …", "Arts and …").
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'at', 'in', 'on', '&']);
const NAME_RUN = /(?:\p{Lu}[\p{L}'’-]*|&|of|and|for|the|at|in|on)(?:\s+(?:\p{Lu}[\p{L}'’-]*|&|of|and|for|the|at|in|on))+/gu;

/** Where a profile spells out some initials: the field's label and the span of the words. */
export type SpelledNames = ReadonlyMap<string, readonly SpelledName[]>;
interface SpelledName {
  field: string;
  start: number;
  end: number;
  /** The words themselves ("Impington Village College"). */
  words: string;
}

/**
 * The initials of every run of two or more capitalised words in the bio and location (with and without the small
 * words), with where the words are. Not the display name: a person's three names spell initials too ("Nancy Hall Smith").
 */
export function spelledNames(fields: readonly FieldText[]): SpelledNames {
  const out = new Map<string, SpelledName[]>();
  const add = (initials: string, span: SpelledName) => {
    const spans = out.get(initials);
    if (spans) spans.push(span);
    else out.set(initials, [span]);
  };
  for (const f of fields) {
    if (f.kind === 'name') continue;
    for (const m of f.text.matchAll(NAME_RUN)) {
      const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0], start: m.index + w.index, end: m.index + w.index + w[0].length }));
      // Every start inside the run: "at Noblesville High School" spells NHS from "Noblesville".
      for (let from = 0; from < words.length; from++) {
        if (!/^\p{Lu}/u.test(words[from]!.text)) continue;
        let all = '';
        let kept = '';
        // Acronyms have at most six letters (ACRONYM), so no longer name is read: linear in the field's length.
        for (let to = from; to < words.length && kept.length < 6; to++) {
          const w = words[to]!;
          all += w.text[0]!.toUpperCase();
          if (!SKIPPED.has(w.text.toLowerCase())) kept += w.text[0]!.toUpperCase();
          const span = { field: f.label, start: words[from]!.start, end: w.end, words: f.text.slice(words[from]!.start, w.end) };
          if (to > from) add(all, span);
          if (kept.length >= 2 && kept !== all) add(kept, span);
        }
      }
    }
  }
  return out;
}

/**
 * Hits to keep: all but those starting with an acronym ("NHS", "NHS Library") that the profile spells out as a name
 * whose own hits read none of the acronym's values. A name that reads nothing leaves the acronym standing.
 */
export function withoutSpelledOutAcronyms<H extends Hit>(hits: readonly H[], spelled: SpelledNames): H[] {
  // What each spelled-out acronym's names read, worked out once per acronym.
  const readingsOf = new Map<string, Set<string>>();
  const namesRead = (acronym: string): Set<string> => {
    let values = readingsOf.get(acronym);
    if (values) return values;
    const spans = spelled.get(acronym) ?? [];
    values = new Set(
      hits
        .filter((h) => spans.some((s) => h.field === s.field && h.start < s.end && h.end > s.start))
        .flatMap((h) => Object.keys(h.readings)),
    );
    readingsOf.set(acronym, values);
    return values;
  };
  const namesBody = (acronym: string): boolean => (spelled.get(acronym) ?? []).some((s) => BODY_WORD.test(s.words));
  return hits.filter((hit) => {
    // "IVCLibrary": the initials run into the next word in a handle or a joined display name.
    const word = hit.text.slice(hit.start, hit.end).split(/[\s_]+/)[0]!;
    const first = /^([A-Z]{2,6})(?=[A-Z][a-z])/.exec(word)?.[1] ?? word;
    if (!ACRONYM.test(first) || !spelled.has(first)) return true;
    const read = namesRead(first);
    // A hit inside the spelled-out name is part of it, not the acronym. A name that reads nothing leaves the acronym
    // standing ("NHS … Never Having Sleep!"), unless it names a body of its own ("Impington Village College").
    if (read.size === 0) return !namesBody(first);
    return Object.keys(hit.readings).some((v) => (hit.readings[v] ?? 0) > 0 && read.has(v));
  });
}
