/**
 * Evidence only the registries give, beside phrase matches:
 *   - handles after "@" ("historian @unimelb", "Librarian@MQU", "works @slsa"):
 *     a university's or a national library's account names the workplace;
 *   - a library named after a place, with or without a bio ("Suffolk
 *     Libraries", "Great Barr Library", "Library of Birmingham"): that
 *     place's public library, unless a word before it says otherwise
 *     ("State Library", "University Library", "School Library").
 * Both give sector hits and, where the body's country is known, region hits.
 */
import type { Hit } from './decide.js';
import type { FieldText } from './fields.js';
import { REGION_STRENGTH, regionIndex, sectorIndex, type SectorId } from './gazetteer.js';
import { registries, type Body } from './registries.js';
import { fold, type Token } from './tokenize.js';

/** Weight of a named public library or a handle: a workplace named outright. */
const NAMED = 2.5;
/**
 * "GSA Library" beside "George Spencer Academy": initials that are also some university's web name are a guess at that
 * university, below a workplace named in words (2 and more), above a hint (1).
 */
const ACRONYM_LIBRARY = 1.5;
/** Below a role (3): "Aintree Library … at Aintree University Hospital" is the hospital's. */
const PUBLIC_LIBRARY = 2.5;
// Words between a place and "Library" that keep it the place's ("Westminster Reference Library").
const FILLER = new Set([
  'reference',
  'pub',
  'free',
  'memorial',
  'central',
  'music',
  'community',
  'town',
  'main',
  'local',
  'district',
  'branch',
  'mobile',
  'city',
  'county',
  'public',
]);
// Words before "Library" that make it another kind (the lexicon reads those phrases).
const NOT_PUBLIC = new Set([
  'state',
  'national',
  'university',
  'uni',
  // University systems' prefixes: "UC San Diego Library", "SUNY Oswego Library", "CUNY Brooklyn College Library".
  'uc',
  'suny',
  'cuny',
  'college',
  'campus',
  'faculty',
  'school',
  'academy',
  'hospital',
  'medical',
  'health',
  'law',
  'museum',
  'parliamentary',
  'art',
  'research',
  'institute',
  'society',
  'congress',
  'presidential',
  'memorial',
  'digital',
  // "Royal Surrey Library", "Royal Berkshire Library": a royal place is a hospital's ("Royal Surrey County Hospital").
  'royal',
  'my',
  'our',
  'the',
  'your',
  'a',
  'of',
  'at',
  'in',
]);
const LIBRARY = new Set(['library', 'libraries', 'lib', 'libs']);
const PLACE_KINDS = new Set(['city', 'region', 'nickname']);
const SAME_PHRASE = /^(?:[\s'’]*|-)$/;
const SMALL_WORDS = new Set(['my', 'our', 'your', 'a', 'at', 'in']);
/** Bodies whose "<body> of <Place> Library" is theirs, not the place's ("University of Leeds Library"). */
const OF_BODY = new Set([
  'university',
  'college',
  'institute',
  'institution',
  'museum',
  'school',
  'society',
  'academy',
  'polytechnic',
  'faculty',
  'department',
  'hospital',
  'bank',
  'church',
  'cathedral',
]);
/** Small words inside a hyphenated place name ("Stoke-on-Trent", "Southend-on-Sea", "Bradford-upon-Avon"). */
const HYPHENATED = new Set(['on', 'upon', 'under', 'le', 'en', 'by', 'in', 'the', 'de', 'sur']);

export interface RegistryHits {
  sector: Hit[];
  region: Hit[];
}

const hit = (field: FieldText, start: number, end: number, readings: Record<string, number>, strength: number): Hit => ({
  field: field.label,
  text: field.text,
  start,
  end,
  readings,
  strength: strength * field.weight,
});

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

// "@brooklynlibrary", "@sfpubliclibrary", "@LeedsLibraries": a handle that is a place and "library" is that place's public library.
const PLACE_LIBRARY_HANDLE = /^([a-z]{3,24}?)_?(?:public_?)?(?:librar(?:y|ies)|libs?)$/;

/** The public library a handle names after its place, if the place is one the gazetteer or the library registries know. */
function placeLibraryHandle(handle: string): Body | undefined {
  const m = PLACE_LIBRARY_HANDLE.exec(handle.toLowerCase());
  if (!m || NOT_PUBLIC.has(m[1]!)) return undefined;
  const { publicLibraries, usOnlyLibraries } = registries();
  const listed = usOnlyLibraries.has(m[1]!) ? undefined : publicLibraries.get(m[1]!);
  const readings = placeReadings(m[1]!) ?? listed;
  return readings ? { sector: 'public', readings } : undefined;
}

/** A web host whose name is a place and "library" ("torontopubliclibrary.ca", "brooklynlibrary.org"): that public library. */
export function placeLibraryHost(host: string): Body | undefined {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  return labels.length >= 2 ? placeLibraryHandle(labels[0]!) : undefined;
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

/** The place a span of tokens names, if it is a city, county or region ("Suffolk", "Great Barr" is not one). */
function placeReadings(text: string): Record<string, number> | undefined {
  const cue = regionIndex.lookup(text).find((c) => PLACE_KINDS.has(c.kind));
  return cue ? { ...cue.readings } : undefined;
}

function libraryNameHits(field: FieldText, tokens: readonly Token[], out: RegistryHits): void {
  const { publicLibraries, usOnlyLibraries } = registries();
  const text = field.text;
  const joined = (a: number, b: number) =>
    tokens.slice(a, b).every((t, k) => k === 0 || SAME_PHRASE.test(text.slice(tokens[a + k - 1]!.end, t.start)));
  for (let i = 0; i < tokens.length; i++) {
    if (!LIBRARY.has(tokens[i]!.norm) || !/^\p{Lu}/u.test(tokens[i]!.raw)) continue;
    // "<Place> Library": the longest run of capitalised words before it that names a UK library or a place.
    let found: { first: number; readings?: Record<string, number>; registry: boolean } | undefined;
    for (let first = Math.max(0, i - 4); first < i && !found; first++) {
      const span = tokens.slice(first, i);
      const hyphenated = (k: number) =>
        HYPHENATED.has(span[k]!.norm) &&
        k > 0 &&
        text.slice(span[k - 1]!.end, span[k]!.start) === '-' &&
        text.slice(span[k]!.end, span[k + 1]?.start) === '-';
      if (
        !joined(first, i + 1) ||
        span.some(
          (t, k) => (t.raw === '&' ? k === 0 : !/^\p{Lu}/u.test(t.raw) && !hyphenated(k)) || (NOT_PUBLIC.has(t.norm) && !hyphenated(k)),
        )
      )
        continue;
      // "University of Leeds Library" is the university's; "The Official Twitter Page of Middlesbrough Libraries" is the town's.
      const before = first > 0 ? tokens[first - 1]!.norm : '';
      const ofAName = before === 'of' && first > 1 && OF_BODY.has(tokens[first - 2]!.norm);
      // Small words may not be part of the name ("My Leeds Library"), but before it they say nothing ("Librarian at Kirklees
      // Libraries"); "the Leeds Library" stays the independent one.
      const smallWord = SMALL_WORDS.has(before);
      // "@UniofNottingham Libraries", split at its capitals: a handle's "Uniof" is "Uni of", the place is the body's.
      const body = before.endsWith('of') ? before.slice(0, -2) : '';
      if (NOT_PUBLIC.has(body) || OF_BODY.has(body)) continue;
      if (before && NOT_PUBLIC.has(before) && !smallWord && (before !== 'of' || ofAName) && joined(first - 1, first + 1)) {
        // The run after "University of" ("University of North Texas Libraries") is the body's, and so is every shorter run in it.
        if (ofAName) break;
        continue;
      }
      let named = span;
      const shorter = [span];
      while (named.length > 1 && FILLER.has(named[named.length - 1]!.norm)) shorter.push((named = named.slice(0, -1)));
      // The longest name a registry lists: "Orange County Public Libraries" is Orange County's (California), not Orange's (NSW).
      named = shorter.find((n) => publicLibraries.has(n.map((t) => t.norm).join(' '))) ?? named;
      const name = named.map((t) => t.norm).join(' ');
      // Two places joined ("Dumfries & Galloway Libraries", "Brighton & Hove Libraries"): the first one settles it.
      const and = named.findIndex((t) => t.raw === '&');
      const readings =
        placeReadings(text.slice(named[0]!.start, named[named.length - 1]!.end)) ??
        (and > 0 ? placeReadings(text.slice(named[0]!.start, named[and - 1]!.end)) : undefined);
      // "Stanford Libraries", "Harvard Library": a university's handle that no public library is named after may name the
      // university's library, so it is no town's ("Leeds Libraries" are the city's: the registries list Leeds's).
      // Only where the word would otherwise be read as a town ("Open Libraries" is no university's).
      const university = named.length === 1 && readings ? registries().handles.get(name) : undefined;
      if (university?.sector === 'academic' && !publicLibraries.has(name)) continue;
      // A US-only town counts only as the whole capitalised name before "Library" ("Stuart Hall Library" is no Hall's).
      const wholeRun = first === 0 || !/^\p{Lu}/u.test(tokens[first - 1]!.raw) || !joined(first - 1, first + 1);
      const listed = usOnlyLibraries.has(name) && !wholeRun ? undefined : publicLibraries.get(name);
      if (listed) found = { first, readings: readings ?? { ...listed }, registry: true };
      else if (readings) found = { first, readings, registry: false };
    }
    // "Library of <Place>" ("Free Library of Philadelphia"), unless "State/National Library of …".
    if (!found && tokens[i + 1]?.norm === 'of' && !(i > 0 && NOT_PUBLIC.has(tokens[i - 1]!.norm))) {
      for (let last = Math.min(tokens.length, i + 5); last > i + 2 && !found; last--) {
        const readings = placeReadings(text.slice(tokens[i + 2]!.start, tokens[last - 1]!.end));
        if (readings && joined(i, last)) {
          out.sector.push(hit(field, tokens[i]!.start, tokens[last - 1]!.end, { public: 1 }, PUBLIC_LIBRARY));
          found = { first: i, registry: false };
        }
      }
      continue;
    }
    if (!found) continue;
    const start = tokens[found.first]!.start;
    const end = tokens[i]!.end;
    out.sector.push(hit(field, start, end, { public: 1 } as Record<SectorId, number>, PUBLIC_LIBRARY));
    // The place itself is read by the gazetteer in bios; a display name is read for it here.
    if (found.readings && (found.registry || field.kind === 'name'))
      out.region.push(hit(field, start, end, found.readings, REGION_STRENGTH.institution));
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
]);

/** A named school, academy or grammar ("Alderley Edge School for Girls", "Hans Price Academy", "Melbourne Girls Grammar"): a school workplace. */
function namedSchoolHits(field: FieldText, tokens: readonly Token[], out: RegistryHits): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (
      (t.raw !== 'School' && t.raw !== 'Academy' && t.raw !== 'Grammar') ||
      !/^\p{Lu}/u.test(prev.raw) ||
      NOT_A_SCHOOL.has(prev.norm) ||
      tokens[i + 1]?.norm === 'of'
    )
      continue;
    if (!SAME_PHRASE.test(field.text.slice(prev.end, t.start))) continue;
    // "Royal Irish Academy", "British Academy", "Royal Academy": a nation's academy is a learned body, not a school.
    const learned =
      t.raw === 'Academy' && (tokens[i - 2]?.norm === 'royal' || regionIndex.lookup(prev.raw).some((c) => c.kind === 'demonym'));
    if (learned) continue;
    out.sector.push(hit(field, prev.start, t.end, { school: 1 }, 2));
  }
}

// "CA" after a town the gazetteer does not know is California far more often than Canada: Canadians write the
// province ("Guelph, ON"). A known Canadian city keeps Canada ("Toronto, CA"): the gazetteer reads that one.
const TOWN_CODE_READINGS: Readonly<Record<string, Record<string, number>>> = { CA: { US: 0.8, CA: 0.2 } };

const INSTITUTION_AFTER_TOWN =
  /\s+(?:(?:High|Grammar|Primary|Secondary|Community|Junior|Infant|Girls'?|Boys'?|Sixth Form|Public|Central)\s+)*(?:School|Academy|College|Library|Libraries|Hospital)$/i;

/**
 * A location field the gazetteer does not know but the registries do: "Topsfield, MA" (a town, then a state
 * or province code), "beechworth" (a town with a public library in the registries). Location fields only:
 * in a bio, town names are too often words ("Reading", "Bath").
 */
function locationHits(field: FieldText, out: RegistryHits): void {
  const { publicLibraries, usOnlyLibraries } = registries();
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
    const listed = name && !usOnlyLibraries.has(fold(name)) ? publicLibraries.get(fold(name)) : undefined;
    if (listed && regionIndex.lookup(name).length === 0)
      out.region.push(hit(field, start, start + name.length, { ...listed }, REGION_STRENGTH.institution));
  }
}

