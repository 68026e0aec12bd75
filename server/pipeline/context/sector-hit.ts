/**
 * A piece of sector evidence and what the stages after reading make of it, with the weights they share
 * (infer-sector.ts reads the hits; day-job.ts and university-parts.ts settle which work is the job now and what a
 * university's parts say).
 */
import type { Hit } from './decide.js';

export interface SectorHit extends Hit {
  outright?: boolean;
  /** Named in a list of interests or a citation: a field's listed hits count as much as its strongest one. */
  listed?: boolean;
  /** A word of any trade ("sales", "charity") that names a sector only beside a library's world (needsLibraryContext). */
  generic?: boolean;
  /** Aside from the job now: said of the past ("former", a degree held, "Previously, …") or of service beside the job ("a member of the … committee"); counted at a discount already. */
  aside?: boolean;
}

/** Weight from which a phrase says the sector outright (a role or a named kind of library). */
export const OUTRIGHT = 3;
/** Evidence of a workplace named (sectors.json weight 2) or more. */
export const WORKPLACE = 2;
/** Sectors with only workplace-level evidence count this much when another sector is said outright. */
export const WORKPLACE_DISCOUNT = 0.5;
/** A university in the clause that says someone studies library and information work is where they study it. */
export const STUDY_PLACE_DISCOUNT = 0.4;

/** Where a clause of a bio starts and ends (stops, semicolons, bars, bullets, line breaks). */
export function clauseOf(text: string, at: number): [number, number] {
  const before = text.slice(0, at).search(/[.;|•·\n][^.;|•·\n]*$/);
  const after = text.slice(at).search(/[.;|•·\n]/);
  return [before < 0 ? 0 : before + 1, after < 0 ? text.length : at + after];
}

/** Where a line of a bio starts and ends (semicolons, bars, bullets, line breaks; not stops: "Ph.D. student" has them). */
export function lineOf(text: string, at: number): [number, number] {
  const before = text.slice(0, at).search(/[;|•·\n][^;|•·\n]*$/);
  const after = text.slice(at).search(/[;|•·\n]/);
  return [before < 0 ? 0 : before + 1, after < 0 ? text.length : at + after];
}
