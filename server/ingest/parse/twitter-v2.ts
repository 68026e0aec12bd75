/**
 * Twitter API v2 tweets: twarc2's raw output (JSON Lines of response pages,
 * `{data, includes: {users, tweets}, meta, __twarc}`, or one page as a
 * document), `twarc2 flatten` output (one tweet per line with `author`,
 * `in_reply_to_user` and full `referenced_tweets` inline), and plain JSON
 * arrays of tweets with an inline `author`.
 */
import type { ParsedMessage, ParseContext, ParseResult, Parser } from './types.js';
import type { Skipped } from '../../../shared/index.js';
import { describeJson, isObject, readJsonContainer, str } from './read-json.js';
import { retweetedHandle } from './text.js';
import {
  ProfileBook,
  describeFound,
  handleFromUrlEntities,
  hashtagsFrom,
  mentionHandlesFrom,
  mentionKeys,
  noMessagesError,
  obj,
  objects,
  profile,
  profileUrl,
  rawString,
  skip,
  snowflakeTime,
  twitterKey,
  twitterTime,
  unescapeTweetText,
  type Where,
} from './twitter-common.js';

type Tweet = Record<string, unknown>;
type User = Record<string, unknown>;

/** Users and tweets by id, from every page's `includes` and every inline object in the file. */
interface Pool {
  users: Map<string, User>;
  tweets: Map<string, Tweet>;
}