/**
 * "ANU Library", "UOW Library", "UGA Music Library", "RGU Library": a university's acronym (a domain label of the
 * registry, written in capitals) before "Library", with at most a subject between, is that university's library.
 */
function acronymLibraryHits(field: FieldText, tokens: readonly Token[], out: RegistryHits): void {
  const { handles } = registries();
  for (let i = 1; i < tokens.length; i++) {
    if (!LIBRARY.has(tokens[i]!.norm) || !/^\p{Lu}/u.test(tokens[i]!.raw)) continue;
    const at = FILLER.has(tokens[i - 1]!.norm) && i >= 2 ? i - 2 : i - 1;
    const acronym = tokens[at]!;
    // An acronym the base lexicons read otherwise keeps that reading ("HSE Library" is Ireland's health service's).
    if (!/^[A-Z]{2,6}$/.test(acronym.raw) || sectorIndex.lookup(acronym.raw).some((c) => c.sector !== 'academic')) continue;
    const body = handles.get(acronym.norm);
    if (body?.sector !== 'academic') continue;
    out.sector.push(hit(field, acronym.start, tokens[i]!.end, { academic: 1 }, ACRONYM_LIBRARY));
    if (body.readings) out.region.push(hit(field, acronym.start, tokens[i]!.end, { ...body.readings }, REGION_STRENGTH.institution));
  }
}

