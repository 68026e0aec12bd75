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

/**
 * A session starting sooner than this after a first-timer's first one ended is the same occasion (a
 * conference's morning and afternoon bursts), and posting there again is not coming back.
 */
export const SAME_OCCASION_MS = 12 * 3_600_000;

/**
 * Later sessions of the chat a first-timer could come back to (at most `window`, each on a later occasion:
 * SAME_OCCASION_MS), and whether they did.
 */
export function cameBack(
  history: ChatHistory,
  at: ChatSession,
  person: string,
  window: number,
): { cameBack: boolean; sessionsAfter: number } {
  const ended = Date.parse(at.session.end);
  let sessionsAfter = 0;
  let came = false;
  for (let i = at.index + 1; i < history.sessions.length && sessionsAfter < window; i++) {
    const s = history.sessions[i]!;
    if (Date.parse(s.session.start) - ended < SAME_OCCASION_MS) continue;
    sessionsAfter++;
    if (!came && s.participants.includes(person)) came = true;
  }
  return { cameBack: came, sessionsAfter };
}
