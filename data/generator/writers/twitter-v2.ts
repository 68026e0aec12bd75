/**
 * Twitter API v2 tweets as twarc2 saves them. `writeTwitterV2Pages` is
 * `twarc2 search --archive` output: one search response page per line, newest
 * first, with the authors, people replied to and mentioned, and the tweets
 * referenced in `includes`. `writeTwitterV2Flat` is `twarc2 flatten` of those
 * pages: one tweet per line with `author`, `in_reply_to_user`, mentioned users
 * and referenced tweets inline. Unlike v1.1 there is no `id_str` or
 * `screen_name`, ids are strings, entity offsets count code points, and a
 * retweet's `text` is cut at 140 as in v1.1. The chats are from 2023, so
 * tweets carry `edit_history_tweet_ids` and no `source` (removed Dec 2022).
 */
import { compareIds } from '../ids.js';
import { peopleByHandle, personOf, type ChatHistory, type GeneratedMessage, type GeneratedPerson } from '../model.js';
import { codePointIndex, codePointLength, escapeTwitter, findEntities, stableNumber } from './entities.js';

export interface TwitterV2Options {
  /** Tweets per response page (the API's `max_results`, 10–500 for full-archive search). */
  pageSize?: number;
  /** Hashtags to write (default: every Twitter chat). */
  chats?: readonly string[];
}

/** Retweets longer than this show a cut `text`, as in v1.1. */
const RETWEET_LIMIT = 140;
const TWARC_VERSION = '2.14.0';
// twarc2 asks for every expansion and field; the URL in `__twarc` says so.
const EXPANSIONS = 'author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username,attachments.poll_ids,attachments.media_keys,geo.place_id,edit_history_tweet_ids.id';
const TWEET_FIELDS = 'attachments,author_id,context_annotations,conversation_id,created_at,edit_controls,entities,geo,id,in_reply_to_user_id,lang,public_metrics,text,possibly_sensitive,referenced_tweets,reply_settings,source,withheld';
const USER_FIELDS = 'created_at,description,entities,id,location,name,pinned_tweet_id,profile_image_url,protected,public_metrics,url,username,verified,withheld';

type Json = Record<string, unknown>;

interface Context {
  index: Map<string, GeneratedPerson>;
  byId: Map<string, GeneratedMessage>;
  retweets: Map<string, number>;
  replies: Map<string, number>;
}

/** A profile picture path that stays the same for a person across writers and runs. */
export function profileImageUrl(p: GeneratedPerson): string {
  const n = stableNumber(p.handle);
  return `https://pbs.twimg.com/profile_images/${1_500_000_000_000_000_000n + BigInt(n) * 997n}/${(n >>> 4).toString(36)}_normal.jpg`;
}

function userOf(p: GeneratedPerson): Json {
  const n = stableNumber(p.handle);
  // v2 leaves out empty optional fields such as `location`; `url` and `description` come as "".
  return {
    id: p.twitterId, username: p.handle, name: p.name, description: p.bio,
    ...(p.location ? { location: p.location } : {}),
    created_at: p.createdAt.replace(/\.\d{3}Z$/, '.000Z'), protected: false, verified: false, url: '', profile_image_url: profileImageUrl(p),
    public_metrics: { followers_count: 40 + (n % 2400), following_count: 60 + ((n >>> 8) % 1500), tweet_count: 300 + ((n >>> 3) % 20000), listed_count: (n >>> 5) % 40 },
  };
}

/** The tweet's text as the API sends it: HTML-escaped, a retweet as "RT @x: …" cut at 140. */
function textOf(m: GeneratedMessage, ctx: Context): string {
  const text = escapeTwitter(m.text);
  if (!m.repostOf) return text;
  const full = `RT @${personOf(ctx.index, m.repostOf.author).handle}: ${text}`;
  return codePointLength(full) > RETWEET_LIMIT ? `${Array.from(full).slice(0, RETWEET_LIMIT - 1).join('')}…` : full;
}

/** v2 entities: only non-empty lists, only entities the (cut) text still holds whole. */
function entitiesOf(text: string, ctx: Context): Json | undefined {
  const hashtags: Json[] = [];
  const mentions: Json[] = [];
  for (const e of findEntities(text)) {
    const span = { start: codePointIndex(text, e.start), end: codePointIndex(text, e.end) };
    if (e.kind === 'hashtag') hashtags.push({ ...span, tag: e.value });
    else {
      const p = ctx.index.get(e.value.toLowerCase());
      if (p) mentions.push({ ...span, username: p.handle, id: p.twitterId });
    }
  }
  const entities = { ...(hashtags.length ? { hashtags } : {}), ...(mentions.length ? { mentions } : {}) };
  return Object.keys(entities).length ? entities : undefined;
}

