/**
 * Sector from what a profile says about work: roles ("law librarian",
 * "teacher-librarian", "MLIS student"), workplaces ("NHS Foundation Trust",
 * "county library"), named bodies and web hosts. Each phrase carries a
 * weight (sectors.json); a sector's evidence is the sum over distinct
 * phrases, and decide() picks the largest if it clearly leads.
 *
 * Conflicts follow one rule: what someone does (a role, or a named kind of
 * library: weight 3, "outright") outranks where it is done (a workplace,
 * weight ≤ 2). Once any sector is said outright, sectors only hinted at
 * count half. So:
 *   - "academic law librarian", "law librarian at a university" → law: law
 *     libraries in universities share their practice (legal research,
 *     Westlaw/Lexis, AALL/BIALL) with firm and court libraries more than with
 *     liaison librarians, and those are the colleagues this product connects;
 *   - "archivist at a university" → archives; "medical librarian at a
 *     university" → health; "LIS lecturer at a university" → education;
 *   - a tie at equal weight falls to the specialism first (tieOrder in the
 *     data), but with share 0.5 it is below the default minShare and stays unknown.
 * A phrase after "former", "ex-", "previously" counts 0.3: the sector
 * someone left is not the one they are in. "Retired" is not among those
 * words: a retired school librarian still belongs to that community.
 */
import type { ContextValue } from '../../../shared/person.js';
import { decide, unknownValue } from './decide.js';
import type { FieldText } from './fields.js';
import { isPlaceName, SECTOR_PAST_WORDS, SECTOR_SPELLINGS, SECTOR_TIE_ORDER, sectorIndex, type SectorCue } from './gazetteer.js';
import { hostCue } from './hosts.js';
import type { ContextOptions } from './options.js';
import { registries, registryHostCue } from './registries.js';
import { libraryOfItsPlace, placeLibraryHost } from './library-names.js';
import { registryHits } from './registry-hits.js';
import { inSpans, pastSpans, serviceSpans } from './past-spans.js';
import { findHosts, distanceBefore, maskSpans, tokenize } from './tokenize.js';
import { OUTRIGHT, WORKPLACE_DISCOUNT, type SectorHit } from './sector-hit.js';
import { registryTokens } from './handle-tokens.js';
import { spelledNames, withoutSpelledOutAcronyms } from './spelled-out.js';
import { jobOverStudy, presentJob, studentElsewhere, studyPlaces } from './day-job.js';
import {
  discipline,
  DISCIPLINE_DISCOUNT,
  insideSlogan,
  listedPhrase,
  LISTED_DISCOUNT,
  sloganSpans,
  studiedField,
  surname,
} from './phrase-use.js';
import {
  lawSchoolLibrarians,
  lisSchoolPeople,
  partsOfUniversities,
  servedAudiences,
  universitysOwnLibraries,
  universitysSubjectLibrarians,
} from './university-parts.js';
import { libraryOfNamedInstitution, namesOfSchools, pupilLibrarians, schoolColleges } from './school-parts.js';

const PAST_DISCOUNT = 0.3;
/**
 * Evidence from which a sector is named (a workplace or a role: weight 2 and up, a display name's 1.5), and below
 * which a word is only a topic ("policies", "clinical", "digital preservation"). Once some sector is named, sectors
 * with topics only count this much: a long bio's subjects do not outvote its workplace.
 */
const NAMED_EVIDENCE = 1.5;
const TOPIC_DISCOUNT = 0.5;
/** A Mastodon server run by an institution: its members mostly work or study there. */
const INSTANCE_WORKPLACE = 2;

/** What makes a profile part of a library's world, for the words of any trade (needsLibraryContext). */
const LIBRARY_WORLD =
  /librar|biblio|archiv|museum|publish|catalogu|metadata|e-?books?\b|\bbooks?\b|journals?\b|scholarly|repositor|\bglam\b|\blis\b|information (?:specialist|professional|manage|officer|services)|knowledge manag|records\b/i;

/** A public library's own site named after its place ("torontopubliclibrary.ca"): a workplace, as a university's is. */
const PLACE_LIBRARY_HOST = 2;

function hostHit(field: FieldText, host: string, start: number, end: number, wide: boolean): SectorHit[] {
  const cue =
    ((wide ? registryHostCue(host) : undefined) ?? hostCue(host))?.sector ??
    (wide && placeLibraryHost(host) ? { id: 'public' as const, weight: PLACE_LIBRARY_HOST } : undefined);
  return cue ? [{ field: field.label, text: field.text, start, end, readings: { [cue.id]: 1 }, strength: cue.weight * field.weight }] : [];
}

