/** The Chat schedules dialog's pure part: counts by foundBy, one chat's schedule set or removed, the suggested schedule, boundaries. */
import { describe, expect, it } from 'vitest';
import type { ChatSchedule, SessionSummary } from '../../../shared/index.js';
import {
  describeCounts,
  foundByCounts,
  latestBoundaries,
  suggestedSchedule,
  withChatSchedule,
} from '../../../client/schedules/chat-schedules.js';

const session = (chat: string, start: string, end: string, foundBy?: SessionSummary['foundBy']): SessionSummary => ({
  id: `${chat}@${start}`,
  chat,
  start,
  end,
  ...(foundBy ? { foundBy } : {}),
  messages: 10,
  participants: 3,
  questions: 0,
  firstTimers: 0,
  firstTimersWelcomed: 0,
});

// #critlib at 01:00Z on Wednesdays is 21:00 on Tuesdays in New York (summer time, UTC−4).
const sessions = [
  session('#critlib', '2015-03-25T01:00:00.000Z', '2015-03-25T02:00:00.000Z', 'burst'),
  session('#CritLib', '2015-04-01T01:02:00.000Z', '2015-04-01T02:10:00.000Z', 'questions'),
  session('#critlib', '2015-04-08T00:58:00.000Z', '2015-04-08T01:40:00.000Z', 'questions'),
  session('#other', '2015-04-08T12:00:00.000Z', '2015-04-08T13:00:00.000Z'),
];
const TUESDAYS: ChatSchedule = { chat: '#critlib', weekday: 'tuesday', start: '21:00', timeZone: 'America/New_York', minutes: 60 };

describe('chat schedules in the page', () => {
  it('counts a chat’s sessions by how they were found, any case; a session before foundBy counts as gap', () => {
    expect(foundByCounts(sessions, '#critlib')).toEqual({ schedule: 0, questions: 2, burst: 1, gap: 0 });
    expect(foundByCounts(sessions, '#other')).toEqual({ schedule: 0, questions: 0, burst: 0, gap: 1 });
    expect(describeCounts(foundByCounts(sessions, '#critlib'))).toBe('3 sessions: 2 from question series, 1 from bursts.');
    expect(describeCounts(foundByCounts(sessions, '#none'))).toBe('No sessions in this view.');
  });

  it('sets or removes one chat’s schedule and keeps the others’', () => {
    const other: ChatSchedule = { ...TUESDAYS, chat: '#other', weekday: 'friday' };
    const moved = { ...TUESDAYS, start: '20:00' };
    expect(withChatSchedule([{ ...TUESDAYS, chat: '#CRITLIB' }, other], '#critlib', moved)).toEqual([other, moved]);
    expect(withChatSchedule([TUESDAYS, other], '#critlib')).toEqual([other]);
    expect(withChatSchedule(undefined, '#critlib', TUESDAYS)).toEqual([TUESDAYS]);
  });

  it('suggests the weekday and hour the chat’s sessions most often start on, in the zone given', () => {
    expect(suggestedSchedule(sessions, '#critlib', 'America/New_York')).toEqual(TUESDAYS);
    expect(suggestedSchedule(sessions, '#critlib', 'UTC')).toEqual({ ...TUESDAYS, weekday: 'wednesday', start: '01:00', timeZone: 'UTC' });
  });

  it('shows the latest sessions’ boundaries in the zone given, newest first', () => {
    expect(latestBoundaries(sessions, '#critlib', 'America/New_York', 2)).toEqual([
      'Tue 7 Apr 2015 20:58–21:40',
      'Tue 31 Mar 2015 21:02–22:10',
    ]);
    expect(latestBoundaries(sessions, '#critlib', 'UTC', 1)).toEqual(['Wed 8 Apr 2015 00:58–01:40']);
    expect(latestBoundaries(sessions, '#critlib', 'Asia/Kolkata', 1)).toEqual(['Wed 8 Apr 2015 06:28–07:10']);
  });
});
