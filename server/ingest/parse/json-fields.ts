/**
 * Reading fields of parsed JSON records without trusting their shape: an
 * object, a list of objects, a string as is, and where a record came from
 * (for skipped-item reports). Every JSON reader uses these.
 */
import type { Skipped } from '../../../shared/index.js';
import { isObject } from './read-json.js';

/** Where a record came from: a JSON Lines line, or a 1-based record of a document. */
export type Where = { line: number } | { record: number };

export const skip = (where: Where, reason: string): Skipped => ({ ...where, reason });

/** The object at `key`, or undefined. */
export const obj = (o: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined => {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
};

/** The plain objects in the array at `key` (an absent key gives undefined, not []). */
export function objects(o: Record<string, unknown> | undefined, key: string): Record<string, unknown>[] | undefined {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObject) : undefined;
}

/** A string property as is, even empty (tweet text may be), or undefined. */
export const rawString = (o: Record<string, unknown> | undefined, key: string): string | undefined =>
  typeof o?.[key] === 'string' ? (o[key] as string) : undefined;
