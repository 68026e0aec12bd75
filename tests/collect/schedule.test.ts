/** Schedules in words, run at the zone's wall-clock time across clock changes; bad ones refused with what was wrong. */
import { describe, expect, it } from 'vitest';
import { nextRun, parseSchedule } from '../../server/collect/schedule.js';

const next = (text: string, after: string) => nextRun(parseSchedule(text), new Date(after)).toISOString();

describe('schedules', () => {
  it('runs "Tuesdays 22:00 Europe/London" at 22:00 GMT in winter and 21:00 UTC in summer', () => {
    expect(next('Tuesdays 22:00 Europe/London', '2026-12-07T07:00:00Z')).toBe('2026-12-08T22:00:00.000Z');
    expect(next('Tuesdays 22:00 Europe/London', '2026-07-01T07:00:00Z')).toBe('2026-07-07T21:00:00.000Z');
  });
  it('runs strictly after the time given: at the run itself, the next week', () => {
    expect(next('Tuesdays 22:00 Europe/London', '2026-12-08T22:00:00Z')).toBe('2026-12-15T22:00:00.000Z');
  });
  it('crosses the autumn clock change at the local time', () => {
    // Sunday 25 October 2026 the UK goes back to GMT: Tuesday 20 at 21:00 UTC, Tuesday 27 at 22:00 UTC.
    expect(next('Tuesdays 22:00 Europe/London', '2026-10-20T21:00:00Z')).toBe('2026-10-27T22:00:00.000Z');
  });
  it('runs a wall time the spring clock change skips at the offset before it, an hour later in local time', () => {
    // Sunday 29 March 2026 London's clocks jump from 01:00 to 02:00: 01:30 does not exist that night.
    expect(next('Sundays 01:30 Europe/London', '2026-03-28T12:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(next('Sundays 01:30 Europe/London', '2026-03-29T01:30:00Z')).toBe('2026-04-05T00:30:00.000Z');
  });
  it('refuses zone abbreviations, which ICU reads as other places (BST as Asia/Dhaka, EST as America/Panama)', () => {
    for (const zone of ['BST', 'EST', 'CET', 'PST']) {
      expect(() => parseSchedule(`Tuesdays 22:00 ${zone}`)).toThrow(
        `schedule "Tuesdays 22:00 ${zone}": "${zone}" is not a time zone name; use an IANA zone like Europe/London, or UTC`,
      );
    }
    expect(parseSchedule('daily 08:00 utc').timeZone).toBe('UTC');
  });
  it('reads other spellings: every Tuesday at 10pm, a zone west of UTC (the next UTC day), daily, weekdays', () => {
    expect(next('every Tuesday at 10pm America/New_York', '2026-12-07T07:00:00Z')).toBe('2026-12-09T03:00:00.000Z');
    expect(next('daily 08:00 UTC', '2026-12-07T08:00:00Z')).toBe('2026-12-08T08:00:00.000Z');
    expect(next('weekdays 18:30 Europe/Paris', '2026-12-11T18:00:00Z')).toBe('2026-12-14T17:30:00.000Z');
    expect(next('Tue 22:00 Australia/Sydney', '2026-12-07T07:00:00Z')).toBe('2026-12-08T11:00:00.000Z');
  });
  it.each([
    ['Tuesdays 25:00 UTC', '"25:00" is not a time of day'],
    ['Funday 10:00 UTC', '"Funday" is not a day'],
    ['Tuesdays 22:00 Mars/Olympus', '"Mars/Olympus" is not a time zone'],
    ['Tuesdays 22', 'expected days, a time and a time zone'],
    ['Tuesdays 13pm UTC', '"13pm" is not a time of day'],
  ])('refuses "%s"', (text, message) => expect(() => parseSchedule(text)).toThrow(message));
});
