/**
 * The pure part of the Chat schedules dialog: how each chat's sessions are
 * found now (counted by `foundBy` from the payload), the schedule a chat's
 * form starts from, and the dataset's list with one chat's schedule set or
 * removed. Chats are matched in any case, as the server matches them.
 */
import { WEEKDAYS, type ChatSchedule, type SessionFoundBy, type SessionSummary } from '../../shared/index.js';

/** Default length of a new schedule: most chats run an hour. */
export const DEFAULT_MINUTES = 60;

const sameChat = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export type FoundByCounts = Record<SessionFoundBy, number>;

export function foundByCounts(sessions: SessionSummary[], chat: string): FoundByCounts {
  const counts: FoundByCounts = { schedule: 0, questions: 0, burst: 0, gap: 0 };
  for (const s of sessions) if (sameChat(s.chat, chat)) counts[s.foundBy ?? 'gap'] += 1;
  return counts;
}

const FOUND_BY_WORDS: Record<SessionFoundBy, string> = {
  schedule: 'from its schedule',
  questions: 'from question series',
  burst: 'from bursts',
  gap: 'from quiet around them',
};

/** "12 sessions: 10 from bursts, 2 from question series"; "No sessions in this view". */
export function describeCounts(counts: FoundByCounts): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return 'No sessions in this view.';
  const parts = (Object.keys(FOUND_BY_WORDS) as SessionFoundBy[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${FOUND_BY_WORDS[k]}`);
  return `${total} session${total === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

export function scheduleOf(schedules: ChatSchedule[] | undefined, chat: string): ChatSchedule | undefined {
  return schedules?.find((s) => sameChat(s.chat, chat));
}

/** The list with the chat's schedules replaced by `schedule` (none: removed); the other chats' kept as they are. */
export function withChatSchedule(schedules: ChatSchedule[] | undefined, chat: string, schedule?: ChatSchedule): ChatSchedule[] {
  return [...(schedules ?? []).filter((s) => !sameChat(s.chat, chat)), ...(schedule ? [schedule] : [])];
}

/**
 * What a chat's form starts from when it has no schedule: the weekday and hour
 * its sessions most often start on in `timeZone`, an hour long.
 */
export function suggestedSchedule(sessions: SessionSummary[], chat: string, timeZone: string): ChatSchedule {
  const local = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: '2-digit', hourCycle: 'h23' });
  const seen = new Map<string, number>();
  for (const s of sessions) {
    if (!sameChat(s.chat, chat)) continue;
    const parts = local.formatToParts(new Date(s.start));
    const key = `${parts.find((p) => p.type === 'weekday')!.value.toLowerCase()} ${parts.find((p) => p.type === 'hour')!.value}:00`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const [weekday, start] = ([...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'monday 20:00').split(' ') as [string, string];
  return {
    chat,
    weekday: (WEEKDAYS as readonly string[]).includes(weekday) ? (weekday as ChatSchedule['weekday']) : 'monday',
    start,
    timeZone,
    minutes: DEFAULT_MINUTES,
  };
}

/**
 * The chat's latest sessions' boundaries in `timeZone`, newest first: "Tue 12 Dec 2023 20:00–21:04", so a
 * schedule can be checked against the hours the chat really kept.
 */
export function latestBoundaries(sessions: SessionSummary[], chat: string, timeZone: string, count = 3): string[] {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return sessions
    .filter((s) => sameChat(s.chat, chat))
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0))
    .slice(0, count)
    .map((s) => {
      const start = new Date(s.start);
      const end = new Date(s.end);
      const sameDay = day.format(start) === day.format(end);
      return `${day.format(start).replace(',', '')} ${time.format(start)}–${sameDay ? '' : `${day.format(end).replace(',', '')} `}${time.format(end)}`;
    });
}
