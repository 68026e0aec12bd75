/**
 * What the Twitter parsers (API v1.1 and v2) share: person keys, Twitter's
 * date, id and text quirks, reading entities, and a profile book in which an
 * author's full profile wins over the bare handle of someone only mentioned.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, str } from './read-json.js';
import { extractHashtags, extractMentionHandles, toIsoTime } from './text.js';

export const twitterKey = (handle: string): string => personKey('twitter', handle);

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

/**
 * `Wed Oct 10 20:19:24 +0000 2018` (v1.1 and the archive) or ISO (v2) → ISO
 * UTC. The v1 layout is read by hand: Date's parsing of it is
 * implementation-defined, not ECMAScript.
 */
export function twitterTime(value: unknown): string | undefined {
  const m = typeof value === 'string' ? V1_DATE.exec(value.trim()) : null;
  if (!m) return toIsoTime(value);
  const month = MONTHS.indexOf(m[1]!);
  if (month < 0) return undefined;
  const offsetMinutes = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  const utc = Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offsetMinutes * 60_000;
  return toIsoTime(utc);
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
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Hashtags from an `entities` object (`hashtags[].text` in v1.1, `.tag` in
 * v2), lower-cased with `#`. v2 leaves out empty lists, so a missing list is
 * none; only a tweet without any `entities` falls back to its text.
 */
export function hashtagsFrom(entities: Record<string, unknown> | undefined, field: 'text' | 'tag', text: string): string[] {
  if (!entities) return extractHashtags(text);
  const tags = (objects(entities, 'hashtags') ?? []).map((e) => str(e, field)).filter((t): t is string => t !== undefined);
  return [...new Set(tags.map((t) => `#${t.replace(/^#/, '').toLowerCase()}`))];
}

/** Mentioned handles from an `entities` object (`user_mentions[].screen_name` / `mentions[].username`), else from the text. */
export function mentionHandlesFrom(entities: Record<string, unknown> | undefined, list: 'user_mentions' | 'mentions', text: string): string[] {
  if (!entities) return extractMentionHandles(text);
  const field = list === 'user_mentions' ? 'screen_name' : 'username';
  return (objects(entities, list) ?? []).map((e) => str(e, field)).filter((h): h is string => h !== undefined);
}

/** Person keys of handles, no repeats, without the author (naming yourself is no tie). */
export function mentionKeys(handles: readonly string[], authorKey: string): string[] {
  return [...new Set(handles.map(twitterKey))].filter((k) => k !== authorKey);
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
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { key: twitterKey(fields.handle), platform: 'twitter', ...defined } as PersonProfile;
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

  addAuthor(p: PersonProfile): void {
    this.authors.set(p.key, { ...p, ...this.authors.get(p.key) });
  }

  addOther(p: PersonProfile): void {
    const bare = profile({ handle: p.handle, name: p.name, platformId: p.platformId });
    this.others.set(p.key, { ...bare, ...this.others.get(p.key) });
  }

  list(): PersonProfile[] {
    return [...this.authors.values(), ...[...this.others.values()].filter((p) => !this.authors.has(p.key))];
  }
}

/** "3 records; the first has keys data, includes, meta": what a file held, for `no_messages`. */
export function describeFound(values: readonly unknown[], skipped: readonly Skipped[]): string {
  const first = values[0];
  const shape = isObject(first) ? `the first has keys ${Object.keys(first).slice(0, 8).join(', ') || '(none)'}` : `the first is ${JSON.stringify(first)?.slice(0, 40)}`;
  const why = skipped[0] ? `; first skipped: ${skipped[0].reason}` : '';
  return `${values.length} record(s); ${values.length ? shape : 'none at all'}${why}`;
}

export function noMessagesError(fileName: string, expected: string, found: string): TranscriptError {
  return new TranscriptError('no_messages', `${fileName}: no ${expected} found (${found})`, { file: fileName });
}
