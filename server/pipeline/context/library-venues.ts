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
  /(?:^|[.!]\s+)(?:(?:The\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)+\s+is\s+)?[Aa]n?\s+((?:[\p{L}\p{N}£$'’-]+\s+){0,6}?)library(?=\s*(?:,|&|\band\b))/gu;
/**
 * Words before "library" that give it a kind of its own, or make it no public library at all ("a school library and …",
 * "a state library, …" are the lexicon's, and read more strongly than this).
 */
const OWN_KIND =
  /\b(?:independent|private|subscription|members'?|research|specialist|historic|digital|online|virtual|seed|tool|toy|sound|film|personal)\b/i;
/** Heritage or information work listed beside it: the list is a profession's or a heritage body's, not a venue's. */
const NOT_A_VENUE = /\b(?:information|knowledge|archives?|museums?|records|heritage)\b/i;
/** A list that goes on to its readers or an institution ("… library and our passion is … across the school") is no venue's. */
const NOT_A_LIST = /^\s*(?:,|&|and)\s+(?:our|we|my|I|it|its)\b|\b(?:school|pupils|students|universit\w*|college|hospital)\b/i;
/** A workplace's weight (2), as a library named after its place, less than a role (3). */
const VENUE_LIBRARY_WEIGHT = 2;

export function venueLibraryHits(field: FieldText, out: RegistryHits): void {
  if (field.kind !== 'text' || field.label === 'location') return;
  for (const m of field.text.matchAll(VENUE_LIBRARY)) {
    if (OWN_KIND.test(m[1]!)) continue;
    const end = m.index + m[0].length;
    const rest = /^[^.;|•\n]*/.exec(field.text.slice(end))![0];
    if (NOT_A_VENUE.test(rest) || NOT_A_LIST.test(rest)) continue;
    const start = end - 'library'.length;
    out.sector.push(hit(field, start, end, { public: 1 }, VENUE_LIBRARY_WEIGHT));
  }
}
