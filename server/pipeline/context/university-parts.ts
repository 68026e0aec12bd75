/**
 * What a university's parts say about the people who name them (with the registries): its libraries, its subject
 * librarians, its law school and its LIS school. A faculty library or a subject title named beside its university is
 * a university post (LABELLING.md rules 4, 9, 16, 20), a law school's library staff work in a law library (rule 16),
 * and an LIS school's students and teachers are LIS students and educators (rule 6). Each stage adjusts the hits of
 * one profile in place, after reading and before role-over-workplace (infer-sector.ts inferSector).
 */
import { clauseOf, lineOf, OUTRIGHT, STUDY_PLACE_DISCOUNT, WORKPLACE, type SectorHit } from './sector-hit.js';

/** What a university's part is worth beside the university it is named with: the university is the workplace. */
const PART_OF_UNIVERSITY = 0.3;
const LIBRARY_WORD = /\blibrar(?:y|ies)\b/i;

/** One academic reading, said now (not past, not service): a university or a part of one, however strongly it reads. */
const academicNow = (h: SectorHit) => !h.aside && Object.keys(h.readings).length === 1 && h.readings.academic === 1;
/** A university (or another academic workplace) named now at workplace strength. */
const namedUniversity = (h: SectorHit) => academicNow(h) && h.strength >= WORKPLACE;
/** Someone who studies or teaches. */
const STUDENT_OR_TEACHER = /\b(?:student|candidate|ph\.?\s?d|doctoral|professor|prof|lecturer|instructor|teach\w*)\b/i;

/**
 * "Art & Architecture Librarian, Miami University", "Business Librarian at UNSW", "Business librarian in higher
 * education": a subject librarian's title (filed under special for the art, music and business libraries of firms and
 * museums) names a university post when the university or its sector is its workplace, written right after it
 * (LABELLING.md rule 4: subject and discipline librarian titles are academic). "Business librarian at Deloitte,
 * University of Leeds graduate" stays the firm's.
 */
const TITLE_AT = /^\s*(?:,|at|@|for|with|in)?\s*(?:the\s+)?$/i;

export function universitysSubjectLibrarians(hits: SectorHit[]): void {
  for (const subject of hits) {
    if (subject.outright || Object.keys(subject.readings).length !== 1 || !subject.readings.special) continue;
    if (!/librarian$/i.test(subject.text.slice(subject.start, subject.end))) continue;
    const atUniversity = hits.some(
      (u) => u.text === subject.text && namedUniversity(u) && u.start >= subject.end && TITLE_AT.test(u.text.slice(subject.end, u.start)),
    );
    if (atUniversity) subject.strength *= PART_OF_UNIVERSITY;
  }
}

/**
 * "Associate Librarian/Head of Public Services, Osgoode Hall Law School, York University": library staff of a law school
 * work in a law-school library, which is law (LABELLING.md rule 16, as `sectors.json` files law-school libraries); the
 * law school's teachers and students stay academic, even beside its library ("3L, research assistant in the library").
 */
const LAW_SCHOOL = /\b(?:law school|school of law|college of law|faculty of law)\b/i;
const LIBRARY_STAFF = /\blibrarians?\b|\blibrary (?:assistant|associate|technician|director|staff|services)\b/i;

/** A librarian's title may hold a student's or teacher's words ("Student Services Librarian", "Teaching and Learning Librarian"). */
const LIBRARIAN_TITLE = /\b(?:[\w&-]+\s+){1,4}librarians?\b/gi;
export function lawSchoolLibrarians(hits: SectorHit[]): void {
  for (const h of hits) {
    if (!academicNow(h) || !LAW_SCHOOL.test(h.text.slice(h.start, h.end))) continue;
    const [a, b] = clauseOf(h.text, h.start);
    const clause = h.text.slice(a, b);
    const outsideTitles = clause.replace(LIBRARIAN_TITLE, ' ');
    if (!LIBRARY_STAFF.test(clause) || STUDENT_OR_TEACHER.test(outsideTitles) || /\b(?:[1-3]L|law student)\b/.test(clause)) continue;
    h.readings = { law: 1 };
    // The university the law school is part of ("…, York University", "Harvard Law School") is where it is, however it
    // is written ("Harvard" alone reads weaker than a full name).
    for (const u of hits)
      if (u !== h && u.text === h.text && u.start >= a && u.start < b && academicNow(u)) u.strength *= PART_OF_UNIVERSITY;
  }
}

