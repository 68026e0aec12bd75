/**
 * Which work is the job now, when a bio names more than one: what it says first or "currently" (and a conference
 * bio's title line) counts more; a university someone studies at is a place of study, not a workplace; a current job
 * outranks current study (LABELLING.md, sector rules 6 and 8). Each stage adjusts the strengths of a field's hits
 * in place; infer-sector.ts runs them.
 */
import { clauseOf, STUDY_PLACE_DISCOUNT, WORKPLACE, WORKPLACE_DISCOUNT, type SectorHit } from './sector-hit.js';

/** What a bio says first, and what it says someone does "currently", is the day job (LABELLING.md, sector rule 8). */
const LEAD_CLAUSE = 1.5;
/**
 * "Collection Assessment Librarian, University of North Texas Libraries\nKaren Harker earned her MLS…": a short title
 * line over a long third-person bio (a conference or staff page's form) is the job now; the story below walks a career.
 */
const HEADLINE = 2.5;
const headline = (text: string) => /^[^\n]{3,120}\n/.test(text) && text.length - text.indexOf('\n') > 200;
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
export function presentJob(text: string, hits: SectorHit[]): void {
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
export function studyPlaces(text: string, hits: SectorHit[]): void {
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
export function studentElsewhere(text: string, hits: SectorHit[]): void {
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
export function jobOverStudy(hits: SectorHit[]): void {
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
