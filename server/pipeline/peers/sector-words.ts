/**
 * A sector said as truthfully as its evidence allows. The sector is about the
 * institution (a research data specialist at a university and a master's
 * student are both `academic`), so "works in academic libraries" is said only
 * when the evidence the context inference kept (server/pipeline/context/*,
 * the person's `evidence`) names a library role or a library; otherwise the
 * words speak of the institution ("is at a university or college").
 */

/** One person's sector as a predicate, for "Ann works in …" and "you work in …". */
export interface SectorWords {
  /** Third person: "works in academic libraries", "is at a university or college". */
  they: string;
  /** Second person: "work in academic libraries", "are at a university or college". */
  you: string;
}

interface Wording {
  /** When a library (or archival, or teaching…) role is stated in the evidence. */
  role: [they: string, you: string];
  /** Otherwise: the institution or the field alone. */
  place: [they: string, you: string];
  /** What in the evidence states the role. */
  stated: RegExp;
}

const LIBRARY = /librar|biblio|\blib\b|\blibs\b/i;

const WORDINGS: Record<string, Wording> = {
  academic: {
    role: ['works in academic libraries', 'work in academic libraries'],
    place: ['is at a university or college', 'are at a university or college'],
    stated: LIBRARY,
  },
  public: {
    role: ['works in public libraries', 'work in public libraries'],
    place: ['is in the public library sector', 'are in the public library sector'],
    stated: LIBRARY,
  },
  school: {
    role: ['works in school libraries', 'work in school libraries'],
    place: ['works in a school', 'work in a school'],
    stated: /librar|media specialist|\blrc\b/i,
  },
  health: {
    role: ['works in health libraries', 'work in health libraries'],
    place: ['works in health care', 'work in health care'],
    stated: /librar|knowledge (?:and library )?services?|informationist|clinical information/i,
  },
  law: {
    role: ['works in law libraries', 'work in law libraries'],
    place: ['works in law', 'work in law'],
    stated: /librar|legal information|knowledge (?:lawyer|manag)/i,
  },
  government: {
    role: ['works in government libraries', 'work in government libraries'],
    place: ['works in government', 'work in government'],
    stated: LIBRARY,
  },
  national: {
    role: ['works at a national library', 'work at a national library'],
    place: ['works at a national institution', 'work at a national institution'],
    stated: LIBRARY,
  },
  special: {
    role: ['works in special libraries', 'work in special libraries'],
    place: ['works in a museum, company or charity', 'work in a museum, company or charity'],
    stated: LIBRARY,
  },
  archives: {
    role: ['works in archives', 'work in archives'],
    place: ['is in archives and records', 'are in archives and records'],
    stated: /archivist|record(?:s)? (?:manag|office)|archives? (?:assistant|officer|manager|service)|special collections|conservator/i,
  },
  education: {
    role: ['teaches library and information science', 'teach library and information science'],
    place: ['is in LIS education', 'are in LIS education'],
    stated: /lecturer|professor|\bprof\b|faculty|teach|instructor/i,
  },
  vendor: {
    role: ['works for a library vendor', 'work for a library vendor'],
    place: ['works for a publisher or vendor', 'work for a publisher or vendor'],
    stated: LIBRARY,
  },
};

/** Students of LIS study it, whatever else the evidence names. */
const STUDENT = /student|candidate|studying|\bmlis\b|\bmls\b/i;

/** undefined for an unknown or unlisted sector. `evidence`: the sector's evidence string, when there is one. */
export function sectorWords(sector: string, evidence?: string): SectorWords | undefined {
  const w = WORDINGS[sector];
  if (!w) return undefined;
  if (sector === 'education' && evidence && STUDENT.test(evidence))
    return { they: 'studies library and information science', you: 'study library and information science' };
  const [they, you] = evidence && w.stated.test(evidence) ? w.role : w.place;
  return { they, you };
}
