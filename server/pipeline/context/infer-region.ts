/**
 * Region (ISO 3166-1 alpha-2) from what a profile says: place names,
 * state and province codes, demonyms, flags, web hosts, the Mastodon
 * instance. Ambiguous places are settled by the rest of the profile:
 *   1. a place followed by its state, province or country ("Perth WA",
 *      "London, Ontario", "Birmingham, AL") keeps only the readings both share;
 *   2. otherwise each reading of an ambiguous place is reweighted by
 *      (1 + unambiguous evidence for it elsewhere): "Perth" + "Scotland" → GB;
 *   3. with no such support it counts by its prior ("Perth" → AU 85%), and
 *      decide() answers only if one reading holds minShare of the evidence.
 * Words around a place change its weight: after "originally", "ex-", "born",
 * "visiting" or before "-born" a quarter (not where they are now); after
 * "based in", "now in" or before "-based" one and a half; before "(she/her)"
 * nothing (it is a name). A demonym, flag or language counts half when the
 * profile also names a place: heritage is not residence.
 */
import {
  COUNTRY_CODES,
  PRONOUNS,
  REGION_PAST_AFTER,
  REGION_PAST_WORDS,
  REGION_PRESENT_AFTER,
  REGION_PRESENT_WORDS,
  REGION_TOPIC_AFTER,
  regionIndex,
  type RegionCue,
  type RegionKind,
} from './gazetteer.js';
import { decide, unknownValue, type Hit } from './decide.js';
import type { FieldText } from './fields.js';
import { INSTANCE_REGION, hostCue, instanceCue, type HostCue } from './hosts.js';
import type { ContextOptions } from './options.js';
import { registries, registryHostCue, registryInstance } from './registries.js';
import { registryHits } from './registry-hits.js';
import { registryTokens } from './handle-tokens.js';
import { spelledNames, withoutSpelledOutAcronyms } from './spelled-out.js';
import { inSpans, pastSpans } from './past-spans.js';
import { findFlags, findHosts, distanceBefore, maskSpans, tokenize, type Token } from './tokenize.js';
import type { ContextValue } from '../../../shared/person.js';

interface PlaceHit extends Hit {
  kind: RegionKind | 'flag' | 'host';
  /** Inside a degree held or a past clause (past-spans.ts): where someone was. */
  past?: boolean;
  /** Token span within its field. */
  first: number;
  last: number;
}

/** A past or elsewhere ("born in", "ex-", "visiting") is not where someone is now. */
const PAST_DISCOUNT = 0.25;
/**
 * A degree held or a past clause (past-spans.ts) names where someone studied or worked, often as an institution and
 * its town together ("Indiana University Bloomington": two hits): less than a "born in", and two of them ("a Master's
 * at Ircam (Paris, France) … a PhD from Technological University Dublin, Ireland") less than the workplace named now.
 */
