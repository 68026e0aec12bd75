/**
 * Where an IRC log's day comes from when its lines carry only a time: the
 * file or folder name in the usual layouts (`2012-03-07.log`,
 * `#channel.20120307.log`, `#chan_20120307.log`, `#channel/2012-03-07.log`,
 * Limnoria's `2019-10/01.txt`), or a line that says it (irssi's
 * `--- Day changed Wed Mar 07 2012`, mIRC's `Session Start: …`, XChat's
 * `**** BEGIN LOGGING AT …`, old WeeChat's `****  Beginning of log  2007 Sep 01 …`).
 */

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const DAY_MS = 86_400_000;

/** UTC midnight of a calendar day, or undefined when there is no such day. */
export const utcDay = (y: number, mo: number, d: number): number | undefined => {
  const t = Date.UTC(y, mo - 1, d);
  return y >= 1970 && y < 2200 && mo >= 1 && mo <= 12 && new Date(t).getUTCDate() === d ? t : undefined;
};

/** `Dec`, `december`, `dez` (German), `déc` → 1…12; 0 when not a month. */
export function monthNumber(name: string): number {
  const m = name.slice(0, 3).toLowerCase();
  const i = MONTHS.indexOf(m);
  if (i >= 0) return i + 1;
  return { dez: 12, okt: 10, mai: 5, mär: 3, mrz: 3, gen: 1, fév: 2, avr: 4, déc: 12, ago: 8, set: 9, dic: 12, ene: 1, abr: 4 }[m] ?? 0;
}

/** `Mon Dec 19 00:00:00 2016`, `Tue Dec 20 2016`, `Tue, 20 Dec 2016`, `2007 Sep 01 00:23:55` → the day's UTC midnight. */
export function readLogDate(text: string): number | undefined {
  const year = /\b(\d{4})\b/.exec(text)?.[1];
  const m = /\b([A-Za-zéä]{3,})\.?\s+(\d{1,2})\b/.exec(text) ?? /\b(\d{1,2})\.?\s+([A-Za-zéä]{3,})/.exec(text);
  if (!year || !m) return undefined;
  const [mon, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  const mo = monthNumber(mon);
  return mo > 0 ? utcDay(Number(year), mo, Number(day)) : undefined;
}

/** A `YYYY-MM-DD` in the file name (what Zoom's reader uses too). */
export function fileNameDay(fileName: string): number | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(fileName);
  return m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * The day an IRC log's path names, in the layouts logging clients and bots
 * write: `YYYY-MM-DD` anywhere, `YYYYMMDD` after `.`, `_` or `-`, or
 * `YYYY-MM/DD.ext`. The last folder or file name that holds one wins.
 */
export function logPathDay(path: string): number | undefined {
  const iso = fileNameDay(path.split('/').pop()!) ?? fileNameDay(path);
  if (iso !== undefined) return iso;
  const compact = /(?:^|[._\-/#])((?:19|20)\d{2})(\d{2})(\d{2})(?=[._\-]|$)/.exec(path.split('/').pop()!);
  if (compact) return utcDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const folders = /(?:^|\/)((?:19|20)\d{2})-?(\d{2})\/(\d{2})\.\w+$/.exec(path);
  return folders ? utcDay(Number(folders[1]), Number(folders[2]), Number(folders[3])) : undefined;
}

/** Just a year in the path (`2009-dircproxy.log`, `logs/2009/…`), for lines that name month and day. */
export function logPathYear(path: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/**
 * The channel a log's path names: the file (`#qtox_20161029.log.txt`,
 * `#fluid-work.2020-02-25.log`) or a folder (`#channel/2012-03-07.log`),
 * without its date and extensions. Undefined when no part starts with `#`.
 */
export function logPathChannel(path: string): string | undefined {
  for (const part of path.split('/').reverse()) {
    if (!part.startsWith('#') && !part.startsWith('&')) continue;
    const name = part.replace(/(?:\.(?:log|txt|html?|weechatlog))+$/i, '').replace(/[._-]?(?:19|20)\d{2}-?\d{2}-?\d{2}.*$/, '');
    if (name.length > 1) return name;
  }
  return undefined;
}