/** The first tweet of a reply chain (a retweet starts its own conversation). */
function conversationOf(m: GeneratedMessage, ctx: Context): string {
  let at = m;
  for (let up = at.replyTo && ctx.byId.get(at.replyTo.id); up; up = up.replyTo && ctx.byId.get(up.replyTo.id)) at = up;
  return at.id;
}

function tweetOf(m: GeneratedMessage, ctx: Context): Json {
  const text = textOf(m, ctx);
  const entities = entitiesOf(text, ctx);
  const target = m.replyTo ? personOf(ctx.index, m.replyTo.author) : undefined;
  const ref = m.repostOf ? { type: 'retweeted', id: m.repostOf.id } : m.replyTo ? { type: 'replied_to', id: m.replyTo.id } : undefined;
  const counted = m.repostOf?.id ?? m.id;
  return {
    id: m.id, text, edit_history_tweet_ids: [m.id],
    author_id: personOf(ctx.index, m.author).twitterId,
    created_at: m.time, conversation_id: conversationOf(m, ctx),
    ...(target ? { in_reply_to_user_id: target.twitterId } : {}),
    ...(ref ? { referenced_tweets: [ref] } : {}),
    ...(entities ? { entities } : {}),
    // A retweet shows the original's retweet count and nothing of its own.
    public_metrics: {
      retweet_count: ctx.retweets.get(counted) ?? 0, reply_count: m.repostOf ? 0 : (ctx.replies.get(m.id) ?? 0),
      like_count: m.repostOf ? 0 : stableNumber(m.id) % 7, quote_count: 0, impression_count: m.repostOf ? 0 : 20 + (stableNumber(m.id) % 400),
    },
    lang: 'en', reply_settings: 'everyone', possibly_sensitive: false,
  };
}

/** Users and tweets a page must include for its tweets, each once, in order of first need. */
function includesOf(page: readonly GeneratedMessage[], ctx: Context): Json {
  const users = new Map<string, Json>();
  const tweets = new Map<string, Json>();
  const addUser = (handle: string) => {
    const p = personOf(ctx.index, handle);
    if (!users.has(p.twitterId)) users.set(p.twitterId, userOf(p));
  };
  for (const m of page) {
    addUser(m.author);
    if (m.replyTo) addUser(m.replyTo.author);
    for (const h of findEntities(textOf(m, ctx)).filter((e) => e.kind === 'mention')) if (ctx.index.has(h.value.toLowerCase())) addUser(h.value);
    // Expansions reach one level: a referenced tweet brings its author, not the people it names.
    const ref = ctx.byId.get(m.repostOf?.id ?? m.replyTo?.id ?? '');
    if (ref && !tweets.has(ref.id)) {
      tweets.set(ref.id, tweetOf(ref, ctx));
      addUser(ref.author);
    }
  }
  return { users: [...users.values()], ...(tweets.size ? { tweets: [...tweets.values()] } : {}) };
}

/** `2023-07-14T09:30:00+00:00`, Python's isoformat as twarc writes `retrieved_at`. */
const pythonIso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function searchUrl(tags: readonly string[], pageSize: number, window: { start: string; end: string }, token?: string): string {
  const params = new URLSearchParams({
    expansions: EXPANSIONS, 'tweet.fields': TWEET_FIELDS, 'user.fields': USER_FIELDS,
    max_results: String(pageSize), query: tags.join(' OR '), start_time: window.start, end_time: window.end,
  });
  if (token) params.set('next_token', token);
  return `https://api.twitter.com/2/tweets/search/all?${params.toString()}`;
}

/** An opaque pagination token, stable for a page. */
const tokenFor = (id: string) => `b26v89c19zqg8o3f${stableNumber(id).toString(36)}`;

function contextOf(model: ChatHistory): Context {
  const ctx: Context = { index: peopleByHandle(model), byId: new Map(model.messages.map((m) => [m.id, m])), retweets: new Map(), replies: new Map() };
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const m of model.messages) {
    if (m.repostOf) bump(ctx.retweets, m.repostOf.id);
    if (m.replyTo) bump(ctx.replies, m.replyTo.id);
  }
  return ctx;
}

