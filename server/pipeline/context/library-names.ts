/**
 * Libraries named in a profile, read with the registries: a library named after a place, with or without a bio
 * ("Suffolk Libraries", "Great Barr Library", "Library of Birmingham", "City of Sydney Library", "@brooklynlibrary",
 * "torontopubliclibrary.ca") is that place's public library, unless a word before it says otherwise ("State Library",
 * "University Library", "School Library"); a university's initials or shorthand before "Library" ("ANU Library",
 * "UoN Libraries") are its library; a founder's ("Gladstone's Library") or a historic one is an independent library.
 * Each gives a sector hit and, where the place or body is known, a region hit (registry-hits.ts calls them).
 */
import type { Hit } from './decide.js';
import type { FieldText } from './fields.js';
import { REGION_STRENGTH, regionIndex, sectorIndex, type SectorId } from './gazetteer.js';
import { hit, NAMED, SAME_PHRASE, type RegistryHits } from './registry-hit.js';
import { registries, type Body } from './registries.js';
import { ACRONYM, fold, type Token } from './tokenize.js';

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
  'borough',
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
  // "TU Delft Library", "KU Leuven Libraries": a technical or catholic university named after its town.
  'tu',
  'ku',
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
  // "NHS Ayrshire & Arran Library Service": a health board's library service, named after its area.
  'nhs',
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

// "@brooklynlibrary", "@sfpubliclibrary", "@LeedsLibraries": a handle that is a place and "library" is that place's public library.
const PLACE_LIBRARY_HANDLE = /^([a-z]{3,24}?)_?(?:public_?)?(?:librar(?:y|ies)|libs?)$/;

/** The public library a handle names after its place, if the place is one the gazetteer or the library registries know. */
export function placeLibraryHandle(handle: string): Body | undefined {
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

/** The place a span of tokens names, if it is a city, county or region ("Suffolk", "Great Barr" is not one). */
function placeReadings(text: string): Record<string, number> | undefined {
  // "Hounslow's Libraries": the place in the possessive.
  const cue = regionIndex.lookup(text.replace(/['’]s$/, '')).find((c) => PLACE_KINDS.has(c.kind));
  return cue ? { ...cue.readings } : undefined;
}

export function libraryNameHits(field: FieldText, tokens: readonly Token[], out: RegistryHits): void {
  const { publicLibraries, usOnlyLibraries } = registries();
  const text = field.text;
  const joined = (a: number, b: number) =>
    tokens.slice(a, b).every((t, k) => k === 0 || SAME_PHRASE.test(text.slice(tokens[a + k - 1]!.end, t.start)));
  for (let i = 0; i < tokens.length; i++) {
    // A display name may write the word small ("Lancashire libraries", "Broomhill library"); a bio's "Leeds library" is not a name.
    if (!LIBRARY.has(tokens[i]!.norm) || (!/^\p{Lu}/u.test(tokens[i]!.raw) && field.kind !== 'name')) continue;
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

/**
 * "ANU Library", "UOW Library", "UGA Music Library", "RGU Library": a university's acronym (a domain label of the
 * registry, written in capitals) before "Library", with at most a subject between, is that university's library.
 */
export function acronymLibraryHits(field: FieldText, tokens: readonly Token[], out: RegistryHits): void {
  const { handles } = registries();
  for (let i = 1; i < tokens.length; i++) {
    if (!LIBRARY.has(tokens[i]!.norm) || !/^\p{Lu}/u.test(tokens[i]!.raw)) continue;
    const at = FILLER.has(tokens[i - 1]!.norm) && i >= 2 ? i - 2 : i - 1;
    const acronym = tokens[at]!;
    // "NHSGGC Library": the rest of a health board's name after "NHS" is no university's initials.
    if (at > 0 && tokens[at - 1]!.raw === 'NHS' && tokens[at - 1]!.end === acronym.start) continue;
    // An acronym the base lexicons read otherwise keeps that reading ("HSE Library" is Ireland's health service's).
    if (!ACRONYM.test(acronym.raw) || sectorIndex.lookup(acronym.raw).some((c) => c.sector !== 'academic')) continue;
    const body = handles.get(acronym.norm);
    if (body?.sector !== 'academic') continue;
    out.sector.push(hit(field, acronym.start, tokens[i]!.end, { academic: 1 }, ACRONYM_LIBRARY));
    if (body.readings) out.region.push(hit(field, acronym.start, tokens[i]!.end, { ...body.readings }, REGION_STRENGTH.institution));
  }
}

// "City of Sydney Library", "Shire of Yarra Ranges Libraries": a council named "<kind> of <place>" and its libraries.
const COUNCIL_OF_LIBRARY =
  /(?<![\p{L}\p{N}])(?:City|Shire|Town|Borough|County|Municipality|District|Council) of (?:the )?(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2})\s+(?:Public\s+)?(?:Library|Libraries)\b/gu;

export function councilOfLibraryHits(field: FieldText, out: RegistryHits): void {
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

export function universityOfLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(UNIVERSITY_OF_LIBRARY))
    out.sector.push(hit(field, m.index, m.index + m[0].length, { academic: 1 }, NAMED));
}

// A library named in the possessive after its founder ("Gladstone's Library", "Chetham's Library", "Marsh's Library")
// is an endowed, independent library; readers' groups in the possessive ("Children's Library") are not founders.
const FOUNDED_LIBRARY = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}-]+)['’]s\s+Library\b/gu;
const NOT_FOUNDERS = new Set([
  'children',
  'people',
  'kids',
  'teens',
  'citizens',
  'members',
  'readers',
  'students',
  'everyone',
  // An institution in the possessive ("Liberton High School's Library") is its own library, not an endowed one.
  'school',
  'academy',
  'college',
  'university',
  'hospital',
]);

export function foundedLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const m of field.text.matchAll(FOUNDED_LIBRARY)) {
    // "St John's Library" is named after a saint, or the place named after one.
    if (NOT_FOUNDERS.has(fold(m[1]!)) || /\b(?:St|Saint)\.?\s*$/.test(field.text.slice(0, m.index))) continue;
    // "Kent's Library, Registration and Archive service": a county or city in the possessive is no founder.
    if (placeReadings(m[1]!)) continue;
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

export function historicLibraryHits(field: FieldText, out: RegistryHits): void {
  for (const clause of field.text.matchAll(/[^.;|•\n]+/g)) {
    if (!/\blibrar(?:y|ies)\b/i.test(clause[0])) continue;
    const m = HISTORIC.exec(clause[0]);
    if (m) out.sector.push(hit(field, clause.index + m.index, clause.index + m.index + m[0].length, { special: 1 }, HISTORIC_LIBRARY));
  }
}

// "Brantford Library", "SouthendLibraries", "The Hayward Public Library": a display name that is a library's.
const LIBRARY_ACCOUNT =
  /^(?:The\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}'’.-]*){0,3})\s*(?:[Pp]ublic\s+)?(?:[Ll]ibrary|[Ll]ibraries|[Ll]ibs?)\b/u;

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
