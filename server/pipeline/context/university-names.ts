/**
 * The forms people write a university's name in, read from its registered name: "University of Melbourne" is also
 * "Melbourne University", "Uni of Melbourne", "Melbourne Uni", "U of Melbourne"; "Sheffield Hallam University"
 * "Sheffield Hallam"; "University of Wisconsin - Madison" "UW-Madison"; and its one-word short name ("Deakin"), read
 * only after a role (registry-hits.ts). registries.ts builds its phrase index from these.
 */
import { regionIndex } from './gazetteer.js';

const INSTITUTION_WORD =
  /\b(universit\w*|uni|college|colegio|institute|institut\w*|polytechnic|politecnico|polytechnique|school|academy|akademie|hochschule|école|escuela|escola|faculdade|facultad|conservatoire|conservatory|seminary)\b/i;
// Short names that are words more often than a university ("researcher at Central", "student at Capital").
const NOT_SHORT_NAMES = new Set([
  'Academic',
  'American',
  'Architecture',
  'Art',
  'Arts',
  'Asia',
  'Asian',
  'Africa',
  'Capital',
  'Capitol',
  'Central',
  'Centre',
  'Century',
  'Christ',
  'Christian',
  'Catholic',
  'City',
  'Global',
  'Home',
  'Imperial',
  'International',
  'Liberty',
  'Metropolitan',
  'National',
  'Open',
  'Royal',
  'State',
  'Union',
  'Work',
]);
const SHORT_NAME = /^(?:University of (?:the )?(\p{Lu}[\p{L}'’-]{3,})|(\p{Lu}[\p{L}'’-]{3,}) (?:University|College))$/u;

const isCity = (word: string) => regionIndex.lookup(word).some((c) => c.kind === 'city');
const isPlace = (words: string) => regionIndex.lookup(words).some((c) => c.kind !== 'neutral');

/** The forms people write a university's name in: "University of X" → "X University", "Uni of X", "X Uni". */
function nameVariants(name: string): string[] {
  // "University of California, Berkeley" is "UC Berkeley" to its own people (the campus after the comma is dropped below).
  const uc = /^University of California,\s+(\p{Lu}[\p{L} ]+)$/u.exec(name);
  const base = name
    .split(/\s+[-–]\s+|,\s+|\s+\(/)[0]!
    .replace(/^the\s+/i, '')
    .trim();
  if (!INSTITUTION_WORD.test(base) || base.split(/\s+/).length < 2) return [];
  const out = new Set([base]);
  // A system's prefix is left out in speech ("CUNY Brooklyn College" is "Brooklyn College"; "Hunter College CUNY").
  const unprefixed = base.replace(/^(?:CUNY|SUNY)\s+|\s+(?:CUNY|SUNY)$/, '');
  if (unprefixed !== base && INSTITUTION_WORD.test(unprefixed) && unprefixed.split(/\s+/).length >= 2) out.add(unprefixed);
  // "Saint Mary's College" is also written "St Mary's College" and "St. Mary's College".
  const saint = /^(?:Saint|St\.?)\s+(.+)$/.exec(base);
  if (saint) for (const v of [`Saint ${saint[1]}`, `St ${saint[1]}`, `St. ${saint[1]}`]) out.add(v);
  const of = /^University of (?:the )?(.+)$/i.exec(base);
  // "U of Minnesota", "Univ. of Toronto" (the tokenizer drops the stop) are how US and Canadian bios shorten it.
  if (of) for (const v of [`${of[1]} University`, `Uni of ${of[1]}`, `${of[1]} Uni`, `U of ${of[1]}`, `Univ of ${of[1]}`]) out.add(v);
  const x = /^(.+) University$/i.exec(base);
  if (x) out.add(`${x[1]} Uni`);
  // "Leeds Beckett", "Oxford Brookes", "Sheffield Hallam": a city and a name, said without "University" (a city
  // first, so a person's name, "George Washington", is not one); "Manchester Metropolitan" is "Manchester Met".
  const cityAndName = /^(\p{Lu}[\p{L}]+) (\p{Lu}[\p{L}]+)$/u.exec(x?.[1] ?? '');
  const named = cityAndName?.[2] ?? '';
  // "Dublin City University" is not "Dublin City" (a place), nor is a "<City> State", "<City> Central"…
  const wordy = NOT_SHORT_NAMES.has(named) && named !== 'Metropolitan';
  if (cityAndName && !wordy && isCity(cityAndName[1]!) && !isPlace(named) && !isPlace(x![1]!)) {
    out.add(x![1]!);
    if (cityAndName[2] === 'Metropolitan') out.add(`${cityAndName[1]} Met`);
  }
  // "Kings College London", "St Johns College": the possessive is often written without its apostrophe.
  for (const v of [...out]) if (/['’]s\b/.test(v)) out.add(v.replace(/['’]s\b/g, 's'));
  // "Michigan State University" is "Michigan State"; "Georgia Institute of Technology" is "Georgia Tech".
  const state = /^(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?) State University$/u.exec(base);
  if (state) out.add(`${state[1]} State`);
  const tech = /^(\p{Lu}[\p{L}]+) Institute of Technology$/u.exec(base);
  if (tech) out.add(`${tech[1]} Tech`);
  if (uc) out.add(`UC ${uc[1]!.trim()}`);
  // "Delft University of Technology", "Technische Universität Berlin", "Technical University of Munich" are "TU Delft",
  // "TU Berlin", "TU Munich" to their own people.
  const tu =
    /^(\p{Lu}[\p{L}-]+) University of Technology$/u.exec(base) ??
    /^(?:Technische Universit(?:ät|eit)|Technical University(?: of)?) (\p{Lu}[\p{L}-]+)$/u.exec(base);
  if (tu) out.add(`TU ${tu[1]}`);
  // "Katholieke Universiteit Leuven" is "KU Leuven".
  const ku = /^Katholieke Universiteit (\p{Lu}[\p{L}-]+)$/u.exec(base);
  if (ku) out.add(`KU ${ku[1]}`);
  return [...out];
}