/** The response pages, newest tweet first as the search API pages back in time. */
export function twitterV2Pages(model: ChatHistory, options: TwitterV2Options = {}): Json[] {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`twitter-v2 writer: pageSize must be a positive integer, got ${pageSize}`);
  const { chats } = options;
  const ctx = contextOf(model);
  const mine = model.messages
    .filter((m) => m.platform === 'twitter' && (!chats || chats.includes(m.chat)))
    .sort((a, b) => compareIds(b.id, a.id));
  const tags = chats ?? [...new Set(mine.map((m) => m.chat))].sort();
  const first = mine[mine.length - 1]?.time ?? '2023-01-01T00:00:00.000Z';
  const last = mine[0]?.time ?? first;
  // The window is whole days around the chats; the harvest ran the day after.
  const window = { start: `${first.slice(0, 10)}T00:00:00Z`, end: new Date(Date.parse(last.slice(0, 10)) + 86_400_000).toISOString().replace(/\.000Z$/, 'Z') };
  const retrieved = Date.parse(window.end) + 9 * 3_600_000;
  const pages: Json[] = [];
  for (let at = 0, n = 0; at < mine.length; at += pageSize, n++) {
    const page = mine.slice(at, at + pageSize);
    const token = at + pageSize < mine.length ? tokenFor(page[page.length - 1]!.id) : undefined;
    const previous = n > 0 ? tokenFor(mine[at - 1]!.id) : undefined;
    pages.push({
      data: page.map((m) => tweetOf(m, ctx)),
      includes: includesOf(page, ctx),
      meta: { newest_id: page[0]!.id, oldest_id: page[page.length - 1]!.id, result_count: page.length, ...(token ? { next_token: token } : {}) },
      __twarc: { url: searchUrl(tags, pageSize, window, previous), version: TWARC_VERSION, retrieved_at: pythonIso(retrieved + n * 1500) },
    });
  }
  return pages;
}

export function writeTwitterV2Pages(model: ChatHistory, options: TwitterV2Options = {}): string {
  return twitterV2Pages(model, options).map((p) => `${JSON.stringify(p)}\n`).join('');
}

/**
 * twarc's `expansions.flatten` of one page: each object with `author_id` gets
 * `author`, with `in_reply_to_user_id` gets `in_reply_to_user`, mentions are
 * merged with their users, referenced tweets with the (flattened) included
 * tweets, and every tweet gets the page's `__twarc`.
 */
export function flattenPage(page: Json): Json[] {
  const includes = (page.includes ?? {}) as { users?: Json[]; tweets?: Json[] };
  const users = new Map<string, Json>();
  for (const u of includes.users ?? []) users.set(String(u.id), u).set(String(u.username), u);
  const tweets = new Map<string, Json>();
  const user = (key: unknown) => users.get(String(key)) ?? {};
  const expand = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(expand);
    if (typeof value !== 'object' || value === null) return value;
    const out: Json = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expand(v)]));
    if ('author_id' in out) out.author = user(out.author_id);
    if ('in_reply_to_user_id' in out) out.in_reply_to_user = user(out.in_reply_to_user_id);
    if (Array.isArray(out.mentions)) out.mentions = (out.mentions as Json[]).map((m) => ({ ...m, ...user(m.username) }));
    if (Array.isArray(out.referenced_tweets)) out.referenced_tweets = (out.referenced_tweets as Json[]).map((r) => ({ ...r, ...tweets.get(String(r.id)) }));
    return out;
  };
  // Included tweets are expanded first, in order, so a referenced tweet arrives with its own author.
  for (const t of includes.tweets ?? []) tweets.set(String(t.id), t);
  for (const t of includes.tweets ?? []) tweets.set(String(t.id), expand(t) as Json);
  return ((page.data ?? []) as Json[]).map((t) => ({ ...(expand(t) as Json), __twarc: page.__twarc }));
}

/** `twarc2 flatten` output of the search pages: one tweet per line, newest first. */
export function writeTwitterV2Flat(model: ChatHistory, options: TwitterV2Options = {}): string {
  return twitterV2Pages(model, options).flatMap(flattenPage).map((t) => `${JSON.stringify(t)}\n`).join('');
}
