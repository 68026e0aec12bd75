/**
 * Mastodon's account archive (Preferences → Import and export → Request
 * your archive): `outbox.json`, an ActivityStreams `OrderedCollection` of the
 * account's `Create` (its posts) and `Announce` (its boosts) activities.
 * - a post's `inReplyTo` is a reply (to the account the status URI names),
 *   `tag` holds its `Mention`s and `Hashtag`s, `content` is HTML;
 * - a boost's `object` is the boosted status's bare URI: a repost of its author;
 * - only public and unlisted posts are read (followers-only and direct ones skipped);
 * - people are `mastodon:user@instance`, read from their actor or status URIs
 *   (`https://glammr.us/users/ann/statuses/1` → `ann@glammr.us`).
 * The archive's `orderedItems` key is written twice by some Mastodon
 * versions, first empty: JSON.parse keeps the last, the full one.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { htmlToText } from './html-to-text.js';
import { isObject, readJsonContainer, str } from './read-json.js';
import { extractHashtags, toIsoTime } from './text.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;
const PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

/** `https://host/users/ann[/statuses/1]` or `https://host/@ann[/1]` → `ann@host`. */
export function handleFromUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri);
    const name = /^\/(?:users\/|@)([^/]+)/.exec(url.pathname)?.[1];
    return name ? `${decodeURIComponent(name)}@${url.hostname}` : undefined;
  } catch {
    return undefined;
  }
}

/** A status's own id: the number its URI ends with (`…/statuses/109305976208011760`), as the API gives it. */
const statusId = (uri: string) => /\/(\d+)(?:\/activity)?$/.exec(uri)?.[1] ?? uri;
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isPublic = (o: Json) => [...listOf(o.to), ...listOf(o.cc)].some((a) => typeof a === 'string' && PUBLIC.has(a));

/** `@mcg@social.lol` or same-server `@obsolete29` (with the author's host) from a Mention's `href` or `name`. */
function mentionHandle(tag: Json, authorHost: string): string | undefined {
  const fromHref = handleFromUri(str(tag, 'href'));
  if (fromHref) return fromHref;
  const name = str(tag, 'name')?.replace(/^@/, '');
  return name ? (name.includes('@') ? name : `${name}@${authorHost}`) : undefined;
}

function readActivity(item: Json, at: number, skipped: Skipped[], people: Map<string, PersonProfile>): ParsedMessage | undefined {
  const type = str(item, 'type');
  const actor = handleFromUri(str(item, 'actor'));
  const time = toIsoTime(str(item, 'published') ?? (isObject(item.object) ? str(item.object, 'published') : undefined));
  if (!actor || !time || (type !== 'Create' && type !== 'Announce')) {
    skipped.push({ record: at, reason: type && type !== 'Create' && type !== 'Announce' ? `not a post (${type})` : 'no actor or time' });
    return undefined;
  }
  const author = personKey('mastodon', actor);
  const note = (handle: string) => {
    const key = personKey('mastodon', handle);
    if (!people.has(key)) people.set(key, { key, platform: 'mastodon', handle });
    return key;
  };
  note(actor);
  if (!isPublic(item)) {
    const followers = listOf(item.to).some((a) => typeof a === 'string' && a.endsWith('/followers'));
    skipped.push({ record: at, reason: followers ? 'followers-only post' : 'direct post' });
    return undefined;
  }
  if (type === 'Announce') {
    const uri = typeof item.object === 'string' ? item.object : isObject(item.object) ? str(item.object, 'id') : undefined;
    const boosted = handleFromUri(uri ?? (isObject(item.object) ? str(item.object, 'attributedTo') : undefined));
    const id = statusId(str(item, 'id') ?? `${actor}/${time}`);
    return {
      id,
      platform: 'mastodon',
      time,
      author,
      text: '',
      mentions: [],
      hashtags: [],
      kind: 'repost',
      ...(boosted ? { repostOf: note(boosted) } : {}),
    };
  }
  const object = item.object;
  if (!isObject(object) || !str(object, 'id')) {
    skipped.push({ record: at, reason: 'a post with no object' });
    return undefined;
  }
  const host = actor.split('@')[1]!;
  const tags = listOf(object.tag).filter(isObject);
  const text = htmlToText(str(object, 'content') ?? '');
  const mentions = [...new Set(tags.filter((t) => str(t, 'type') === 'Mention').flatMap((t) => mentionHandle(t, host) ?? []))]
    .map(note)
    .filter((k) => k !== author);
  const hashtags = [
    ...new Set([
      ...tags.filter((t) => str(t, 'type') === 'Hashtag').flatMap((t) => str(t, 'name')?.toLowerCase().replace(/^#?/, '#') ?? []),
      ...extractHashtags(text),
    ]),
  ];
  const inReplyTo = str(object, 'inReplyTo');
  const repliedTo = handleFromUri(inReplyTo);
  return {
    id: statusId(str(object, 'id')!),
    platform: 'mastodon',
    time: toIsoTime(str(object, 'published')) ?? time,
    author,
    text,
    mentions,
    hashtags,
    kind: inReplyTo ? 'reply' : 'post',
    ...(inReplyTo ? { replyToId: statusId(inReplyTo) } : {}),
    ...(repliedTo ? { replyToAuthor: note(repliedTo) } : {}),
  };
}

function parse(text: string, context: ParseContext): ParseResult {
  const container = readJsonContainer(text, context.fileName);
  const doc = container.kind === 'document' ? container.value : undefined;
  if (!isObject(doc) || !Array.isArray(doc.orderedItems)) {
    throw new TranscriptError(
      'unreadable_file',
      `${context.fileName}: expected a Mastodon archive's outbox.json (an OrderedCollection with orderedItems)`,
      { file: context.fileName },
    );
  }
  const skipped: Skipped[] = [];
  const people = new Map<string, PersonProfile>();
  const messages = doc.orderedItems.flatMap((item, i) =>
    isObject(item) ? (readActivity(item, i + 1, skipped, people) ?? []) : (skipped.push({ record: i + 1, reason: 'not an activity' }), []),
  );
  return { messages, people: [...people.values()], skipped, warnings: [] };
}

function detect(head: string): number {
  const start = head.trimStart();
  if (!start.startsWith('{') || !/"orderedItems"\s*:/.test(head)) return 0;
  return /"type"\s*:\s*"OrderedCollection(?:Page)?"/.test(head) && /activitystreams/.test(head) ? 0.95 : 0;
}

export const mastodonArchiveParser: Parser = { format: 'mastodon-archive', detect, parse };
