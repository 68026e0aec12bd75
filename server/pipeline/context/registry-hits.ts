/**
 * Evidence only the registries give, beside phrase matches:
 *   - handles after "@" ("historian @unimelb", "Librarian@MQU", "works @slsa"):
 *     a university's or a national library's account names the workplace;
 *   - libraries named (library-names.ts: a place's public library, a university's, a founder's);
 *   - named schools, a university's short name after a role, handles run together in a display name, and
 *     institutions after a town in the location field.
 * All give sector hits and, where the body's country is known, region hits.
 */
import type { FieldText } from './fields.js';
import { isPlaceName, REGION_STRENGTH, regionIndex, sectorIndex } from './gazetteer.js';
import { registries } from './registries.js';
import { fold, type Token } from './tokenize.js';
import {
  acronymLibraryHits,
  councilOfLibraryHits,
  foundedLibraryHits,
  historicLibraryHits,
  libraryNameHits,
  placeLibraryHandle,
  universityOfLibraryHits,
} from './library-names.js';
import { venueLibraryHits } from './library-venues.js';
import { hit, NAMED, SAME_PHRASE, type RegistryHits } from './registry-hit.js';

/** Someone's role or tie just before an account ("historian @unimelb", "works @slsa", "Librarian@MQU", "based at @QUT"). */
const TIE_BEFORE = /\b(?:\p{L}+(?:ian|ist|er|or|ant|ent)s?|staff|team|prof|phd|postdoc|fellow|dean|head|works?|working|at|with|for)\W*$/iu;
/** "Head of Digital Research @britishlibrary", "Director of Collections @slsa": a role of a unit of the account's body. */
const ROLE_OF_BEFORE =
  /\b(?:head|director|manager|chair|coordinator|lead|officer|curator|editor|professor|lecturer)\s+of\s+(?:[\p{L}&,-]+\s+){1,4}$/iu;
/** A body's account named with no role before it ("Digitised and online @troveaustralia") is mentioned, not worked at. */
const MENTIONED = 0.3;

/** "@slqld views expressed are my own", "Views my own @UniMelb": the usual disclaimer names the employer. */
const DISCLAIMER_AFTER = /^\W{0,3}(?:views|opinions|tweets)\b[^.;|\n]{0,30}\b(?:own|mine|not)\b/i;
const DISCLAIMER_BEFORE = /\b(?:views|opinions|tweets)\b[^.;|\n]{0,30}\b(?:own|mine|not (?:those|of|necessarily))\b[^.;|\n@]{0,20}$/i;

function tiedBefore(text: string, at: number, end = at): boolean {
  if (DISCLAIMER_AFTER.test(text.slice(end)) || DISCLAIMER_BEFORE.test(text.slice(0, at))) return true;
  const clause =
    text
      .slice(0, at)
      .split(/[.;|•·!?\n]/)
      .pop() ?? '';
  return (
    TIE_BEFORE.test(clause.split(/\s+/).slice(-4).join(' ')) ||
    ROLE_OF_BEFORE.test(clause) ||
    /\p{L}$/u.test(clause) ||
    /\b(?:at|with)\b/i.test(clause)
  );
}

const EX_BEFORE = /\b(?:ex|former(?:ly)?|previously|formerly at)\s*-?\s*$/i;
const EX_DISCOUNT = 0.25;

function mentionHits(field: FieldText, out: RegistryHits): void {
  const { handles } = registries();
  for (const m of field.text.matchAll(/@([A-Za-z0-9_]{2,30})(?![A-Za-z0-9_]*\.[a-z]{2,})/g)) {
    const body = handles.get(m[1]!.toLowerCase()) ?? placeLibraryHandle(m[1]!);
    if (!body) continue;
    const start = m.index;
    const end = start + m[0].length;
    // "Ex-@jisc, Ex-@britishlibrary": a workplace left.
    const left = EX_BEFORE.test(field.text.slice(Math.max(0, start - 12), start)) ? EX_DISCOUNT : 1;
    const weight = (field.kind === 'name' || tiedBefore(field.text, start, end) ? NAMED : NAMED * MENTIONED) * left;
    if (body.sector) out.sector.push(hit(field, start, end, { [body.sector]: 1 }, weight));
    if (body.readings) out.region.push(hit(field, start, end, { ...body.readings }, REGION_STRENGTH.institution * left));
  }
}

