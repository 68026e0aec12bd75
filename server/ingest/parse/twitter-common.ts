/**
 * What the Twitter parsers (API v1.1 and v2) share: person keys, Twitter's
 * date, id and text quirks, reading entities, and a profile book in which an
 * author's full profile wins over the bare handle of someone only mentioned.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, str } from './read-json.js';
import { extractHashtags, extractMentionHandles, toIsoTime } from './text.js';

// Handle → key, so one person's key is one string: made once, and hashed once for every Map it meets.
const keys = new Map<string, string>();
const MAX_KEYS = 100_000;

/** `personKey('twitter', handle)`. */
export function twitterKey(handle: string): string {
  let key = keys.get(handle);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(handle, (key = personKey('twitter', handle)));
  }
  return key;
}

/** Where a record came from: a JSON Lines line, or a 1-based record of a document. */
export type Where = { line: number } | { record: number };

export const skip = (where: Where, reason: string): Skipped => ({ ...where, reason });

/** The object at `key`, or undefined. */
export const obj = (o: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined => {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
};

/** The plain objects in the array at `key` (an absent key gives undefined, not []). */
export function objects(o: Record<string, unknown> | undefined, key: string): Record<string, unknown>[] | undefined {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObject) : undefined;
}

/** A string property as is, even empty (tweet text may be), or undefined. */
export const rawString = (o: Record<string, unknown> | undefined, key: string): string | undefined =>
  typeof o?.[key] === 'string' ? (o[key] as string) : undefined;

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
  if (v.length !== 30 || v.charCodeAt(3) !== 32 || v.charCodeAt(7) !== 32 || v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58) return undefined;
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

/** Twitter HTML-escapes exactly these three in tweet text (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export const unescapeTweetText = (text: string): string =>
  text.indexOf('&') < 0 ? text : text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** `[...new Set(list)]` for the few strings of one tweet, without the Set. */
function pushNew(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** `str(e, field)` of each plain object in the array at `key` (what objects() then map/filter gave). */
function stringsOf(o: Record<string, unknown> | undefined, key: string, field: string): string[] {
  const v = o?.[key];
  const out: string[] = [];
  if (Array.isArray(v)) {
    for (const e of v) {
      const s = isObject(e) ? str(e, field) : undefined;
      if (s !== undefined) out.push(s);
    }
  }
  return out;
}

/**
 * Hashtags from an `entities` object (`hashtags[].text` in v1.1, `.tag` in
 * v2), lower-cased with `#`. v2 leaves out empty lists, so a missing list is
 * none; only a tweet without any `entities` falls back to its text.
 */
export function hashtagsFrom(entities: Record<string, unknown> | undefined, field: 'text' | 'tag', text: string): string[] {
  if (!entities) return extractHashtags(text);
  const tags: string[] = [];
  for (const t of stringsOf(entities, 'hashtags', field)) pushNew(tags, hashtag(t));
  return tags;
}

// Entity text → `#tag`, so a chat's tag is one string however many statuses carry it.
const hashtags = new Map<string, string>();

/** `UKLibChat` or `#UKLibChat` → `#uklibchat`. */
function hashtag(entityText: string): string {
  let tag = hashtags.get(entityText);
  if (tag === undefined) {
    if (hashtags.size >= MAX_KEYS) hashtags.clear();
    hashtags.set(entityText, (tag = `#${(entityText.charCodeAt(0) === 35 ? entityText.slice(1) : entityText).toLowerCase()}`));
  }
  return tag;
}

/** Mentioned handles from an `entities` object (`user_mentions[].screen_name` / `mentions[].username`), else from the text. */
export function mentionHandlesFrom(entities: Record<string, unknown> | undefined, list: 'user_mentions' | 'mentions', text: string): string[] {
  if (!entities) return extractMentionHandles(text);
  return stringsOf(entities, list, list === 'user_mentions' ? 'screen_name' : 'username');
}

/** Person keys of handles, no repeats, without the author (naming yourself is no tie). */
export function mentionKeys(handles: readonly string[], authorKey: string): string[] {
  const keys: string[] = [];
  for (const h of handles) {
    const k = twitterKey(h);
    if (k !== authorKey) pushNew(keys, k);
  }
  return keys;
}

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,30})\/status(?:es)?\/(\d+)/i;

