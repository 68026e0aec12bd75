/**
 * What the registries add to inference (context option `registries`), built
 * once on first use from registry-data.ts:
 *   - wider phrase indexes: the base lexicons plus university and college
 *     names (with the forms people write: "Melbourne University", "Uni of
 *     Melbourne", "Melbourne Uni"), national and state libraries, NHS trusts,
 *     trade bodies and abbreviations, roles in six languages; and base
 *     phrases re-weighed where they name an interest more often than a
 *     workplace ("history", "archival", "broadcaster");
 *   - acronyms written in capitals ("QUT", "RMIT") and handles after "@"
 *     ("@unimelb", "Librarian@MQU") read from the first label of university
 *     domains, beside the handles of national and state libraries;
 *   - web hosts: university domains (academic, their country), UK library
 *     authorities' and Australian library services' domains (public);
 *   - names of UK and Australian public libraries, authorities and branch
 *     towns, for "<name> Library" (library-names.ts); more Mastodon instances;
 *   - research organisations (ROR): health services and medical research
 *     institutes, archives, museums and heritage bodies, government agencies,
 *     colleges the university list lacks, each a named workplace of its
 *     sector with its country, as universities are.
 * A name that several universities share (in several countries) keeps all
 * their countries as readings, so it settles the sector but not the region.
 */
import {
  buildRegionIndex,
  buildSectorIndex,
  INSTITUTIONS_DATA,
  REGION_STRENGTH,
  SECTOR_PAST_WORDS,
  regionIndex,
  sectorIndex,
  type RegionCue,
  type RegistryPlace,
  type SectorCue,
  type SectorId,
  type SectorOffer,
} from './gazetteer.js';
import type { HostCue } from './hosts.js';
import type { PhraseIndex } from './match.js';
import { loadRegistries } from './registry-data.js';
import { fold, phraseKey } from './tokenize.js';
import { universityNameForms, wordyShortName } from './university-names.js';

/** A named workplace says the sector, but below a role (3): "archivist at a university" stays archives. */
const NAMED_WORKPLACE = 2.5;
/**
 * An acronym from a domain label ("QUT" from qut.edu.au) is only a hint: three
 * capitals mean many things ("LFC", "GIFT"). Alone it stays below the minimum
 * confidence; beside a role or a place it tips the balance.
 */
const ACRONYM = 1;
const ACRONYM_REGION = 1;
/** A body named in lexicon.json: a national or state library says the sector outright; other bodies are workplaces. */
const bodyWeight = (sector: SectorId) => (sector === 'national' ? 3 : NAMED_WORKPLACE);

export interface Body {
  sector?: SectorId;
  /** Country → share; shares sum to 1. */
  readings?: Readonly<Record<string, number>>;
}

export interface Registries {
  sectorIndex: PhraseIndex<SectorCue>;
  regionIndex: PhraseIndex<RegionCue>;
  /** Lower-case handle (after "@") → body. */
  handles: ReadonlyMap<string, Body>;
  /** Web domain → body. */
  domains: ReadonlyMap<string, Body>;
  /** Folded names of UK, Australian and US public libraries, authorities and branch towns, without "Library" → countries. */
  publicLibraries: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /**
   * Those of publicLibraries that only the US lists hold (names of two words or more): thousands of small towns, so
   * they count only as the whole name before "Library" ("Stuart Hall Library" is no Hall's) and never in a location field.
   */
  usOnlyLibraries: ReadonlySet<string>;
  /** Folded names of the UK's library authorities (council areas: "Angus", "Moray", "Cumbria"), for a location's area. */
  libraryAuthorities: ReadonlySet<string>;
  instances: Readonly<Record<string, string | null>>;
  /** Words that put a sector in the past, beside the base ones ("erstwhile academic"). */
  pastWords: ReadonlySet<string>;
  /**
   * A university's one-word short name ("Stanford" from "Stanford University", "Deakin" from "Deakin
   * University") → its countries, where one university alone has it and it is not a place or a word of the
   * lexicons; read only after a role and "at"/"@" ("librarian at Stanford", registry-hits.ts).
   */
  shortNames: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /**
   * Words of any trade that name a vendor or a special library only in a library's world ("sales", "startup",
   * "clients", "charity"): lexicon.json `needsLibraryContext`, as phrase keys. A profile that names no library,
   * archive, museum, book or publishing counts them for nothing (infer-sector.ts).
   */
  needsLibraryContext: ReadonlySet<string>;
  /** Capitals that are never read as a university's acronym ("CEO", "NYC", "ALA"): lexicon.json `acronymStoplist`. */
  acronymStoplist: ReadonlySet<string>;
}

