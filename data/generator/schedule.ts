/**
 * When sessions happen: the nth weekday of each month at a local time,
 * converted to UTC with the IANA time zone rules (so a UK chat at 20:00 is
 * 20:00Z in winter and 19:00Z in summer), via Intl: no date library needed.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const ORDINALS = ['1st', '2nd', '3rd', '4th'] as const;

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (east positive). */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in `timeZone` (month is 1-based). */
export function zonedTimeToUtc(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes: the offset at the guess can differ from the offset at the answer near a DST change.
  let ms = wall - zoneOffset(wall, timeZone);
  ms = wall - zoneOffset(ms, timeZone);
  return ms;
}

/** Day of month of the nth (1-based) `weekday` (0 = Sunday) in a month (1-based). */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
}

export interface Slot {
  nth: number;
  weekday: number;
  hour: number;
  minute: number;
}

/** Start of each monthly session, ISO UTC, for `months` months from `startMonth` (`YYYY-MM`). */
export function sessionStarts(slot: Slot, timeZone: string, startMonth: string, months: number): string[] {
  const m = /^(\d{4})-(\d{2})$/.exec(startMonth);
  if (!m) throw new Error(`schedule: startMonth must look like 2023-01, got ${startMonth}`);
  const starts: string[] = [];
  for (let i = 0; i < months; i++) {
    const total = Number(m[2]) - 1 + i;
    const year = Number(m[1]) + Math.floor(total / 12);
    const month = (total % 12) + 1;
    const day = nthWeekday(year, month, slot.weekday, slot.nth);
    starts.push(new Date(zonedTimeToUtc(year, month, day, slot.hour, slot.minute, timeZone)).toISOString());
  }
  return starts;
}

/** `2nd Tuesday, 20:00 Europe/London`. */
export function describeSlot(slot: Slot, timeZone: string): string {
  const time = `${String(slot.hour).padStart(2, '0')}:${String(slot.minute).padStart(2, '0')}`;
  return `${ORDINALS[slot.nth - 1] ?? `${slot.nth}th`} ${WEEKDAYS[slot.weekday]}, ${time} ${timeZone}`;
}
