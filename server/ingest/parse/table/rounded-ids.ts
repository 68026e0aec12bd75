/**
 * Reply ids that went through a JavaScript or spreadsheet number: DocNow's
 * Hydrator writes `in_reply_to_status_id` from the tweet's number field, so
 * `975084518280482817` arrives as `975084518280482800`, the shortest form of
 * the nearest double. Such an id points at no tweet. When exactly one tweet
 * of the same table has that double, the reply points at it again; else the
 * id is left as it is (the replied-to person, from its own column, is kept).
 */
import type { ParsedMessage } from '../types.js';

const EXACT_UP_TO = BigInt(Number.MAX_SAFE_INTEGER);

/** An id of digits past 2^53 that is written exactly as its double prints: possibly rounded. */
export function mayBeRounded(id: string): boolean {
  return /^\d{17,20}$/.test(id) && BigInt(id) > EXACT_UP_TO && String(Number(id)) === id;
}

/** Points rounded reply ids back at the one message of the table that has the same double; returns how many. */
export function restoreRoundedReplyIds(messages: ParsedMessage[]): number {
  const byDouble = new Map<number, string | null>();
  for (const m of messages) {
    if (!/^\d{17,20}$/.test(m.id)) continue;
    const d = Number(m.id);
    byDouble.set(d, byDouble.has(d) && byDouble.get(d) !== m.id ? null : m.id);
  }
  let restored = 0;
  for (const m of messages) {
    if (!m.replyToId || !mayBeRounded(m.replyToId)) continue;
    const exact = byDouble.get(Number(m.replyToId));
    if (exact && exact !== m.replyToId) {
      m.replyToId = exact;
      restored++;
    }
  }
  return restored;
}