/** How a US state system's campuses are called by their own people: the system's short form, then the campus. */
const SYSTEM_SHORT: Readonly<Record<string, readonly string[]>> = {
  Wisconsin: ['UW'],
  Texas: ['UT'],
  Tennessee: ['UT'],
  Colorado: ['CU'],
  Massachusetts: ['UMass'],
  'North Carolina': ['UNC'],
  Minnesota: ['UMN'],
  Michigan: ['UM'],
  Arkansas: ['UA'],
  Hawaii: ['UH'],
  Washington: ['UW'],
};
const STATE_CAMPUS = /^(?:The )?University of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:\s*[-–,]\s*|\s+at\s+|\s+)(\p{Lu}[\p{L} -]+)$/u;
const CAL_STATE = /^California State University,\s+(\p{Lu}[\p{L} ]+)$/u;
const CAL_POLY = /^California Polytechnic State University,\s+(\p{Lu}[\p{L} ]+)$/u;

/**
 * "University of Wisconsin - Madison" is "UW-Madison", "University of Texas at Arlington" "UT Arlington", "California
 * State University, Fullerton" "Cal State Fullerton" or "CSU Fullerton", "California Polytechnic State University, San
 * Luis Obispo" "Cal Poly": the forms US library staff write their campus in.
 */
function campusNames(name: string): string[] {
  const out: string[] = [];
  const state = STATE_CAMPUS.exec(name);
  if (state && !/\b(?:System|Colleges?|Community)\b/.test(state[2]!))
    for (const short of SYSTEM_SHORT[state[1]!] ?? []) out.push(`${short}-${state[2]}`, `${short} ${state[2]}`);
  const cal = CAL_STATE.exec(name);
  if (cal) out.push(`Cal State ${cal[1]}`, `CSU ${cal[1]}`);
  const poly = CAL_POLY.exec(name);
  if (poly) out.push(`Cal Poly ${poly[1]}`);
  if (poly?.[1] === 'San Luis Obispo') out.push('Cal Poly', 'Cal Poly SLO');
  return out;
}

/** A university's written forms, the US campus names among them, and its one-word short name if it has one. */
export function universityNameForms(name: string): { variants: string[]; homeCampus: ReadonlySet<string>; shortName?: string } {
  const variants = nameVariants(name);
  const homeCampus = new Set(variants.length > 0 ? campusNames(name) : []);
  for (const c of homeCampus) if (!variants.includes(c)) variants.push(c);
  const short = SHORT_NAME.exec(variants[0] ?? '');
  return { variants, homeCampus, ...(short ? { shortName: (short[1] ?? short[2])! } : {}) };
}

/** A short name that is a word more often than a university ("researcher at Central"). */
export function wordyShortName(word: string): boolean {
  return NOT_SHORT_NAMES.has(word);
}
