/**
 * Tokens of display names and handles as their owners run words together ("LeithLibrary", "@TroveAustralia",
 * "bridgendlibs", "@iSchoolUI"), cut so the registries' phrases can be found in them. Sector and region read the
 * same cuts.
 */
import type { FieldText } from './fields.js';
import { registries } from './registries.js';
import { splitCamel, type Token } from './tokenize.js';

/** "bridgendlibs", "leedslibraries": a handle written in lower case, a place run into a word for libraries. */
const LOWER_LIBRARY = /^(\p{L}\p{Ll}{2,})(libraries|library|libs|lib)$/u;

/** "bridgendlibs" → "Bridgend" "Libs": read as written with capitals, so "<place> Libraries" finds the place. */
function splitLowerLibrary(t: Token): Token[] {
  const m = LOWER_LIBRARY.exec(t.raw);
  // Only a place that has public libraries ("Publib" stays the trade's word).
  if (!m || !registries().publicLibraries.has(m[1]!.toLowerCase())) return [t];
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const cut = t.start + m[1]!.length;
  return [
    { raw: cap(m[1]!), cased: cap(m[1]!), norm: m[1]!.toLowerCase(), start: t.start, end: cut },
    { raw: cap(m[2]!), cased: cap(m[2]!), norm: m[2]!, start: cut, end: t.end },
  ];
}

/** "@iSchoolUI", "@UWiSchool": the trade's "iSchool" run into a university's initials is that school (camel cuts miss it). */
function splitISchool(t: Token): Token[] {
  const at = t.raw.indexOf('iSchool');
  if (at < 0 || t.raw === 'iSchool') return [t];
  const piece = (from: number, to: number): Token => {
    const raw = t.raw.slice(from, to);
    return { raw, cased: raw, norm: raw.toLowerCase(), start: t.start + from, end: t.start + to };
  };
  const cuts = [0, at, at + 'iSchool'.length, t.raw.length].filter((c, k, all) => k === 0 || c > all[k - 1]!);
  return cuts.slice(1).map((end, k) => piece(cuts[k]!, end));
}

/** "NHSGGC", "NHSLothian", "NHSGrampian": Scotland's health boards write "NHS" run into the board's name, anywhere. */
function splitNhs(t: Token): Token[] {
  const m = /^NHS(?=[A-Z])/.exec(t.raw);
  if (!m || t.raw.length < 5) return [t];
  const rest = t.raw.slice(3);
  return [
    { raw: 'NHS', cased: 'NHS', norm: 'nhs', start: t.start, end: t.start + 3 },
    { raw: rest, cased: rest, norm: rest.toLowerCase(), start: t.start + 3, end: t.end },
  ];
}

/**
 * Display names and handles run words together ("LeithLibrary", "@TroveAustralia", "bridgendlibs"): with the
 * registries, they are cut at capitals, and a lower-case name ending in a word for libraries before it.
 */
export function registryTokens(field: FieldText, tokens: readonly Token[]): Token[] {
  const handle = (t: Token) => field.kind === 'name' || /[@#]$/.test(field.text.slice(Math.max(0, t.start - 1), t.start));
  // Not a hashtag: "#qldlibraries" is a topic, "@bristollibraries" and a display name are the account.
  const account = (t: Token) => field.kind === 'name' || field.text[t.start - 1] === '@';
  const iSchools = tokens.flatMap(splitNhs).flatMap((t) => (account(t) ? splitISchool(t) : [t]));
  return splitCamel(iSchools, handle).flatMap((t) => (account(t) ? splitLowerLibrary(t) : [t]));
}
