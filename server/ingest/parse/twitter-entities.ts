/**
 * A tweet's people and tags: person keys and hashtags interned (one string
 * per handle or tag however many statuses carry it), hashtags and mentions
 * from entities or else from the text, handles from status URLs, and the
 * three HTML escapes Twitter puts in tweet text.
 */
import { personKey } from '../../../shared/index.js';
import { isObject, str } from './read-json.js';
import { extractHashtags, extractMentionHandles } from './text.js';

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
export function mentionHandlesFrom(
  entities: Record<string, unknown> | undefined,
  list: 'user_mentions' | 'mentions',
  text: string,
): string[] {
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
