/**
 * Spans of a bio that speak of the past rather than of where someone works or lives now, read with the
 * registries (context option `registries`):
 *   - a degree held, and where it is from ("holds an MLS from SUNY Buffalo", "received her MLIS from the
 *     University of Washington's iSchool", "an M.L.S. … from Indiana University"): a credential names the
 *     person's training, not their sector (a librarian with an MLIS is not a library-school student) nor their
 *     town; "MLIS student", "PhD candidate" are current study and are not in a span;
 *   - a clause that opens with a past marker ("Previously, he worked as Digital Archivist at …", "she worked
 *     previously as a business librarian", "in the past she has worked in both public and academic libraries",
 *     "got her start in libraries at the Guelph Public Library"): the jobs it names are the ones left;
 * and (serviceSpans) service beside the job ("a member of …", "co-chair of …", "serves on …"): the bodies it names are the
 * profession's, not a workplace.
 * A span runs from its marker to the end of the clause. Evidence inside one counts as past (infer-sector.ts,
 * infer-region.ts). The word lists below are general English; the base lexicon's "former", "ex-" and
 * "previously" right before a phrase keep working beside them (tokenize.ts `distanceBefore`).
 */

/** A degree's name, as written in bios (with or without dots), not followed by the word that makes it current study. */
const DEGREE =
  /(?<![\p{L}\p{N}])(?:M\.?L\.?I\.?S\.?|M\.?L\.?S\.?|M\.?S\.?L\.?S\.?|M\.?S\.?I\.?S\.?|MSI|MLib|MIS|MA|M\.A\.|MS|M\.S\.|MSc|MPhil|BA|B\.A\.|BS|B\.S\.|BSc|Ph\.?D\.?|doctorate|degrees?|master['’]?s(?: degree)?|bachelor['’]?s(?: degree)?|diploma)(?![\p{L}\p{N}])(?!\.?\s+(?:student|candidate|program|programme|course|researcher|in progress|\(in progress)\b)/giu;
/** Words that make a degree named after them one already held ("holds an MLS", "with her MLIS", "earned … from"). */
const HELD_BEFORE =
  /\b(?:holds?|held|earned|received|completed|finished|obtained|awarded|gained|got|has|have|with)\s+(?:an?|her|his|their|my|both|two)?\s*$/i;
const FROM_AFTER = /^[^.;!?\n]{0,80}?\bfrom\b/i;
/** What follows a degree, up to its comma or bracket: a school if it names one and no role ("MLIS, Dalhousie University"). */
const SCHOOL_AFTER = /^\s*(?:[,–-]|\()\s*([^,.;|()\n]{2,80})/u;
const SCHOOL_WORD = /\b(?:University|Universit\w+|Univ|College|School|iSchool|Institute|Polytechnic)\b/u;
const ROLE_WORD = /\b(?:\w+ians?|\w+ists?|cataloguer|cataloger|director|manager|officer|coordinator|assistant|head|teacher)\b/i;
const schoolAfter = (after: string) => {
  const next = SCHOOL_AFTER.exec(after)?.[1] ?? '';
  return SCHOOL_WORD.test(next) && !ROLE_WORD.test(next);
};
/** Two capitals that are also a state's code ("Boston, MA", "Jackson, MS") are a degree only as "an MA", "MA in …", "MA from …". */
const STATE_LIKE = /^(?:MA|MS|BA|BS)$/;
const ARTICLE_BEFORE = /\b(?:an?|her|his|their|my)\s+$/i;
const DEGREE_AFTER = /^\s+(?:in|from)\b/i;
/** Markers that put the rest of their clause in the past. */
const PAST_CLAUSE =
  /\b(?:previous(?:ly)?|formerly|in the past|prior to|before (?:that|joining)|has (?:also )?worked|had worked|(?:she|he|they|I) worked|worked previously|(?<!(?:has|have|I've)\s)worked (?:in|at|for|with|on|as)|spent \w+ years|served as|got (?:her|his|their|my) start|began (?:her|his|their|my) career|graduated from|still think like an? |(?:graduate|grad|alum|alumn(?:a|us|i|ae)) of|studied at|(?:her|his|their|my) first (?:\w+ )?job|in (?:19|20)\d\d(?=,?\s+(?:she|he|they|I|we)\b)|(?:has |have )?held (?:\w+ ){0,3}positions|holding (?:\w+ ){0,3}positions)\b/gi;
/**
 * A career told as a story ("She developed her analytical skills … at the Oregon Health and Science University, received
 * …", "From 2000 to 2009 she evaluated … for UT Southwestern", "After three years as biostatistician, she returned to …"):
 * the span is the phrase up to its comma or its subject ("After two years at Leeds she moved to …"), not the sentence,
 * and none if the sentence goes on in the present ("…, where she still works").
 */
const STORY_PAST = /\b(?:developed (?:her|his|their|my) (?:\w+ )?skills|after (?:\w+ ){0,2}years? (?:as|at|in|with|of))\b/gi;
/** "From 2000 to 2009 she evaluated … for UT Southwestern": dates that close a span put the rest of their clause in the past. */
const DATES_PAST = /\b(?:from|between) (?:19|20)\d\d (?:to|and|until) (?:19|20)\d\d\b/gi;
const STORY_END = /,|\b(?:she|he|they|I|we)\b/i;
/** "…, where she still works": the place the story names goes on now. */
const STILL_THERE = /^,\s*(?:where|which)\b[^.;!?\n]*\b(?:still|currently|now|today)\b/i;
const SERVICE_BODY =
  /\b(?:committee|subcommittee|board|council|group|section|task ?force|association|society|steering|caucus|round ?table|editorial|working party|advisory|consortium|network|federation|alliance)\b/i;
const SINCE_BEFORE = /\bsince\b[^.;!?\n]*$/i;
/**
 * Service beside the job ("She is a current member of the Experts Group on Archival Description at the International
 * Council on Archives", "co-chair of the Technical Subcommittee", "serves on the board of …"): the bodies it names are
 * the profession's, not the workplace. A member of a team or of staff is the job ("member of the library team at X").
 */
const SERVICE_CLAUSE =
  /\b(?:member of (?!(?:the |our |a )?(?:[\w-]+ ){0,2}(?:staff|team|faculty)\b)|co-?chairs? (?:of|on|for)?|chair(?:s|ed)? (?:of|on) the|serves? on|served on|sits? on|sat on)\b/gi;
/**
 * "Been a Mental Health Nurse, and NHS Clinical Project Manager. Now: PhD Researcher": a list of what someone has been.
 * Not "Been a law librarian for 20 years" nor "… and still love it": a job held that long is held still.
 */
const BEEN_A = /(?:^|(?<=[.;|•\n]\s*))Been an? (?![^.;|•\n]*\b(?:for \d+ (?:years|yrs)|since|still)\b)/gu;
/** "an archivist at heart", "a librarian by training": what someone was trained as, not the job they hold. */
const TRAINED_AS = /\b\p{L}+(?:ian|ist|er|or)s?\s+(?:at heart|by training)\b/gu;
/**
 * "UTS alum", "Monash grad", "Charles Sturt University graduate": the school named before it is one left; not a
 * "graduate student", "grad researcher" there now. The run starts at a word's start, so a long run of capitals and
 * hyphens is tried once, not once per capital.
 */
const SCHOOL_LEFT =
  /(?<![\p{L}\p{N}&.'’-])(?:\p{Lu}[\p{L}&.'’-]*\s+){1,5}(?:alum|alumna|alumnus|alumni|alumnae|grad|graduate)(?![\p{L}\p{N}])(?!\s+(?:student|researcher|assistant|program|programme|school|trainee)\b)/gu;
/**
 * "with a background in law", "has a grounding in archives": a field trained in, up to where the sentence names a
 * workplace ("… at Leeds", "@UCL"); "delivering training in RDM" is work done now and is not one.
 */
const TRAINED_IN = /\b(?:a|with an?|has an?|have an?)\s+(?:background|grounding|training) in\s/gi;
const WORKPLACE_AFTER = /\s(?:at|@)\s|@/;
/**
 * Where a clause ends: a stop, semicolon, bar or line break, or a full stop before a capitalised word ("…Bloomington. She"),
 * but not a name's initial ("the William A. Wise Law Library").
 */
const CLAUSE_END = /[;!?\n|•]|(?<!(?:^|[\s(])\p{Lu})\.(?=\s+\p{Lu}\p{Ll}|\s*$)/u;

/** What someone does now ends a past span inside its clause ("received an MLIS from …, and is currently a … at NYPL"). */
const PRESENT_AFTER =
  /,?\s*(?:and\s+)?(?:(?:she|he|they|I)\s+)?(?:is|are|am)\s+(?:currently|now)\b|\b(?:currently|now)\s+(?:a|an|the|at|with|works?|working|serves?|leads?|directs?)\b|,?\s*\band\s+(?:now\s+)?(?:works|is working|serves|leads|manages|runs)\b/i;

function clauseEnd(text: string, from: number): number {
  const m = CLAUSE_END.exec(text.slice(from));
  const end = m ? from + m.index : text.length;
  const present = PRESENT_AFTER.exec(text.slice(from, end));
  return present ? from + present.index : end;
}

export type Span = readonly [start: number, end: number];

/** The past spans of `text`, in order; they may overlap. */
export function pastSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(DEGREE)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(m.index + m[0].length);
    if (STATE_LIKE.test(m[0]) && !ARTICLE_BEFORE.test(before) && !DEGREE_AFTER.test(after)) continue;
    const held = HELD_BEFORE.test(before) || FROM_AFTER.test(after);
    // A library degree named alone ("MLIS | reference librarian", "Katherine Ahnberg, MLS (she/her), serves as …") is held
    // (its student says so: "MLIS student"); it is the span, not the rest of its clause.
    // …unless its school follows ("MLIS, Dalhousie University", "MLS – Rutgers"): then the school is where it is from.
    if (!held && /^M\.?L\.?I?\.?S\.?$/i.test(m[0]))
      spans.push([m.index, schoolAfter(after) ? clauseEnd(text, m.index + m[0].length) : m.index + m[0].length]);
    if (held) spans.push([m.index, clauseEnd(text, m.index + m[0].length)]);
  }
  for (const m of text.matchAll(PAST_CLAUSE)) {
    // "Since then, she has worked in various projects at …": work that goes on since a time is the work now.
    if (/^has\b/i.test(m[0]) && SINCE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    spans.push([m.index, clauseEnd(text, m.index + m[0].length)]);
  }
  for (const m of text.matchAll(STORY_PAST)) {
    const from = m.index + m[0].length;
    const end = clauseEnd(text, from);
    const stop = text.slice(from, end).search(STORY_END);
    if (stop >= 0 && STILL_THERE.test(text.slice(from + stop, end))) continue;
    spans.push([m.index, stop < 0 ? end : from + stop]);
  }
  for (const m of text.matchAll(DATES_PAST)) spans.push([m.index, clauseEnd(text, m.index + m[0].length)]);
  for (const m of text.matchAll(SCHOOL_LEFT)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(TRAINED_AS)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(BEEN_A)) spans.push([m.index, clauseEnd(text, m.index + m[0].length)]);
  for (const m of text.matchAll(TRAINED_IN)) {
    const from = m.index + m[0].length;
    const end = clauseEnd(text, from);
    const at = text.slice(from, end).search(WORKPLACE_AFTER);
    spans.push([m.index, at < 0 ? end : from + at]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * The spans of `text` that speak of service beside the job: not someone's sector (infer-sector.ts), though a regional
 * body served ("a member of the Ontario Library Association") still says where they are (infer-region.ts reads it).
 * Service ends at a comma too: "Chair of the Arts, Exhibits and Events Committee, Leatherby Libraries, Chapman University".
 */
export function serviceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SERVICE_CLAUSE)) {
    const from = m.index + m[0].length;
    const end = clauseEnd(text, from);
    // Only a body that serves the profession is service: "Member of Parliament", "Chair of the History Department",
    // "serves on the reference desk" are jobs.
    if (!SERVICE_BODY.test(text.slice(from, end))) continue;
    const comma = text.indexOf(',', from);
    spans.push([m.index, Math.min(end, comma < 0 ? text.length : comma)]);
  }
  return spans;
}

export function inSpans(spans: readonly Span[], at: number): boolean {
  return spans.some(([s, e]) => at >= s && at < e);
}
