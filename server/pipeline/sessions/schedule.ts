/**
 * Sessions from a schedule the user gave: each weekly slot's window, in the
 * slot's own time zone (a 21:00 New York chat is 02:00Z in winter, 01:00Z in
 * summer), holding at least one of the chat's messages.
 */
import { WEEKDAYS, type ChatSchedule } from '../../../shared/index.js';
import { wallToUtc } from '../../ingest/parse/table/dates.js';

const DAY_MS = 86_400_000;

/** Scheduled windows `[startMs, endMs]` covering `fromMs … toMs`, in time order. */
export function scheduledWindows(schedules: readonly ChatSchedule[], fromMs: number, toMs: number): [number, number][] {
  const windows: [number, number][] = [];
  for (const s of schedules) {
    const weekday = WEEKDAYS.indexOf(s.weekday);
    const [hour, minute] = s.start.split(':').map(Number) as [number, number];
    // Local dates from a day before the first message (a window may open the evening before in UTC) to the last.
    for (let day = Math.floor(fromMs / DAY_MS) - 1; day * DAY_MS <= toMs; day++) {
      if (new Date(day * DAY_MS).getUTCDay() !== weekday) continue;
      const start = wallToUtc(day * DAY_MS + (hour * 60 + minute) * 60_000, s.timeZone === 'UTC' ? undefined : s.timeZone);
      windows.push([start, start + s.minutes * 60_000]);
    }
  }
  return windows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
