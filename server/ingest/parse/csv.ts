/**
 * Generic CSV with a header: one message per row, columns found by name
 * (case-insensitive, with aliases). Netlytic's export (`author,to,
 * description,pubdate` among `id,guid,link,title,…`) reads as is.
 */
import { PLATFORMS, personKey, type Platform, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { csvHeader, missingColumnsError, noMessagesError, readCsv } from './csv-reader.js';
import { excerpt } from './read-json.js';
import { contentId, extractHashtags, extractMentionHandles, retweetedHandle } from './text.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

/** Column aliases, best first. */
const COLUMNS = {
  author: ['author', 'from', 'from_user', 'user', 'username', 'screen_name', 'name', 'sender'],
  text: ['text', 'description', 'message', 'content', 'body', 'title'],
  time: ['time', 'date', 'pubdate', 'timestamp', 'created_at', 'datetime'],
  to: ['to', 'reply_to', 'in_reply_to', 'to_user'],
  replyToId: ['reply_to_id'],
  chat: ['chat', 'channel', 'hashtag', 'room'],
  // guid first: Netlytic's `id` is a row counter; `guid` is the post's own id.
  id: ['guid', 'message_id', 'id'],
  platform: ['platform'],
  name: ['name', 'display_name'],
  location: ['location', 'user_location'],
  bio: ['bio', 'user_bio'],
  userId: ['user_id', 'from_user_id', 'author_id'],
} as const;
type Role = keyof typeof COLUMNS;
const REQUIRED: readonly Role[] = ['author', 'text', 'time'];

/** `Reply To`, `reply-to` and `REPLY_TO` all name `reply_to`. */
const columnName = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Index of each role's column in `header` (names through `columnName`). */
function findColumns(header: readonly string[]): Partial<Record<Role, number>> {
  const found: Partial<Record<Role, number>> = {};
  for (const role of Object.keys(COLUMNS) as Role[]) {
    for (const alias of COLUMNS[role]) {
      const i = header.indexOf(alias);
      if (i >= 0 && !Object.values(found).includes(i)) {
        found[role] = i;
        break;
      }
    }
  }
  return found;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const US_ZONES: Record<string, number> = { EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };
// `2024-03-14T20:00:00Z`, `2024-03-14 20:00:00` (no zone: UTC), `2024-03-14`.
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// RFC 2822 `Wed, 14 Mar 2024 20:00:00 +0000`.
const RFC_2822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4}|[ECMP][SD]T)?$/i;
// Twitter's `Sun Apr 19 19:22:23 +0000 2020`.
const TWITTER = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-]\d{4})\s+(\d{4})$/i;
// Netlytic's documented import form `15-07-07` (year-month-day).
const NETLYTIC_DAY = /^(\d{2})-(\d{2})-(\d{2})$/;

/** Minutes east of UTC for `Z`, `+0100`, `-05:00`, `+01`, `EST`…; no zone is UTC. */
function zoneMinutes(zone: string | undefined): number {
  if (!zone || /^(Z|UT|UTC|GMT)$/i.test(zone)) return 0;
  const us = US_ZONES[zone.toUpperCase()];
  if (us !== undefined) return us * 60;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : NaN;
}

/** ISO time from parts, or undefined when a part is out of range (no Date roll-over). */
function fromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, zone = 0): string | undefined {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 60 || Number.isNaN(zone)) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  if (new Date(local).getUTCDate() !== d || y < 1970 || y > 9999) return undefined;
  return new Date(local - zone * 60_000).toISOString();
}

/**
 * A table's date cell as ISO UTC: ISO 8601, `YYYY-MM-DD HH:MM:SS` (UTC),
 * RFC 2822, Twitter's `created_at`, epoch seconds or milliseconds. Parsed
 * by hand, not `new Date(string)`, whose zone-less reading follows the
 * server's local time zone.
 */
