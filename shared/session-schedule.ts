/**
 * A chat's schedule as the user gives it ("Tuesdays 21:00 America/New_York,
 * 60 minutes"): when given, that chat's sessions are its scheduled hours,
 * not the ones found from its bursts and question series.
 */
import { z } from 'zod';
import { isIanaTimeZone } from './time-zone.js';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export const ChatScheduleSchema = z.object({
  /** The chat as messages name it (`#critlib`, an IRC channel), any case. */
  chat: z.string().min(1).max(200),
  weekday: z.enum(WEEKDAYS),
  /** Local start time, `HH:MM` (24-hour). */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 21:00'),
  /** IANA zone of the local time (`America/New_York`), or `UTC`. */
  timeZone: z.string().min(1).max(64).refine(isIanaTimeZone, 'expected an IANA time zone such as America/New_York, or UTC'),
  /** Length of each session. */
  minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
});
export type ChatSchedule = z.infer<typeof ChatScheduleSchema>;
