/**
 * Which message a reply points at, by index, for the two uses the health
 * stage has: a reply whose author is not stored (`replyToAuthor` absent),
 * and a reply to an answer (answers carry their `Qn`/`An` marker from
 * ingest). Only those ids are indexed, per platform without joining strings:
 * on a million messages, indexing every id cost more than the rest of the stage.
 */
import type { Message } from '../../../shared/index.js';

export type ReplyTarget = (m: Message) => number | undefined;

const isMarked = (m: Message) => m.question !== undefined || m.answer !== undefined;

export function replyTargets(messages: readonly Message[]): ReplyTarget {
  const wanted = new Map<string, Map<string, number>>();
  const idsOf = (platform: string) => {
    let ids = wanted.get(platform);
    if (!ids) wanted.set(platform, (ids = new Map()));
    return ids;
  };
  for (const m of messages) if (m.replyToId !== undefined && m.replyToAuthor === undefined) idsOf(m.platform).set(m.replyToId, -1);
  messages.forEach((m, i) => {
    if (isMarked(m)) idsOf(m.platform).set(m.id, i);
    else if (wanted.get(m.platform)?.get(m.id) === -1) wanted.get(m.platform)!.set(m.id, i);
  });
  return (m) => {
    if (m.replyToId === undefined) return undefined;
    const i = wanted.get(m.platform)?.get(m.replyToId);
    return i === undefined || i < 0 ? undefined : i;
  };
}
