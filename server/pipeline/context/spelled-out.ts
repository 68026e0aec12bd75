/**
 * Initials a profile spells out itself: "NHS Library" beside "Noblesville High School" is that school's library, not the
 * National Health Service's; "THA_Library" beside "The Hereford Academy". Where a profile names a body whose initials
 * are an acronym it also uses, and what it reads in that name says otherwise than the acronym's own reading, the
 * acronym means that body and its own reading is a coincidence: dropped (sector and region alike). Where both say the
 * same ("UCLA" beside "University of California, Los Angeles"), the acronym stays as evidence like any other.
 */
import type { Hit } from './decide.js';
import type { FieldText } from './fields.js';
import { ACRONYM } from './tokenize.js';

/** "IVCLibrary": initials run into the next word in a handle or a joined display name. */
const RUN_IN_ACRONYM = /^([A-Z]{2,6})(?=[A-Z][a-z])/;
/**
 * A school or college's name ("Impington Village College", "Noblesville High School"): a local body that registries
 * do not list, so its spelling reading nothing still says the initials are its own. Not "Institute", "University" or
 * "Hospital": those that read nothing ("British Film Institute" for "BFI") are more likely the registry's own body.
 */
const SCHOOL_OR_COLLEGE = /\b(?:College|School|Academy)$/;
// Small words a body's initials usually leave out ("Institute of …", "Arts and …").
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'at', 'in', 'on', '&']);
const NAME_RUN = /(?:\p{Lu}[\p{L}'’-]*|&|of|and|for|the|at|in|on)(?:\s+(?:\p{Lu}[\p{L}'’-]*|&|of|and|for|the|at|in|on))+/gu;

/** Where a profile spells out some initials: the field's label and the span of the words. */
export type SpelledNames = ReadonlyMap<string, readonly SpelledName[]>;
interface SpelledName {
  field: string;
  start: number;
  end: number;
  /** Whether the words name a school or college ("Impington Village College"). */
  schoolOrCollege: boolean;
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
          const span = { field: f.label, start: words[from]!.start, end: w.end, schoolOrCollege: SCHOOL_OR_COLLEGE.test(w.text) };
          if (to > from) add(all, span);
          if (kept.length >= 2 && kept !== all) add(kept, span);
        }
      }
    }
  }
  return out;
}

/**
 * Hits to keep: all but those starting with an acronym ("NHS", "NHS Library", "IVCLibrary") that the profile spells out
 * as a name whose own hits read none of the acronym's values, or as a school or college's name that reads nothing. Any
 * other name that reads nothing leaves the acronym standing ("NHS … Never Having Sleep!").
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
  return hits.filter((hit) => {
    const word = hit.text.slice(hit.start, hit.end).split(/[\s_]+/)[0]!;
    const first = RUN_IN_ACRONYM.exec(word)?.[1] ?? word;
    if (!ACRONYM.test(first) || !spelled.has(first)) return true;
    const read = namesRead(first);
    // A hit inside the spelled-out name is part of it, not the acronym.
    if (read.size === 0) return !spelled.get(first)!.some((s) => s.schoolOrCollege);
    return Object.keys(hit.readings).some((v) => (hit.readings[v] ?? 0) > 0 && read.has(v));
  });
}
