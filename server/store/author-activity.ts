/** One person's activity from per-chat counts, as both stores answer `getAuthorActivity`. */
import type { AuthorActivity } from './types.js';

export function authorActivity(rows: readonly { chat: string; messages: number | string; first: string; last: string }[]): AuthorActivity {
  const chats = rows
    .map((r) => ({ chat: r.chat, messages: Number(r.messages) }))
    .sort((a, b) => b.messages - a.messages || (a.chat < b.chat ? -1 : a.chat > b.chat ? 1 : 0));
  const firsts = rows.map((r) => r.first).sort();
  const lasts = rows.map((r) => r.last).sort();
  return {
    messages: chats.reduce((sum, c) => sum + c.messages, 0),
    chats,
    ...(rows.length ? { firstSeen: firsts[0]!, lastSeen: lasts[lasts.length - 1]! } : {}),
  };
}