// Kinds of school that are a university's ("Law School", "Graduate School") or a trade's ("Library School").
const NOT_A_SCHOOL = new Set([
  'law',
  'medical',
  'graduate',
  'business',
  'library',
  'summer',
  'art',
  'film',
  'drama',
  'music',
  'nursing',
  'dental',
  'veterinary',
  'divinity',
  'the',
  'old',
  'high',
  'police',
  'military',
  'naval',
  'royal',
  'code',
  'national',
  'khan',
  'sales',
  'leadership',
  // "KS3 school visits": a key stage is an age, not a school's name.
  'ks1',
  'ks2',
  'ks3',
  'ks4',
  'ks5',
]);

/** A named school, academy or grammar ("Alderley Edge School for Girls", "Hans Price Academy", "Melbourne Girls Grammar"): a school workplace. */
function namedSchoolHits(field: FieldText, tokens: readonly Token[], out: RegistryHits): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    // "Brimsham Green School's reading", "Liberton High School's Library": the school in the possessive.
    const word = t.raw.replace(/['’]s?$/, '').replace(/^Academies$/, 'Academy');
    if (
      (word !== 'School' && word !== 'Academy' && word !== 'Grammar') ||
      !/^\p{Lu}/u.test(prev.raw) ||
      NOT_A_SCHOOL.has(prev.norm) ||
      tokens[i + 1]?.norm === 'of'
    )
      continue;
    if (!SAME_PHRASE.test(field.text.slice(prev.end, t.start))) continue;
    // "Royal Irish Academy", "British Academy", "Royal Academy": a nation's academy is a learned body, not a school.
    const learned =
      word === 'Academy' && (tokens[i - 2]?.norm === 'royal' || regionIndex.lookup(prev.raw).some((c) => c.kind === 'demonym'));
    if (learned) continue;
    out.sector.push(hit(field, prev.start, t.end, { school: 1 }, 2));
  }
}

// "CA" after a town the gazetteer does not know is California far more often than Canada: Canadians write the
// province ("Guelph, ON"). A known Canadian city keeps Canada ("Toronto, CA"): the gazetteer reads that one.
const TOWN_CODE_READINGS: Readonly<Record<string, Record<string, number>>> = { CA: { US: 0.8, CA: 0.2 } };

const INSTITUTION_AFTER_TOWN =
  /\s+(?:(?:High|Grammar|Primary|Secondary|Community|Junior|Infant|Girls'?|Boys'?|Sixth Form|Public|Central)\s+)*(?:School|Academy|College|Library|Libraries|Hospital)$/i;

/** The countries a location part's registry libraries give, unless only the US lists hold it or the gazetteer knows it. */
function listedLibraryPlace(name: string): Record<string, number> | undefined {
  const { publicLibraries, usOnlyLibraries } = registries();
  const listed = name && !usOnlyLibraries.has(fold(name)) ? publicLibraries.get(fold(name)) : undefined;
  return listed && regionIndex.lookup(name).length === 0 ? { ...listed } : undefined;
}

/** "Montrose Angus", "Carlisle Cumbria": a town and its UK council area, written without a comma. */
const TOWN_AND_AREA = /^(.+?)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)$/u;

/**
 * A location field the gazetteer does not know but the registries do: "Topsfield, MA" (a town, then a state
 * or province code), "beechworth" (a town with a public library in the registries). Location fields only:
 * in a bio, town names are too often words ("Reading", "Bath").
 */