/**
 * An LIS school named beside someone who studies or teaches there ("Ph.D. student, University of Illinois Urbana-Champaign,
 * Graduate School of Library and Information Science"; "Assistant Professor, The School of Library and Information
 * Management, Emporia State University"): they are an LIS student or educator (LABELLING.md rule 6), said outright, and
 * the university on the same line is where the school is (a study place, as studyPlaces reads it). Not when a job is
 * named before it: "Reference Librarian, University of Michigan Library; Adjunct Instructor at the UM School of
 * Information" keeps the first job (rule 8).
 */
const LIS_SCHOOL =
  /\b(?:(?:graduate )?school|faculty|college|department) of (?:communication and )?(?:library|information|librarianship)\b|\bischool\b|\binformation school\b/i;

export function lisSchoolPeople(hits: SectorHit[]): void {
  for (const school of hits.filter((h) => !h.aside && (h.readings.education ?? 0) > 0 && LIS_SCHOOL.test(h.text.slice(h.start, h.end)))) {
    const { text } = school;
    const [a, b] = lineOf(text, school.start);
    if (!STUDENT_OR_TEACHER.test(text.slice(a, b))) continue;
    const jobBefore = hits.some((h) => h.text === text && h.start < a && !h.aside && h.strength >= WORKPLACE && !h.readings.education);
    if (jobBefore) {
      // A second job's school is a workplace beside the first, not the role said outright.
      school.strength = Math.min(school.strength, WORKPLACE);
      school.outright = false;
      continue;
    }
    school.strength = Math.max(school.strength, OUTRIGHT);
    school.outright = true;
    for (const h of hits)
      if (h !== school && h.text === text && h.start >= a && h.start < b && Object.keys(h.readings).length === 1 && h.readings.academic) {
        h.strength *= STUDY_PLACE_DISCOUNT;
        h.outright = false;
      }
  }
}

/**
 * What may stand between a library and its university: "Library of the University of X", "library team at X", "X, Library",
 * "Health Sciences Library and Informatics Center, University of X".
 */
const LIBRARY_OF =
  /^(?:\s+(?:and|&)\s+(?:\p{Lu}\p{L}*\s+){1,3}(?:Center|Centre|Services?))?[\s,–-]*(?:(?:team|staff|service|services)\s+)?(?:of|at|for|@)?\s*(?:the\s+)?$/iu;

function ownedBy(text: string, library: SectorHit, university: SectorHit): boolean {
  const gap = library.end <= university.start ? text.slice(library.end, university.start) : text.slice(university.end, library.start);
  if (gap.length <= 48 && LIBRARY_OF.test(gap)) return true;
  // "… Health Sciences Library at the University of Utah", the university read once, further up ("Librarian, University of Utah").
  const name = text.slice(university.start, university.end);
  const again = text.indexOf(name, library.end);
  return again >= 0 && again - library.end <= 24 && LIBRARY_OF.test(text.slice(library.end, again));
}

/**
 * "the Health Sciences Library of the University of Manitoba", "the Medicine and Health Sciences library team at the
 * University of Nottingham": a university's subject or faculty library is the university's (LABELLING.md sector rules
 * 9 and 16); its subject is no other sector. Law libraries keep law (rule 16) and a role ("medical librarian at a
 * university") keeps its sector: only a library named, in the clause of a university named, is discounted.
 */
