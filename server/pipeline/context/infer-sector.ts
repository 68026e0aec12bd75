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
import { SECTOR_PAST_WORDS, SECTOR_SPELLINGS, SECTOR_TIE_ORDER, sectorIndex, type SectorCue } from './gazetteer.js';
import { hostCue } from './hosts.js';
import type { ContextOptions } from './options.js';
import { registries, registryHostCue } from './registries.js';
import { libraryOfItsPlace, placeLibraryHost } from './library-names.js';
import { registryHits } from './registry-hits.js';
import { inSpans, pastSpans, serviceSpans, type Span } from './past-spans.js';
import { findHosts, distanceBefore, maskSpans, splitCamel, tokenize, type Token } from './tokenize.js';
import { clauseOf, OUTRIGHT, STUDY_PLACE_DISCOUNT, WORKPLACE, type SectorHit } from './sector-hit.js';
import { lawSchoolLibrarians, lisSchoolPeople, universitysOwnLibraries, universitysSubjectLibrarians } from './university-parts.js';

const PAST_DISCOUNT = 0.3;
/** Sectors with only workplace-level evidence count this much when another sector is said outright. */
const WORKPLACE_DISCOUNT = 0.5;
/**
 * Evidence from which a sector is named (a workplace or a role: weight 2 and up, a display name's 1.5), and below
 * which a word is only a topic ("policies", "clinical", "digital preservation"). Once some sector is named, sectors
 * with topics only count this much: a long bio's subjects do not outvote its workplace.
 */
const NAMED_EVIDENCE = 1.5;
const TOPIC_DISCOUNT = 0.5;
/** A Mastodon server run by an institution: its members mostly work or study there. */
const INSTANCE_WORKPLACE = 2;

/**
 * "I love archives", "Interested in scholarly communication", "#Archives, #history": a kind of library or a field
 * after a word of liking, or as a hashtag, is an interest, not a workplace, and counts as a listed item. Roles
 * ("passionate law librarian") are not: a phrase ending in a person's noun says what someone is.
 */
const INTEREST_BEFORE =
  /\b(?:love|loves|loving|lover of|interested in|interests?|interest in|passionate about|passion for|fan of|(?:very |really )?fond of|keen on|excited about|(?:mostly|often|usually|I) tweets? about|enthusiast for|(?:passionate |keen |strong )?advocate for|advocates for|advocating for|champion (?:of|for)|obsessed with|wonders? about|fascinated by|curious about)\b/i;
// "-ment" names a field ("research data management"), not a person.
const PERSON_NOUN = /(?:ian|ist|er|or|ant|(?<!m)ent|eur|ess)s?$|\b(?:staff|team|head|lead|dean|fellow|student|candidate|prof)\b/;

/** "public library advocate", "archives nerd", "library lover": a liker's noun after the phrase. */
const INTEREST_AFTER =
  /^[\s-]+(?:advocates?|champions?|enthusiasts?|supporters?|fans?|lovers?|geeks?|nerds?|junkies?|addicts?|users?|goers?|patrons?)\b/i;

function interest(text: string, start: number, phrase: string, end = start): boolean {
  if (PERSON_NOUN.test(phrase)) return false;
  if (text[start - 1] === '#') return true;
  if (INTEREST_AFTER.test(text.slice(end))) return true;
  const clause =
    text
      .slice(0, start)
      .split(/[.;|•·\n!?]/)
      .pop() ?? '';
  return INTEREST_BEFORE.test(clause);
}

/**
 * The name of the field ("Library & Information Science", lexicon weight 1) says LIS education only beside someone
 * who studies or teaches it in the same clause ("Grad student in Library & Information Science", "Lecturer in Library
 * and Information Studies"); alone ("Libraries & Information Science. I've got a ficus too") it is an interest.
 */
const FIELD_NAMES = new Set([
  'information science',
  'library science',
  'library and information science',
  'library and information studies',
]);
const STUDY_ROLE =
  /\b(?:lecturer|student|professor|prof|phd|doctoral|doctorate|candidate|studying|studies|researcher|faculty|teach\w*|course|program(?:me)?)\b/i;

