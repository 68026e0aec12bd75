/**
 * Bluesky through the AppView's XRPC (docs.bsky.app): `app.bsky.feed.searchPosts`
 * for the hashtag (or a term), newest first, paged by `cursor` and bounded by
 * `since`; `app.bsky.feed.getPostThread` for a thread; and
 * `app.bsky.actor.getProfiles` for the authors' bios and self-labels
 * (searchPosts gives only basic profiles). When the service asks for an
 * account (401/403), an app password opens a session
 * (`com.atproto.server.createSession`) and its token is sent as a Bearer
 * header, kept in memory for the run only.
 */
import { personKey } from '../../../shared/index.js';
import { isObject } from '../../ingest/parse/read-json.js';
import { blueskyOptOut } from '../ethics.js';
import { ApiError, parseJson } from '../net/polite-client.js';
import { followsHashtag } from '../collection-chat.js';
import type { Json, Source, SourceContext } from './types.js';

const PAGE = 25;
const PROFILES_PER_CALL = 25;

/** Session tokens per run (its client) and service: in memory only, never stored. */
const sessions = new WeakMap<object, Map<string, string>>();
const sessionOf = (c: SourceContext) => sessions.get(c.client)?.get(c.instance);

async function openSession(context: SourceContext): Promise<string> {
  const { identifier, appPassword } = context.credentials ?? {};
  if (!identifier || !appPassword) {
    throw new ApiError(401, `${new URL(context.instance).host} asks for an account: add a handle and an app password to the collection`);
  }
  const response = await context.client.request({
    url: `${context.instance}/xrpc/com.atproto.server.createSession`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password: appPassword }),
    ...(context.signal ? { signal: context.signal } : {}),
  });
  if (response.status === 401) throw new ApiError(401, `${new URL(context.instance).host}: the handle or app password was refused`);
  const body = parseJson(response);
  const jwt = isObject(body) && typeof body.accessJwt === 'string' ? body.accessJwt : undefined;
  if (!jwt) throw new ApiError(502, `${new URL(context.instance).host}: createSession gave no access token`);
  sessions.set(context.client, (sessions.get(context.client) ?? new Map()).set(context.instance, jwt));
  return jwt;
}

/** GET an XRPC method; on 401/403 opens a session (once) and asks again. */
async function xrpc(context: SourceContext, method: string, params: URLSearchParams): Promise<Json> {
  const url = `${context.instance}/xrpc/${method}?${params}`;
  const headers = () => {
    const jwt = sessionOf(context);
    return jwt ? { authorization: `Bearer ${jwt}` } : ({} as Record<string, string>);
  };
  let response = await context.client.request({ url, headers: headers(), ...(context.signal ? { signal: context.signal } : {}) });
  if ((response.status === 401 || response.status === 403) && !sessionOf(context)) {
    await openSession(context);
    response = await context.client.request({ url, headers: headers(), ...(context.signal ? { signal: context.signal } : {}) });
  }
  const body = parseJson(response);
  return isObject(body) ? body : {};
}

const postViews = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((p): p is Json => isObject(p) && isObject(p.author) && isObject(p.record)) : [];

/** A thread's post views: the parents up, the node, the replies down (as the reader walks it). */
function flattenThread(node: unknown, out: Json[] = []): Json[] {
  if (!isObject(node) || !isObject(node.post)) return out;
  const parents: Json[] = [];
  for (let p = node.parent; isObject(p) && isObject(p.post); p = p.parent) parents.unshift(p.post);
  out.push(...parents, node.post);
  const down = (n: unknown) => {
    if (!isObject(n) || !isObject(n.post)) return;
    out.push(n.post);
    if (Array.isArray(n.replies)) n.replies.forEach(down);
  };
  if (Array.isArray(node.replies)) node.replies.forEach(down);
  return out;
}

