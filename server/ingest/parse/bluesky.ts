/**
 * Bluesky (AT Protocol) posts as the XRPC API and repo tools give them:
 * searchPosts / getPosts pages (`{posts}`), getPostThread (`{thread}`, walked
 * up through `parent` and down through `replies`), getAuthorFeed / timelines
 * (`{feed}`; a `#reasonRepost` item is a repost by `reason.by`), and bare
 * `app.bsky.feed.post` / `.repost` records (listRecords `{records}`,
 * `{uri, value}`, Jetstream commits), alone, in arrays or as JSON Lines.
 *
 * People are `bluesky:<handle>`, the DID kept as platformId. Someone whose
 * handle the file never shows (a repo export names only DIDs) is keyed by the
 * DID itself, `bluesky:did:plc:…`: DIDs never change, handles do. A mention
 * is the DID's handle as the file shows it, else the `@handle` its facet
 * covers, else the DID; a reply's or quote's target is named only when the
 * file shows that DID, and left unresolved otherwise.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, readJsonContainer, str } from './read-json.js';
import { extractHashtags, toIsoTime } from './text.js';
import type { ParsedMessage, ParseContext, ParseResult, Parser } from './types.js';
import { obj } from './json-fields.js';

type Json = Record<string, unknown>;
type Where = Pick<Skipped, 'line' | 'record'>;
type Entry =
  | { type: 'view'; post: Json; at: Where; reason?: Json }
  | { type: 'record'; uri: string; value: Json; at: Where }
  | { type: 'skip'; reason: string; at: Where };

const POST = 'app.bsky.feed.post';
const REPOST = 'app.bsky.feed.repost';
const isPostView = (v: unknown): boolean => isObject(v) && typeof v.uri === 'string' && isObject(v.author) && isObject(v.record);
/** `at://did:plc:x/app.bsky.feed.post/3k…` → its authority (a DID, or a handle) and collection. */
const uriParts = (uri: string | undefined) => /^at:\/\/([^/]+)\/([^/]+)/.exec(uri ?? '')?.slice(1) ?? [];
/** Handles a client could not verify come as `handle.invalid`: no handle at all. */
const validHandle = (h: string | undefined) => (h && h !== 'handle.invalid' && !h.startsWith('did:') ? h.replace(/^@/, '') : undefined);

/** Every post, repost and record in a value, in file order; pages, threads and arrays are opened. */
function collect(v: unknown, at: Where, out: Entry[], top = false): void {
  const list = Array.isArray(v) ? v : isObject(v) ? [v.posts, v.feed, v.records, v.thread].find(Array.isArray) : undefined;
  if (list) return list.forEach((x, i) => collect(x, top ? { record: i + 1 } : at, out));
  if (!isObject(v)) return void out.push({ type: 'skip', reason: 'not a JSON object', at });
  if (isObject(v.thread)) return walkThread(v.thread, at, out);
  if (isPostView(v)) return void out.push({ type: 'view', post: v, at });
  if (isPostView(v.post)) {
    // A thread node (parent/replies) or a feed item; a feed item's `reply` context is only read for names.
    if ('parent' in v || Array.isArray(v.replies)) return walkThread(v, at, out);
    const reason = obj(v, 'reason');
    const repost = reason && (str(reason, '$type')?.endsWith('#reasonRepost') || isObject(reason.by));
    return void out.push({ type: 'view', post: v.post as Json, at, ...(repost ? { reason } : {}) });
  }
  if (isPostView(obj(v, 'value')?.post)) return void out.push({ type: 'view', post: obj(v, 'value')!.post as Json, at }); // getPostThreadV2 item
  if (str(obj(v, 'value'), '$type')?.includes('#threadItem')) return; // a missing or blocked post in a V2 thread, as in V1
  const commit = obj(v, 'commit'); // Jetstream: {did, kind: 'commit', commit: {operation, collection, rkey, record}}
  if (commit && str(v, 'did')) {
    const record = obj(commit, 'record');
    if (str(commit, 'operation') !== 'create' || !record)
      return void out.push({ type: 'skip', reason: `Jetstream ${str(commit, 'operation') ?? ''} event, not a new record`, at });
    return void out.push({
      type: 'record',
      uri: `at://${str(v, 'did')}/${str(commit, 'collection')}/${str(commit, 'rkey')}`,
      value: record,
      at,
    });
  }
  if (str(v, 'kind') === 'identity' || str(v, 'kind') === 'account') return; // Jetstream identity events only name people
  const value = obj(v, 'value') ?? (str(v, '$type') ? v : undefined);
  const type = str(value, '$type');
  if (!value || (type !== POST && type !== REPOST)) {
    return void out.push({
      type: 'skip',
      reason: type ? `${type} record, not a post` : 'not a Bluesky post, feed item, thread or record',
      at,
    });
  }
  const uri = str(v, 'uri');
  if (!uri?.startsWith('at://'))
    return void out.push({ type: 'skip', reason: `${type} record without its at:// uri: its author is unknown`, at });
  out.push({ type: 'record', uri, value, at });
}

