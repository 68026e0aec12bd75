/**
 * A chat's sessions in order with who posted in each, and where each person
 * first posted: the whole history that first-timers, returns and welcomes
 * are read against, whatever window the view shows.
 */
import type { Session } from '../sessions.js';

export interface ChatSession {
  session: Session;
  /** 0-based position among the chat's sessions on record. */
  index: number;
  /** Authors in order of their first message in the session. */
  participants: string[];
}

export interface ChatHistory {
  chat: string;
  sessions: ChatSession[];
  /** Person key → index of the first session they posted in. */
  firstSession: Map<string, number>;
}

/** Groups sessions (ordered by start, as splitSessions returns them) by chat. */
export function chatHistories(sessions: readonly Session[], authorOf: (index: number) => string): Map<string, ChatHistory> {
  const out = new Map<string, ChatHistory>();
  for (const session of sessions) {
    let history = out.get(session.chat);
    if (!history) out.set(session.chat, (history = { chat: session.chat, sessions: [], firstSession: new Map() }));
    const index = history.sessions.length;
    const participants = [...new Set(session.members.map(authorOf))];
    for (const p of participants) if (!history.firstSession.has(p)) history.firstSession.set(p, index);
    history.sessions.push({ session, index, participants });
  }
  return out;
}

/**
 * First-timers of a session: people whose first session in the chat it is.
 * A chat's first session on record has none: everyone there is new to the
 * record, not to the chat (as the graph's welcomers count them).
 */
export function firstTimersOf(history: ChatHistory, at: ChatSession): string[] {
  if (at.index === 0) return [];
  return at.participants.filter((p) => history.firstSession.get(p) === at.index);
}

/** Later sessions of the chat a first-timer could come back to (at most `window`), and whether they did. */
export function cameBack(
  history: ChatHistory,
  at: ChatSession,
  person: string,
  window: number,
): { cameBack: boolean; sessionsAfter: number } {
  const later = history.sessions.slice(at.index + 1, at.index + 1 + window);
  return { cameBack: later.some((s) => s.participants.includes(person)), sessionsAfter: later.length };
}