function textHits(field: FieldText, wide: boolean): SectorHit[] {
  const { text, label } = field;
  const hosts = findHosts(text);
  // Read once per field, not once per phrase matched.
  const slogans = wide ? sloganSpans(text) : [];
  const hits: SectorHit[] = hosts.flatMap((h) => hostHit(field, h.host, h.start, h.end, wide));
  const plain = tokenize(maskSpans(text, hosts));
  const tokens = (wide ? registryTokens(field, plain) : plain).map((t) => {
    const full = SECTOR_SPELLINGS.get(t.norm);
    return full ? { ...t, norm: full } : t;
  });
  // Aside from the job now: the past, and service beside the job (it names the profession's bodies, not a workplace).
  const aside = wide ? [...pastSpans(text), ...serviceSpans(text)] : [];
  // A workplace named inside a degree held or a past clause ("MLS from SUNY Buffalo") is one left.
  if (wide)
    for (const h of registryHits(field, tokens).sector)
      hits.push(inSpans(aside, h.start) ? { ...h, strength: h.strength * PAST_DISCOUNT, aside: true } : h);
  const index = wide ? registries().sectorIndex : sectorIndex;
  // Each distinct phrase counts once per field: "archives … archives" is one claim.
  const seen = new Set<string>();
  for (const m of index.match(tokens, (cues) => Math.max(...cues.map((c) => c.weight)))) {
    const cues = m.payloads.filter((c): c is SectorCue & { sector: NonNullable<SectorCue['sector']> } => c.sector !== null);
    if (cues.length === 0) continue;
    const phrase = tokens
      .slice(m.first, m.last)
      .map((t) => t.norm)
      .join(' ');
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    if (wide && surname(field, tokens, m.first, m.last, cues)) continue;
    if (insideSlogan(slogans, tokens[m.first]!.start, tokens[m.last - 1]!.end)) continue;
    const start = tokens[m.first]!.start;
    const end = tokens[m.last - 1]!.end;
    const left =
      distanceBefore(tokens, m.first, text, wide ? registries().pastWords : SECTOR_PAST_WORDS) < Infinity || inSpans(aside, start);
    // A phrase filed under two sectors ("knowledge manager": law and special) splits its weight by them.
    const weight = Math.max(...cues.map((c) => c.weight));
    const readings = Object.fromEntries(cues.map((c) => [c.sector, 1 / cues.length]));
    const listed = wide && listedPhrase(text, tokens, m.first, m.last, phrase, cues);
    const generic = wide && registries().needsLibraryContext.has(phrase);
    const ofDiscipline = wide && !cues.some((c) => c.sector === 'academic' || c.sector === 'education') && discipline(text, start);
    const factor =
      (left ? PAST_DISCOUNT : 1) *
      (listed ? LISTED_DISCOUNT : 1) *
      (ofDiscipline ? DISCIPLINE_DISCOUNT : 1) *
      (wide && studiedField(text, start, phrase) ? OUTRIGHT : 1);
    hits.push({
      field: label,
      text,
      start,
      end,
      readings,
      strength: weight * field.weight * factor,
      outright: weight >= OUTRIGHT && !left && !listed && !ofDiscipline,
      ...(listed ? { listed } : {}),
      ...(generic ? { generic } : {}),
      ...(left ? { aside: true } : {}),
    });
  }
  if (wide) studyPlaces(text, hits);
  if (wide) studentElsewhere(text, hits);
  if (wide && field.kind === 'text') presentJob(text, hits);
  // "Libraries Galleries Museums": one list of interests is one weak hint, however many kinds it names.
  const strongestListed = Math.max(0, ...hits.filter((h) => h.listed).map((h) => h.strength));
  const strongest = hits.find((h) => h.listed && h.strength === strongestListed);
  return hits.filter((h) => !h.listed || h === strongest);
}

/** A supporting hint's weight (sectors.json weight 1). */
const HINT = 1;

function fieldHits(field: FieldText, wide: boolean): SectorHit[] {
  if (field.kind === 'url') return hostHit(field, field.text, 0, field.text.length, wide);
  // A general server's name says nothing about its members' work; a server an institution runs for its own
  // people (`mastodon.uni-x.de`, `social.lib.x.edu`) names their workplace, as a workplace (at most 2), not a role.
  if (field.kind === 'instance') {
    const [h] = hostHit(field, field.text, 0, field.text.length, wide);
    return h ? [{ ...h, strength: Math.min(h.strength, INSTANCE_WORKPLACE * field.weight) }] : [];
  }
  return textHits(field, wide);
}

/** Hits that say a library account is its own place's public library (library-names.ts libraryOfItsPlace). */
function placeAccountHits(fields: readonly FieldText[]): SectorHit[] {
  const name = fields.find((f) => f.kind === 'name');
  const location = fields.find((f) => f.label === 'location');
  const found = name && location ? libraryOfItsPlace(name, location) : undefined;
  return found ? [found] : [];
}

/**
 * The location field names a place; only a named workplace in it ("University of Kentucky", "prof. Univ Antwerp - Ghent
 * Uni") says a sector, not a lone word ("Uni Pub, Glasgow").
 */
const LOCATION_SECTOR_FLOOR = 2;

/**
 * A location hit whose words are a place: a publisher named after its district ("Bloomsbury & Beyond"), the town of a
 * national library's site ("Boston Spa"). Someone who gives the place says where they are, not where they work.
 */