export function readTableDate(raw: string): string | undefined {
  const v = raw.trim();
  const n = Number;
  if (/^\d{9,13}(?:\.\d+)?$/.test(v)) {
    const x = n(v);
    const d = new Date(x < 1e11 ? x * 1000 : x);
    return d.getUTCFullYear() <= 9999 ? d.toISOString() : undefined;
  }
  let m = ISO_LIKE.exec(v);
  if (m) {
    const ms = m[7] ? n(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return fromParts(n(m[1]), n(m[2]), n(m[3]), n(m[4] ?? 0), n(m[5] ?? 0), n(m[6] ?? 0), ms, zoneMinutes(m[8]));
  }
  m = RFC_2822.exec(v);
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    return fromParts(n(m[3]), mo, n(m[1]), n(m[4]), n(m[5]), n(m[6] ?? 0), 0, zoneMinutes(m[7]));
  }
  m = TWITTER.exec(v);
  if (m) {
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return fromParts(n(m[7]), mo, n(m[2]), n(m[3]), n(m[4]), n(m[5]), 0, zoneMinutes(m[6]));
  }
  m = NETLYTIC_DAY.exec(v);
  return m ? fromParts(2000 + n(m[1]), n(m[2]), n(m[3])) : undefined;
}

const HANDLE_LIKE = /^@?[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+)?$/u;
const stripAt = (s: string) => s.replace(/^@+/, '');

/**
 * A person as an author cell names them. Netlytic writes `user@domain (Name)`
 * (the RSS author form) and sometimes `Name (handle)`: the identifier is
 * whichever side can be one, the outside first (an address, or a single
 * word), the other side is the display name. Anything else is kept whole as
 * the handle, so two differently written people never merge.
 */
export function readAuthor(raw: string): { handle: string; name?: string } | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const open = value.lastIndexOf('(');
  if (open > 0 && value.endsWith(')')) {
    const outside = value.slice(0, open).trim();
    const inside = value.slice(open + 1, -1).trim();
    const outsideOk = HANDLE_LIKE.test(outside);
    const insideOk = HANDLE_LIKE.test(inside);
    if (outsideOk && (outside.includes('@') || !inside.startsWith('@') || !insideOk)) {
      return { handle: stripAt(outside), ...(inside ? { name: inside } : {}) };
    }
    if (insideOk) return { handle: stripAt(inside), ...(outside ? { name: outside } : {}) };
  }
  return { handle: stripAt(value) };
}

/**
 * Reply targets in a `to` cell: one person, or a list split on commas or
 * semicolons, or on spaces between `@handles` (`Ann Smith` stays one person).
 */
function readTargets(raw: string): string[] {
  return raw.split(/[,;]/).flatMap((part) => {
    const words = part.trim().split(/\s+/);
    const people = words.length > 1 && words.every((w) => w.startsWith('@')) ? words : [part];
    return people.flatMap((p) => readAuthor(p)?.handle ?? []);
  });
}

/** Ids that are just 1, 2, 3… (or 0, 1, 2…) number rows, not messages, and would collide across files. */
function isRowCounter(ids: string[]): boolean {
  if (ids.length < 2) return false;
  const base = Number(ids[0]);
  return (base === 0 || base === 1) && ids.every((v, i) => v.trim() === String(base + i));
}

function readPlatform(value: string | undefined): Platform | undefined {
  const v = value?.trim().toLowerCase();
  return (PLATFORMS as readonly string[]).includes(v ?? '') ? (v as Platform) : undefined;
}

function detect(head: string): number {
  const header = csvHeader(head);
  if (!header) return 0;
  const cols = findColumns(header.map(columnName));
  const found = REQUIRED.filter((r) => cols[r] !== undefined).length;
  // With one or two of the three columns it is still likely meant for us, and
  // reaching parse gives a missing_columns error naming them (detection's
  // floor is 0.3); with none, "unknown format" is the truer answer.
  return [0.05, 0.3, 0.45, 0.6][found]!;
}