const PAST_SPAN_DISCOUNT = 0.1;
/** "Based in", "now in", "Leeds-based" say it is. */
const PRESENT_BOOST = 1.5;
/** A flag may be heritage or a team; worth a demonym. */
const FLAG_STRENGTH = 1.5;
/** Display names are read for countries, demonyms and flags only: too many people are called Sydney, Austin or Florence. */
const NAME_KINDS: ReadonlySet<string> = new Set(['country', 'demonym', 'flag', 'institution']);
/** Who someone is (demonym, flag, language) counts half once the profile also says where they are: "Proud Canadian in Seattle" lives in the US. */
const IDENTITY_KINDS: ReadonlySet<string> = new Set(['demonym', 'flag', 'language']);
const IDENTITY_DISCOUNT = 0.5;
const LOCATION_FIRST = 0.5;
/** What a state or province code may follow to count ("Portland OR"). */
const PLACE_KINDS: ReadonlySet<string> = new Set(['city', 'nickname', 'region']);
/** What may qualify a place in one phrase ("Melbourne, Victoria", "Perth (WA)", "Leeds, UK"). */
const QUALIFIER_KINDS: ReadonlySet<string> = new Set(['region', 'country', 'code']);
/** A town whose best reading holds this share is that town, whatever follows it ("Sydney & London, UK"). */
const DOMINANT_READING = 0.8;
const QUALIFIER_GAP = /^\s*[,(]?\s*$/;
const CODE_GAP = /^[\s,(]{0,3}$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** An initial and its stop just before a code ("M.Sc"); read on the three characters before it. */
const INITIAL_BEFORE = /(?<![\p{L}\p{N}])\p{L}\.$/u;

/** What the words around a place do to it: a past 0.25, a present 1.5, pronouns after it (a name: "Sydney (she/her)") 0. */
function contextFactor(tokens: readonly Token[], first: number, last: number, text: string, topic = false): number {
  const next = tokens[last];
  const gap = next ? text.slice(tokens[last - 1]!.end, next.start) : '';
  if (next && PRONOUNS.has(next.norm) && /^\s*\(\s*$/.test(gap)) return 0;
  // "Boston-born", "Leeds-based": a word joined after the place settles it.
  if (next && /^[\s-]$/.test(gap) && REGION_PAST_AFTER.has(next.norm)) return PAST_DISCOUNT;
  if (next && /^[\s-]$/.test(gap) && REGION_PRESENT_AFTER.has(next.norm)) return PRESENT_BOOST;
  // "Australian history", "Irish dancing", "Liverpool FC", "Melbourne Cup": a topic or a team, not where someone is.
  const after = tokens[last + 1];
  const two = after && /^[\s-]$/.test(text.slice(next?.end ?? 0, after.start)) ? `${next!.norm} ${after.norm}` : '';
  if (topic && next && /^[\s-]$/.test(gap) && (REGION_TOPIC_AFTER.has(next.norm) || REGION_TOPIC_AFTER.has(two))) return 0;
  // Otherwise the nearest marker before it: "born in Leeds, now in Sydney".
  const past = distanceBefore(tokens, first, text, REGION_PAST_WORDS);
  const present = distanceBefore(tokens, first, text, REGION_PRESENT_WORDS);
  return past < present ? PAST_DISCOUNT : present < past ? PRESENT_BOOST : 1;
}

function strongest(payloads: readonly RegionCue[]): RegionCue {
  return payloads.reduce((best, c) => (c.kind !== 'neutral' && (best.kind === 'neutral' || c.strength > best.strength) ? c : best));
}

function restrict(readings: Readonly<Record<string, number>>, keep: ReadonlySet<string>): Record<string, number> {
  const kept = Object.entries(readings).filter(([c]) => keep.has(c));
  const total = kept.reduce((s, [, v]) => s + v, 0);
  return Object.fromEntries(kept.map(([c, v]) => [c, v / total]));
}

/**
 * "ÜT: -41.31777,148.261049", "iPhone: -37.80,144.97": coordinates an app wrote into the location field, with its
 * label. They name no place in words (LABELLING.md, region rule 8), and the label is no place either ("ÜT" is not Utah).
 */
const COORDINATES = /(?:[\p{L}]+:\s*)?[-+]?\d{1,3}\.\d{2,}\s*,\s*[-+]?\d{1,3}\.\d{2,}/gu;

function coordinateSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(COORDINATES)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** London's two-letter postal districts as numbered (a lone "N1" or "E1" is too short to tell; "EC9", "WC22" do not exist). */
const LONDON_DISTRICT = '(?:EC[1-4]|WC[12]|NW(?:1[01]|[1-9])|SE(?:1\\d|2[0-8]|[1-9])|SW(?:1\\d|20|[1-9]))';
/**
 * Full postcodes, written the way the post office writes them: "SS1 1NE", "N18 1QX" (UK), "K1A 0B1" (Canada), and
 * London's postal districts alone ("SE26"). Their shapes are each country's own (LABELLING.md region rule 9: an address
 * that settles one country counts as a place).
 */
const POSTCODES: readonly [RegExp, string][] = [
  [/(?<![\p{L}\p{N}])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu, 'GB'],
  [/(?<![\p{L}\p{N}])[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d(?![\p{L}\p{N}])/gu, 'CA'],
  // A London postal district alone, as Londoners write it ("Sydenham se26", "a library in NW1"), not the start of a
  // full postcode (read above).
  [new RegExp(`(?<![\\p{L}\\p{N}])(?<!(?:AWS|Amazon) )${LONDON_DISTRICT}[A-Z]?(?![\\p{L}\\p{N}])(?! ?\\d[A-Z]{2}\\b)`, 'gu'), 'GB'],
  // ...and small, after the district's name ("Sydenham se26"), not as a word of its own ("se1 fan").
  [new RegExp(`(?<=\\p{Lu}\\p{Ll}+,? )${LONDON_DISTRICT.toLowerCase()}(?![\\p{L}\\p{N}])`, 'gu'), 'GB'],
];
const POSTCODE_STRENGTH = 3;

function postcodeSpans(text: string): { start: number; end: number; code: string }[] {
  return POSTCODES.flatMap(([pattern, code]) =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, code })),
  );
}

/** "1030 Old York Road", "Oxford Street", "Tullow St.": a street named after a town is in any town (registries on). */
const STREET =
  /(?<![\p{L}\p{N}])(?:(?:Old|New|Upper|Lower|Great|Little|North|South|East|West)\s+)?\p{Lu}[\p{L}'’-]+\s+(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Pike|Highway|Terrace|Crescent)(?![\p{L}\p{N}])\.?(?!\s*\p{Lu}\p{Ll})/gu;

function streetSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(STREET)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A span of a field that names one country outright: a web host, a flag, a postcode. */
function oneCountry(
  field: FieldText,
  span: { start: number; end: number },
  code: string,
  strength: number,
  kind: PlaceHit['kind'],
): PlaceHit {
  const { start, end } = span;
  return {
    field: field.label,
    text: field.text,
    start,
    end,
    readings: { [code]: 1 },
    strength: strength * field.weight,
    kind,
    first: -1,
    last: -1,
  };
}

function textHits(field: FieldText, wide: boolean): PlaceHit[] {
  const { text, label } = field;
  const hits: PlaceHit[] = [];
  const hosts = field.kind === 'text' ? findHosts(text) : [];
  const coordinates = wide && label === 'location' ? coordinateSpans(text) : [];
  for (const h of hosts) {
    const cue = ((wide ? registryHostCue(h.host) : undefined) ?? hostCue(h.host))?.region;
    if (cue) hits.push(oneCountry(field, h, cue.code, cue.strength, 'host'));
  }
  for (const f of findFlags(text)) {
    if (COUNTRY_CODES.has(f.code)) hits.push(oneCountry(field, f, f.code, FLAG_STRENGTH, 'flag'));
  }
  const streets = wide ? streetSpans(text) : [];
  const postcodes = wide && field.kind === 'text' ? postcodeSpans(text) : [];
  for (const p of postcodes) hits.push(oneCountry(field, p, p.code, POSTCODE_STRENGTH, 'code'));
  const plain = tokenize(maskSpans(text, [...hosts, ...coordinates, ...streets, ...postcodes]));
  const tokens = wide ? registryTokens(field, plain) : plain;
  // A place or institution inside a degree held or a past clause ("MLIS from Rutgers") is not where someone is now.
  const past = wide && field.kind === 'text' ? pastSpans(text) : [];
  if (wide)
    for (const h of registryHits(field, tokens).region)
      hits.push({
        ...h,
        strength: h.strength * (inSpans(past, h.start) ? PAST_SPAN_DISCOUNT : 1),
        ...(inSpans(past, h.start) ? { past: true } : {}),
        kind: 'institution',
        first: -1,
        last: -1,
      });
  const index = wide ? registries().regionIndex : regionIndex;
  const places: PlaceHit[] = [];
  for (const m of index.match(tokens, (cues) => strongest(cues).strength)) {
    const cue = strongest(m.payloads);
    if (cue.kind === 'neutral' || (field.kind === 'name' && !NAME_KINDS.has(cue.kind))) continue;
    const start = tokens[m.first]!.start;
    const end = tokens[m.last - 1]!.end;
    // "@RIAdawson" cut at its capitals: a state's code inside a word is no code, nor one after an initial ("M.Sc", "A.U.Th").
    if (
      cue.kind === 'code' &&
      (WORD_CHAR.test(text[start - 1] ?? '') ||
        WORD_CHAR.test(text[end] ?? '') ||
        INITIAL_BEFORE.test(text.slice(Math.max(0, start - 3), start)))
    )
      continue;
    if (cue.kind === 'code' && !cue.standalone) {
      const prev = places[places.length - 1];
      const afterPlace = prev && PLACE_KINDS.has(prev.kind) && prev.last === m.first && CODE_GAP.test(text.slice(prev.end, start));
      // "Hawthorn, Vic": a code that ends a location field after a comma qualifies the place before it, known or not.
      const endsLocation = wide && label === 'location' && /,\s*$/.test(text.slice(0, start)) && text.slice(end).trim() === '';
      if (!afterPlace && !endsLocation && text.trim() !== text.slice(start, end)) continue;
    }
    const factor = inSpans(past, start) ? PAST_SPAN_DISCOUNT : contextFactor(tokens, m.first, m.last, text, wide && field.kind === 'text');
    if (factor > 0)
      places.push({
        field: label,
        text,
        start,
        end,
        readings: cue.readings,
        strength: cue.strength * field.weight * factor,
        ...(inSpans(past, start) ? { past: true } : {}),
        kind: cue.kind,
        first: m.first,
        last: m.last,
      });
  }
  // Rule 1: "Perth WA", "London, Ontario" — a place and its qualifier keep the readings they share.
  for (let i = 1; i < places.length; i++) {
    const a = places[i - 1]!;
    const b = places[i]!;
    // "Richmond, London": a city nearly always in one country qualifies the district before it, as a county would;
    // not a city itself known mostly elsewhere ("Perth, London" is two cities, as LABELLING's region rule 3 reads it).
    const dominantCity =
      b.kind === 'city' &&
      Object.keys(a.readings).length > 1 &&
      Math.max(...Object.values(a.readings)) < DOMINANT_READING &&
      Object.keys(a.readings).some((c) => (b.readings[c] ?? 0) >= DOMINANT_READING);
    if (
      a.last !== b.first ||
      !PLACE_KINDS.has(a.kind) ||
      !(QUALIFIER_KINDS.has(b.kind) || (wide && dominantCity)) ||
      !QUALIFIER_GAP.test(text.slice(a.end, b.start))
    )
      continue;
    // "Utrecht, NL", "Delhi, IN": a code that is also the country code of a reading of the place is that country.
    const iso = b.kind === 'code' ? text.slice(b.start, b.end).toUpperCase() : '';
    // …unless both can be in the US and the code is also a state's: "Richmond, CA" is California.
    if (iso && iso in a.readings && COUNTRY_CODES.has(iso) && !('US' in a.readings && 'US' in b.readings)) {
      a.readings = { [iso]: 1 };
      b.readings = { [iso]: 1 };
      continue;
    }
    const shared = new Set(Object.keys(a.readings).filter((c) => c in b.readings));
    // "Somerset, NJ", "New London, Ohio": a place the qualifier contradicts is a town of the same name there.
    if (shared.size === 0 && wide && field.label === 'location') a.readings = { ...b.readings };
    if (shared.size === 0) continue;
    a.readings = restrict(a.readings, shared);
    b.readings = restrict(b.readings, shared);
  }
  // Rule 1 across the field (LABELLING.md region rule 3): a location field that ends in a state or country names places
  // in it ("Camden & Narellan, NSW", "Richmond & Hawthorn, Vic"), unless another place in it is only in another country.
  const qualifier = places[places.length - 1];
  const country = qualifier && Object.keys(qualifier.readings).length === 1 ? Object.keys(qualifier.readings)[0]! : undefined;
  if (wide && label === 'location' && country && QUALIFIER_KINDS.has(qualifier!.kind)) {
    const elsewhere = places.some((p) => Object.keys(p.readings).length === 1 && !(country in p.readings));
    // A town known mostly elsewhere keeps its readings ("Sydney & London, UK" stays undecided).
    if (!elsewhere)
      for (const p of places)
        if (PLACE_KINDS.has(p.kind) && Object.keys(p.readings).length > 1 && Math.max(...Object.values(p.readings)) < DOMINANT_READING)
          p.readings = { [country]: 1 };
  }
  return [...hits, ...places];
}

function instanceRegion(domain: string, wide: boolean): HostCue | undefined {
  // A server an institution runs for its people (a university's domain) says where they work, as its web host would.
  const institution = wide ? registryHostCue(domain) : undefined;
  if (institution?.region) return institution;
  const known = wide ? registryInstance(domain) : { known: false };
  if (!known.known) return instanceCue(domain);
  return known.code ? { region: { code: known.code, strength: INSTANCE_REGION } } : undefined;
}

function fieldHits(field: FieldText, wide: boolean): PlaceHit[] {
  if (field.kind === 'text' || field.kind === 'name') return textHits(field, wide);
  const cue = (
    field.kind === 'url' ? ((wide ? registryHostCue(field.text) : undefined) ?? hostCue(field.text)) : instanceRegion(field.text, wide)
  )?.region;
  return cue ? [oneCountry(field, { start: 0, end: field.text.length }, cue.code, cue.strength, 'host')] : [];
}

const NAME_WORD = /^\p{Lu}\p{Ll}{2,}$/u;
const ORGANISATION_WORD =
  /^(?:Library|Libraries|Lib|Health|School|College|Academy|University|Archives?|Museum|Centre|Center|Council|Trust|Services?|Hospital)$/u;

/**
 * "Bern Irizarry has built and led…" in Bernadette Irizarry's bio, "Austin is a librarian" in Austin Gilbert's: a
 * place word followed by the display name's surname, or that is one of the display name's own words, is the person
 * (LABELLING.md: first names that are cities are known misses of the gazetteer alone). "Librarian in Austin" stays a place.
 */
function ownName(h: PlaceHit, nameWords: ReadonlySet<string>): boolean {
  if (h.field !== 'bio' || nameWords.size === 0 || (h.kind !== 'city' && h.kind !== 'region')) return false;
  if (/\b(?:in|at|from|near|to|of|around)\s*$/i.test(h.text.slice(0, h.start))) return false;
  const next = /^\s+(\p{Lu}[\p{L}'’-]+)/u.exec(h.text.slice(h.end))?.[1];
  // "Worcestershire Health Libraries" beside "Worcs Health Library": a place before an organisation's word names the
  // organisation, even when the display name holds that word too ("Health"); "Kent runs the library" stays the person.
  if (next !== undefined && ORGANISATION_WORD.test(next)) return false;
  // "Bern delights in…" in Bernadette Irizarry's bio: a short form of the display name's own word.
  const word = h.text.slice(h.start, h.end);
  return (next !== undefined && nameWords.has(next)) || [...nameWords].some((w) => w === word || (word.length >= 3 && w.startsWith(word)));
}

/**
 * "15mins from Singapore", "an hour from London", "10 miles outside Dublin": a landmark named to say where one is near.
 * Its country is likely but not said, so it counts half; beside a location field that names another ("Johor, Malaysia")
 * it gives way.
 */
const LANDMARK_DISTANCE =
  /\b(?:\d+\s*|an?\s+|half an?\s+)(?:mins?|minutes?|hours?|hrs?|miles?|km|kilometres?|kilometers?)\s+(?:from|away from|outside|out of|north of|south of|east of|west of)\s+$/i;
const LANDMARK_DISCOUNT = 0.5;

function nearLandmark(h: PlaceHit): boolean {
  return h.field !== 'location' && LANDMARK_DISTANCE.test(h.text.slice(Math.max(0, h.start - 40), h.start));
}

export function inferRegion(fields: readonly FieldText[], options: ContextOptions): ContextValue {
  const name = fields.find((f) => f.kind === 'name');
  const nameWords = new Set(options.registries && name ? name.text.split(/\s+/).filter((w) => NAME_WORD.test(w)) : []);
  const found = fields.flatMap((f) => fieldHits(f, options.registries)).filter((h) => !ownName(h, nameWords));
  for (const h of found) if (nearLandmark(h)) h.strength *= LANDMARK_DISCOUNT;
  const spelled = options.registries ? spelledNames(fields) : undefined;
  const hits = spelled ? withoutSpelledOutAcronyms(found, spelled) : found;
  // With the registries, the location field is where someone says they are: the bio and name count half beside it
  // ("Sales Executive for Vietnam, Indonesia and Philippines" + "Jakarta" → ID).
  if (options.registries && hits.some((h) => h.field === 'location'))
    for (const h of hits) if (h.field === 'bio' || h.field === 'name') h.strength *= LOCATION_FIRST;
  if (hits.some((h) => !IDENTITY_KINDS.has(h.kind))) for (const h of hits) if (IDENTITY_KINDS.has(h.kind)) h.strength *= IDENTITY_DISCOUNT;
  // Rule 2: each reading of an ambiguous place is reweighted by (1 + the unambiguous evidence for it elsewhere).
  const support = new Map<string, number>();
  for (const h of hits) {
    const codes = Object.keys(h.readings);
    if (codes.length === 1) support.set(codes[0]!, (support.get(codes[0]!) ?? 0) + h.strength);
  }
  for (const h of hits) {
    if (Object.keys(h.readings).length < 2) continue;
    const weighted = Object.entries(h.readings).map(([c, p]) => [c, p * (1 + (support.get(c) ?? 0))] as const);
    const total = weighted.reduce((s, [, v]) => s + v, 0);
    h.readings = Object.fromEntries(weighted.map(([c, v]) => [c, v / total]));
  }
  const answer = decide(hits, options);
  // A career told in the past ("holding positions at Stanford, Penn State, … and Rutgers") says where someone was,
  // however many places it names: an answer needs one piece of evidence outside the past spans.
  if (options.registries && answer.value !== 'unknown' && hits.every((h) => h.past || !(h.readings[answer.value] ?? 0)))
    return { ...unknownValue(), evidence: `too little for ${answer.value} now: ${answer.evidence ?? ''}` };
  return answer;
}