/** A thread's posts: the parent chain up, then the replies down, depth first. Missing or blocked posts are left out. */
function walkThread(node: Json, at: Where, out: Entry[]): void {
  const ancestors: Json[] = [];
  for (let p = obj(node, 'parent'); p && isPostView(p.post); p = obj(p, 'parent')) ancestors.unshift(p.post as Json);
  for (const post of ancestors) out.push({ type: 'view', post, at });
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!isObject(n) || !isPostView(n.post)) continue;
    out.push({ type: 'view', post: n.post as Json, at });
    if (Array.isArray(n.replies)) stack.push(...[...n.replies].reverse());
  }
}

/** Names of everyone the file shows, by DID: authors, reposters, reply contexts, quoted authors, identity events. */
class People {
  readonly byDid = new Map<string, PersonProfile>();
  readonly extra = new Map<string, PersonProfile>();

  learn(v: unknown): void {
    if (Array.isArray(v)) return v.forEach((x) => this.learn(x));
    if (!isObject(v)) return;
    const did = str(v, 'did');
    const handle = validHandle(str(v, 'handle'));
    if (did?.startsWith('did:') && handle && !this.byDid.has(did)) {
      const p: PersonProfile = {
        key: personKey('bluesky', handle),
        platform: 'bluesky',
        handle,
        platformId: did,
        url: `https://bsky.app/profile/${handle}`,
      };
      const name = str(v, 'displayName')?.trim();
      const bio = str(v, 'description')?.trim();
      if (name) p.name = name;
      if (bio) p.bio = bio;
      this.byDid.set(did, p);
    }
    for (const x of Object.values(v)) if (typeof x === 'object') this.learn(x);
  }

  /** The person key of a DID (or of a handle in a URI's place), if the file names them. */
  known(authority: string | undefined): string | undefined {
    if (!authority) return undefined;
    if (!authority.startsWith('did:')) return validHandle(authority) && personKey('bluesky', authority);
    return this.byDid.get(authority)?.key;
  }

  /** The key of someone who must have one (an author, a mention): their handle, else the DID itself. */
  key(did: string, handle?: string): string {
    const known = this.known(did);
    if (known) return known;
    const h = validHandle(handle) ?? did;
    const key = personKey('bluesky', h);
    if (!this.extra.has(key))
      this.extra.set(key, { key, platform: 'bluesky', handle: h, ...(did.startsWith('did:') ? { platformId: did } : {}) });
    return key;
  }
}

