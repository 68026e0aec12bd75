/** The one time-zone check: IANA names and UTC, never an abbreviation ICU would read as some other place. */
import { describe, expect, it } from 'vitest';
import { ChatScheduleSchema, isIanaTimeZone } from '../../shared/index.js';

describe('isIanaTimeZone', () => {
  it('takes IANA names and UTC', () => {
    expect(['Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC'].every(isIanaTimeZone)).toBe(true);
  });
  it('refuses abbreviations Intl would accept (BST is Asia/Dhaka to ICU, EST is America/Panama), and unknown names', () => {
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'BST' }).resolvedOptions().timeZone).toBe('Asia/Dhaka');
    expect(['BST', 'EST', 'CET', 'GMT', 'Mars/Olympus', ''].some(isIanaTimeZone)).toBe(false);
  });
  it('is the check chat schedules use', () => {
    const slot = { chat: '#critlib', weekday: 'tuesday', start: '21:00', minutes: 60 };
    expect(ChatScheduleSchema.safeParse({ ...slot, timeZone: 'America/New_York' }).success).toBe(true);
    expect(ChatScheduleSchema.safeParse({ ...slot, timeZone: 'EST' }).success).toBe(false);
  });
});