function locationHits(field: FieldText, out: RegistryHits): void {
  const town = /^\s*(\p{Lu}[\p{L} .'’-]+),\s*([A-Z]{2})\s*$/u.exec(field.text);
  if (town && regionIndex.lookup(town[1]!).length === 0) {
    const cue = regionIndex.lookup(town[2]!).find((c) => c.kind === 'code');
    const readings = TOWN_CODE_READINGS[town[2]!] ?? cue?.readings;
    if (cue && readings) out.region.push(hit(field, 0, field.text.length, { ...readings }, REGION_STRENGTH.code));
  }
  let at = 0;
  for (const part of field.text.split(',')) {
    const start = at + part.length - part.trimStart().length;
    at += part.length + 1;
    // "Devizes School", "Alderley Edge Library": a school or library named after its town says the town.
    const name = part.trim().replace(INSTITUTION_AFTER_TOWN, '');
    const listed = listedLibraryPlace(name);
    if (listed) {
      out.region.push(hit(field, start, start + name.length, listed, REGION_STRENGTH.institution));
      continue;
    }
    // Only a UK library authority's name ends it: "Menlo Park", "Key West", "Wall Street" end in no council area.
    const pair = TOWN_AND_AREA.exec(name);
    if (!pair || !registries().libraryAuthorities.has(fold(pair[2]!))) continue;
    const area = listedLibraryPlace(pair[2]!);
    const areaStart = start + name.length - pair[2]!.length;
    if (area?.GB) out.region.push(hit(field, areaStart, start + name.length, area, REGION_STRENGTH.institution));
  }
}

// "School of Music", "School of Information": a university's school (LIS schools are read as education by the lexicon).
const SCHOOL_OF = /(?<![\p{L}\p{N}])School of (?:the )?(?!(?:Library|Libraries|Information|Librarianship)\b)\p{Lu}\p{L}+/gu;

function schoolOfHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(SCHOOL_OF)) out.sector.push(hit(field, m.index, m.index + m[0].length, { academic: 1 }, 2));
}

