/**
 * A chat's schedule as the user gives it ("Tuesdays 21:00 America/New_York,
 * 60 minutes"): when given, that chat's sessions are its scheduled hours,
 * not the ones found from its bursts and question series.
 */
import { z } from 'zod';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export const ChatScheduleSchema = z.object({
  /** The chat as messages name it (`#critlib`, an IRC channel), any case. */
  chat: z.string().min(1).max(200),
  weekday: z.enum(WEEKDAYS),
  /** Local start time, `HH:MM` (24-hour). */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 21:00'),
  /** IANA zone of the local time (`America/New_York`), or `UTC`. */
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'expected an IANA time zone such as America/New_York, or UTC'),
  /** Length of each session. */
  minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
});
export type ChatSchedule = z.infer<typeof ChatScheduleSchema>;

/** Whether the runtime's Intl knows the zone (server and browser alike); abbreviations such as BST are ambiguous, so not taken. */
function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  if (!zone.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
