/**
 * Which message a reply points at, by index, for replies whose author is not
 * stored (`replyToAuthor` absent): only those ids are indexed, per platform
 * without joining strings. On a million messages, indexing every id cost
 * more than the rest of the stage.
 */
import type { Message } from '../../../shared/index.js';

export type ReplyTarget = (m: Message) => number | undefined;

export function replyTargets(messages: readonly Message[]): ReplyTarget {
  const wanted = new Map<string, Map<string, number>>();
  const idsOf = (platform: string) => {
    let ids = wanted.get(platform);
    if (!ids) wanted.set(platform, (ids = new Map()));
    return ids;
  };
  for (const m of messages) if (m.replyToId !== undefined && m.replyToAuthor === undefined) idsOf(m.platform).set(m.replyToId, -1);
  if (wanted.size === 0) return () => undefined;
  messages.forEach((m, i) => {
    const ids = wanted.get(m.platform);
    if (ids?.get(m.id) === -1) ids.set(m.id, i);
  });
  return (m) => {
    if (m.replyToId === undefined) return undefined;
    const i = wanted.get(m.platform)?.get(m.replyToId);
    return i === undefined || i < 0 ? undefined : i;
  };
}