// "City of Sydney Library", "Shire of Yarra Ranges Libraries": a council named "<kind> of <place>" and its libraries.
const COUNCIL_OF_LIBRARY =
  /(?<![\p{L}\p{N}])(?:City|Shire|Town|Borough|County|Municipality|District|Council) of (?:the )?(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2})\s+(?:Public\s+)?(?:Library|Libraries)\b/gu;

function councilOfLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(COUNCIL_OF_LIBRARY)) {
    const readings = placeReadings(m[1]!) ?? (registries().publicLibraries.get(fold(m[1]!)) as Record<string, number> | undefined);
    if (!readings) continue;
    out.sector.push(hit(field, m.index, m.index + m[0].length, { public: 1 }, PUBLIC_LIBRARY));
    if (field.kind === 'name') out.region.push(hit(field, m.index, m.index + m[0].length, { ...readings }, REGION_STRENGTH.institution));
  }
}

// "UoN Libraries", "UoB Library", "UoS Library Services": "University of X" shortened the way UK and Australian
// universities' own people write it, before "Library".
const UNIVERSITY_OF_LIBRARY = /(?<![\p{L}\p{N}])Uo[A-Z][A-Za-z]{0,4}\s*_?(?:Library|Libraries|Lib|Libs)\b/gu;

function universityOfLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(UNIVERSITY_OF_LIBRARY))
    out.sector.push(hit(field, m.index, m.index + m[0].length, { academic: 1 }, NAMED));
}