export function universitysOwnLibraries(hits: SectorHit[]): void {
  const universities = hits.filter(
    (h) =>
      h.strength >= 2 && Object.keys(h.readings).length === 1 && h.readings.academic && !LIBRARY_WORD.test(h.text.slice(h.start, h.end)),
  );
  if (universities.length === 0) return;
  const phrase = (h: SectorHit) => h.text.slice(h.start, h.end).toLowerCase();
  const owned = new Set<string>();
  for (const h of hits) {
    if (h.readings.academic || h.readings.law || !LIBRARY_WORD.test(phrase(h))) continue;
    if (universities.some((u) => u.text === h.text && ownedBy(h.text, h, u))) owned.add(phrase(h));
  }
  // The same library named in the account's name is the same library.
  for (const h of hits)
    if (owned.has(phrase(h)) && !h.readings.academic) {
      h.strength *= PART_OF_UNIVERSITY;
      h.outright = false;
    }
}

/** Words before whom a library serves: "serving College staff/students and NHS staff", "support … to all … staff". */
const SERVES = /\b(?:serving|serves|supporting|supports|support(?:\s+\w+){0,3}\s+(?:to|for))\b[^.;|•\n]{0,80}$/i;

/**
 * "Imperial College London Medical Libraries, serving College staff/students and NHS staff", "The University of
 * Sheffield Library service providing support and resources to all … NHS Foundation Trust staff": whom a university's
 * library also serves is no sector of its own (LABELLING.md rule 20: the library's owner decides). Only after the
 * university, in the same sentence; "Library service for NHS staff" alone stays health, and so does "Works for the
 * NHS. Visiting fellow, University of Leeds" (rule 8: the first-named job).
 */
export function servedAudiences(hits: SectorHit[]): void {
  const universities = hits.filter((h) => h.strength >= 2 && Object.keys(h.readings).length === 1 && h.readings.academic && !h.aside);
  for (const h of hits) {
    if (h.readings.academic) continue;
    const [a] = clauseOf(h.text, h.start);
    const owner = universities.some((u) => u.text === h.text && u.start >= a && u.end <= h.start);
    if (!owner || !SERVES.test(h.text.slice(Math.max(a, h.start - 120), h.start))) continue;
    h.strength *= PART_OF_UNIVERSITY;
    h.outright = false;
  }
}

/** "… is one of the Bodleian Libraries of", "… is part of", "… is a department of": what comes before is the university's. */
// Case-sensitive: with the i flag \p{Lu} would match any letter. The body may be named ("the Bodleian Libraries of").
const PART_OF =
  /\b(?:is|are)\s+(?:one of the\s+(?:\p{Lu}[\p{L}'’-]*\s+){0,3}(?:[Ll]ibraries|units|departments|faculties|centres|centers|institutes|colleges)\s+of|(?:a\s+)?part of|an?\s+(?:department|unit|faculty|library|centre|center|institute|service)\s+of)\s+(?:the\s+)?$/u;
/** The university ends its clause: "part of the University of Bristol health partnership" is a partnership's, not a part. */
const CLAUSE_END = /^\s*(?:[.;,|•)\n!]|$)/;

/**
 * "The Wellcome Unit for the History of Medicine Library is one of the Bodleian Libraries of the University of Oxford":
 * a body said to be part of a university is the university's (LABELLING.md rule 5: a university's units are academic),
 * whatever its own name reads ("Wellcome", "History of Medicine"); the same words in the display name are the same body.
 */
export function partsOfUniversities(hits: SectorHit[]): void {
  const phrase = (h: SectorHit) => h.text.slice(h.start, h.end).toLowerCase();
  const parts = new Set<string>();
  for (const u of hits) {
    if (!namedUniversity(u)) continue;
    const [a] = clauseOf(u.text, u.start);
    if (!PART_OF.test(u.text.slice(a, u.start)) || !CLAUSE_END.test(u.text.slice(u.end))) continue;
    // A role keeps its sector (rule 3: "Medical librarian at St James Hospital, which is part of …").
    for (const h of hits)
      if (h.text === u.text && h.start >= a && h.end <= u.start && !h.readings.academic && !h.outright) parts.add(phrase(h));
  }
  for (const h of hits)
    if (parts.has(phrase(h)) && !h.readings.academic && !h.outright) {
      h.strength *= PART_OF_UNIVERSITY;
      h.outright = false;
    }
}
