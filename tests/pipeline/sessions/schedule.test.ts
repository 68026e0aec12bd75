/** A chat's sessions from the schedule the user gave, in the schedule's own time zone across clock changes. */
import { describe, expect, it } from 'vitest';
import { splitSessions } from '../../../server/pipeline/sessions.js';
import { scheduledWindows } from '../../../server/pipeline/sessions/schedule.js';
import { ChatScheduleSchema, type ChatSchedule } from '../../../shared/index.js';

const TUESDAYS: ChatSchedule = { chat: '#critlib', weekday: 'tuesday', start: '21:00', timeZone: 'America/New_York', minutes: 60 };
const iso = (ms: number) => new Date(ms).toISOString();

describe('scheduled sessions', () => {
  it('opens each window at the local time, in winter and summer (21:00 New York is 02:00Z, then 01:00Z)', () => {
    const windows = scheduledWindows([TUESDAYS], Date.parse('2015-03-01T00:00:00Z'), Date.parse('2015-03-20T00:00:00Z'));
    expect(windows.map(([s, e]) => [iso(s), iso(e)])).toEqual([
      ['2015-03-04T02:00:00.000Z', '2015-03-04T03:00:00.000Z'], // Tue 3 March, EST
      ['2015-03-11T01:00:00.000Z', '2015-03-11T02:00:00.000Z'], // Tue 10 March, EDT since the 8th
      ['2015-03-18T01:00:00.000Z', '2015-03-18T02:00:00.000Z'],
    ]);
  });

  it('makes the scheduled hours a chat’s sessions, whatever bursts around them; other chats keep the found ones', () => {
    const at = (t: string, chat = '#CritLib') => ({ chat, time: t, author: 'a' });
    const messages = [
      at('2015-03-11T00:40:00.000Z'), // before the hour: between sessions
      at('2015-03-11T01:05:00.000Z'),
      at('2015-03-11T01:59:00.000Z'),
      at('2015-03-11T02:30:00.000Z'), // after it
      at('2015-03-11T01:10:00.000Z', '#other'),
      at('2015-03-11T01:20:00.000Z', '#other'),
    ];
    const sessions = splitSessions(messages, { schedules: [TUESDAYS] });
    expect(sessions.map((s) => [s.chat, s.members, s.foundBy])).toEqual([
      ['#CritLib', [1, 2], 'schedule'],
      ['#other', [4, 5], 'gap'],
    ]);
  });

  it('refuses a zone it cannot read, an abbreviation, or a time that is not HH:MM', () => {
    expect(ChatScheduleSchema.safeParse(TUESDAYS).success).toBe(true);
    expect(ChatScheduleSchema.safeParse({ ...TUESDAYS, timeZone: 'BST' }).success).toBe(false);
    expect(ChatScheduleSchema.safeParse({ ...TUESDAYS, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(ChatScheduleSchema.safeParse({ ...TUESDAYS, start: '9pm' }).success).toBe(false);
  });
});
