/**
 * A table's date cell as ISO UTC, read by hand (never `new Date(string)`,
 * whose zone-less reading follows the server's time zone): ISO 8601,
 * `YYYY-MM-DD HH:MM:SS`, RFC 2822, Twitter's `created_at`, epoch seconds or
 * milliseconds, spreadsheet serial days (`42860.0790` = 2017-05-05 01:53:49),
 * day-first `05/05/2017 01:53:49` (TAGS's `time`) and Netlytic's `15-07-07`.
 * A time written without an offset is read in `timezone` (an IANA name or
 * `+01:00`), UTC when none is given.
 */
import { isIanaTimeZone } from '../../../../shared/index.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const US_ZONES: Record<string, number> = { EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };
// `2024-03-14T20:00:00Z`, `2024-03-14 20:00:00` (no zone), `2024-03-14`, `2020-03-10 04:05:05+00:00`.
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// RFC 2822 `Wed, 14 Mar 2024 20:00:00 +0000`.
const RFC_2822 =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4}|[ECMP][SD]T)?$/i;
// Twitter's `Sun Apr 19 19:22:23 +0000 2020`.
const TWITTER = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-]\d{4})\s+(\d{4})$/i;
// Netlytic's documented import form `15-07-07` (year-month-day).
const NETLYTIC_DAY = /^(\d{2})-(\d{2})-(\d{2})$/;
// A spreadsheet's date as TAGS writes `time`: `05/05/2017 01:53:49`, day first unless that cannot be, no zone.
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Serial days since 1899-12-30 (Excel's 1900 system, Google Sheets, LibreOffice): 1982 to 2064.
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Minutes east of UTC for `Z`, `+0100`, `-05:00`, `+01`, `EST`…; undefined when there is no zone. */
function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (/^(Z|UT|UTC|GMT)$/i.test(zone)) return 0;
  const us = US_ZONES[zone.toUpperCase()];
  if (us !== undefined) return us * 60;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : NaN;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `timezone` is an IANA zone name (`Europe/London`), UTC, or a `±HH:MM` offset (never an abbreviation: see isIanaTimeZone). */
export function isTimezone(timezone: string): boolean {
  return /^[+-]\d{2}(?::?\d{2})?$/.test(timezone) || /^(Z|UTC|GMT)$/i.test(timezone) || isIanaTimeZone(timezone);
}

/** Minutes east of UTC in `timezone` at the instant `utcMs`. */
function offsetAt(utcMs: number, timezone: string): number {
  const fixed = zoneMinutes(timezone);
  if (fixed !== undefined && !Number.isNaN(fixed)) return fixed;
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  const p = Object.fromEntries(f.formatToParts(utcMs).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** A wall-clock time in `timezone` as UTC milliseconds (a time skipped or repeated by a clock change takes the first offset). */
export function wallToUtc(wallMs: number, timezone: string | undefined): number {
  if (!timezone) return wallMs;
  const first = wallMs - offsetAt(wallMs, timezone) * 60_000;
  return wallMs - offsetAt(first, timezone) * 60_000;
}

/** ISO time from parts, or undefined when a part is out of range (no Date roll-over). */
function fromParts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: number | undefined,
  timezone: string | undefined,
): string | undefined {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 60 || Number.isNaN(zone)) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  if (new Date(wall).getUTCDate() !== d || y < 1970 || y > 9999) return undefined;
  return new Date(zone === undefined ? wallToUtc(wall, timezone) : wall - zone * 60_000).toISOString();
}

/** A date cell as ISO UTC, or undefined when it is none of the layouts above. */
export function readTableDate(raw: string, timezone?: string): string | undefined {
  const v = raw.trim();
  const n = Number;
  if (/^\d{9,13}(?:\.\d+)?$/.test(v)) {
    const x = n(v);
    const d = new Date(x < 1e11 ? x * 1000 : x);
    return d.getUTCFullYear() <= 9999 ? d.toISOString() : undefined;
  }
  let m = SERIAL.exec(v);
  if (m && n(m[1]) >= 30_000 && n(m[1]) < 60_000) {
    // Rounded to the second: a serial's fraction carries float noise (…49.999).
    const wall = Math.round((SERIAL_EPOCH_MS + n(v) * DAY_MS) / 1000) * 1000;
    return new Date(wallToUtc(wall, timezone)).toISOString();
  }
  m = ISO_LIKE.exec(v);
  if (m) {
    const ms = m[7] ? n(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return fromParts(n(m[1]), n(m[2]), n(m[3]), n(m[4] ?? 0), n(m[5] ?? 0), n(m[6] ?? 0), ms, zoneMinutes(m[8]), timezone);
  }
  m = TWITTER.exec(v);
  if (m) {
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return fromParts(n(m[7]), mo, n(m[2]), n(m[3]), n(m[4]), n(m[5]), 0, zoneMinutes(m[6]), timezone);
  }
  m = RFC_2822.exec(v);
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    return fromParts(n(m[3]), mo, n(m[1]), n(m[4]), n(m[5]), n(m[6] ?? 0), 0, zoneMinutes(m[7]), timezone);
  }
  m = DAY_FIRST.exec(v);
  if (m) {
    // Day first (as TAGS's UK and European sheets write it), unless only month first can be right.
    const [day, month] = n(m[2]) > 12 ? [n(m[2]), n(m[1])] : [n(m[1]), n(m[2])];
    return fromParts(n(m[3]), month, day, n(m[4] ?? 0), n(m[5] ?? 0), n(m[6] ?? 0), 0, undefined, timezone);
  }
  m = NETLYTIC_DAY.exec(v);
  return m ? fromParts(2000 + n(m[1]), n(m[2]), n(m[3]), 0, 0, 0, 0, undefined, timezone) : undefined;
}
