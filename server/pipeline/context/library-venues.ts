/**
 * A venue that says it is a library first ("A library, gallery, events venue, free Wi-Fi provider and café", "The Forum
 * Southend-on-Sea is a library, gallery and educational resource", "A brand new … library and learning facility for
 * Southend"): a place's library in a shared building, so its public library (LABELLING.md rule 19, as h067, h074). Only
 * a library named first in such a list, with no kind of its own ("an independent library, …", "a school library and …")
 * and no heritage or information work beside it ("a library, archive and museum", "a library and information
 * professional"), which say another sector.
 */
import type { FieldText } from './fields.js';
import { hit, type RegistryHits } from './registry-hit.js';

/** At a sentence's start ("A library, …"), or after a name of two or more words that opens it ("The Forum Southend is a …"). */
const VENUE_LIBRARY =
  /(?:^|[.!]\s+)(?:(?:The\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)+\s+is\s+)?[Aa]n?\s+((?:[\p{L}\p{N}£$'’-]+,?\s+){0,6}?)[Ll]ibrary(?=\s*(?:,|&|\band\b))/gu;
/**
 * Words before "library" that give it a kind of its own, or make it no public library at all ("a school library and …",
 * "a state library, …" are the lexicon's, and read more strongly than this).
 */
const OWN_KIND =
  /\b(?:independent|private|subscription|members'?|research|specialist|historic|digital|online|virtual|seed|tool|toy|sound|film|personal)\b/i;
/** Heritage or information work listed beside it: the list is a profession's or a heritage body's, not a venue's. */
const NOT_A_VENUE = /\b(?:information|knowledge|archives?|museums?|records|heritage)\b/i;
/** What else a venue offers, one of which the list must name ("A library, not a warehouse!" is a slogan). */
const VENUE_WORD =
  /(?<!\p{L})(?:galler(?:y|ies)|caf[eé]s?|venue|events?|arts? cent(?:re|er)|cultural|learning (?:facility|centre|center)|hub|theatre|cinema|wi-?fi|meeting rooms?)(?!\p{L})/iu;
/** A list someone says of themselves ("a library, a bookshop and a café are all I need") is no venue's. */
const NOT_A_LIST = /\b(?:I|my|me|we|our|it|its)\b/;
/** A bio that names a school, a university or a prison anywhere is that institution's library, not a place's venue. */
const INSTITUTION = /\b(?:school|pupils|students|universit\w*|college|hospital|prison|HMP)\b/i;
/** A workplace's weight (2), as a library named after its place, less than a role (3). */
const VENUE_LIBRARY_WEIGHT = 2;

/** Public-library hits for a venue's bio that names a library first among what the venue offers. */
export function venueLibraryHits(field: FieldText, out: RegistryHits): void {
  if (field.kind !== 'text' || field.label === 'location') return;
  for (const m of field.text.matchAll(VENUE_LIBRARY)) {
    if (OWN_KIND.test(m[1]!)) continue;
    const end = m.index + m[0].length;
    const rest = /^[^.;|•\n]*/.exec(field.text.slice(end))![0];
    if (!VENUE_WORD.test(rest) || NOT_A_VENUE.test(rest) || NOT_A_LIST.test(rest)) continue;
    // "A library, gallery and events space. Part of the University of Kent": the whole bio, not only the list.
    if (INSTITUTION.test(field.text)) continue;
    const start = end - 'library'.length;
    out.sector.push(hit(field, start, end, { public: 1 }, VENUE_LIBRARY_WEIGHT));
  }
}
