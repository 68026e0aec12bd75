/**
 * The lexicons and gazetteer in data/context/, checked once at load and
 * indexed for phrase lookup: sector phrases with weights, place names with
 * the countries they can mean, web hosts. A name listed under two countries
 * must be declared ambiguous (with readings) or loading fails, so ambiguity
 * is always a decision in the data, never an accident of it.
 */
import { z } from 'zod';
import countriesJson from '../../../data/context/countries.json' with { type: 'json' };
import institutionsJson from '../../../data/context/institutions.json' with { type: 'json' };
import placesJson from '../../../data/context/places.json' with { type: 'json' };
import sectorsJson from '../../../data/context/sectors.json' with { type: 'json' };
import { PhraseIndex, parsePhrase } from './match.js';
import { phraseKey } from './tokenize.js';

export const SECTORS = [
  'academic',
  'public',
  'school',
  'health',
  'law',
  'government',
  'national',
  'special',
  'archives',
  'education',
  'vendor',
] as const;
export type SectorId = (typeof SECTORS)[number];
const SectorSchema = z.enum(SECTORS);

/** How much a place word says, by kind: names of a country, state or city say it outright. */
export const REGION_STRENGTH = {
  country: 3,
  region: 3,
  city: 3,
  nickname: 2.5,
  demonym: 1.5,
  language: 0.75,
  institution: 2,
  code: 2,
} as const;
export type RegionKind = keyof typeof REGION_STRENGTH | 'neutral';

export interface RegionCue {
  kind: RegionKind;
  /** Country → share of belief; shares sum to 1 (empty for neutral phrases). */
  readings: Readonly<Record<string, number>>;
  strength: number;
  /** Codes only: may count without a place name before it ("TX" yes, "IN" no). */
  standalone?: boolean;
}

export interface SectorCue {
  sector: SectorId | null;
  weight: number;
}

const Strings = z.array(z.string().min(1));
const Readings = z.record(z.string().length(2), z.number().positive());
const CountriesFile = z.object({
  countries: z.array(
    z.object({ code: z.string().regex(/^[A-Z]{2}$/), names: Strings, demonyms: Strings.optional(), languages: Strings.optional() }),
  ),
  tlds: z.record(z.string(), z.string().length(2)),
  vanityTlds: Strings,
});
const PlacesFile = z.object({
  countries: z.record(
    z.string().length(2),
    z.object({ regions: Strings.optional(), cities: Strings.optional(), nicknames: Strings.optional(), demonyms: Strings.optional() }),
  ),
  ambiguous: z.array(
    z.object({
      names: Strings,
      kind: z.enum(['city', 'region', 'country']),
      readings: Readings,
      strength: z.number().positive().optional(),
    }),
  ),
  codes: z.record(z.string().length(2), z.object({ standalone: Strings, afterPlace: Strings })),
  neutral: Strings,
  pastWords: Strings,
  pastAfter: Strings,
  presentWords: Strings,
  presentAfter: Strings,
  topicAfter: Strings,
  pronouns: Strings,
});
const SectorsFile = z.object({
  sectors: z.record(SectorSchema, z.object({ label: z.string(), patterns: z.record(z.string().regex(/^\d+(\.\d+)?$/), Strings) })),
  spellings: z.record(z.string(), z.string()),
  neutral: Strings,
  pastWords: Strings,
  tieOrder: z.array(SectorSchema),
});
const InstitutionsFile = z.object({
  institutions: z.array(
    z.object({
      names: Strings,
      sector: SectorSchema.optional(),
      weight: z.number().positive().optional(),
      region: z.string().length(2).optional(),
      strength: z.number().positive().optional(),
    }),
  ),
  domains: z.array(z.object({ suffix: z.string(), sector: SectorSchema.optional(), region: z.string().length(2).optional() })),
  secondLevel: z.record(z.string(), SectorSchema),
  instances: z.record(z.string(), z.string().length(2).nullable()),
  ignoredHosts: Strings,
});

