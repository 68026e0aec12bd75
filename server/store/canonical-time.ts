/**
 * Times as the stores keep them: as `toISOString()` writes them, so that
 * text order is time order (`…:00Z` sorts after `…:00.500Z` otherwise). A
 * message whose time was not in that form comes back in it, at millisecond
 * precision. JavaScript decides what is a time, so both stores accept and
 * refuse the same ones.
 */
import { isCanonicalTime } from '../ingest/parse/text.js';

export function canonicalTime(time: string): string {
  if (isCanonicalTime(time)) return time; // the parsers' usual output: skip the Date round trip
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) throw new Error(`store: not an ISO time: ${JSON.stringify(time)}`);
  return new Date(ms).toISOString();
}