function parse(text: string, { fileName }: ParseContext): ParseResult {
  const table = readCsv(text);
  const header = table.header.map(columnName);
  const cols = findColumns(header);
  const missing = REQUIRED.filter((r) => cols[r] === undefined);
  if (missing.length > 0) {
    throw missingColumnsError(fileName, missing.map((role) => ({ role, aliases: COLUMNS[role] })), table.header);
  }
  const cell = (fields: string[], role: Role): string | undefined => {
    const i = cols[role];
    const v = i === undefined ? undefined : fields[i]?.trim();
    return v === '' ? undefined : v;
  };
  // Separate `date` and `time` columns (`2024-03-14`, `20:00`) make one time.
  const dateCol = header.indexOf('date');
  const timeCell = (fields: string[]): string | undefined => {
    const t = cell(fields, 'time');
    const d = dateCol >= 0 && dateCol !== cols.time ? fields[dateCol]?.trim() : undefined;
    return d && t && /^\d{1,2}:\d{2}(:\d{2})?$/.test(t) ? `${d} ${t}` : t;
  };
  const ids = table.rows.map((r) => cell(r.fields, 'id') ?? '');
  // Row numbers as ids would merge different files' rows, unless replies point at them.
  const useIds = cols.id !== undefined && (cols.replyToId !== undefined || !isRowCounter(ids));

  const messages: ParsedMessage[] = [];
  const people = new Map<string, PersonProfile>();
  const skipped: Skipped[] = [...table.problems];
  const warnings: string[] = [];
  const badPlatforms = new Set<string>();

  for (const [index, { line, fields }] of table.rows.entries()) {
    const rawPlatform = cell(fields, 'platform');
    const platform = readPlatform(rawPlatform) ?? 'csv';
    if (rawPlatform && platform === 'csv' && rawPlatform.toLowerCase() !== 'csv') badPlatforms.add(rawPlatform);
    const who = readAuthor(cell(fields, 'author') ?? '');
    const rawTime = timeCell(fields);
    const time = rawTime === undefined ? undefined : readTableDate(rawTime);
    if (!who || !time) {
      skipped.push({ line, reason: !who ? 'no author' : rawTime ? `unreadable date "${excerpt(rawTime, 40)}"` : 'no date' });
      continue;
    }
    const author = personKey(platform, who.handle);
    const body = fields[cols.text!] ?? '';
    const [target, ...alsoTo] = readTargets(cell(fields, 'to') ?? '');
    const replyToId = cell(fields, 'replyToId');
    const reposted = retweetedHandle(body);
    // A repost's mentions are the original author's words (as in the Twitter parsers).
    const named = reposted ? [] : [...alsoTo, ...extractMentionHandles(body)];
    const message: ParsedMessage = {
      id: (useIds ? ids[index] : undefined) || contentId(author, time, body),
      platform,
      time,
      author,
      text: body,
      mentions: [...new Set(named.map((h) => personKey(platform, h)))].filter((k) => k !== author),
      hashtags: extractHashtags(body),
      kind: reposted ? 'repost' : target || replyToId ? 'reply' : 'post',
    };
    const chat = cell(fields, 'chat');
    if (chat) message.chat = chat.startsWith('#') || header[cols.chat!] === 'hashtag' ? `#${chat.replace(/^#/, '').toLowerCase()}` : chat;
    if (replyToId) message.replyToId = replyToId;
    if (target) message.replyToAuthor = personKey(platform, target);
    if (reposted) message.repostOf = personKey(platform, reposted);
    messages.push(message);

    if (!people.has(author)) {
      const profile: PersonProfile = { key: author, platform, handle: who.handle };
      const name = who.name ?? cell(fields, 'name');
      if (name) profile.name = name;
      for (const [field, role] of [['location', 'location'], ['bio', 'bio'], ['platformId', 'userId']] as const) {
        const value = cell(fields, role);
        if (value) profile[field] = value;
      }
      people.set(author, profile);
    }
  }

  skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (messages.length === 0) throw noMessagesError(fileName, skipped);
  if (badPlatforms.size > 0) warnings.push(`unknown platform ${[...badPlatforms].join(', ')}: read as csv`);
  return { messages, people: [...people.values()], skipped, warnings };
}

export const csvParser: Parser = { format: 'csv', detect, parse };
