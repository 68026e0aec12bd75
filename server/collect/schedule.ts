/**
 * A chat's schedule in words: `Tuesdays 22:00 Europe/London`, `every Tuesday
 * at 22:00 Europe/London`, `Tue 10pm America/New_York`, `daily 08:00 UTC`,
 * `weekdays 18:30 Europe/Paris`. The time is wall-clock time in the named
 * IANA zone, so "22:00 Europe/London" is 21:00 UTC in summer and 22:00 in
 * winter; the next run is worked out with Intl, never a fixed offset. A
 * wall time skipped by a clock change (01:30 on the spring-forward night)
 * runs at the same offset as before the change, an hour later in local time.
 * The zone must be an IANA name: an abbreviation (BST, EST) is refused.
 */
import { isIanaTimeZone } from '../../shared/index.js';
import { wallToUtc } from '../ingest/parse/table/dates.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface Schedule {
  /** Weekdays (0 Sunday … 6 Saturday) it runs on. */
  days: number[];
  hour: number;
  minute: number;
  timeZone: string;
}

export class ScheduleError extends Error {}

function dayOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  const i = DAYS.findIndex((d) => d === w || (w.length >= 3 && d.startsWith(w)));
  return i === -1 ? undefined : i;
}

export function parseSchedule(text: string): Schedule {
  const words = text
    .trim()
    .replace(/\b(every|each|on|at)\b/gi, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  const example = 'e.g. "Tuesdays 22:00 Europe/London" or "daily 08:00 UTC"';
  if (words.length !== 3) throw new ScheduleError(`schedule "${text}": expected days, a time and a time zone, ${example}`);
  const [dayWord, timeWord, zoneWord] = words as [string, string, string];
  const lower = dayWord.toLowerCase();
  const days =
    lower === 'daily' || lower === 'day'
      ? [0, 1, 2, 3, 4, 5, 6]
      : lower === 'weekdays'
        ? [1, 2, 3, 4, 5]
        : lower === 'weekends'
          ? [0, 6]
          : dayOf(dayWord) !== undefined
            ? [dayOf(dayWord)!]
            : undefined;
  if (!days) throw new ScheduleError(`schedule "${text}": "${dayWord}" is not a day (Mondays…Sundays, daily, weekdays), ${example}`);
  const time = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(timeWord);
  let hour = time ? Number(time[1]) : NaN;
  const minute = time?.[2] ? Number(time[2]) : 0;
  const meridiem = time?.[3]?.toLowerCase();
  if (meridiem) hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  if (!time || (!time[2] && !meridiem) || hour > 23 || minute > 59 || (meridiem && Number(time[1]) > 12)) {
    throw new ScheduleError(`schedule "${text}": "${timeWord}" is not a time of day (22:00, 10pm), ${example}`);
  }
  const timeZone = /^utc$/i.test(zoneWord) ? 'UTC' : zoneWord;
  if (!isIanaTimeZone(timeZone))
    throw new ScheduleError(
      `schedule "${text}": "${zoneWord}" is not a time zone name; use an IANA zone like Europe/London, or UTC ` +
        '(abbreviations such as BST or EST are ambiguous: ICU reads BST as Bangladesh)',
    );
  return { days, hour, minute, timeZone };
}

const DAY_MS = 86_400_000;

/**
 * The first run strictly after `after`. Local dates are walked from the UTC
 * day before (a zone east of UTC is already on the next date) and each run's
 * wall-clock time is placed by `wallToUtc`, the one conversion the sessions
 * use too; the instants rise with the dates, so the first one past `after` is
 * the next run.
 */
export function nextRun(schedule: Schedule, after: Date): Date {
  const start = after.getTime();
  const zone = schedule.timeZone === 'UTC' ? undefined : schedule.timeZone;
  for (let day = Math.floor(start / DAY_MS) - 1; day <= Math.floor(start / DAY_MS) + 8; day++) {
    if (!schedule.days.includes(new Date(day * DAY_MS).getUTCDay())) continue;
    const at = wallToUtc(day * DAY_MS + (schedule.hour * 60 + schedule.minute) * 60_000, zone);
    if (at > start) return new Date(at);
  }
  throw new ScheduleError('schedule: no run within eight days');
}
