/**
 * What a school's or college's own account says of its people and its names: a college of pupils is a school, its
 * student librarians are pupils, a place in its name is its name, and a library named after it is its library, not a
 * town's. Run on one profile's sector hits, after reading and before role-over-workplace (infer-sector.ts inferSector),
 * like university-parts.ts.
 */
import type { Hit } from './decide.js';
import type { FieldText } from './fields.js';
import { isPlaceName } from './gazetteer.js';
import { namedAfterTown } from './registry-hits.js';
import { clauseOf, type SectorHit } from './sector-hit.js';

/** At most what a hint word weighs once read ("College" 1, raised half again in a bio's lead clause). */
const HINT_STRENGTH = 1.5;

/** Words of school age: "pupils", key stages, school years, K-12. */
const SCHOOL_AGE = /\b(?:pupils|ks[1-5]|key stage|years? 7|yr 7|k-?12)\b/i;

/** A clause about visits to schools ("Outreach to pupils in local schools"): pupils there are someone else's. */
const OUTREACH = /\b(?:outreach|visits?|visiting|local schools|widening participation)\b/i;

/**
 * "The Memorial Library at Marlborough College … information for pupils and staff", "Radford College, ACT … yr 7-12":
 * a college that speaks of its own pupils or school years is a school (UK independent schools and Australian secondary
 * colleges are "Colleges", and so are Eton, Winchester and Marlborough), so the college reads as the school. Not a
 * college a registry names ("Leeds City College"), not in a profile that names a university ("Birkbeck College,
 * University of London"), and not pupils met on outreach ("school outreach for year 7 pupils").
 */
export function schoolColleges(hits: SectorHit[]): void {
  const ownPupils = hits.some((h) => {
    if (!h.readings.school || h.aside || h.listed || !SCHOOL_AGE.test(h.text.slice(h.start, h.end))) return false;
    const [a, b] = clauseOf(h.text, h.start);
    return !OUTREACH.test(h.text.slice(a, b));
  });
  if (!ownPupils || hits.some((h) => /universit/i.test(h.text.slice(h.start, h.end)))) return;
  for (const h of hits) {
    const words = h.text.slice(h.start, h.end);
    // A college word alone ("College", "College Library": lexicon hints) or a college named after its town ("Marlborough
    // College"), never one a registry names as a workplace (2.5: "Leeds City College").
    const bareCollege = /\bcolleges?\b/i.test(words) && (h.strength <= HINT_STRENGTH || namedAfterTown(words));
    if (Object.keys(h.readings).length === 1 && h.readings.academic && bareCollege) h.readings = { school: 1 };
  }
}

const isSchoolOnlyHit = (h: SectorHit) => Object.keys(h.readings).length === 1 && !!h.readings.school && !h.aside && !h.listed;

/**
 * "Chelsea Academy LRC … Tweets by Student Librarian Team": in a school's account, student librarians are pupils who
 * help run the library (a UK school practice), not students of librarianship (LABELLING.md, rule 6 is for LIS study),
 * and its sixth form's library is the school's, not a sixth-form college's (rule 15).
 */
export function pupilLibrarians(hits: SectorHit[]): void {
  if (!hits.some(isSchoolOnlyHit)) return;
  for (const h of hits) {
    const words = h.text.slice(h.start, h.end);
    // "Gosforth Academies' Lower School & 6th Form Libraries": a school's own sixth form is the school's (rule 15).
    const readsAsPupils =
      (h.readings.education && /^student librarians?$/i.test(words)) || (h.readings.academic && /^(?:sixth|6th)[\s-]form/i.test(words));
    if (!readsAsPupils) continue;
    h.readings = { school: 1 };
    h.outright = false;
  }
}

const SCHOOL_AFTER = /^\s+(?:Academy|School|Primary|Grammar|High School|Sixth Form)\b/;

/**
 * "Boston Spa Academy Library": a place named just before "Academy" or "School" is the school's name (the British
 * Library's Boston Spa site is not this academy's), so what the place's name reads as a body says nothing. Subjects
 * before "School" stay ("Law School", "Medical School").
 */
export function namesOfSchools(hits: SectorHit[]): SectorHit[] {
  return hits.filter((h) => h.readings.school || !SCHOOL_AFTER.test(h.text.slice(h.end)) || !isPlaceName(h.text.slice(h.start, h.end)));
}

/** The last word of an institution's proper name ("Radford College", "The Grammar School at Leeds"). */
const INSTITUTION_WORD = 'College|School|Academy|University|Hospital|Institute';
const INSTITUTION_AFTER = new RegExp(`^\\s+(?:${INSTITUTION_WORD}|Grammar)\\b`);
// "Lawson Library at The Grammar School at Leeds": a library named as one at an institution.
const LIBRARY_AT_INSTITUTION = new RegExp(
  `^\\s+(?:[Ll]ibrar(?:y|ies)|LRC)\\s+(?:at|of)\\s+(?:[Tt]he\\s+)?(?:\\p{Lu}[\\p{L}'’&-]*\\s+){0,4}(?:${INSTITUTION_WORD})\\b`,
  // Case-sensitive: with the i flag \p{Lu} matches any letter ("library at the old school" names no institution).
  'u',
);

/**
 * "Radford Library" whose bio is about "Radford College, ACT": a display name's place library is the institution the
 * profile names after the same word, not the town's. Whether such a hit is one: its first word stands before
 * "College", "School", "Academy"… in another field.
 */
export function libraryOfNamedInstitution(hit: Hit, fields: readonly FieldText[]): boolean {
  if (hit.field !== 'name' || !hit.readings.public) return false;
  const word = /^\p{Lu}[\p{L}'’-]+/u.exec(hit.text.slice(hit.start, hit.end))?.[0];
  if (!word) return false;
  return fields.some(
    (f) =>
      f.kind !== 'name' &&
      [...f.text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].some((m) => {
        const after = f.text.slice(m.index + word.length);
        return INSTITUTION_AFTER.test(after) || LIBRARY_AT_INSTITUTION.test(after);
      }),
  );
}
