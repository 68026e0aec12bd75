/**
 * "SLA Merseyside Branch Member", "AALL member", "Member of the Law Librarians' Association", "Member, Special
 * Libraries Association": belonging to an association says what someone cares about, not where they work, so
 * phrase-use.ts counts such a phrase as a listed item (as an interest). Only associations: an acronym or a name with an
 * association's word. Members of a workplace ("member of the Bodleian Libraries staff", "University of Leeds Library
 * member of staff", "Member of the University of Leeds"), office-holders ("SLA Board member", "Member of Parliament") and
 * those a library serves ("Library for members of the Royal College of Nursing") are not belonging to an association.
 */
import { ACRONYM } from './tokenize.js';

const ASSOCIATION_WORD = /\b(?:association|society|federation|guild|alliance|network|consortium|union)\b/i;
/** "SLA Merseyside Branch Member": up to two capitalised words and a branch's word between the body and "member". */
const MEMBER_AFTER = /^(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s+(?:[Bb]ranch\s+|[Gg]roup\s+|[Ss]ection\s+)?(?:[Mm]ember|MEMBER)S?s?\b/u;
/** "member of the …", "Member, …", "Member: …" just before the body (singular: "members of" are whom a library serves). */
const MEMBER_BEFORE = /\b(?:[Mm]ember|MEMBER)(?:\s+(?:of|in)|\s*[,:])\s+(?:the\s+)?$/u;
/** Words that make a member part of a workplace or an office, before or after the body. */
const OFFICE = /\b(?:board|committee|council|executive|staff|team|faculty|parliament|services?)\b/i;
/** The words after the body up to the end of its clause, where "team" or "staff" would say it is a workplace. */
const REST_OF_CLAUSE = /^[^.;|•\n]{0,40}/;

export function membership(text: string, start: number, end: number): boolean {
  // "Special Libraries Association": the association's word may follow the phrase read.
  const name = text.slice(start, end) + REST_OF_CLAUSE.exec(text.slice(end))![0].slice(0, 16);
  if (!ACRONYM.test(text.slice(start, end)) && !ASSOCIATION_WORD.test(name)) return false;
  const after = MEMBER_AFTER.exec(text.slice(end));
  if (after) return !OFFICE.test(after[0]) && !OFFICE.test(REST_OF_CLAUSE.exec(text.slice(end + after[0].length))![0].slice(0, 12));
  return MEMBER_BEFORE.test(text.slice(Math.max(0, start - 30), start)) && !OFFICE.test(REST_OF_CLAUSE.exec(text.slice(end))![0]);
}