// Labels of university domains that name no one ("my.uni.edu", "student.x.edu.au").
const NOT_A_NAME = new Set([
  'www',
  'my',
  'mail',
  'student',
  'students',
  'alumni',
  'staff',
  'web',
  'edu',
  'ac',
  'uni',
  'univ',
  'online',
  'portal',
  'email',
  'lib',
  'library',
]);
// Parts of UK library names that are not a place: "Central Library" is not Central's library.
const GENERIC_LIBRARY = new Set([
  'central',
  'main',
  'mobile',
  'town',
  'community',
  'reference',
  'local studies',
  'home',
  'village',
  'new',
  'city',
  'county',
  'district',
  'the',
]);

function spread(counts: ReadonlyMap<string, number>): Record<string, number> {
  const total = [...counts.values()].reduce((s, v) => s + v, 0);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, v]) => [c, v / total]));
}

function tally(map: Map<string, Map<string, number>>, key: string, country: string): void {
  const m = map.get(key) ?? new Map<string, number>();
  m.set(country, (m.get(country) ?? 0) + 1);
  map.set(key, m);
}

function build(): Registries {
  const { lexicon, universities, libraries, nhsTrusts, australia, unitedStates, organisations } = loadRegistries();
  const offers: SectorOffer[] = [];
  // `kept`: a body of lexicon.json, kept by hand, settles its name's country over the registries' ("York University" is
  // Toronto's, though "University of York" is written so too; "Lancaster University" is the UK's, though the registry
  // files that one as "University of Lancaster" and another country's under the name).
  const names = new Map<string, { written: string; countries: Map<string, number>; kept?: string }>();
  const place = (written: string, country: string, kept = false) => {
    const key = written.startsWith('=') ? written : fold(written);
    const entry = names.get(key) ?? { written, countries: new Map<string, number>() };
    entry.countries.set(country, (entry.countries.get(country) ?? 0) + 1);
    if (kept) entry.kept = country;
    names.set(key, entry);
  };
  const labels = new Map<string, Map<string, number>>();
  const domains = new Map<string, Body>();
  const shortCounts = new Map<string, Map<string, number>>();
  const stop = new Set(lexicon.acronymStoplist.map((a) => a.toUpperCase()));
  const notHandles = new Set(lexicon.handlesNotUniversities);
  for (const u of universities) {
    // A campus abroad ("Monash University, Malaysia") shares the name's sector, not its country.
    const campus = /,\s|\s[-–]\s|\(/.test(u.name);
    // …but a US system's campus ("UW-Madison", "Cal State Fullerton") is where the system is.
    const { variants, homeCampus, shortName } = universityNameForms(u.name);
    if (shortName) tally(shortCounts, shortName, u.country);
    for (const v of variants) {
      offers.push({ phrase: v, sector: 'academic', weight: NAMED_WORKPLACE });
      if (!campus || homeCampus.has(v)) place(v, u.country);
    }
    for (const d of u.domains) {
      domains.set(d, { sector: 'academic', readings: { [u.country]: 1 } });
      const label = d.split('.').find((l) => !NOT_A_NAME.has(l));
      if (label && /^[a-z]{3,12}$/.test(label) && !notHandles.has(label)) tally(labels, label, u.country);
    }
  }
  const shortNames = new Map<string, Record<string, number>>();
  for (const [word, countries] of shortCounts) {
    if (countries.size > 1 || [...countries.values()][0]! > 1 || wordyShortName(word)) continue;
    if (regionIndex.lookup(word).length === 0 && sectorIndex.lookup(word).length === 0) shortNames.set(word, spread(countries));
  }
  const handles = new Map<string, Body>();
  const acronyms: RegistryPlace[] = [];
  for (const [label, countries] of labels) {
    handles.set(label, { sector: 'academic', readings: spread(countries) });
    const upper = label.toUpperCase();
    // An acronym the base lexicons already read ("HSE", "NHS", "ALA") keeps that reading alone.
    const known = sectorIndex.lookup(upper).length > 0 || regionIndex.lookup(upper).length > 0;
    if (label.length <= 6 && !stop.has(upper) && !known) {
      offers.push({ phrase: `=${upper}`, sector: 'academic', weight: ACRONYM });
      acronyms.push({ name: `=${upper}`, readings: spread(countries), strength: ACRONYM_REGION });
    }
  }
  for (const trust of nhsTrusts) {
    offers.push({ phrase: trust, sector: 'health', weight: NAMED_WORKPLACE });
    place(trust, 'GB');
  }
  for (const body of lexicon.bodies) {
    for (const n of body.names) {
      if (body.handle) {
        handles.set(n.toLowerCase(), {
          ...(body.sector ? { sector: body.sector } : {}),
          ...(body.region ? { readings: { [body.region]: 1 } } : {}),
        });
        continue;
      }
      if (body.sector) offers.push({ phrase: n, sector: body.sector, weight: bodyWeight(body.sector) });
      if (body.region) place(n, body.region, true);
    }
  }
  // An organisation a university, an NHS trust or a body of institutions.json or lexicon.json already names keeps that
  // reading, and so does a name the base lexicons read ("Internet Archive" is no archive's, "National Archives" is
  // national already): their phrases are four words at most, so longer names are not looked up (each lookup reads the
  // name twice, and there are thousands).
  const named = new Set(
    [...offers.map((o) => o.phrase), ...INSTITUTIONS_DATA.institutions.flatMap((i) => i.names)].map((n) => fold(n.replace(/^=/, ''))),
  );
  for (const o of organisations) {
    const generic = o.name.startsWith('=');
    const written = generic ? o.name.slice(1) : o.name;
    if (named.has(fold(written)) || (written.split(' ').length <= 4 && sectorIndex.lookup(written).length > 0)) continue;
    offers.push({ phrase: o.name, sector: o.sector, weight: NAMED_WORKPLACE });
    // A name of common words alone ("Northern Health", "Historical Archives") is filed in one country by chance of
    // who registered first: it says the sector, not where.
    if (!generic) place(o.name, o.country);
  }
  for (const [sector, byWeight] of Object.entries(lexicon.patterns)) {
    for (const [weight, phrases] of Object.entries(byWeight))
      for (const p of phrases) offers.push({ phrase: p, sector: sector as SectorId, weight: Number(weight) });
  }
  const overrides = new Map(
    Object.entries(lexicon.overrides).map(([p, w]) => [phraseKey(p, false), w as Partial<Record<SectorId, number>>]),
  );
  const libraryPlaces = new Map<string, Map<string, number>>();
  const libraryBase = (n: string) =>
    fold(
      n
        .replace(/\s*\(.*\)\s*$/, '')
        .replace(
          /\s+(community\s+|public\s+|regional\s+|free\s+|memorial\s+)?(library|libraries)(\s+(service|services|system|district|and|&)\b.*)?$/i,
          '',
        )
        .replace(/\s+(city|shire|regional|municipal)?\s*council$|\s+branch$/i, '')
        .trim(),
    );
  const addLibrary = (n: string, country: string, unless?: ReadonlySet<string>) => {
    const base = libraryBase(n);
    if (!base || GENERIC_LIBRARY.has(base) || unless?.has(base)) return;
    tally(libraryPlaces, base, country);
    // "Southend-on-Sea" is also written "Southend on Sea", "Chandler's Ford" "Chandlers Ford".
    if (base.includes('-')) tally(libraryPlaces, base.replace(/-/g, ' '), country);
    if (/['’]/.test(base)) tally(libraryPlaces, base.replace(/['’]/g, ''), country);
  };
  // The towns of UK library addresses ("Cramlington", "Southend-on-Sea") are where a library is, as branch towns are.
  for (const n of [...libraries.libraries, ...libraries.authorities, ...libraries.towns]) addLibrary(n, 'GB');
  for (const n of [...australia.services, ...australia.towns]) addLibrary(n, 'AU');
  // US systems and their cities ("High Point Library", "Marstons Mills Pub Lib"). A name the UK or Australian lists
  // already hold keeps its reading there ("Cambridge Library", "Richmond Library"): a reading split with the many US
  // towns of the same name would settle nothing.
  const abroad = new Set(libraryPlaces.keys());
  // One-word US names ("Bond", "Lindley", "Hall") are surnames as often as towns: only names of two words or more.
  for (const [n] of [...unitedStates.libraries, ...unitedStates.cities]) if (/\s/.test(libraryBase(n))) addLibrary(n, 'US', abroad);
  const usOnlyLibraries = new Set([...libraryPlaces.keys()].filter((k) => !abroad.has(k)));
  const publicLibraries = new Map([...libraryPlaces].map(([base, countries]) => [base, spread(countries)]));
  for (const d of libraries.domains) if (!domains.has(d)) domains.set(d, { sector: 'public', readings: { GB: 1 } });
  for (const d of australia.domains) if (!domains.has(d)) domains.set(d, { sector: 'public', readings: { AU: 1 } });
  const placesList: RegistryPlace[] = [...names.values()].map((e) => ({
    name: e.written,
    readings: e.kept ? { [e.kept]: 1 } : spread(e.countries),
    strength: REGION_STRENGTH.institution,
  }));
  return {
    sectorIndex: buildSectorIndex(offers, overrides, NAMED_WORKPLACE),
    regionIndex: buildRegionIndex([...placesList, ...acronyms]),
    handles,
    domains,
    publicLibraries,
    usOnlyLibraries,
    libraryAuthorities: new Set(libraries.authorities.map((n) => libraryBase(n)).filter(Boolean)),
    instances: lexicon.instances,
    pastWords: new Set([...SECTOR_PAST_WORDS, ...lexicon.pastWords.map((w) => phraseKey(w, false))]),
    shortNames,
    acronymStoplist: stop,
    needsLibraryContext: new Set(lexicon.needsLibraryContext.map((w) => phraseKey(w, false))),
  };
}

let built: Registries | undefined;

/** The registries, built on first use (about a second; kept for the process). */
export function registries(): Registries {
  return (built ??= build());
}

/** A web host the registries know: a university's domain or a UK library authority's. */
export function registryHostCue(hostInput: string): HostCue | undefined {
  const labels = hostInput
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  const { domains } = registries();
  for (let i = 0; i < labels.length - 1; i++) {
    const body = domains.get(labels.slice(i).join('.'));
    if (!body) continue;
    const codes = Object.keys(body.readings ?? {});
    return {
      ...(body.sector ? { sector: { id: body.sector, weight: body.sector === 'academic' ? 3 : 1.5 } } : {}),
      ...(codes.length === 1 ? { region: { code: codes[0]!, strength: 3 } } : {}),
    };
  }
  return undefined;
}

/** A Mastodon instance the registries place (or know to be international: null). */
export function registryInstance(domain: string): { known: boolean; code?: string } {
  const instances = registries().instances;
  const d = domain.toLowerCase();
  if (!(d in instances)) return { known: false };
  const code = instances[d];
  return code ? { known: true, code } : { known: true };
}
