/**
 * Words of a profile field, with their place in the original text so that
 * evidence can quote what the person wrote. Matching is on folded forms
 * (lower case, accents and dots dropped: "Montréal" = "montreal",
 * "U.K." = "uk"); case-sensitive lexicon entries compare the `cased` form,
 * which keeps capitals ("TX", "IN") but still drops accents and dots.
 */

export interface Token {
  /** As written. */
  raw: string;
  /** Accents and dots dropped, capitals kept. */
  cased: string;
  /** `cased`, lower-cased; `&` reads as `and`. */
  norm: string;
  start: number;
  end: number;
}

// Initialisms with dots first ("U.K.", "D.C"), then words (apostrophes inside
// kept: "children's"), then a lone ampersand. Hyphens split words, so
// "K-12" is "k 12" and "teacher-librarian" is "teacher librarian" on both
// sides of a match.
const TOKEN = /(?<![\p{L}\p{N}])\p{L}(?:\.\p{L}(?![\p{L}\p{N}]))+\.?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|&/gu;

/** Initials written as a word ("NHS", "SLA", "UCLA"): two to six capitals. */
export const ACRONYM = /^[A-Z]{2,6}$/;

/** Lower case, accents off, curly apostrophes straight, dots out. */
export function fold(text: string): string {
  return foldCased(text).toLowerCase();
}

function foldCased(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").replace(/\./g, '');
}

/** The few HTML entities platforms leave in bios ("Law &amp; policy"). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

// French elided articles ("l'Université", "d'archives") are not part of the word; Irish names ("O'Brien") are.
const ELISION = /^(?:l|d|qu)['’](?=\p{L})/iu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const elided = ELISION.exec(m[0])?.[0].length ?? 0;
    const raw = m[0].slice(elided);
    const start = m.index + elided;
    const cased = raw === '&' ? '&' : foldCased(raw);
    tokens.push({ raw, cased, norm: raw === '&' ? 'and' : cased.toLowerCase(), start, end: start + raw.length });
  }
  return tokens;
}

/** Phrase → folded token keys, the way the lexicon is indexed. */
export function phraseKey(phrase: string, cased: boolean): string {
  return tokenize(phrase)
    .map((t) => (cased ? t.cased : t.norm))
    .join(' ');
}

const REGIONAL_INDICATOR_A = 0x1f1e6;
const FLAG = /[\u{1F1E6}-\u{1F1FF}]{2}/gu;
// England, Scotland, Wales: black flag + tag letters "gbeng"/"gbsct"/"gbwls" + cancel tag.
const SUBDIVISION_FLAG = /\u{1F3F4}((?:[\u{E0061}-\u{E007A}])+)\u{E007F}/gu;

export interface FlagMention {
  /** ISO 3166-1 alpha-2 code the flag stands for. */
  code: string;
  start: number;
  end: number;
  raw: string;
}

/** Country flags (regional-indicator pairs and UK subdivision flags). */
export function findFlags(text: string): FlagMention[] {
  const flags: FlagMention[] = [];
  for (const m of text.matchAll(FLAG)) {
    const code = [...m[0]].map((c) => String.fromCharCode(c.codePointAt(0)! - REGIONAL_INDICATOR_A + 65)).join('');
    flags.push({ code, start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  for (const m of text.matchAll(SUBDIVISION_FLAG)) {
    const tag = [...(m[1] ?? '')].map((c) => String.fromCharCode(c.codePointAt(0)! - 0xe0000)).join('');
    flags.push({ code: tag.slice(0, 2).toUpperCase(), start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return flags.sort((a, b) => a.start - b.start);
}

const HOST = /(?<![\w@.-])(?:https?:\/\/)?(?:[\w-]+@)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w-])/gi;

export interface HostMention {
  host: string;
  start: number;
  end: number;
}

// Top-level domains a bio's host names end in; anything else ("St.Andrews", "Co.Dublin") is words, not a host.
const GENERIC_TLDS = new Set([
  'com',
  'org',
  'net',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'social',
  'scot',
  'wales',
  'cymru',
  'museum',
  'club',
  'space',
  'online',
  'site',
  'app',
  'dev',
  'blog',
  'page',
  'xyz',
]);

const DEGREE_HOST = /^(?:m|b|ph|d|ed|ll)\.(?:sc|a|s|d|phil|ed|lis|ls|m|b)$/;

/** Host names written in a text ("leeds.ac.uk", "ann@nhs.net", "https://bl.uk/x"). */
export function findHosts(text: string): HostMention[] {
  const hosts: HostMention[] = [];
  for (const m of text.matchAll(HOST)) {
    const host = (m[1] ?? '').toLowerCase().replace(/^www\./, '');
    const tld = host.slice(host.lastIndexOf('.') + 1);
    // "M.Sc", "m.sc.", "B.Sc", "Ph.D", "A.U.Th": a degree, or capitalised initials with stops, is not a host ("bl.uk",
    // "BL.UK" and "t.co" are).
    const labels = host.split('.');
    const initials = labels.some((l) => l.length === 1) && labels.every((l) => l.length <= 2) && /\p{Lu}/u.test(m[0]);
    if (!/[/@]/.test(m[0]) && (DEGREE_HOST.test(host) || initials)) continue;
    if (tld.length === 2 || GENERIC_TLDS.has(tld)) hosts.push({ host, start: m.index, end: m.index + m[0].length });
  }
  return hosts;
}

/** The text with the given spans blanked out (same length, so offsets hold): hosts are read as hosts, not as words. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

// A clause ends at sentence punctuation, a separator or a comma: "Born in Dublin, now in Leeds".
const CLAUSE_BREAK = /[.!?;,|·•\n]/;

/**
 * How many tokens back (1–3) the nearest of `words` (single words or pairs)
 * sits before token `first`, within the same clause; Infinity if none.
 */
export function distanceBefore(tokens: readonly Token[], first: number, text: string, words: ReadonlySet<string>): number {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    if (CLAUSE_BREAK.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return Infinity;
    if (words.has(tokens[k]!.norm)) return first - k;
    if (k > 0 && words.has(`${tokens[k - 1]!.norm} ${tokens[k]!.norm}`)) return first - k;
  }
  return Infinity;
}

// "LeithLibrary" → "Leith" "Library"; "IAMLAustralia" → "IAML" "Australia"; "iSchool" stays whole.
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2})/u;

/**
 * Handles and organisation names run words together ("@TroveAustralia",
 * "BrunelSpecColl"): tokens of `text` for which `split(token)` holds are cut
 * at their capitals, keeping each part's place in the text.
 */
export function splitCamel(tokens: readonly Token[], split: (t: Token) => boolean): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const cut = split(t) && t.raw.length >= 6 ? t.raw.split(CAMEL) : [t.raw];
    // A letter alone is an initial of the part before it ("UofG" + "Info" + "Studies" from "@UofGInfoStudies").
    const parts: string[] = [];
    for (const p of cut) {
      if (p.length === 1 && parts.length > 0) parts[parts.length - 1] += p;
      else parts.push(p);
    }
    if (parts.length < 2 || parts.some((p) => p.length < 2)) {
      out.push(t);
      continue;
    }
    let start = t.start;
    for (const raw of parts) {
      const cased = foldCased(raw);
      out.push({ raw, cased, norm: cased.toLowerCase(), start, end: start + raw.length });
      start += raw.length;
    }
  }
  return out;
}