function detect(head: string): number {
  if (!/^\s*[[{]/.test(head)) return 0;
  // v1.1 (id_str, screen_name) and Mastodon (acct) are someone else's.
  if (/"(id_str|screen_name|acct)"\s*:/.test(head)) return 0;
  const authorId = /"author_id"\s*:/.test(head);
  // A large page's `includes` comes after 64 KiB of `data`: `data` alone is enough with author_id.
  if (authorId && (/"data"\s*:\s*[[{]/.test(head) || /"author"\s*:\s*\{/.test(head))) return 0.95;
  if (/"edit_history_tweet_ids"\s*:/.test(head)) return 0.8;
  if (authorId) return 0.6;
  // A plain array of v2 tweets with inline authors and no author_id.
  return /"author"\s*:\s*\{/.test(head) && /"username"\s*:/.test(head) && /"text"\s*:/.test(head) ? 0.6 : 0;
}

const isPage = (v: Record<string, unknown>): boolean => 'data' in v || 'includes' in v || 'meta' in v || 'errors' in v;

/** A tweet to read, or why a record holds none. */
type Item = { where: Where; value: unknown; reason?: string };

/** The tweets of one JSON value (page, tweet, or array of either), each with where it came from. */
function tweetsOf(value: unknown, where: (i: number) => Where, nested = false): Item[] {
  if (Array.isArray(value) && !nested) return value.flatMap((v, i) => tweetsOf(v, () => where(i), true));
  if (!isObject(value) || !isPage(value)) return [{ where: where(0), value }];
  const data = value.data;
  if (data === undefined) {
    // An empty search page (`meta.result_count: 0`) holds nothing to skip; an errors-only one says why.
    const error = objects(value, 'errors')?.[0];
    return error
      ? [{ where: where(0), value, reason: `response page without data: ${str(error, 'detail') ?? str(error, 'title') ?? 'errors only'}` }]
      : [];
  }
  return (Array.isArray(data) ? data : [data]).map((t, i) => ({ where: nested ? where(0) : where(i), value: t }));
}

/** Every user and tweet the file describes, so an id resolves whichever page or line named it. */
function buildPool(values: readonly unknown[], tweets: readonly unknown[]): Pool {
  const pool: Pool = { users: new Map(), tweets: new Map() };
  const addUser = (u: User | undefined) => {
    const id = str(u, 'id');
    if (u && id && str(u, 'username')) pool.users.set(id, { ...u, ...pool.users.get(id) });
  };
  const addTweet = (t: Tweet) => {
    const id = str(t, 'id');
    if (id) pool.tweets.set(id, { ...t, ...pool.tweets.get(id) });
    addUser(obj(t, 'author'));
    addUser(obj(t, 'in_reply_to_user'));
    for (const m of objects(obj(t, 'entities'), 'mentions') ?? []) addUser(m);
  };
  for (const v of values.flatMap((x) => (Array.isArray(x) ? x : [x])).filter(isObject)) {
    for (const u of objects(obj(v, 'includes'), 'users') ?? []) addUser(u);
    for (const t of objects(obj(v, 'includes'), 'tweets') ?? []) addTweet(t);
  }
  for (const t of tweets.filter(isObject)) {
    addTweet(t);
    for (const r of objects(t, 'referenced_tweets') ?? []) if (str(r, 'author_id') || obj(r, 'author')) addTweet(r);
  }
  return pool;
}

/** A user: the inline object when it has a username, else the pool's by id (flatten writes `{}` for a missing user). */
function userOf(inline: User | undefined, id: string | undefined, pool: Pool): User | undefined {
  if (str(inline, 'username')) return inline;
  return id ? pool.users.get(id) : undefined;
}

/** The author of a referenced tweet, from flatten's inline copy or the pool. */
function refAuthor(ref: Tweet | undefined, pool: Pool): User | undefined {
  if (!ref) return undefined;
  const full = { ...pool.tweets.get(str(ref, 'id') ?? ''), ...ref };
  return userOf(obj(full, 'author'), str(full, 'author_id'), pool);
}

const bare = (u: User | undefined) => {
  const handle = str(u, 'username');
  return handle ? profile({ handle, name: str(u, 'name'), platformId: str(u, 'id') }) : undefined;
};

function readTweet(t: Tweet, pool: Pool, book: ProfileBook, fromId: () => void): ParsedMessage | string {
  const id = typeof t.id === 'string' && t.id.trim() !== '' ? t.id : undefined;
  if (!id) return 'no id: not a v2 tweet';
  const authorId = str(t, 'author_id');
  const user = userOf(obj(t, 'author'), authorId, pool);
  const handle = str(user, 'username');
  if (!user || !handle)
    return authorId ? `tweet ${id}: author ${authorId} is not in includes.users` : `tweet ${id}: no author or author_id`;
  // Long tweets (over 280 characters) keep their whole text in note_tweet.
  const note = obj(t, 'note_tweet');
  const raw = rawString(note, 'text') ?? rawString(t, 'text');
  if (raw === undefined) return `tweet ${id}: no text`;
  let time = twitterTime(t.created_at);
  if (!time && (time = snowflakeTime(id))) fromId();
  if (!time) return `tweet ${id}: no readable created_at`;

  const text = unescapeTweetText(raw);
  const author = twitterKey(handle);
  book.addAuthorFields({
    handle,
    name: str(user, 'name'),
    bio: str(user, 'description'),
    location: str(user, 'location'),
    url: profileUrl(user),
    platformId: str(user, 'id'),
  });

  const entities = obj(note, 'entities') ?? obj(t, 'entities');
  const refs = objects(t, 'referenced_tweets') ?? [];
  const ref = (type: string) => refs.find((r) => r.type === type);
  const retweeted = ref('retweeted');
  const quoted = ref('quoted');
  const repliedTo = ref('replied_to');

  let kind: ParsedMessage['kind'] = 'post';
  let reposted: User | undefined;
  let repostOf: string | undefined;
  if (retweeted) {
    kind = 'repost';
    reposted = refAuthor(retweeted, pool);
    repostOf = str(reposted, 'username') ?? retweetedHandle(text);
  } else if (quoted) {
    reposted = refAuthor(quoted, pool);
    repostOf = str(reposted, 'username') ?? handleFromUrlEntities(objects(entities, 'urls'), str(quoted, 'id'));
    if (repostOf) kind = 'quote';
  }
  if (repostOf) book.addOther(bare(reposted) ?? profile({ handle: repostOf }));

  // `in_reply_to_user_id` without a replied_to tweet is a tweet opening with
  // @someone: Twitter counts it a reply to that person, and so do we.
  const replyToId = str(repliedTo, 'id');
  const replyUser = userOf(obj(t, 'in_reply_to_user'), str(t, 'in_reply_to_user_id'), pool) ?? refAuthor(repliedTo, pool);
  const replyHandle = str(replyUser, 'username');
  const replyProfile = bare(replyUser);
  if (replyProfile) book.addOther(replyProfile);
  if (kind === 'post' && (replyToId || replyHandle)) kind = 'reply';

  // As in v1.1: a retweet's mentions are the original's, not the retweeter's.
  const mentions = kind === 'repost' ? [] : mentionKeys(mentionHandlesFrom(entities, 'mentions', text), author);
  if (kind !== 'repost') {
    for (const m of objects(entities, 'mentions') ?? []) {
      const p = bare(userOf(m, str(m, 'id'), pool));
      if (p && p.key !== author) book.addOther(p);
    }
  }
  // The retweet's text is cut short; the original's tags decide its chat.
  const hashtags = hashtagsFrom(entities, 'tag', text);
  const original = retweeted ? { ...pool.tweets.get(str(retweeted, 'id') ?? ''), ...retweeted } : undefined;
  if (original) hashtags.push(...hashtagsFrom(obj(original, 'entities'), 'tag', rawString(original, 'text') ?? ''));

  const message: ParsedMessage = { id, platform: 'twitter', time, author, text, mentions, hashtags: [...new Set(hashtags)], kind };
  if (replyToId) message.replyToId = replyToId;
  if (replyHandle) message.replyToAuthor = twitterKey(replyHandle);
  if (repostOf) message.repostOf = twitterKey(repostOf);
  return message;
}

function parse(text: string, { fileName }: ParseContext): ParseResult {
  const container = readJsonContainer(text, fileName);
  const skipped: Skipped[] = [];
  let values: unknown[];
  let items: Item[];
  if (container.kind === 'document') {
    values = [container.value];
    items = tweetsOf(container.value, (i) => ({ record: i + 1 }));
  } else {
    skipped.push(...container.skipped);
    values = container.records.map((r) => r.value);
    items = container.records.flatMap((r) => tweetsOf(r.value, () => ({ line: r.line })));
  }
  const pool = buildPool(
    values,
    items.filter((i) => !i.reason).map((i) => i.value),
  );
  const book = new ProfileBook();
  const messages: ParsedMessage[] = [];
  let timesFromIds = 0;
  for (const { where, value, reason } of items) {
    const result = reason ?? (isObject(value) ? readTweet(value, pool, book, () => timesFromIds++) : `not a tweet: ${describeJson(value)}`);
    if (typeof result === 'string') skipped.push(skip(where, result));
    else messages.push(result);
  }
  const warnings =
    timesFromIds > 0 ? [`${fileName}: ${timesFromIds} tweet(s) had no created_at; their time was read from the tweet id`] : [];
  if (messages.length === 0) {
    const found = container.kind === 'document' && Array.isArray(container.value) ? container.value : values;
    throw noMessagesError(fileName, 'Twitter v2 tweets', describeFound(found, skipped));
  }
  return { messages, people: book.list(), skipped, warnings };
}

export const twitterV2Parser: Parser = { format: 'twitter-v2', detect, parse };
