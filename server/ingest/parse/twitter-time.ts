/**
 * Twitter's dates: `Wed Apr 08 03:29:36 +0000 2015` read by hand (a regular
 * expression per status was a tenth of a big file's parse), with per-day and
 * per-second caches, the regex kept as the reference for odd layouts; and a
 * tweet's creation time read from its id (a snowflake) when the date is absent.
 */
import { toIsoTime } from './text.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const V1_DATE = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** Any layout V1_DATE accepts, and its odd cases (`Oct 5`, a year Date.UTC reads as 19xx, padding): the reference. */
function twitterTimeByRegex(value: unknown): string | undefined {
  const m = typeof value === 'string' ? V1_DATE.exec(value.trim()) : null;
  if (!m) return toIsoTime(value);
  const month = MONTHS.indexOf(m[1]!);
  if (month < 0) return undefined;
  const offsetMinutes = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  const utc = Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offsetMinutes * 60_000;
  return toIsoTime(utc);
}

const DAY_MS = 86_400_000;
/** Month index by its three letters packed in a number (`Jan` → 0). */
const MONTH_OF = new Map(MONTHS.map((m, i) => [m.charCodeAt(0) * 65_536 + m.charCodeAt(1) * 256 + m.charCodeAt(2), i]));
// A chat's statuses share a handful of days: Date.UTC and the ISO date once per day, not per status; the
// time of day (`20:19:24.000Z`) once per second of the day it is.
const dayStart = new Map<number, number>();
const isoDate = new Map<number, string>();
const CACHE_DAYS = 4096;
// Every second of a day (86,400) preallocated: a growing array indexed at random would turn into a dictionary.
const isoTimeOfDay: (string | undefined)[] = new Array<string | undefined>(86_400).fill(undefined);
// Most statuses follow one another within the same day: that day's figures, before any map lookup.
let lastDayKey = -1;
let lastDayStart = 0;
let lastDayNumber = Number.NaN;
let lastIsoDate = '';
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const twoDigits = (s: string, i: number): number => digitAt(s, i) * 10 + digitAt(s, i + 1);
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * `Wed Oct 10 20:19:24 +0000 2018` exactly as Twitter writes it (30
 * characters, years 1000–8999) → ISO UTC, by hand; undefined for anything
 * else, which the regex then reads. Same arithmetic as Date.UTC, so
 * out-of-range fields (`Feb 31`, `25:61:61`) roll over the same way.
 */
function twitterTimeByHand(v: string): string | undefined {
  if (v.length !== 30 || v.charCodeAt(3) !== 32 || v.charCodeAt(7) !== 32 || v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58)
    return undefined;
  if (v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 32 || v.charCodeAt(25) !== 32) return undefined;
  if (!isWordChar(v.charCodeAt(0)) || !isWordChar(v.charCodeAt(1)) || !isWordChar(v.charCodeAt(2))) return undefined;
  const month = MONTH_OF.get(v.charCodeAt(4) * 65_536 + v.charCodeAt(5) * 256 + v.charCodeAt(6));
  const sign = v.charCodeAt(20) === 43 ? 1 : v.charCodeAt(20) === 45 ? -1 : 0;
  const day = twoDigits(v, 8);
  const year = twoDigits(v, 26) * 100 + twoDigits(v, 28);
  const seconds = (twoDigits(v, 11) * 60 + twoDigits(v, 14)) * 60 + twoDigits(v, 17);
  const offsetMinutes = sign * (twoDigits(v, 21) * 60 + twoDigits(v, 23));
  // A non-digit made one of them NaN.
  if (month === undefined || sign === 0 || Number.isNaN(day + seconds + offsetMinutes) || !(year >= 1000 && year < 9000)) return undefined;
  const dayKey = (year * 12 + month) * 100 + day;
  if (dayKey !== lastDayKey) {
    let start = dayStart.get(dayKey);
    if (start === undefined) {
      if (dayStart.size >= CACHE_DAYS) dayStart.clear();
      dayStart.set(dayKey, (start = Date.UTC(year, month, day)));
    }
    lastDayKey = dayKey;
    lastDayStart = start;
  }
  const utc = lastDayStart + seconds * 1000 - offsetMinutes * 60_000;
  const dayNumber = Math.floor(utc / DAY_MS);
  if (dayNumber !== lastDayNumber) {
    let date = isoDate.get(dayNumber);
    if (date === undefined) {
      if (isoDate.size >= CACHE_DAYS) isoDate.clear();
      isoDate.set(dayNumber, (date = new Date(dayNumber * DAY_MS).toISOString().slice(0, 11)));
    }
    lastDayNumber = dayNumber;
    lastIsoDate = date;
  }
  // A whole number of seconds: day starts and offsets are whole minutes.
  const s = ((utc - dayNumber * DAY_MS) / 1000) | 0;
  return lastIsoDate + (isoTimeOfDay[s] ??= `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}.000Z`);
}

/**
 * `Wed Oct 10 20:19:24 +0000 2018` (v1.1 and the archive) or ISO (v2) → ISO
 * UTC. The v1 layout is read by hand: Date's parsing of it is
 * implementation-defined, not ECMAScript (and slow).
 */
export function twitterTime(value: unknown): string | undefined {
  return (typeof value === 'string' ? twitterTimeByHand(value) : undefined) ?? twitterTimeByRegex(value);
}

// Snowflake ids (since 4 Nov 2010) carry their creation time in ms since this
// epoch in the bits above 22. Older, sequential ids carry no time at all.
const TWITTER_EPOCH = 1288834974657n;
const FIRST_SNOWFLAKE = 30_000_000_000n;

/** Creation time read from a tweet id, for exports that left out `created_at`. */
export function snowflakeTime(id: string): string | undefined {
  if (!/^\d{1,20}$/.test(id) || BigInt(id) < FIRST_SNOWFLAKE) return undefined;
  return toIsoTime(Number((BigInt(id) >> 22n) + TWITTER_EPOCH));
}
