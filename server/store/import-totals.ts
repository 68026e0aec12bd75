/**
 * A new dataset's counts kept as its messages are stored, so committing a
 * million-message import need not read them all back (the queries took
 * ~1.7 s at that size). Gives what `finishImport`'s queries give: messages,
 * distinct authors, first and last time, chats, and sessions by the same
 * rule as `countSessionsInOrder` (pipeline/sessions.ts), from each chat's
 * times and its few question-marked messages.
 */
import { countChatSessions, DEFAULT_SESSION_OPTIONS, type SessionOptions } from '../pipeline/sessions.js';
import type { TimelineMarker } from '../pipeline/sessions/questions.js';

export interface DatasetTotals {
  messages: number;
  people: number;
  from: string | null;
  to: string | null;
  chats: string[];
  sessions: number;
}

export class ImportTotals {
  private messages = 0;
  private readonly authors = new Set<string>();
  private from: string | null = null;
  private to: string | null = null;
  /** Each chat's message times (ms), unsorted, with how many are filled. */
  private readonly times = new Map<string, { ms: Float64Array; n: number; marked: Omit<TimelineMarker, 'at'>[] }>();

  /** One stored message; `time` canonical (`toISOString`), so text order is time order. */
  add(chat: string, author: string, time: string, marker: { kind: string; question: number | null; answer: number | null }): void {
    this.messages++;
    this.authors.add(author);
    if (this.from === null || time < this.from) this.from = time;
    if (this.to === null || time > this.to) this.to = time;
    let chatTimes = this.times.get(chat);
    if (!chatTimes) this.times.set(chat, (chatTimes = { ms: new Float64Array(8), n: 0, marked: [] }));
    if (chatTimes.n === chatTimes.ms.length) {
      const grown = new Float64Array(chatTimes.ms.length * 2);
      grown.set(chatTimes.ms);
      chatTimes.ms = grown;
    }
    const ms = Date.parse(time);
    chatTimes.ms[chatTimes.n++] = ms;
    if (marker.kind !== 'repost' && (marker.question !== null || marker.answer !== null))
      chatTimes.marked.push({ ms, author, question: marker.question ?? undefined, answer: marker.answer ?? undefined });
  }

  totals(options: Partial<SessionOptions> = DEFAULT_SESSION_OPTIONS): DatasetTotals {
    let sessions = 0;
    for (const [chat, { ms, n, marked }] of this.times) sessions += countChatSessions(chat, ms.subarray(0, n), marked, options);
    // In SQLite's order (its BINARY collation compares UTF-8 bytes; JavaScript's sort, UTF-16 units).
    const chats = [...this.times.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return { messages: this.messages, people: this.authors.size, from: this.from, to: this.to, chats, sessions };
  }
}