// "School of Music", "School of Information": a university's school (LIS schools are read as education by the lexicon).
const SCHOOL_OF = /(?<![\p{L}\p{N}])School of (?:the )?(?!(?:Library|Libraries|Information|Librarianship)\b)\p{Lu}\p{L}+/gu;

function schoolOfHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(SCHOOL_OF)) out.sector.push(hit(field, m.index, m.index + m[0].length, { academic: 1 }, 2));
}

// A library named in the possessive after its founder ("Gladstone's Library", "Chetham's Library", "Marsh's Library")
// is an endowed, independent library; readers' groups in the possessive ("Children's Library") are not founders.
const FOUNDED_LIBRARY = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}-]+)['’]s\s+Library\b/gu;
const NOT_FOUNDERS = new Set(['children', 'people', 'kids', 'teens', 'citizens', 'members', 'readers', 'students', 'everyone']);

function foundedLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(FOUNDED_LIBRARY)) {
    // "St John's Library" is named after a saint, or the place named after one.
    if (NOT_FOUNDERS.has(fold(m[1]!)) || /\b(?:St|Saint)\.?\s*$/.test(field.text.slice(0, m.index))) continue;
    out.sector.push(hit(field, m.index, m.index + m[0].length, { special: 1 }, 2));
  }
}

