/**
 * How a phrase of the sector lexicons is used where it stands, which decides how much it says: an interest ("I love
 * archives", "#Archives"), the field someone studies or teaches ("Lecturer in Library and Information Studies",
 * "Senior lecturer in public health"), an item of a list (kinds of institution named together, short topics, what a
 * library offers), a surname that is also a vendor's name, a word inside a slogan hashtag, or a publisher cited.
 * infer-sector.ts reads the phrases and discounts them by these.
 */
import type { FieldText } from './fields.js';
import type { SectorCue } from './gazetteer.js';
import type { Span } from './past-spans.js';
import { clauseOf } from './sector-hit.js';
import type { Token } from './tokenize.js';
import { membership } from './membership.js';

/**
 * "I love archives", "Interested in scholarly communication", "#Archives, #history": a kind of library or a field
 * after a word of liking, or as a hashtag, is an interest, not a workplace, and counts as a listed item. Roles
 * ("passionate law librarian") are not: a phrase ending in a person's noun says what someone is.
 */
const INTEREST_BEFORE =
  /\b(?:love|loves|loving|lover of|interested in|interests?|interest in|passionate about|passion for|fan of|(?:very |really )?fond of|keen on|excited about|(?:mostly|often|usually|I) tweets? about|enthusiast for|(?:passionate |keen |strong )?advocate for|advocates for|advocating for|champion (?:of|for)|obsessed with|wonders? about|fascinated by|curious about)\b/i;
// "-ment" names a field ("research data management"), not a person.
const PERSON_NOUN = /(?:ian|ist|er|or|ant|(?<!m)ent|eur|ess)s?$|\b(?:staff|team|head|lead|dean|fellow|student|candidate|prof)\b/;

/**
 * "… a lifelong love of reading and to promote a reading culture throughout the school": a phrase that says where
 * something happens is no object of liking; the sentence's liking is for something else.
 */
const WHERE_PHRASE = /^(?:throughout|across|around|heart of) the\b/;
/** "throughout the school years": the school as a time of life, not a place. */
const SCHOOL_AS_TIME = /^\s+(?:years?|days?|terms?|holidays?|run)\b/i;

/** "public library advocate", "archives nerd", "library lover": a liker's noun after the phrase. */
const INTEREST_AFTER =
  /^[\s-]+(?:advocates?|champions?|enthusiasts?|supporters?|fans?|lovers?|geeks?|nerds?|junkies?|addicts?|users?|goers?|patrons?)\b/i;

function interest(text: string, start: number, phrase: string, end = start): boolean {
  if (PERSON_NOUN.test(phrase) || (WHERE_PHRASE.test(phrase) && !SCHOOL_AS_TIME.test(text.slice(end)))) return false;
  if (text[start - 1] === '#') return true;
  if (INTEREST_AFTER.test(text.slice(end))) return true;
  return INTEREST_BEFORE.test(sentenceBefore(text, start));
}