// "Bradford College", "Truro and Penwith College", "Magdalene College Cambridge": a college named after a town (or two), or
// one of a collegiate university's.
const PLACE_WORDS = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?";
const TOWN_COLLEGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${PLACE_WORDS})(?:\\s+(?:and|&)\\s+(${PLACE_WORDS}))?\\s+College\\b(,?\\s+(?:Cambridge|Oxford|Durham)\\b)?`,
  'gu',
);

/**
 * "College" alone names no kind of institution in Britain and Ireland (a school, a sixth form, an FE college: LABELLING.md
 * rule 18, the lexicon reads the word as a hint only); a college named after a town or county ("Bradford College",
 * "Cornwall College") is further education, and a college of Cambridge, Oxford or Durham a university's: academic, a
 * workplace named.
 */
function townCollegeHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(TOWN_COLLEGE))
    if (townCollege(m)) out.sector.push(hit(field, m.index, m.index + m[0].length, { academic: 1 }, 2));
}

function townCollege(m: RegExpMatchArray): boolean {
  return !!m[3] || isPlaceName(m[1]!) || (m[2] !== undefined && isPlaceName(m[2]));
}

/** Whether some college in the words is named after a town or is a collegiate university's ("Bradford College"). */
export function namedAfterTown(words: string): boolean {
  return [...words.matchAll(TOWN_COLLEGE)].some(townCollege);
}

// Someone's role, earlier in the same clause as "at <short name>": "Digital humanities librarian at Stanford".
const ROLE_BEFORE =
  /\b(?:librarian|archivist|lecturer|professor|prof|student|researcher|fellow|phd|postdoc|dean|scientist|curator|staff|manager|officer|coordinator|director|head|assistant|specialist|advis[eo]r|developer|engineer|designer|analyst|architect|programmer|cataloguer|cataloger|teach\w*|stud\w*|work\w*)\b/i;
const STUDENT_ROLE = /\b(?:student|stud\w*|candidate|teach\w*)\b/i;
/**
 * "at Stanford", "@ Deakin", ", NCSU" (a title line: "Department Head, Digital Library Initiatives, NCSU"): a
 * one-word name or a university's acronym in capitals right after "at", "@" or a comma.
 */
const AT_SHORT_NAME = /(?:(?<![\p{L}\p{N}])at|@|,)\s*(?:the\s+)?(\p{Lu}[\p{L}'’-]{1,})(?![\p{L}\p{N}]|-)/gu;
/** A university's handle as its people write it: capitals ("NCSU", "SJSU") or "U" and a capitalised name ("UMass", "UConn"). */
const HANDLE_WORD = /^(?:[A-Z]{2,6}|U[A-Z][a-z]{2,8})$/;

/** What follows a person's name as the subject of a sentence ("Adrian is", "Adrian's love"). */
const PERSON_AFTER = /^(?:['’]s\s+\p{Ll}|\s+(?:is|was|has|had|will|works|worked|holds|leads|loves|enjoys)\b)/u;

/**
 * "<role> at <short name>" ("UX librarian at Stanford", "PhD student @ Deakin", "Visualization Librarian, NCSU"):
 * a university named the way its own people name it. Only one-word short names that a single university has
 * and that are no place or word of the lexicons (registries.ts), or a university domain's label written in
 * capitals ("NCSU", "SJSU", "UMN": not one of lexicon.json's acronymStoplist), and only after a role in the
 * same clause. An acronym alone is a hint (registries.ts ACRONYM); after a role it names the workplace.
 */
function shortNameHits(field: FieldText, out: RegistryHits): void {
  const { shortNames, handles, acronymStoplist } = registries();
  for (const m of field.text.matchAll(AT_SHORT_NAME)) {
    const word = m[1]!;
    // A one-word short name is not the start of a longer name ("at Deakin University" is read whole elsewhere);
    // a handle may be followed by its campus ("UMass Amherst", "UNC Chapel Hill").
    const rest = field.text.slice(m.index + m[0].length);
    const longer = /^\s+\p{Lu}/u.test(rest);
    // "When not working, Adrian is playing …": a name after a comma that does something is a person's ("Librarian at
    // NCSU is what I do" is still the university).
    if (m[0].trimStart().startsWith(',') && !/^[A-Z]+$/.test(word) && PERSON_AFTER.test(rest)) continue;
    // An acronym the base lexicons read otherwise keeps that reading ("HSE" is Ireland's health service).
    const acronym =
      HANDLE_WORD.test(word) && !acronymStoplist.has(word.toUpperCase()) && !sectorIndex.lookup(word).some((c) => c.sector !== 'academic')
        ? handles.get(word.toLowerCase())
        : undefined;
    const readings =
      (word.length >= 4 && !longer ? shortNames.get(word) : undefined) ?? (acronym?.sector === 'academic' ? acronym.readings : undefined);
    if (!readings) continue;
    const clause =
      field.text
        .slice(0, m.index)
        .split(/[.;|•·\n]/)
        .pop() ?? '';
    if (!ROLE_BEFORE.test(clause)) continue;
    const start = m.index + m[0].length - word.length;
    const end = start + word.length;
    // Where a student studies or a teacher teaches says less than what (`Student M(LIS), CSU`, `Teaching LIS at RMIT`):
    // a short name is a hint, and an acronym keeps only its own weak reading (registries.ts ACRONYM).
    const learning = STUDENT_ROLE.test(clause);
    if (!learning || !acronym) out.sector.push(hit(field, start, end, { academic: 1 }, learning ? 1 : NAMED));
    out.region.push(hit(field, start, end, { ...readings }, REGION_STRENGTH.institution));
  }
}

/** "ESRC UniMelb", "MonashUni Library": a university's handle run together in a display name, without "@". */
const CAMEL_WORD = /(?<![\p{L}\p{N}@])(\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*)(?![\p{L}\p{N}])/gu;

function camelHandleHits(field: FieldText, out: RegistryHits): void {
  const { handles } = registries();
  for (const m of field.text.matchAll(CAMEL_WORD)) {
    const body = handles.get(m[1]!.toLowerCase());
    if (body?.sector !== 'academic') continue;
    out.sector.push(hit(field, m.index, m.index + m[0].length, { academic: 1 }, NAMED));
    if (body.readings) out.region.push(hit(field, m.index, m.index + m[0].length, { ...body.readings }, REGION_STRENGTH.institution));
  }
}

export function registryHits(field: FieldText, tokens: readonly Token[]): RegistryHits {
  const out: RegistryHits = { sector: [], region: [] };
  if (field.kind !== 'text' && field.kind !== 'name') return out;
  mentionHits(field, out);
  if (field.kind === 'name') camelHandleHits(field, out);
  libraryNameHits(field, tokens, out);
  councilOfLibraryHits(field, out);
  namedSchoolHits(field, tokens, out);
  if (field.kind === 'text') shortNameHits(field, out);
  foundedLibraryHits(field, out);
  historicLibraryHits(field, out);
  venueLibraryHits(field, out);
  acronymLibraryHits(field, tokens, out);
  schoolOfHits(field, out);
  townCollegeHits(field, out);
  universityOfLibraryHits(field, out);
  if (field.label === 'location') locationHits(field, out);
  return out;
}
