/**
 * Which message a reply points at, by index: built only for the ids some
 * message replies to, and per platform without joining strings, since a
 * million messages' `platform:id` keys cost more than the rest of the stage.
 */
import type { Message } from '../../../shared/index.js';

export type ReplyTarget = (m: Message) => number | undefined;

export function replyTargets(messages: readonly Message[]): ReplyTarget {
  const wanted = new Map<string, Map<string, number>>();
  for (const m of messages) {
    if (m.replyToId === undefined) continue;
    let ids = wanted.get(m.platform);
    if (!ids) wanted.set(m.platform, (ids = new Map()));
    ids.set(m.replyToId, -1);
  }
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