function placeInLocation(h: SectorHit): boolean {
  return h.field === 'location' && isPlaceName(h.text.slice(h.start, h.end));
}

/**
 * "NHS Ayrshire & Arran Library Service", "NHS Grampian Aberdeen Library": a place's library named within or right after
 * a health body's name is that body's library ("Arran Library" here is the health board's), not the place's public one.
 */
function placeLibraryInBodyName(h: SectorHit, hits: readonly SectorHit[]): boolean {
  if (!h.readings.public) return false;
  return hits.some(
    (b) =>
      b.field === h.field &&
      b.readings.health === 1 &&
      b.start < h.start &&
      b.end < h.end &&
      // Read from the same words ("NHS Ayrshire & Arran" / "Arran Library"), or run on into them ("NHS Grampian Aberdeen Library").
      (b.end > h.start || /^\s+$/.test(h.text.slice(b.end, h.start))),
  );
}

/**
 * "Brookes Wheatley Lib" whose bio says "the team at Oxford Brookes Wheatley library": a display name's place library
 * whose place the bio writes right after a university's name is that university's campus library, not the town's.
 */
function campusOfNamedUniversity(h: SectorHit, hits: readonly SectorHit[]): boolean {
  if (h.field !== 'name' || !h.readings.public) return false;
  const place = /^\p{Lu}[\p{L}'’-]+/u.exec(h.text.slice(h.start, h.end))?.[0];
  if (!place) return false;
  // One academic reading only: a university, not a hit shared with another sector.
  return hits.some((u) => {
    if (u.field === 'name' || u.readings.academic !== 1) return false;
    const rest = u.text.slice(u.end);
    const word = /^\s+(\p{L}[\p{L}'’-]*)/u.exec(rest)?.[1];
    return word === place;
  });
}

/** Every field's hits, less those the profile itself explains away (spelled-out initials, a school's or college's name). */
function profileHits(fields: readonly FieldText[], options: ContextOptions): SectorHit[] {
  const found = fields.flatMap((f) => fieldHits(f, options.registries));
  if (!options.registries) return found;
  const spelled = spelledNames(fields);
  return namesOfSchools(
    withoutSpelledOutAcronyms(found, spelled).filter(
      (h) =>
        !placeInLocation(h) &&
        !libraryOfNamedInstitution(h, fields) &&
        !placeLibraryInBodyName(h, found) &&
        !campusOfNamedUniversity(h, found),
    ),
  );
}

export function inferSector(fields: readonly FieldText[], options: ContextOptions): ContextValue {
  const read = profileHits(fields, options);
  const inLocation = read.filter((h) => h.field === 'location').reduce((sum, h) => sum + h.strength, 0);
  const all = read.filter((h) => !options.registries || h.field !== 'location' || inLocation >= LOCATION_SECTOR_FLOOR);
  if (options.registries) all.push(...placeAccountHits(fields));
  // A word of any trade counts in a library's world, or beside a sector named otherwise ("trainer at LexisNexis").
  const otherwise = new Set(all.filter((h) => !h.generic && h.strength > HINT).flatMap((h) => Object.keys(h.readings)));
  const libraryWorld = fields.some((f) => LIBRARY_WORLD.test(f.text));
  const hits = all.filter((h) => libraryWorld || !h.generic || Object.keys(h.readings).some((s) => otherwise.has(s)));
  if (options.registries) {
    jobOverStudy(hits);
    universitysOwnLibraries(hits);
    servedAudiences(hits);
    partsOfUniversities(hits);
    universitysSubjectLibrarians(hits);
    lawSchoolLibrarians(hits);
    lisSchoolPeople(hits);
    schoolColleges(hits);
    pupilLibrarians(hits);
  }
  // Role over workplace: once some sector is said outright, sectors only hinted at by a workplace count half.
  const outright = new Set(hits.filter((h) => h.outright).flatMap((h) => Object.keys(h.readings)));
  if (outright.size > 0) for (const h of hits) if (!Object.keys(h.readings).some((s) => outright.has(s))) h.strength *= WORKPLACE_DISCOUNT;
  // Workplace over topic (with the registries; without them, the written lexicons' rule alone): once some sector
  // is named, sectors with topic words only count half.
  const named = new Set(hits.filter((h) => !h.listed && h.strength >= NAMED_EVIDENCE).flatMap((h) => Object.keys(h.readings)));
  if (options.registries && named.size > 0)
    for (const h of hits) if (!Object.keys(h.readings).some((s) => named.has(s))) h.strength *= TOPIC_DISCOUNT;
  const answer = decide(hits, options, SECTOR_TIE_ORDER);
  // sectors.json: a weight-1 phrase "only supports others". Hints alone, however many fields repeat them ("Music
  // Library Assn." / "music libraries"), are not an answer: the sector needs one piece of evidence above a hint.
  if (options.registries && answer.value !== 'unknown' && !hits.some((h) => (h.readings[answer.value] ?? 0) > 0 && h.strength > HINT))
    return { ...unknownValue(), evidence: `too little for ${answer.value}: ${answer.evidence ?? ''}` };
  return answer;
}