/** The words of a phrase's sentence before it (up to a stop, bar, bullet or line break). */
function sentenceBefore(text: string, start: number): string {
  return (
    text
      .slice(0, start)
      .split(/[.;|•·\n!?]/)
      .pop() ?? ''
  );
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

export function studiedField(text: string, start: number, phrase: string): boolean {
  return FIELD_NAMES.has(phrase) && STUDY_ROLE.test(sentenceBefore(text, start));
}

/**
 * "Senior lecturer in public health", "PhD candidate in legal history", "Research fellow in digital archives": the field
 * an academic teaches or studies is their discipline, not a second workplace (LABELLING.md, sector rules 3 and 5). Up to
 * five words after the role and "in"/"of", inside the clause and before any "at"/"@".
 */
const DISCIPLINE_BEFORE =
  /\b(?:lecturer|professor|prof|reader|researcher|research (?:fellow|associate)|fellow|phd (?:student|candidate|researcher)|doctoral (?:student|candidate|researcher)|postdoc(?:toral (?:fellow|researcher))?|teaching fellow|tutor|scholar)\s+(?:in|of)\s+(?:[\p{L}&'’-]+\s+){0,4}$/iu;
export const DISCIPLINE_DISCOUNT = 0.3;

export function discipline(text: string, start: number): boolean {
  const clause =
    text
      .slice(0, start)
      .split(/[.;|•·\n!?,]|\s(?:at|@)\s|@/)
      .pop() ?? '';
  return DISCIPLINE_BEFORE.test(clause);
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
export const LISTED_DISCOUNT = 0.3;

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
const HOLDINGS =
  /^(?:special collections|rare books|manuscripts|archives|local studies|local history|family history|archives? service|galler(?:y|ies)|museums?)$/i;
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
  // "our …": the library's own offer, not a department's name in a title ("Head, Archives, Special Collections and …");
  // "Kent's Library, Registration and Archive service": a council's service that a library heads.
  const list = before.endsWith(',') || /(?:\band|&)$/i.test(before);
  // "Libraries & Archive Service", "Library, Registration and Archive service": one service a library heads.
  const headed = /\blibrar(?:y|ies)\s*(?:,|&|and\b)/i.test(before);
  return list && (/\bour\b/i.test(before) || headed) && (OFFER_ITEM_END.test(after) || headed);
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
export function surname(field: FieldText, tokens: readonly Token[], first: number, last: number, cues: readonly SectorCue[]): boolean {
  if (field.kind !== 'name' || last - first !== 1 || last !== tokens.length || first === 0) return false;
  const before = tokens[first - 1]!;
  return (
    cues.every((c) => c.sector === 'vendor') &&
    /^\p{Lu}\p{Ll}/u.test(before.raw) &&
    /^\s+$/.test(field.text.slice(before.end, tokens[first]!.start))
  );
}

/** "#AbolishElectoralCollege", "#FutureOfWork": a word inside a hashtag of three words or more is part of a slogan. */
export function sloganSpans(text: string): Span[] {
  return [...text.matchAll(/#(\p{L}[\p{L}\p{N}_]*)/gu)]
    .filter((m) => (m[1]!.match(/\p{Lu}/gu)?.length ?? 0) >= 3)
    .map((m) => [m.index + 1, m.index + 1 + m[1]!.length] as const);
}

export function insideSlogan(slogans: readonly Span[], start: number, end: number): boolean {
  return slogans.some(([a, b]) => start >= a && end <= b && (start > a || end < b));
}

/** "(Routledge, 2017)": a publisher named in a citation published the person, it does not employ them. */
function cited(text: string, end: number, cues: readonly SectorCue[]): boolean {
  return cues.some((c) => c.sector === 'vendor') && /^,?\s*(?:19|20)\d\d\b/.test(text.slice(end));
}

/**
 * "the Arts & Social Studies and Law Library at Cardiff University", "Business and Law Library": a library of several
 * faculties' subjects is the university's, not a law library (LABELLING.md, sector rule 3: a law library serves the law).
 */
function sharedSubjectLibrary(text: string, start: number, phrase: string, cues: readonly SectorCue[]): boolean {
  return (
    /^law librar(?:y|ies)$/.test(phrase) &&
    cues.every((c) => c.sector === 'law') &&
    /\p{Lu}[\p{L}'’-]+\s+(?:and|&)\s+$/u.test(text.slice(Math.max(0, start - 40), start))
  );
}

/**
 * "Cruciform Library - clinical medicine + medical sciences collections", "law collections": the discipline of a
 * library's collections is what it holds, not the sector it serves. Not for roles ("medical librarian"), nor for what
 * names an institution's own collections (a museum's, an archive's: rule 17).
 */
const BEFORE_COLLECTIONS = /^((?:\s*(?:[+&,/]|and)?\s*[\p{L}-]+){0,3})\s+collections?\b/iu;
// Words that end a subject ("Medical library with rare book collections" names a library, then what it holds).
const NOT_A_SUBJECT = /\b(?:with|of|in|for|our|the|its|their|from|to|at|on|by|has|holds?|houses?|including)\b/i;

function collectionSubject(text: string, end: number, phrase: string, cues: readonly SectorCue[]): boolean {
  // Disciplines only: a museum's or a body's own collections ("museum collections", "AIATSIS Collections") name it.
  if (PERSON_NOUN.test(phrase) || !cues.every((c) => c.sector === 'health' || c.sector === 'law')) return false;
  const m = BEFORE_COLLECTIONS.exec(text.slice(end));
  return !!m && !NOT_A_SUBJECT.test(m[1]!);
}

/**
 * Whether a phrase is named among others rather than as one's own work: a kind of institution beside others, a trade's
 * people in the plural, a publisher cited, an item of a list of topics or of what a library offers, or an interest.
 */
export function listedPhrase(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  phrase: string,
  cues: readonly SectorCue[],
): boolean {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  return (
    (last - first === 1 && (inGlamList(tokens, first) || PEOPLE_OF_A_TRADE.test(tokens[first]!.norm))) ||
    sharedSubjectLibrary(text, start, phrase, cues) ||
    collectionSubject(text, end, phrase, cues) ||
    cited(text, end, cues) ||
    listItem(text, start, end, tokens, first, last) ||
    interest(text, start, phrase, end) ||
    membership(text, start, end)
  );
}
