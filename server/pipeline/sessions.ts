/**
 * Sessions: one sitting of a chat. A chat's messages, in time order, start a
 * new session wherever the gap to the previous one exceeds
 * `sessionGapMinutes` (default 180: monthly one-hour chats never merge, a
 * lull of an hour within one does not split it).
 */
import { DEFAULT_BUILD_OPTIONS } from '../../shared/index.js';

export interface SessionOptions {
  sessionGapMinutes: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  sessionGapMinutes: DEFAULT_BUILD_OPTIONS.sessionGapMinutes,
};

export interface TimedChatMessage {
  chat: string;
  time: string;
}

export interface Session {
  /** `#uklibchat@2024-03-14T20:00:00.000Z`: chat and first message time, stable across runs. */
  id: string;
  chat: string;
  start: string;
  end: string;
  /** Indexes into the input array, in time order. */
  members: number[];
}

/** Splits messages into sessions; returns them ordered by start then chat. */
export function splitSessions(messages: readonly TimedChatMessage[], options: Partial<SessionOptions> = {}): Session[] {
  const { sessionGapMinutes } = { ...DEFAULT_SESSION_OPTIONS, ...options };
  if (!(sessionGapMinutes > 0)) throw new Error(`sessions: sessionGapMinutes must be positive, got ${sessionGapMinutes}`);
  const gapMs = sessionGapMinutes * 60_000;

  const byChat = new Map<string, number[]>();
  messages.forEach((m, i) => {
    const list = byChat.get(m.chat);
    if (list) list.push(i);
    else byChat.set(m.chat, [i]);
  });

  const sessions: Session[] = [];
  const times = messages.map((m) => Date.parse(m.time));
  for (const [chat, indexes] of byChat) {
    indexes.sort((a, b) => times[a]! - times[b]! || a - b);
    let current: number[] = [];
    const close = () => {
      if (current.length === 0) return;
      const start = messages[current[0]!]!.time;
      sessions.push({ id: `${chat}@${start}`, chat, start, end: messages[current[current.length - 1]!]!.time, members: current });
      current = [];
    };
    for (const i of indexes) {
      const last = current[current.length - 1];
      if (last !== undefined && times[i]! - times[last]! > gapMs) close();
      current.push(i);
    }
    close();
  }
  return sessions.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.chat < b.chat ? -1 : a.chat > b.chat ? 1 : 0));
}

/** Number of sessions only, for dataset counts. */
export function countSessions(messages: readonly TimedChatMessage[], options: Partial<SessionOptions> = {}): number {
  return splitSessions(messages, options).length;
}

/**
 * The same count over rows already ordered by chat, then time (as the store
 * reads them from its index), one row at a time: a million messages are
 * counted without holding them.
 */
export function countSessionsInOrder(rows: Iterable<TimedChatMessage>, options: Partial<SessionOptions> = {}): number {
  const { sessionGapMinutes } = { ...DEFAULT_SESSION_OPTIONS, ...options };
  const gapMs = sessionGapMinutes * 60_000;
  let count = 0;
  let chat: string | undefined;
  let last = 0;
  for (const row of rows) {
    const time = Date.parse(row.time);
    if (row.chat !== chat || time - last > gapMs) count++;
    chat = row.chat;
    last = time;
  }
  return count;
}
