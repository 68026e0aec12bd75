/**
 * Newcomers and welcomers. A first-timer is someone posting in a chat for the
 * first time (in the selection); they were welcomed when someone else replied
 * to them, or mentioned them, during that first session. A welcomer is whoever
 * did so — chats are where new professionals meet senior ones.
 */
import type { Message } from '../../shared/index.js';
import type { Session } from './sessions.js';

export interface SessionNewcomers {
  firstTimers: number;
  welcomed: number;
}

export interface WelcomeResult {
  bySession: Map<string, SessionNewcomers>;
  /** Person key → how many first-timers they welcomed. */
  welcomes: Map<string, number>;
}

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Whom a message speaks to: the people it mentions and the author it replies
 * to (by key, or `repliedAuthor`: the author of the message its replyToId
 * names), never its own author; a repost speaks to no one.
 */
export function addresseesOf(m: Message, repliedAuthor: (m: Message) => string | undefined): ReadonlySet<string> {
  if (m.kind === 'repost' || (m.mentions.length === 0 && m.replyToAuthor === undefined && m.replyToId === undefined)) return NO_ONE;
  const targets = new Set<string>(m.mentions);
  const replied = m.replyToAuthor ?? (m.replyToId ? repliedAuthor(m) : undefined);
  if (replied) targets.add(replied);
  targets.delete(m.author);
  return targets;
}

export function findWelcomers(messages: readonly Message[], sessions: readonly Session[]): WelcomeResult {
  const seenIn = new Map<string, Set<string>>(); // chat → people seen in earlier sessions
  const bySession = new Map<string, SessionNewcomers>();
  const welcomes = new Map<string, number>();
  const authorOf = new Map(messages.map((m) => [`${m.platform}:${m.id}`, m.author]));
  // Sessions come ordered by start, so "earlier" is well defined per chat.
  for (const session of sessions) {
    // The chat's very first session has no newcomers: everyone is new to the record, not to the chat.
    const first = !seenIn.has(session.chat);
    const seen = seenIn.get(session.chat) ?? new Set<string>();
    const here = session.members.map((i) => messages[i]!);
    const newcomers = new Set(here.map((m) => m.author).filter((a) => !seen.has(a)));
    const welcomedBy = new Map<string, Set<string>>(); // newcomer → welcomers
    for (const m of first ? [] : here) {
      for (const t of addresseesOf(m, (r) => authorOf.get(`${r.platform}:${r.replyToId}`))) {
        if (!newcomers.has(t)) continue;
        const set = welcomedBy.get(t) ?? new Set<string>();
        set.add(m.author);
        welcomedBy.set(t, set);
      }
    }
    for (const set of welcomedBy.values()) for (const w of set) welcomes.set(w, (welcomes.get(w) ?? 0) + 1);
    bySession.set(session.id, first ? { firstTimers: 0, welcomed: 0 } : { firstTimers: newcomers.size, welcomed: welcomedBy.size });
    for (const a of newcomers) seen.add(a);
    seenIn.set(session.chat, seen);
  }
  return { bySession, welcomes };
}
