/**
 * A chat's schedule in words: `Tuesdays 22:00 Europe/London`, `every Tuesday
 * at 22:00 Europe/London`, `Tue 10pm America/New_York`, `daily 08:00 UTC`,
 * `weekdays 18:30 Europe/Paris`. The time is wall-clock time in the named
 * IANA zone, so "22:00 Europe/London" is 21:00 UTC in summer and 22:00 in
 * winter; the next run is worked out with Intl, never a fixed offset. A
 * wall time skipped by a clock change (01:30 on the spring-forward night)
 * runs at the same offset as before the change, an hour later in local time.
 */
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

function validZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
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
  const timeZone = validZone(zoneWord);
  if (!timeZone)
    throw new ScheduleError(`schedule "${text}": "${zoneWord}" is not a time zone (an IANA name such as Europe/London, or UTC)`);
  return { days, hour, minute, timeZone };
}

/** The zone's wall-clock fields at an instant. */
function wallClock(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
    // Wall time read as if it were UTC: minus the instant, it is the zone's offset.
    asUtc: Date.UTC(
      Number(get('year')),
      Number(get('month')) - 1,
      Number(get('day')),
      Number(get('hour')),
      Number(get('minute')),
      Number(get('second')),
    ),
  };
}

/** The instant a wall-clock time in the zone falls on (the offset found at that instant, checked once more). */
function instantOf(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offset1 = wallClock(guess, timeZone).asUtc - guess;
  const first = guess - offset1;
  const offset2 = wallClock(first, timeZone).asUtc - first;
  return offset2 === offset1 ? first : guess - offset2;
}

/** The first run strictly after `after`. */
export function nextRun(schedule: Schedule, after: Date): Date {
  const start = after.getTime();
  for (let d = 0; d <= 8; d++) {
    const local = wallClock(start + d * 86_400_000, schedule.timeZone);
    if (!schedule.days.includes(local.weekday)) continue;
    const at = instantOf(local.year, local.month, local.day, schedule.hour, schedule.minute, schedule.timeZone);
    if (at > start) return new Date(at);
  }
  throw new ScheduleError('schedule: no run within eight days');
}