/** `@ann.bsky.social` typed without a facet (some clients and bots make none); the last label starts with a letter. */
const HANDLE_IN_TEXT = /(?:^|[^\w@.])@([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*)/gi;

/** Mentions (facets, then `@handle.domain` written without one) and hashtags (tag facets and text). */
function richText(text: string, record: Json, people: People): { mentions: string[]; hashtags: string[] } {
  const bytes = new TextEncoder().encode(text);
  const mentions: string[] = [];
  const hashtags: string[] = [];
  const covered = new Set<string>();
  for (const facet of Array.isArray(record.facets) ? record.facets.filter(isObject) : []) {
    const index = obj(facet, 'index');
    const [start, end] = [index?.byteStart, index?.byteEnd];
    // byteStart/byteEnd count UTF-8 bytes, not UTF-16 units: an emoji or "é" before the facet shifts them.
    const span =
      typeof start === 'number' && typeof end === 'number' && start >= 0 && start < end && end <= bytes.length
        ? new TextDecoder().decode(bytes.subarray(start, end))
        : '';
    for (const feature of Array.isArray(facet.features) ? facet.features.filter(isObject) : []) {
      const did = str(feature, 'did');
      const tag = str(feature, 'tag');
      if (did) {
        const written = /^@([a-z0-9.-]+\.[a-z0-9-]+)$/i.exec(span.trim())?.[1];
        mentions.push(people.key(did, written));
        if (written) covered.add(written.toLowerCase());
      } else if (tag) hashtags.push(`#${tag.replace(/^#/, '').toLowerCase()}`);
    }
  }
  for (const m of text.matchAll(HANDLE_IN_TEXT)) {
    if (!covered.has(m[1]!.toLowerCase())) mentions.push(personKey('bluesky', m[1]!));
  }
  return { mentions: [...new Set(mentions)], hashtags: [...new Set([...hashtags, ...extractHashtags(text)])] };
}

/** The post a record quotes (`embed.record`, or `embed.record.record` with media), when it is a post. */
function quotedUri(record: Json): string | undefined {
  const embed = obj(record, 'embed');
  const ref = obj(embed, 'record');
  const uri = str(obj(ref, 'record'), 'uri') ?? str(ref, 'uri');
  return uriParts(uri)[1] === POST ? uri : undefined;
}

interface Post {
  uri: string;
  did: string;
  handle?: string;
  record: Json;
  indexedAt?: string;
}

function readPost(p: Post, people: People, authorOf: Map<string, string>): ParsedMessage | string {
  const time = toIsoTime(str(p.record, 'createdAt')) ?? toIsoTime(p.indexedAt);
  if (!time) return `post ${p.uri}: no readable createdAt`;
  if (!p.did.startsWith('did:') && !p.handle) return `post ${p.uri}: no author`;
  const author = people.key(p.did, p.handle);
  const text = typeof p.record.text === 'string' ? p.record.text : '';
  const { mentions, hashtags } = richText(text, p.record, people);
  const replyToId = str(obj(obj(p.record, 'reply'), 'parent'), 'uri');
  // The parent's author: the parent itself when in the file, else the DID its URI names, if the file knows it.
  const replyToAuthor = replyToId ? (authorOf.get(replyToId) ?? people.known(uriParts(replyToId)[0])) : undefined;
  const quoted = quotedUri(p.record);
  const repostOf = quoted ? (authorOf.get(quoted) ?? people.known(uriParts(quoted)[0])) : undefined;
  return {
    id: p.uri,
    platform: 'bluesky',
    time,
    author,
    text,
    mentions,
    hashtags,
    kind: quoted ? 'quote' : replyToId ? 'reply' : 'post',
    ...(replyToId ? { replyToId } : {}),
    ...(replyToAuthor ? { replyToAuthor } : {}),
    ...(repostOf ? { repostOf } : {}),
  };
}

/** A repost by `by` of the post at `subject`: its text and tags are the original's, so the chat is too. */
function readRepost(
  id: string,
  by: string,
  subject: string,
  timeValue: unknown,
  people: People,
  posts: Map<string, ParsedMessage>,
): ParsedMessage | string {
  const time = toIsoTime(timeValue);
  if (!time) return `repost ${id}: no readable time`;
  const original = posts.get(subject);
  const repostOf = original?.author ?? people.known(uriParts(subject)[0]);
  const text = original?.text ?? '';
  return {
    id,
    platform: 'bluesky',
    time,
    author: by,
    text,
    mentions: [],
    hashtags: original?.hashtags ?? extractHashtags(text),
    kind: 'repost',
    ...(repostOf ? { repostOf } : {}),
  };
}

function detect(head: string): number {
  if (!/^\s*[[{]/.test(head)) return 0;
  if (/"\$type"\s*:\s*"app\.bsky\.feed\.(post|repost|defs#)/.test(head) || /"collection"\s*:\s*"app\.bsky\.feed\./.test(head)) return 0.95;
  return /"uri"\s*:\s*"at:\/\/did:/.test(head) ? 0.8 : 0;
}

interface Repost {
  id: string;
  by: string;
  subject: string;
  time: unknown;
  at: Where;
}

function parse(text: string, { fileName }: ParseContext): ParseResult {
  const container = readJsonContainer(text, fileName);
  const entries: Entry[] = [];
  if (container.kind === 'document') collect(container.value, {}, entries, true);
  else for (const r of container.records) collect(r.value, { line: r.line }, entries);
  const skipped: Skipped[] = container.kind === 'lines' ? [...container.skipped] : [];
  const people = new People();
  people.learn(container.kind === 'document' ? container.value : container.records.map((r) => r.value));

  // A post seen twice (overlapping pages, a thread and a feed) is read once. A reposted post is read only so
  // the repost can carry its text and tags: like a retweet's original, it is not a message of its own.
  const posts = new Map<string, Post & { at: Where; shown: boolean }>();
  const addPost = (p: Post, at: Where, shown: boolean) => {
    const prev = posts.get(p.uri);
    if (prev) prev.shown ||= shown;
    else posts.set(p.uri, { ...p, at, shown });
  };
  const reposts = new Map<string, Repost>();
  const addRepost = (r: Repost) => void (reposts.has(r.id) || reposts.set(r.id, r));
  for (const e of entries) {
    if (e.type === 'skip') skipped.push({ ...e.at, reason: e.reason });
    else if (e.type === 'view') {
      const author = e.post.author as Json;
      const uri = e.post.uri as string;
      const handle = validHandle(str(author, 'handle'));
      const indexedAt = str(e.post, 'indexedAt');
      addPost(
        {
          uri,
          did: str(author, 'did') ?? uriParts(uri)[0] ?? '',
          record: e.post.record as Json,
          ...(handle ? { handle } : {}),
          ...(indexedAt ? { indexedAt } : {}),
        },
        e.at,
        !e.reason,
      );
      if (e.reason) {
        const by = obj(e.reason, 'by') ?? {};
        const did = str(by, 'did') ?? '';
        // Newer AppViews give the repost record's uri; older ones only who and when.
        const id = str(e.reason, 'uri') ?? `repost:${did}:${uri}`;
        if (!did.startsWith('did:') && !validHandle(str(by, 'handle'))) skipped.push({ ...e.at, reason: `repost of ${uri}: no reposter` });
        else addRepost({ id, by: people.key(did, str(by, 'handle')), subject: uri, time: str(e.reason, 'indexedAt'), at: e.at });
      }
    } else if (str(e.value, '$type') === POST) addPost({ uri: e.uri, did: uriParts(e.uri)[0] ?? '', record: e.value }, e.at, true);
    else {
      const subject = str(obj(e.value, 'subject'), 'uri');
      if (!subject) skipped.push({ ...e.at, reason: `repost ${e.uri}: no subject` });
      else addRepost({ id: e.uri, by: people.key(uriParts(e.uri)[0] ?? ''), subject, time: str(e.value, 'createdAt'), at: e.at });
    }
  }

  const authorOf = new Map([...posts.values()].map((p) => [p.uri, people.key(p.did, p.handle)]));
  const byUri = new Map<string, ParsedMessage>(); // every post read, shown or not: what reposts spread
  const messages: ParsedMessage[] = [];
  for (const p of posts.values()) {
    const read = readPost(p, people, authorOf);
    if (typeof read !== 'string') byUri.set(p.uri, read);
    if (!p.shown) continue;
    if (typeof read === 'string') skipped.push({ ...p.at, reason: read });
    else messages.push(read);
  }
  for (const r of reposts.values()) {
    const read = readRepost(r.id, r.by, r.subject, r.time, people, byUri);
    if (typeof read === 'string') skipped.push({ ...r.at, reason: read });
    else messages.push(read);
  }
  if (messages.length === 0) {
    const first = skipped[0];
    throw new TranscriptError('no_messages', `${fileName}: no readable Bluesky posts${first ? `; first problem: ${first.reason}` : ''}`, {
      file: fileName,
      ...first,
    });
  }
  const didOnly = new Set(messages.map((m) => m.author).filter((k) => k.startsWith('bluesky:did:')));
  const warnings =
    didOnly.size > 0 ? [`${didOnly.size} author(s) known only by DID (the file never shows their handle): keyed bluesky:did:…`] : [];
  return { messages, people: [...people.byDid.values(), ...people.extra.values()], skipped, warnings };
}

export const blueskyParser: Parser = { format: 'bluesky', detect, parse };
