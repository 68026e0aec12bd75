/**
 * Sessions: the sittings of a chat — a chat's hour, a meeting — found per
 * chat from its schedule, or from quiet around it, its bursts and its hosts'
 * question series (sessions/detect.ts has the rule). Messages outside every
 * session are between sessions: they still make reply and mention ties, but
 * no co-session or co-answer ties.
 */
import { DEFAULT_BUILD_OPTIONS, type ChatSchedule } from '../../shared/index.js';
import { DEFAULT_BURST_OPTIONS } from './sessions/bursts.js';
import { findChatSessions, type ChatTimeline, type DetectOptions, type SessionFoundBy } from './sessions/detect.js';
import { DEFAULT_QUESTION_SERIES_OPTIONS, type TimelineMarker } from './sessions/questions.js';

export type { SessionFoundBy } from './sessions/detect.js';

export interface SessionOptions extends DetectOptions {
  /** Per-chat schedules (chat names any case); a chat with one has only its scheduled sessions. */
  schedules: readonly ChatSchedule[];
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  /** Quiet longer than this sets sittings apart (default 180: monthly one-hour chats never merge). */
  sessionGapMinutes: DEFAULT_BUILD_OPTIONS.sessionGapMinutes,
  /** A sitting up to this long is one session whole; a longer one has sessions only where it bursts or asks questions. */
  sittingMaxMinutes: 240,
  /** Two: one post alone, hours from anything else (a promotion, an advert), is no session. */
  minSessionMessages: 2,
  ...DEFAULT_BURST_OPTIONS,
  ...DEFAULT_QUESTION_SERIES_OPTIONS,
  schedules: [],
};

/** What sessions need of a message (a stored Message has all of it). */
export interface TimedChatMessage {
  chat: string;
  time: string;
  author?: string;
  kind?: string;
  /** Null as a store's row gives a missing number. */
  question?: number | null | undefined;
  answer?: number | null | undefined;
}

export interface Session {
  /** `#uklibchat@2024-03-14T20:00:00.000Z`: chat and first message time, stable across runs. */
  id: string;
  chat: string;
  start: string;
  end: string;
  /** Indexes into the input array, in time order. */
  members: number[];
  /** How it was found: `gap` (a short sitting with quiet around it), `burst`, `questions` (a host's series), `schedule`. */
  foundBy: SessionFoundBy;
}

function resolve(options: Partial<SessionOptions>): SessionOptions {
  const resolved = { ...DEFAULT_SESSION_OPTIONS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  if (!(resolved.sessionGapMinutes > 0)) throw new Error(`sessions: sessionGapMinutes must be positive, got ${resolved.sessionGapMinutes}`);
  return resolved;
}

/** Schedules by chat, lower-cased as chats are compared. */
function schedulesByChat(schedules: readonly ChatSchedule[]): Map<string, ChatSchedule[]> {
  const byChat = new Map<string, ChatSchedule[]>();
  for (const s of schedules) {
    const chat = s.chat.toLowerCase();
    byChat.set(chat, [...(byChat.get(chat) ?? []), s]);
  }
  return byChat;
}

const markerOf = (m: TimedChatMessage, at: number, ms: number): TimelineMarker | undefined =>
  m.kind === 'repost' || (m.question == null && m.answer == null)
    ? undefined
    : { at, ms, author: m.author ?? '', question: m.question ?? undefined, answer: m.answer ?? undefined };

/** Splits messages into sessions; returns them ordered by start then chat. Messages in none are between sessions. */
export function splitSessions(messages: readonly TimedChatMessage[], options: Partial<SessionOptions> = {}): Session[] {
  const resolved = resolve(options);
  const schedules = schedulesByChat(resolved.schedules);
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
    const timeline: ChatTimeline = { times: Float64Array.from(indexes, (i) => times[i]!), markers: [] };
    const markers: TimelineMarker[] = [];
    indexes.forEach((i, at) => {
      const marker = markerOf(messages[i]!, at, times[i]!);
      if (marker) markers.push(marker);
    });
    timeline.markers = markers;
    for (const r of findChatSessions(timeline, resolved, schedules.get(chat.toLowerCase()))) {
      const members = indexes.slice(r.first, r.last + 1);
      const start = messages[members[0]!]!.time;
      sessions.push({
        id: `${chat}@${start}`,
        chat,
        start,
        end: messages[members[members.length - 1]!]!.time,
        members,
        foundBy: r.foundBy,
      });
    }
  }
  return sessions.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.chat < b.chat ? -1 : a.chat > b.chat ? 1 : 0));
}

/** Number of sessions only, for dataset counts. */
export function countSessions(messages: readonly TimedChatMessage[], options: Partial<SessionOptions> = {}): number {
  return splitSessions(messages, options).length;
}

/**
 * The same count over rows already ordered by chat, then time (as the store
 * reads them from its index), one chat at a time: only a chat's times (and
 * its few question-marked rows) are held, never the rows.
 */
export function countSessionsInOrder(rows: Iterable<TimedChatMessage>, options: Partial<SessionOptions> = {}): number {
  const resolved = resolve(options);
  const schedules = schedulesByChat(resolved.schedules);
  const counter = new ChatSessionCounter(resolved, schedules);
  for (const row of rows) counter.add(row);
  return counter.total();
}

/**
 * One chat's session count from its message times and question-marked
 * messages, both in any order (a new import's running totals): `times` is
 * sorted in place.
 */
export function countChatSessions(
  chat: string,
  times: Float64Array,
  marked: readonly Omit<TimelineMarker, 'at'>[],
  options: Partial<SessionOptions> = {},
): number {
  const resolved = resolve(options);
  times.sort();
  // Each marker at the first position of its time: markers and times walked together, both in time order.
  const byTime = [...marked].sort((a, b) => a.ms - b.ms);
  const markers: TimelineMarker[] = [];
  let at = 0;
  for (const m of byTime) {
    while (at < times.length - 1 && times[at]! < m.ms) at++;
    markers.push({ ...m, at });
  }
  return findChatSessions({ times, markers }, resolved, schedulesByChat(resolved.schedules).get(chat.toLowerCase())).length;
}

/** Counts sessions chat by chat from rows in (chat, time) order, or from a chat's rows given whole (import-totals). */
export class ChatSessionCounter {
  private chat: string | undefined;
  private times = new Float64Array(1024);
  private n = 0;
  private markers: TimelineMarker[] = [];
  private count = 0;

  constructor(
    private readonly options: SessionOptions = DEFAULT_SESSION_OPTIONS,
    private readonly schedules: Map<string, ChatSchedule[]> = schedulesByChat(options.schedules),
  ) {}

  /** One row; rows come grouped by chat, each chat's in time order. */
  add(row: TimedChatMessage, ms = Date.parse(row.time)): void {
    if (row.chat !== this.chat) this.flush(row.chat);
    if (this.n === this.times.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.times);
      this.times = grown;
    }
    const marker = markerOf(row, this.n, ms);
    if (marker) this.markers.push(marker);
    this.times[this.n++] = ms;
  }

  total(): number {
    this.flush(undefined);
    return this.count;
  }

  private flush(next: string | undefined): void {
    if (this.chat !== undefined && this.n > 0) {
      const timeline = { times: this.times.subarray(0, this.n), markers: this.markers };
      this.count += findChatSessions(timeline, this.options, this.schedules.get(this.chat.toLowerCase())).length;
    }
    this.chat = next;
    this.n = 0;
    this.markers = [];
  }
}