/**
 * "Scotland's Oldest Free Lending Library, est 1680", "a Georgian library", "a 19th century research library",
 * "Founded by Richard Hurd, Bishop of Worcester 1781-1808": a library that says it is old — founded before public
 * libraries were (the UK's Public Libraries Act is of 1850) — is an endowed, subscription or institution library: a
 * strong hint of special (LABELLING.md, sector rule 9). Only in a clause that names a library; a university or a
 * town named beside it still outweighs it.
 */
const HISTORIC =
  /\b(?:oldest|georgian|victorian|medieval|(?:1[5-9]|seventeenth|eighteenth|nineteenth)(?:th)?[\s-]century|(?:founded|est\.?|established|since|dating from|built)\s+(?:in\s+)?(?:by\s+[^.;|\n]{0,60}?)?1(?:[45678]\d\d)\b)/i;
const HISTORIC_LIBRARY = 1.5;

function historicLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const clause of field.text.matchAll(/[^.;|•\n]+/g)) {
    if (!/\blibrar(?:y|ies)\b/i.test(clause[0])) continue;
    const m = HISTORIC.exec(clause[0]);
    if (m) out.sector.push(hit(field, clause.index + m.index, clause.index + m.index + m[0].length, { special: 1 }, HISTORIC_LIBRARY));
  }
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

// "Brantford Library", "SouthendLibraries", "The Hayward Public Library": a display name that is a library's.
const LIBRARY_ACCOUNT =
  /^(?:The\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}'’.-]*){0,3})\s*(?:Public\s+)?(?:Library|Libraries|Libs?)\b/u;

/**
 * A library account named after the place its location field gives ("Brantford Library" in "Brantford, Ontario",
 * "Southend Libraries" in "Southend on Sea"): the town's public library (LABELLING.md, sector rule 10), whether or
 * not the registries list the town. Words that make it another kind ("State", "University", "School") stop it.
 */
export function libraryOfItsPlace(name: FieldText, location: FieldText): Hit | undefined {
  const m = LIBRARY_ACCOUNT.exec(name.text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
  if (!m) return undefined;
  const words = fold(m[1]!)
    .split(/[\s&]+/)
    .filter(Boolean);
  if (words.some((w) => NOT_PUBLIC.has(w) || LIBRARY.has(w))) return undefined;
  // "Stanford Libraries" in "Stanford, CA" is the university's: a university's short name or handle is no town's library.
  const { shortNames, handles, publicLibraries } = registries();
  if (
    words.length === 1 &&
    (shortNames.has(m[1]!.trim()) || (handles.get(words[0]!)?.sector === 'academic' && !publicLibraries.has(words[0]!)))
  )
    return undefined;
  const place = fold(location.text).split(/[^\p{L}\p{N}'’]+/u);
  const at = place.findIndex((_, i) => words.every((w, k) => place[i + k] === w));
  if (at < 0) return undefined;
  return hit(name, 0, name.text.length, { public: 1 }, PUBLIC_LIBRARY);
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
  acronymLibraryHits(field, tokens, out);
  schoolOfHits(field, out);
  universityOfLibraryHits(field, out);
  if (field.label === 'location') locationHits(field, out);
  return out;
}

export { NAMED as REGISTRY_NAMED };