/** Each author's bio and labels from getProfiles, written into the post's author (where the reader finds bios). */
async function withProfiles(context: SourceContext, posts: Json[]): Promise<Json[]> {
  const dids = [...new Set(posts.map((p) => String((p.author as Json).did)))];
  const profiles = new Map<string, Json>();
  for (let i = 0; i < dids.length; i += PROFILES_PER_CALL) {
    const params = new URLSearchParams();
    for (const did of dids.slice(i, i + PROFILES_PER_CALL)) params.append('actors', did);
    const body = await xrpc(context, 'app.bsky.actor.getProfiles', params);
    for (const p of Array.isArray(body.profiles) ? body.profiles : []) if (isObject(p)) profiles.set(String(p.did), p);
  }
  return posts.map((post) => {
    const author = post.author as Json;
    const profile = profiles.get(String(author.did));
    if (!profile) return post;
    const labels = [...(Array.isArray(author.labels) ? author.labels : []), ...(Array.isArray(profile.labels) ? profile.labels : [])];
    const description = typeof profile.description === 'string' ? { description: profile.description } : {};
    return { ...post, author: { ...author, ...description, labels } };
  });
}

const createdAt = (p: Json): string | undefined => {
  const t = (p.record as Json).createdAt ?? p.indexedAt;
  const ms = typeof t === 'string' ? Date.parse(t) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
};

export const blueskySource: Source = {
  async step(context, cursor) {
    if (cursor.stage === 'timeline') {
      const params = new URLSearchParams({
        q: followsHashtag(context.tag) ? `#${context.tag}` : context.tag,
        limit: String(PAGE),
        sort: 'latest',
      });
      const since = [context.since, context.sinceMark]
        .filter((s): s is string => s !== undefined)
        .sort()
        .at(-1);
      if (since) params.set('since', since);
      if (context.until) params.set('until', context.until);
      if (cursor.next) params.set('cursor', cursor.next);
      const body = await xrpc(context, 'app.bsky.feed.searchPosts', params);
      const posts = postViews(body.posts);
      const next = typeof body.cursor === 'string' && body.cursor !== '' ? body.cursor : undefined;
      const newest = posts.map(createdAt).reduce<string | undefined>((n, t) => blueskySource.newer(n, t), cursor.newest);
      const done = posts.length === 0 || next === undefined;
      return { items: await withProfiles(context, posts), cursor: { ...cursor, next, newest, stage: done ? 'threads' : 'timeline' } };
    }
    if (cursor.stage === 'threads' && cursor.threads.length > 0) {
      const [uri, ...rest] = cursor.threads;
      let posts: Json[] = [];
      try {
        const body = await xrpc(
          context,
          'app.bsky.feed.getPostThread',
          new URLSearchParams({ uri: uri!, depth: '20', parentHeight: '20' }),
        );
        posts = flattenThread(body.thread);
      } catch (error) {
        // A deleted post's thread is NotFound (400): nothing to add.
        if (!(error instanceof ApiError && (error.status === 400 || error.status === 404))) throw error;
      }
      const covered = new Set(posts.map((p) => String(p.uri)));
      const threads = rest.filter((t) => !covered.has(t));
      return { items: await withProfiles(context, posts), cursor: { ...cursor, threads, stage: threads.length > 0 ? 'threads' : 'done' } };
    }
    return { items: [], cursor: { ...cursor, stage: 'done' } };
  },

  describe(item) {
    const author = isObject(item.author) ? item.author : {};
    const handle = typeof author.handle === 'string' && author.handle !== 'handle.invalid' ? author.handle : String(author.did ?? '');
    return {
      uri: String(item.uri),
      time: createdAt(item),
      author: handle ? personKey('bluesky', handle) : undefined,
      // Every Bluesky post is public; who asked not to be shown to the logged-out is an opt-out.
      public: true,
      optOut: blueskyOptOut(author),
    };
  },

  threadsOf(items) {
    const uris = new Set(items.map((p) => String(p.uri)));
    const out = new Set<string>();
    for (const p of items) {
      const root = ((p.record as Json).reply as Json | undefined)?.root as Json | undefined;
      if (root && typeof root.uri === 'string') {
        if (!uris.has(root.uri)) out.add(root.uri);
      } else if (Number(p.replyCount ?? 0) > 0) out.add(String(p.uri));
    }
    return [...out];
  },

  line: (items) => ({ posts: items }),
  itemsOf: (line) => (line as { posts: Json[] }).posts,
  newer: (a, b) => (a === undefined ? b : b === undefined ? a : a > b ? a : b),
};