function parse<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (!result.success)
    throw new Error(`context data: ${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

const countries = parse(CountriesFile, countriesJson, 'countries.json');
const places = parse(PlacesFile, placesJson, 'places.json');
const sectorsData = parse(SectorsFile, sectorsJson, 'sectors.json');
const institutions = parse(InstitutionsFile, institutionsJson, 'institutions.json');

/** Every ISO 3166-1 alpha-2 code the gazetteer knows. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(countries.countries.map((c) => c.code));

function checkCode(code: string, where: string): string {
  if (!COUNTRY_CODES.has(code)) throw new Error(`context data: ${where}: unknown country code ${code}`);
  return code;
}

/** A named body added by the registries (registries.ts): its names and the countries it may be in. */
export interface RegistryPlace {
  name: string;
  readings: Readonly<Record<string, number>>;
  strength: number;
}

/** Places that are read in the possessive too ("Scotland's oldest free lending library"). */
const POSSESSIVE_KINDS: ReadonlySet<string> = new Set(['country', 'region', 'city', 'nickname']);

export function buildRegionIndex(extra: readonly RegistryPlace[] = []): PhraseIndex<RegionCue> {
  const index = new PhraseIndex<RegionCue>();
  // Which country each unambiguous name was filed under, to catch a name filed under two.
  const owner = new Map<string, string>();
  const ambiguousKeys = new Set<string>();
  const keyOf = (name: string) => {
    const { text, cased } = parsePhrase(name);
    return `${cased ? 'C' : 'F'}:${phraseKey(text, cased)}`;
  };
  const addPlace = (name: string, code: string, kind: Exclude<RegionKind, 'neutral' | 'code'>, strength?: number) => {
    const key = keyOf(name);
    const prev = owner.get(key);
    if (ambiguousKeys.has(key) || (prev && prev !== code)) {
      throw new Error(`context data: "${name}" is filed under ${prev ?? 'ambiguous'} and ${code}: list it once, in "ambiguous"`);
    }
    if (prev) return;
    owner.set(key, code);
    index.add(
      name,
      { kind, readings: { [code]: 1 }, strength: strength ?? REGION_STRENGTH[kind] },
      { plural: kind === 'demonym', possessive: POSSESSIVE_KINDS.has(kind) },
    );
  };
  for (const a of places.ambiguous) {
    const total = Object.values(a.readings).reduce((s, v) => s + v, 0);
    const readings = Object.fromEntries(Object.entries(a.readings).map(([c, v]) => [checkCode(c, `ambiguous ${a.names[0]}`), v / total]));
    for (const name of a.names) {
      ambiguousKeys.add(keyOf(name));
      index.add(name, { kind: a.kind, readings, strength: a.strength ?? REGION_STRENGTH[a.kind] }, { possessive: true });
    }
  }
  for (const c of countries.countries) {
    for (const n of c.names) addPlace(n, c.code, 'country');
    for (const n of c.demonyms ?? []) addPlace(n, c.code, 'demonym');
    for (const n of c.languages ?? []) addPlace(n, c.code, 'language');
  }
  for (const [code, lists] of Object.entries(places.countries)) {
    checkCode(code, 'places');
    for (const n of lists.regions ?? []) addPlace(n, code, 'region');
    for (const n of lists.cities ?? []) addPlace(n, code, 'city');
    for (const n of lists.nicknames ?? []) addPlace(n, code, 'nickname');
    for (const n of lists.demonyms ?? []) addPlace(n, code, 'demonym');
  }
  for (const inst of institutions.institutions) {
    if (!inst.region) continue;
    const code = checkCode(inst.region, `institution ${inst.names[0]}`);
    for (const n of inst.names)
      index.add(
        n,
        { kind: 'institution', readings: { [code]: 1 }, strength: inst.strength ?? REGION_STRENGTH.institution },
        { possessive: true },
      );
  }
  // "the University of Washington's mapping project": an institution in the possessive is still the institution, not
  // the place in its name.
  for (const e of extra) index.add(e.name, { kind: 'institution', readings: e.readings, strength: e.strength }, { possessive: true });
  // State and province codes: one cue per code, shared by the countries that use it ("WA", "NT", "CA").
  const codes = new Map<string, { countries: string[]; standalone: boolean }>();
  for (const [country, lists] of Object.entries(places.codes)) {
    for (const [list, standalone] of [
      [lists.standalone, true],
      [lists.afterPlace, false],
    ] as const) {
      for (const c of list) {
        const entry = codes.get(c) ?? { countries: [], standalone: false };
        entry.countries.push(checkCode(country, `code ${c}`));
        entry.standalone ||= standalone;
        codes.set(c, entry);
      }
    }
  }
  for (const [c, { countries: cs, standalone }] of codes) {
    index.add(`=${c}`, {
      kind: 'code',
      readings: Object.fromEntries(cs.map((x) => [x, 1 / cs.length])),
      strength: REGION_STRENGTH.code,
      standalone,
    });
  }
  for (const n of places.neutral) index.add(n, { kind: 'neutral', readings: {}, strength: 0 });
  return index;
}

/** A sector phrase added by the registries (registries.ts). */
export interface SectorOffer {
  phrase: string;
  sector: SectorId;
  weight: number;
}

/**
 * The sector index; the registries add phrases (`extra`) and re-weigh base
 * phrases (`overrides`, by folded phrase key: the base readings of that
 * phrase are replaced, an empty record drops it).
 */
export function buildSectorIndex(
  extra: readonly SectorOffer[] = [],
  overrides: ReadonlyMap<string, Readonly<Partial<Record<SectorId, number>>>> = new Map(),
  /** With the registries, named bodies other than national libraries count as workplaces (at most this), below a role. */
  workplaceCap = Infinity,
): PhraseIndex<SectorCue> {
  const index = new PhraseIndex<SectorCue>();
  const best = new Map<string, { written: string; cue: SectorCue }>();
  const offer = (written: string, sector: SectorId, weight: number, base = true) => {
    const { text, cased } = parsePhrase(written);
    if (base && overrides.has(phraseKey(text, false))) return;
    const key = `${sector}|${cased ? 'C' : 'F'}:${phraseKey(text, cased)}`;
    const prev = best.get(key);
    if (!prev || prev.cue.weight < weight) best.set(key, { written, cue: { sector, weight } });
  };
  for (const [sector, { patterns }] of Object.entries(sectorsData.sectors) as [SectorId, { patterns: Record<string, string[]> }][]) {
    for (const [weight, phrases] of Object.entries(patterns)) for (const p of phrases) offer(p, sector, Number(weight));
  }
  for (const inst of institutions.institutions) {
    if (!inst.sector) continue;
    const weight = inst.sector === 'national' ? (inst.weight ?? 3) : Math.min(inst.weight ?? 3, workplaceCap);
    for (const n of inst.names) offer(n, inst.sector, weight);
  }
  for (const [phrase, weights] of overrides)
    for (const [sector, weight] of Object.entries(weights)) if (weight > 0) offer(phrase, sector as SectorId, weight, false);
  for (const e of extra) offer(e.phrase, e.sector, e.weight, false);
  // "The British Library's Map Library": a body named in the possessive is still named.
  for (const { written, cue } of best.values()) index.add(written, cue, { plural: true, possessive: true });
  for (const n of sectorsData.neutral) index.add(n, { sector: null, weight: 0 });
  return index;
}

export const regionIndex = buildRegionIndex();
export const sectorIndex = buildSectorIndex();
export const SECTOR_TIE_ORDER: readonly SectorId[] = [...sectorsData.tieOrder, ...SECTORS.filter((s) => !sectorsData.tieOrder.includes(s))];
export const SECTOR_PAST_WORDS: ReadonlySet<string> = new Set(sectorsData.pastWords.map((w) => phraseKey(w, false)));
export const REGION_PAST_WORDS: ReadonlySet<string> = new Set(places.pastWords.map((w) => phraseKey(w, false)));
/** Words after a place that put it in the past ("Boston-born", "Texas native"). */
export const REGION_PAST_AFTER: ReadonlySet<string> = new Set(places.pastAfter.map((w) => phraseKey(w, false)));
/** Words around a place that say someone lives there now ("based in", "now in", "Leeds-based"). */
export const REGION_PRESENT_WORDS: ReadonlySet<string> = new Set(places.presentWords.map((w) => phraseKey(w, false)));
export const REGION_PRESENT_AFTER: ReadonlySet<string> = new Set(places.presentAfter.map((w) => phraseKey(w, false)));
/** Words after a place or demonym that make it a topic, not where someone is ("Australian history", "Liverpool FC"). */
export const REGION_TOPIC_AFTER: ReadonlySet<string> = new Set(places.topicAfter.map((w) => phraseKey(w, false)));
/** Pronouns right after a place name make it a person's name ("Sydney (she/her)"). */
export const PRONOUNS: ReadonlySet<string> = new Set(places.pronouns);
/** Abbreviations read as the full word in sector phrases ("law libn" = "law librarian"). */
export const SECTOR_SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries(sectorsData.spellings));

/** Whether the words name a town, city, county or state the gazetteer knows ("Boston Spa", "Bradford", "Kent"). */
export function isPlaceName(text: string): boolean {
  return regionIndex.lookup(text).some((c) => c.kind === 'city' || c.kind === 'region');
}

/** Country code of a whole country name ("Éire", "UK", "Deutschland") or of a valid code ("gb"); undefined if unknown or ambiguous. */
export function countryCodeOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && COUNTRY_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const cues = regionIndex.lookup(trimmed).filter((c) => c.kind === 'country');
  const codes = new Set(cues.flatMap((c) => Object.keys(c.readings)));
  return codes.size === 1 ? [...codes][0] : undefined;
}

export { countries as COUNTRIES_DATA, institutions as INSTITUTIONS_DATA, places as PLACES_DATA };