/** `https://twitter.com/ann/status/123…` → `ann`, when it links status `statusId` (any, if not given). */
export function handleFromStatusUrl(url: string | undefined, statusId?: string): string | undefined {
  const m = url ? STATUS_URL.exec(url) : null;
  if (!m || m[1]!.toLowerCase() === 'i' || (statusId !== undefined && m[2] !== statusId)) return undefined;
  return m[1];
}

/** The first URL entity whose expanded URL links status `statusId`, as its author's handle. */
export function handleFromUrlEntities(urls: Record<string, unknown>[] | undefined, statusId: string | undefined): string | undefined {
  if (!statusId) return undefined;
  for (const u of urls ?? []) {
    const handle = handleFromStatusUrl(str(u, 'expanded_url') ?? str(u, 'unwound_url'), statusId);
    if (handle) return handle;
  }
  return undefined;
}

/** A profile without its undefined fields. */
export function profile(fields: Omit<PersonProfile, 'key' | 'platform'>): PersonProfile {
  const p: Record<string, unknown> = { key: twitterKey(fields.handle), platform: 'twitter' };
  for (const k in fields) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined) p[k] = v;
  }
  return p as unknown as PersonProfile;
}

/** A profile's website: the expanded `entities.url` (both APIs), else the bare `url` (a t.co link). */
export function profileUrl(user: Record<string, unknown>): string | undefined {
  const first = objects(obj(obj(user, 'entities'), 'url'), 'urls')?.[0];
  return str(first, 'expanded_url') ?? str(user, 'url');
}

/**
 * Profiles met while reading a file. Authors' profiles are kept whole; people
 * only mentioned, replied to or reposted keep handle, name and id, since the
 * graph's nodes are authors. Earlier values win; later ones fill gaps.
 */
export class ProfileBook {
  private readonly authors = new Map<string, PersonProfile>();
  private readonly others = new Map<string, PersonProfile>();

  /**
   * The profile kept so far for the author of `handle` (the key's first
   * handle wins), for a reader to fill its gaps field by field: a status's
   * user object is then read once per author, not once per status. `key`
   * when the caller has it: `twitterKey(handle)`.
   */
  author(handle: string, key = twitterKey(handle)): PersonProfile {
    return keptFor(this.authors, handle, key);
  }

  addAuthor(p: PersonProfile): void {
    fillGaps(keptFor(this.authors, p.handle, p.key), p);
  }

  /** addAuthor(profile(fields)), without building it. */
  addAuthorFields(fields: ProfileFields): void {
    fillGaps(this.author(fields.handle), fields);
  }

  addOther({ handle, name, platformId }: Pick<PersonProfile, 'handle' | 'name' | 'platformId'>): void {
    const kept = keptFor(this.others, handle);
    if (kept.name === undefined && name !== undefined) kept.name = name;
    if (kept.platformId === undefined && platformId !== undefined) kept.platformId = platformId;
  }

  /** Authors, then the others who wrote nothing here. */
  list(): PersonProfile[] {
    const people = [...this.authors.values()];
    for (const [key, p] of this.others) if (!this.authors.has(key)) people.push(p);
    return people;
  }
}

type ProfileFields = Omit<PersonProfile, 'key' | 'platform'>;

function keptFor(book: Map<string, PersonProfile>, handle: string, key = twitterKey(handle)): PersonProfile {
  let kept = book.get(key);
  if (!kept) book.set(key, (kept = { key, platform: 'twitter', handle }));
  return kept;
}

/** Each defined field of `fields` that `kept` lacks. */
function fillGaps(kept: PersonProfile, fields: object): void {
  const to = kept as Record<string, unknown>;
  for (const k in fields) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined && to[k] === undefined) to[k] = v;
  }
}

/** "3 records; the first has keys data, includes, meta": what a file held, for `no_messages`. */
export function describeFound(values: ArrayLike<unknown>, skipped: readonly Skipped[]): string {
  const first = values[0];
  const shape = isObject(first) ? `the first has keys ${Object.keys(first).slice(0, 8).join(', ') || '(none)'}` : `the first is ${JSON.stringify(first)?.slice(0, 40)}`;
  const why = skipped[0] ? `; first skipped: ${skipped[0].reason}` : '';
  return `${values.length} record(s); ${values.length ? shape : 'none at all'}${why}`;
}

export function noMessagesError(fileName: string, expected: string, found: string): TranscriptError {
  return new TranscriptError('no_messages', `${fileName}: no ${expected} found (${found})`, { file: fileName });
}
