/**
 * Twitter API v1.1 statuses, in every container they come in: a JSON array,
 * a search response (`{statuses, search_metadata}`), JSON Lines (twarc 1, the
 * streaming API), and the personal archive's `tweets.js` / `tweet.js`
 * (`window.YTD.tweets.part0 = [{"tweet": {…}}]`, no `user` objects).
 */
import type { ParsedMessage, ParseContext, ParseResult, Parser } from './types.js';
import type { PersonProfile, Skipped } from '../../../shared/index.js';
import { describeJson, isObject, objValue, str, strValue, visitJsonContainer, type JsonLines } from './read-json.js';
import { extractMentionHandles, retweetedHandle } from './text.js';
import {
  ProfileBook,
  describeFound,
  handleFromStatusUrl,
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

type Status = Record<string, unknown>;
interface StatusRecord {
  where: Where;
  value: unknown;
  wrapped: boolean;
}
interface Owner {
  handle: string;
  platformId?: string;
}

const ARCHIVE_PREFIX = /^\s*window\.YTD\.([\w]+)\.part\d+\s*=/;
const V1_DATE_FIELD = /"created_at"\s*:\s*"\w{3} \w{3} \d{1,2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}"/;

function detect(head: string): number {
  const archive = ARCHIVE_PREFIX.exec(head);
  // Other archive files (like.js, account.js) are claimed too, so the error can say "upload tweets.js".
  if (archive) return /^(tweets?|deleted_tweets)$/.test(archive[1]!) ? 0.95 : 0.6;
  if (!/^\s*[[{]/.test(head)) return 0;
  // v2 (author_id, data + includes, edit history) and Mastodon (acct) are someone else's.
  if (/"(author_id|edit_history_tweet_ids|acct)"\s*:/.test(head)) return 0;
  if (/"includes"\s*:/.test(head) && /"data"\s*:/.test(head)) return 0;
  if (!/"id_str"\s*:/.test(head) || !V1_DATE_FIELD.test(head)) return 0;
  return /"user"\s*:\s*\{|"screen_name"\s*:|"statuses"\s*:\s*\[/.test(head) ? 0.95 : 0.7;
}

/** Archive items are `{"tweet": {…}}` (2020 on) or the bare tweet (2019). */
const unwrap = (v: unknown, where: Where): StatusRecord =>
  isObject(v) && isObject(v.tweet) && !('id_str' in v) ? { where, value: v.tweet, wrapped: true } : { where, value: v, wrapped: false };

/** Each status of a document or of a line (arrays, search responses and single statuses alike), to `take`. */
function eachStatus(value: unknown, line: Where | undefined, take: (r: StatusRecord) => void): void {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.statuses) ? value.statuses : undefined;
  // A document's statuses are records 1, 2, …; all statuses of one line share that line.
  if (!list) take(unwrap(value, line ?? { record: 1 }));
  else for (let i = 0; i < list.length; i++) take(unwrap(list[i], line ?? { record: i + 1 }));
}

/**
 * tweets.js does not name its author: the owner is in account.js, which this
 * one file does not give us. Two facts in the tweets name them: a reply to a
 * tweet that is itself in the file (a thread) has the owner in
 * `in_reply_to_screen_name`, and the owner's own media link
 * `…/<owner>/status/<that tweet's id>/photo/1`. Failing both, a placeholder
 * keyed on the oldest tweet id: not a possible Twitter handle, stable across
 * re-exports, and two people's archives never merge into one node.
 */
function archiveOwner(statuses: Status[]): { owner: Owner; warning: string } {
  const ids = new Set(statuses.map((s) => str(s, 'id_str')));
  for (const s of statuses) {
    const handle = str(s, 'in_reply_to_screen_name');
    const parent = str(s, 'in_reply_to_status_id_str');
    if (handle && parent && ids.has(parent)) {
      const owner = { handle, platformId: str(s, 'in_reply_to_user_id_str') };
      return { owner, warning: `the archive names no author; @${handle} is its owner, from a reply to their own tweet` };
    }
  }
  for (const s of statuses) {
    const media = [...(objects(obj(s, 'extended_entities'), 'media') ?? []), ...(objects(obj(s, 'entities'), 'media') ?? [])];
    const handle = media.map((m) => handleFromStatusUrl(str(m, 'expanded_url'), str(s, 'id_str'))).find(Boolean);
    if (handle)
      return { owner: { handle }, warning: `the archive names no author; @${handle} is its owner, from the links of their own media` };
  }
  const oldest = [...ids].filter((id): id is string => !!id && /^\d+$/.test(id)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  const handle = `archive-owner-${oldest ?? 'unknown'}`;
  return {
    owner: { handle },
    warning: `the archive names no author (that is in account.js) and none could be inferred: its tweets are attributed to "${handle}"`,
  };
}

// Fields are loaded by name (`s.user`, not `obj(s, 'user')`): statuses share a few shapes, so each load
// is quick, where a key in a variable sends every load down the slow generic path.

/** The text as shown: extended mode's `full_text`, streaming's `extended_tweet`, else `text`. */
function textOf(s: Status): string | undefined {
  if (typeof s.full_text === 'string') return s.full_text;
  const extended = objValue(s.extended_tweet);
  if (extended && typeof extended.full_text === 'string') return extended.full_text;
  return typeof s.text === 'string' ? s.text : undefined;
}

/** Entities covering the whole text: a truncated status keeps them in `extended_tweet`. */
const entitiesOf = (s: Status): Record<string, unknown> | undefined =>
  objValue(objValue(s.extended_tweet)?.entities) ?? objValue(s.entities);

/** Handle of a quoted status's author: its user, else the permalink or URL entity linking it. */
function quotedHandle(s: Status): string | undefined {
  const quotedId = strValue(s.quoted_status_id_str);
  return (
    strValue(objValue(objValue(s.quoted_status)?.user)?.screen_name) ??
    handleFromStatusUrl(strValue(objValue(s.quoted_status_permalink)?.expanded), quotedId) ??
    handleFromUrlEntities(objects(entitiesOf(s), 'urls'), quotedId)
  );
}

/** Fills the gaps of an author's profile from a status's user object (earlier values win; none is set undefined). */
function fillFromUser(p: PersonProfile, user: Record<string, unknown>): void {
  let v: string | undefined;
  if (p.name === undefined && (v = strValue(user.name)) !== undefined) p.name = v;
  if (p.bio === undefined && (v = strValue(user.description)) !== undefined) p.bio = v;
  if (p.location === undefined && (v = strValue(user.location)) !== undefined) p.location = v;
  if (p.url === undefined && (v = profileUrl(user)) !== undefined) p.url = v;
  if (p.platformId === undefined && (v = strValue(user.id_str)) !== undefined) p.platformId = v;
}

/** The person keys of a status's mentions (no repeats, not the author), each mentioned person into the book. */
function mentionsOf(entities: Record<string, unknown> | undefined, text: string, author: string, book: ProfileBook): string[] {
  if (!entities) return mentionKeys(extractMentionHandles(text), author);
  const keys: string[] = [];
  const list = entities.user_mentions;
  if (!Array.isArray(list)) return keys;
  for (const m of list) {
    const handle = isObject(m) ? strValue(m.screen_name) : undefined;
    if (handle === undefined) continue;
    const key = twitterKey(handle);
    if (key === author) continue;
    if (!keys.includes(key)) keys.push(key);
    book.addOther({ handle, name: strValue(m.name), platformId: strValue(m.id_str) });
  }
  return keys;
}

function readStatus(s: Status, owner: Owner | undefined, book: ProfileBook, fromId: () => void): ParsedMessage | string {
  // `id` is a lossy double in API output; the archive's string `id` is exact.
  const id = strValue(s.id_str) ?? (typeof s.id === 'string' ? s.id : undefined);
  if (!id) return 'no id_str: not a v1.1 status';
  const user = objValue(s.user);
  const handle = user ? strValue(user.screen_name) : owner?.handle;
  if (!handle) return user ? `status ${id}: user has no screen_name (trim_user output?)` : `status ${id}: no user`;
  const raw = textOf(s);
  if (raw === undefined) return `status ${id}: no text`;
  let time = twitterTime(s.created_at);
  if (!time && (time = snowflakeTime(id))) fromId();
  if (!time) return `status ${id}: no readable created_at`;

  const text = unescapeTweetText(raw);
  const author = twitterKey(handle);
  if (!user) book.addAuthor(profile({ handle, platformId: owner?.platformId }));
  else fillFromUser(book.author(handle, author), user);

  const entities = entitiesOf(s);
  const retweeted = objValue(s.retweeted_status);
  let kind: ParsedMessage['kind'] = 'post';
  let repostOf: string | undefined;
  let reposted: Record<string, unknown> | undefined;
  const quoted = s.is_quote_status === true || objValue(s.quoted_status) ? quotedHandle(s) : undefined;
  if (retweeted) {
    kind = 'repost';
    reposted = objValue(retweeted.user);
    repostOf = strValue(reposted?.screen_name) ?? retweetedHandle(text);
  } else if (quoted) {
    kind = 'quote';
    repostOf = quoted;
    reposted = objValue(objValue(s.quoted_status)?.user) ?? { screen_name: quoted };
  } else if ((repostOf = retweetedHandle(text))) {
    kind = 'repost'; // the old manual "RT @x:" retweet
  }
  if (repostOf) book.addOther({ handle: repostOf, name: strValue(reposted?.name), platformId: strValue(reposted?.id_str) });

  // Replies keep their target whatever the kind: some clients posted "RT @x:" as a reply.
  const replyToId = strValue(s.in_reply_to_status_id_str);
  const replyHandle = strValue(s.in_reply_to_screen_name);
  if (replyHandle) book.addOther({ handle: replyHandle, platformId: strValue(s.in_reply_to_user_id_str) });
  if (kind === 'post' && (replyToId || replyHandle)) kind = 'reply';

  // A retweet's mentions are the original author's words, and the retweeted
  // author is in repostOf: counting them as the retweeter's mentions would
  // turn every boost into a conversation.
  const mentions = kind === 'repost' ? [] : mentionsOf(entities, text, author, book);
  // A retweet's own text is cut at 140 characters; the original's tags decide its chat.
  // hashtagsFrom gives no repeats; only the retweet's two lists can share tags.
  let hashtags = hashtagsFrom(entities, 'text', text);
  if (retweeted) hashtags = [...new Set([...hashtags, ...hashtagsFrom(entitiesOf(retweeted), 'text', textOf(retweeted) ?? '')])];

  const message: ParsedMessage = { id, platform: 'twitter', time, author, text, mentions, hashtags, kind };
  if (replyToId) message.replyToId = replyToId;
  if (replyHandle) message.replyToAuthor = twitterKey(replyHandle);
  if (repostOf) message.repostOf = twitterKey(repostOf);
  return message;
}

function parse(text: string | JsonLines, { fileName }: ParseContext): ParseResult {
  const archiveFile = typeof text === 'string' ? ARCHIVE_PREFIX.exec(text)?.[1] : undefined;
  const book = new ProfileBook();
  const messages: ParsedMessage[] = [];
  const skipped: Skipped[] = [];
  let timesFromIds = 0;
  const fromId = () => {
    timesFromIds++;
  };
  const read = ({ where, value }: StatusRecord, owner: Owner | undefined) => {
    const result = isObject(value) ? readStatus(value, owner, book, fromId) : `not a status: ${describeJson(value)}`;
    if (typeof result === 'string') {
      const notice = isObject(value) ? ['delete', 'limit', 'scrub_geo', 'status_withheld', 'warning'].find((k) => k in value) : undefined;
      skipped.push(skip(where, notice ? `stream notice "${notice}", not a status` : result));
    } else messages.push(result);
  };

  // Statuses are read as their lines are, until one without a user object: it may need the archive's owner,
  // who is inferred from all of the file's statuses, so from there on they wait for the end.
  let waiting: StatusRecord[] | undefined = archiveFile ? [] : undefined;
  let wrapped = false;
  const take = (r: StatusRecord) => {
    wrapped ||= r.wrapped;
    if (!waiting && !(isObject(r.value) && isObject(r.value.user))) waiting = [];
    if (waiting) waiting.push(r);
    else read(r, undefined);
  };
  let records = 0;
  let first: unknown;
  const container = visitJsonContainer(text, fileName, (value, line) => {
    if (records++ === 0) first = value;
    eachStatus(value, { line }, take);
  });
  if (container.kind === 'document') eachStatus(container.value, undefined, take);

  const warnings: string[] = [];
  let owner: Owner | undefined;
  // Statuses read early all had a user object: the userless ones are all waiting.
  const userless =
    (archiveFile || wrapped) && waiting ? waiting.map((r) => r.value).filter((v): v is Status => isObject(v) && !('user' in v)) : [];
  if (userless.length > 0) {
    const inferred = archiveOwner(userless);
    owner = inferred.owner;
    warnings.push(`${fileName}: ${inferred.warning}`);
  }
  for (const r of waiting ?? []) read(r, owner);
  const allSkipped = container.kind === 'lines' ? [...container.skipped, ...skipped] : skipped;
  if (timesFromIds > 0) warnings.push(`${fileName}: ${timesFromIds} status(es) had no created_at; their time was read from the tweet id`);
  if (messages.length === 0) {
    const what =
      archiveFile && !/^(tweets?|deleted_tweets)$/.test(archiveFile)
        ? `tweets (this is the archive's "${archiveFile}" file: upload tweets.js)`
        : 'Twitter v1.1 statuses';
    const found =
      container.kind === 'document'
        ? Array.isArray(container.value)
          ? container.value
          : [container.value]
        : { length: records, 0: first };
    throw noMessagesError(fileName, what, describeFound(found, allSkipped));
  }
  return { messages, people: book.list(), skipped: allSkipped, warnings };
}

export const twitterV1Parser: Parser = { format: 'twitter-v1', detect, parse, parseLines: parse };