function studiedField(text: string, start: number, phrase: string): boolean {
  if (!FIELD_NAMES.has(phrase)) return false;
  const clause =
    text
      .slice(0, start)
      .split(/[.;|•·\n!?]/)
      .pop() ?? '';
  return STUDY_ROLE.test(clause);
}

/**
 * "Senior lecturer in public health", "PhD candidate in legal history", "Research fellow in digital archives": the field
 * an academic teaches or studies is their discipline, not a second workplace (LABELLING.md, sector rules 3 and 5). Up to
 * five words after the role and "in"/"of", inside the clause and before any "at"/"@".
 */
const DISCIPLINE_BEFORE =
  /\b(?:lecturer|professor|prof|reader|researcher|research (?:fellow|associate)|fellow|phd (?:student|candidate|researcher)|doctoral (?:student|candidate|researcher)|postdoc(?:toral (?:fellow|researcher))?|teaching fellow|tutor|scholar)\s+(?:in|of)\s+(?:[\p{L}&'’-]+\s+){0,4}$/iu;
const DISCIPLINE_DISCOUNT = 0.3;

function discipline(text: string, start: number): boolean {
  const clause =
    text
      .slice(0, start)
      .split(/[.;|•·\n!?,]|\s(?:at|@)\s|@/)
      .pop() ?? '';
  return DISCIPLINE_BEFORE.test(clause);
}

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

/** "Libraries. Archives. Museums.": kinds of institution listed together name a field of interest, not a workplace. */
const GLAM_NOUNS = new Set([
  'libraries',
  'library',
  'archives',
  'archive',
  'museums',
  'museum',
  'galleries',
  'gallery',
  'records',
  'heritage',
  'books',
]);
const LISTED_DISCOUNT = 0.3;

function inGlamList(tokens: readonly Token[], at: number): boolean {
  if (!GLAM_NOUNS.has(tokens[at]!.norm)) return false;
  for (let k = Math.max(0, at - 3); k <= Math.min(tokens.length - 1, at + 3); k++) {
    if (k !== at && GLAM_NOUNS.has(tokens[k]!.norm) && tokens[k]!.norm.replace(/s$/, '') !== tokens[at]!.norm.replace(/s$/, ''))
      return true;
  }
  return false;
}

/**
 * "I tweet blog posts from Australian Librarians, Archivists, Curators", "bringing together artists & academics": one
 * word naming a trade's people in the plural speaks of others (an audience, members), not of one's own work; it counts
 * as a listed item. "School librarians" and other phrases of two words keep their weight (whom an organisation serves),
 * and so do firms ("We represent international Publishers").
 */
const PEOPLE_OF_A_TRADE = /(?<!publish|vend|suppli|provid|distribut|aggregat)(?:ians|ists|ics|ors|ers)$/;
const LIST_SEPARATOR = /[,;|•·\n]/;
/**
 * "kung fu, myth+metaphor, public libraries, service design": a kind of library in the plural that is a whole item
 * of a list of three or more names an interest; "programs in public libraries" or "Public Libraries Victoria" does not.
 */
function listItem(text: string, start: number, end: number, tokens: readonly Token[], first: number, last: number): boolean {
  if (topicItem(text, start, end, tokens, first, last) || offerItem(text, start, end)) return true;
  if (tokens[last - 1]!.norm !== 'libraries' || last - first < 2) return false;
  return (
    standsAlone(text, start, end, LIST_SEPARATOR, /[,;|•·.\n]/) && (text.match(new RegExp(LIST_SEPARATOR.source, 'g'))?.length ?? 0) >= 2
  );
}

/** What a library holds, not what it is: a public library has special collections, a university library rare books. */
const HOLDINGS = /^(?:special collections|rare books|manuscripts|archives|local studies|local history|family history)$/i;
const OFFER_ITEM_END = /^\s*(?:,|and\b|&)/;
/**
 * "Find out about our events, special collections and latest news": a holding named inside a library's own list of
 * what it offers ("our A, B and C"), after its first item, is one thing it offers among others; the account names what
 * kind of library it is elsewhere ("Welwyn Garden City Central Library"). First, alone, or in a title's list of
 * departments ("Head, Archives, Special Collections and Digital Initiatives") it still names the sector (rule 3).
 */
function offerItem(text: string, start: number, end: number): boolean {
  if (!HOLDINGS.test(text.slice(start, end))) return false;
  const [a, b] = clauseOf(text, start);
  const before = text
    .slice(a, start)
    .replace(/\b(?:our|the|its|their)\s*$/i, '')
    .trimEnd();
  const after = text.slice(end, b);
  // "our …": the library's own offer, not a department's name in a title ("Head, Archives, Special Collections and …").
  return before.endsWith(',') && /\bour\b/i.test(before) && OFFER_ITEM_END.test(after);
}

/** Whether a phrase is a whole item: the text's start or a separator before it, its end or a separator after it. */
function standsAlone(text: string, start: number, end: number, opens: RegExp, closes: RegExp): boolean {
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).trimStart();
  return (before === '' || opens.test(before.slice(-1))) && (after === '' || closes.test(after[0]!));
}

/** Fields of the trade named as a topic, as a bare word: a kind of institution in the plural, or record keeping. */
const TOPIC_NOUNS = new Set(['archives', 'libraries', 'museums', 'records', 'recordkeeping', 'preservation']);
const TOPIC_SEPARATOR = /[.,;|•·\n]/;
/** Items that are no topic: a disclaimer ("Views my own"). */
const DISCLAIMER = /\b(?:views|opinions|tweets|rts?)\b/i;
/** An organisation describing itself first ("Hull History Centre. Archives. Local studies."): its list is what it offers. */
const ORGANISATION_FIRST =
  /^(?:\p{Lu}[\p{L}'’-]*\s+)+(?:Centre|Center|Library|Libraries|Archives?|Museum|Society|Trust|Service|Services|University|College|School|Office|Collection|Collections)\b/u;

/**
 * "Archives. Digital Collections. Preservation.", "Recordkeeping. Open Government. Strong Feelings. Baseball.": a field of
 * the trade, as a bare word, that is a whole item of a list of three or more short topics is what someone tweets about
 * (LABELLING.md rule 4: "passionate about archives" states no sector). Not a role ("Archivist."), not a name ("Bodleian
 * Libraries. Oxford."), and not an organisation's list of what it offers.
 */
function topicItem(text: string, start: number, end: number, tokens: readonly Token[], first: number, last: number): boolean {
  if (last - first !== 1 || !TOPIC_NOUNS.has(tokens[first]!.norm)) return false;
  if (!standsAlone(text, start, end, TOPIC_SEPARATOR, TOPIC_SEPARATOR)) return false;
  const items = text
    .split(TOPIC_SEPARATOR)
    .map((x) => x.trim())
    .filter((x) => x && !DISCLAIMER.test(x));
  if (ORGANISATION_FIRST.test(items[0] ?? '')) return false;
  return items.filter((x) => x.split(/\s+/).length <= 4).length >= 3;
}

/** "Imogen Ingram", "Anna Springer": a one-word vendor's name last in a display name, after a given name, is a surname. */
function surname(field: FieldText, tokens: readonly Token[], first: number, last: number, cues: readonly SectorCue[]): boolean {
  if (field.kind !== 'name' || last - first !== 1 || last !== tokens.length || first === 0) return false;
  const before = tokens[first - 1]!;
  return (
    cues.every((c) => c.sector === 'vendor') &&
    /^\p{Lu}\p{Ll}/u.test(before.raw) &&
    /^\s+$/.test(field.text.slice(before.end, tokens[first]!.start))
  );
}

/** "#AbolishElectoralCollege", "#FutureOfWork": a word inside a hashtag of three words or more is part of a slogan. */
function sloganSpans(text: string): Span[] {
  return [...text.matchAll(/#(\p{L}[\p{L}\p{N}_]*)/gu)]
    .filter((m) => (m[1]!.match(/\p{Lu}/gu)?.length ?? 0) >= 3)
    .map((m) => [m.index + 1, m.index + 1 + m[1]!.length] as const);
}

function insideSlogan(slogans: readonly Span[], start: number, end: number): boolean {
  return slogans.some(([a, b]) => start >= a && end <= b && (start > a || end < b));
}

/** "(Routledge, 2017)": a publisher named in a citation published the person, it does not employ them. */
function cited(text: string, end: number, cues: readonly SectorCue[]): boolean {
  return cues.some((c) => c.sector === 'vendor') && /^,?\s*(?:19|20)\d\d\b/.test(text.slice(end));
}

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

/**
 * Display names and handles run words together ("LeithLibrary", "@TroveAustralia", "bridgendlibs"): with the
 * registries, they are cut at capitals, and a lower-case name ending in a word for libraries before it.
 */
export function registryTokens(field: FieldText, tokens: readonly Token[]): Token[] {
  const handle = (t: Token) => field.kind === 'name' || /[@#]$/.test(field.text.slice(Math.max(0, t.start - 1), t.start));
  // Not a hashtag: "#qldlibraries" is a topic, "@bristollibraries" and a display name are the account.
  const account = (t: Token) => field.kind === 'name' || field.text[t.start - 1] === '@';
  const iSchools = tokens.flatMap((t) => (account(t) ? splitISchool(t) : [t]));
  return splitCamel(iSchools, handle).flatMap((t) => (account(t) ? splitLowerLibrary(t) : [t]));
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
    const listed =
      wide &&
      ((m.last - m.first === 1 && (inGlamList(tokens, m.first) || PEOPLE_OF_A_TRADE.test(tokens[m.first]!.norm))) ||
        cited(text, end, cues) ||
        listItem(text, start, end, tokens, m.first, m.last) ||
        interest(text, start, phrase, end));
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

/** What a bio says first, and what it says someone does "currently", is the day job (LABELLING.md, sector rule 8). */
const LEAD_CLAUSE = 1.5;
/**
 * "Collection Assessment Librarian, University of North Texas Libraries\nKaren Harker earned her MLS…": a short title
 * line over a long third-person bio (a conference or staff page's form) is the job now; the story below walks a career.
 */
const HEADLINE = 2.5;
const headline = (text: string) => /^[^\n]{3,120}\n/.test(text) && text.length - text.indexOf('\n') > 200;
/** A supporting hint's weight (sectors.json weight 1). */
const HINT = 1;
const PRESENT = /\b(?:currently|presently|now|is now|these days|at present|current(?:ly)? (?:role|position|job))\b/i;
/** Where the lead clause of a bio ends: its first stop, bar, bullet or line break (commas stay inside: "Title, Institution"). */
const LEAD_END = /[.;|•·\n!?](?=\s|$)|\n/;

/**
 * "Metadata Specialist\n… She developed her skills at the Oregon Health and Science University … and is currently a
 * metadata specialist at The New York Public Library": the first clause of a bio and a clause that says "currently"
 * name the work someone does now, where a third-person bio's later sentences walk through a career or a topic. Their
 * evidence counts 1.5 times (never outright: a role stays what makes a phrase outright), when other clauses name
 * work too. Only what names a sector (a workplace or a role) is raised: a topic said first is still a topic.
 */
function presentJob(text: string, hits: SectorHit[]): void {
  const lead = text.search(LEAD_END);
  const leadEnd = lead < 0 ? text.length : lead;
  const named = hits.filter((h) => h.strength >= WORKPLACE && !h.listed);
  const now = named.filter((h) => {
    const [a] = clauseOf(text, h.start);
    // "She developed her skills at X, … and is currently a metadata specialist at Y": what follows the word.
    return h.start < leadEnd || PRESENT.test(text.slice(a, h.start));
  });
  // Only a bio that names work in other clauses too has a day job to tell apart.
  if (now.length === named.length) return;
  const titleLine = headline(text);
  for (const h of now) h.strength *= h.start < leadEnd && titleLine ? HEADLINE : LEAD_CLAUSE;
}

/**
 * "studying Information Management at RMIT", "MLIS student, SJSU": LIS study makes its student education (rule 6
 * of LABELLING.md), and the university named in the same clause is the place of study, not a workplace, so its
 * academic reading counts 0.4 there. Elsewhere in the bio it still names a workplace ("Librarian at RMIT. MLIS student").
 */
function studyPlaces(text: string, hits: SectorHit[]): void {
  const study = hits.filter((h) => (h.readings.education ?? 0) >= 1 && h.strength >= 2).map((h) => clauseOf(text, h.start));
  if (study.length === 0) return;
  for (const h of hits) {
    if (Object.keys(h.readings).length !== 1 || !h.readings.academic) continue;
    if (study.some(([a, b]) => h.start >= a && h.start < b)) h.strength *= STUDY_PLACE_DISCOUNT;
  }
}

/** "… a Ph.D. student at the University of Latvia": the words that make the university just after them a place of study. */
const STUDENT_AT = /\b(?:student|candidate|studying)\s+(?:at|of|with)\s+(?:the\s+)?$/i;

/**
 * "a data management expert at the National Library of Latvia and a Ph.D. student at the University of Latvia": a
 * university someone is a student at is where they study; beside a job in another sector (a workplace named or a role)
 * it is no workplace, so its academic reading counts 0.4 (LABELLING.md, sector rule 8: the day job first).
 */
function studentElsewhere(text: string, hits: SectorHit[]): void {
  const studied = hits.filter((h) => {
    if (Object.keys(h.readings).length !== 1 || !h.readings.academic) return false;
    const [a] = clauseOf(text, h.start);
    return STUDENT_AT.test(text.slice(Math.max(a, h.start - 40), h.start));
  });
  if (studied.length === 0) return;
  const job = hits.some((h) => !h.readings.academic && !h.listed && !h.aside && h.strength >= WORKPLACE);
  if (job) for (const h of studied) h.strength *= STUDY_PLACE_DISCOUNT;
}

const STUDYING = /\b(?:student|studying|candidate|master of|bachelor of|grad(?:uate)? dip\w*)\b|\bstudy\s*:/i;
const TEACHING = /\b(?:lectur\w*|teach\w*|professor|prof|faculty|educator|instructor)\b/i;

/**
 * "Work: UNSW Business School Outreach Librarian. Study: Master of Info Studies, CSU": a current job that names a
 * sector outranks current study (LABELLING.md, sector rule 6), so LIS study counts as a workplace-level hint (half,
 * never outright) once a job in another clause names a sector at workplace strength. Teaching LIS is a job: an LIS
 * lecturer stays education.
 */
function jobOverStudy(hits: SectorHit[]): void {
  const studying = (h: SectorHit) => {
    if (!h.readings.education) return false;
    const [a, b] = clauseOf(h.text, h.start);
    const clause = h.text.slice(a, b);
    return STUDYING.test(clause) && !TEACHING.test(clause);
  };
  const study = hits.filter(studying);
  if (study.length === 0) return;
  const studyClauses = study.map((h) => clauseOf(h.text, h.start));
  const job = hits.some(
    (h) =>
      !h.readings.education &&
      !h.listed &&
      h.strength >= 2 &&
      !studyClauses.some(([a, b], i) => study[i]!.text === h.text && h.start >= a && h.start < b),
  );
  if (!job) return;
  for (const h of study) {
    h.strength *= WORKPLACE_DISCOUNT;
    h.outright = false;
  }
}

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

export function inferSector(fields: readonly FieldText[], options: ContextOptions): ContextValue {
  const read = fields.flatMap((f) => fieldHits(f, options.registries));
  const inLocation = read.filter((h) => h.field === 'location').reduce((sum, h) => sum + h.strength, 0);
  const all = read.filter((h) => !options.registries || h.field !== 'location' || inLocation >= LOCATION_SECTOR_FLOOR);
  if (options.registries) all.push(...placeAccountHits(fields));
  // A word of any trade counts in a library's world, or beside a sector named otherwise ("trainer at LexisNexis").
  const otherwise = new Set(all.filter((h) => !h.generic).flatMap((h) => Object.keys(h.readings)));
  const libraryWorld = fields.some((f) => LIBRARY_WORLD.test(f.text));
  const hits = all.filter((h) => libraryWorld || !h.generic || Object.keys(h.readings).some((s) => otherwise.has(s)));
  if (options.registries) {
    jobOverStudy(hits);
    universitysOwnLibraries(hits);
    universitysSubjectLibrarians(hits);
    lawSchoolLibrarians(hits);
    lisSchoolPeople(hits);
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
