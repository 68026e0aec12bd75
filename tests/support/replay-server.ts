/**
 * A Mastodon instance and a Bluesky AppView on a loopback port, replaying
 * recorded real API responses (tests/fixtures/real/mastodon/tag_timeline.json:
 * 20 statuses of #mastodon; tests/fixtures/real/bluesky/…searchPosts…json:
 * 23 posts, one account with the `!no-unauthenticated` label), served the way
 * the APIs serve them: the tag timeline newest first in pages with a `Link`
 * header (`max_id`, `since_id`), a thread's context, accounts; searchPosts
 * with a `cursor` and `since`, getPostThread, getProfiles, createSession.
 *
 * Changed from the recordings, to give each rule something to act on: the
 * account Auditoryprolif@mastodon.art has `#nobot` in its bio (2 statuses),
 * status 704669 is `unlisted`, status 712113 is left off the timeline and
 * served only as the ancestor in the context of 712356 (a thread post
 * without the tag), and getProfiles gives kagrox.bsky.social the bio "#noindex".
 * Faults are injected per path: 429s with Retry-After or RateLimit-Reset,
 * 5xx, slow answers, redirects, and held requests (answered when released).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const REAL = path.resolve(import.meta.dirname, '..', 'fixtures', 'real');
type Json = Record<string, any>;

export type Fault = { status: number; headers?: Record<string, string>; body?: string } | { delayMs: number } | { redirect: string };

export interface ReplayRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

export const MASTODON_TAG = 'mastodon';
export const NOBOT_ACCOUNT = 'Auditoryprolif@mastodon.art';
export const UNLISTED_STATUS = '704669';
export const CONTEXT_ONLY_STATUS = '712113';
export const THREAD_WITH_CONTEXT = '712356';
export const NOINDEX_BLUESKY = 'kagrox.bsky.social';
export const UNAUTHENTICATED_LABELLED = 'jonnypants.bsky.social';

export function mastodonStatuses(): Json[] {
  const statuses = JSON.parse(fs.readFileSync(path.join(REAL, 'mastodon', 'tag_timeline.json'), 'utf8')) as Json[];
  return statuses.map((s) => {
    const copy = structuredClone(s);
    if (`${copy.account.acct}` === NOBOT_ACCOUNT) copy.account.note = `${copy.account.note ?? ''}<p>#nobot</p>`;
    if (copy.id === UNLISTED_STATUS) copy.visibility = 'unlisted';
    return copy;
  });
}

export function blueskyPosts(): Json[] {
  const file = path.join(REAL, 'bluesky', 'app.bsky.feed.searchPosts-5d343d.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { posts: Json[] }).posts;
}

const byIdDesc = (a: Json, b: Json) => (a.id.length !== b.id.length ? b.id.length - a.id.length : a.id < b.id ? 1 : -1);
const idAbove = (id: string, mark: string) => (id.length !== mark.length ? id.length > mark.length : id > mark);

export class ReplayServer {
  readonly requests: ReplayRequest[] = [];
  private readonly faults: { prefix: string; fault: Fault }[] = [];
  private readonly holds = new Map<string, { waiting: (() => void)[] }>();
  private server!: http.Server;
  baseUrl = '';
  /** Statuses of the tag timeline, newest first; the `hiddenNewest` newest are not published yet. */
  readonly statuses = mastodonStatuses().sort(byIdDesc);
  hiddenNewest = 0;
  mastodonPageSize = 5;
  /** Accounts (by acct) whose statuses come without a bio, as some servers send them: only /api/v1/accounts/:id has it. */
  readonly withoutBio = new Set<string>();
  /** When set, Mastodon answers 401 without this Bearer token. */
  mastodonToken: string | undefined;
  readonly posts = blueskyPosts();
  blueskyPageSize = 10;
  /** When set, Bluesky answers 401 AuthMissing without a session made with these. */
  blueskyAccount: { identifier: string; password: string } | undefined;
  private readonly jwt = 'replay-session-jwt';

  static async start(): Promise<ReplayServer> {
    const replay = new ReplayServer();
    replay.server = http.createServer((req, res) => void replay.handle(req, res));
    await new Promise<void>((resolve) => replay.server.listen(0, '127.0.0.1', resolve));
    replay.baseUrl = `http://127.0.0.1:${(replay.server.address() as AddressInfo).port}`;
    return replay;
  }

  /** The next requests whose path and query start with `prefix` get these answers, one each, in order. */
  inject(prefix: string, ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ prefix, fault });
  }

  /** Requests whose path and query start with `prefix` wait until released (a server that stops answering). */
  hold(prefix: string): () => void {
    const hold = { waiting: [] as (() => void)[] };
    this.holds.set(prefix, hold);
    return () => {
      this.holds.delete(prefix);
      for (const go of hold.waiting) go();
    };
  }

  requestsTo(prefix: string): ReplayRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  async close(): Promise<void> {
    for (const release of [...this.holds.keys()].map((k) => this.holds.get(k)!)) release.waiting.forEach((go) => go());
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => resolve(text));
    });
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
    for (const [prefix, hold] of this.holds) {
      if ((url.pathname + url.search).startsWith(prefix)) await new Promise<void>((go) => hold.waiting.push(go));
    }
    const at = this.faults.findIndex((f) => (url.pathname + url.search).startsWith(f.prefix));
    if (at !== -1) {
      const { fault } = this.faults.splice(at, 1)[0]!;
      if ('delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
      else if ('redirect' in fault) return void res.writeHead(302, { location: fault.redirect }).end();
      else
        return void res
          .writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
          .end(fault.body ?? '{"error":"fault"}');
    }
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(json));
    if (url.pathname.startsWith('/api/v1/')) return this.mastodon(url, req, send);
    if (url.pathname.startsWith('/xrpc/')) return this.bluesky(url, req, body, send);
    send(404, { error: 'Record not found' });
  }

  private mastodon(url: URL, req: http.IncomingMessage, send: (s: number, j: unknown, h?: Record<string, string>) => void): void {
    if (this.mastodonToken && req.headers.authorization !== `Bearer ${this.mastodonToken}`)
      return send(401, { error: 'The access token is invalid' });
    const timeline = this.statuses.filter((s) => s.id !== CONTEXT_ONLY_STATUS).slice(this.hiddenNewest);
    const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (tag) {
      if (decodeURIComponent(tag[1]!) !== MASTODON_TAG) return send(200, []);
      const q = url.searchParams;
      const limit = Math.min(Number(q.get('limit') ?? 20), this.mastodonPageSize);
      const maxId = q.get('max_id');
      const sinceId = q.get('since_id');
      const older = timeline.filter((s) => (!maxId || idAbove(maxId, s.id)) && (!sinceId || idAbove(s.id, sinceId)));
      const page = older.slice(0, limit);
      const links: string[] = [];
      if (page.length > 0 && older.length > page.length)
        links.push(`<${this.baseUrl}/api/v1/timelines/tag/${MASTODON_TAG}?max_id=${page.at(-1)!.id}>; rel="next"`);
      if (page.length > 0) links.push(`<${this.baseUrl}/api/v1/timelines/tag/${MASTODON_TAG}?min_id=${page[0]!.id}>; rel="prev"`);
      const served = page.map((st) => {
        if (!this.withoutBio.has(String(st.account.acct))) return st;
        const { note: _bio, ...account } = st.account;
        return { ...st, account };
      });
      return send(200, served, links.length ? { link: links.join(', ') } : {});
    }
    const context = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(url.pathname);
    if (context) {
      if (!this.statuses.some((s) => s.id === context[1])) return send(404, { error: 'Record not found' });
      const ancestors = context[1] === THREAD_WITH_CONTEXT ? this.statuses.filter((s) => s.id === CONTEXT_ONLY_STATUS) : [];
      const descendants = timeline.filter((s) => s.in_reply_to_id === context[1]);
      return send(200, { ancestors, descendants });
    }
    const account = /^\/api\/v1\/accounts\/([^/]+)$/.exec(url.pathname);
    if (account) {
      const found = this.statuses.find((s) => s.account.id === account[1])?.account;
      return found ? send(200, found) : send(404, { error: 'Record not found' });
    }
    send(404, { error: 'Record not found' });
  }

  private bluesky(url: URL, req: http.IncomingMessage, body: string, send: (s: number, j: unknown) => void): void {
    const method = url.pathname.slice('/xrpc/'.length);
    if (method === 'com.atproto.server.createSession') {
      const given = JSON.parse(body || '{}') as { identifier?: string; password?: string };
      if (!this.blueskyAccount || given.identifier !== this.blueskyAccount.identifier || given.password !== this.blueskyAccount.password)
        return send(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      return send(200, { accessJwt: this.jwt, refreshJwt: 'replay-refresh', handle: given.identifier, did: 'did:plc:replay' });
    }
    if (this.blueskyAccount && req.headers.authorization !== `Bearer ${this.jwt}`)
      return send(401, { error: 'AuthMissing', message: 'Authentication Required' });
    const q = url.searchParams;
    if (method === 'app.bsky.feed.searchPosts') {
      const since = q.get('since');
      const matching = this.posts.filter((p) => !since || new Date(p.record.createdAt).toISOString() >= new Date(since).toISOString());
      const offset = Number(q.get('cursor') ?? 0);
      const limit = Math.min(Number(q.get('limit') ?? 25), this.blueskyPageSize);
      const page = matching.slice(offset, offset + limit);
      const more = offset + limit < matching.length;
      return send(200, { posts: page, hitsTotal: matching.length, ...(more ? { cursor: String(offset + limit) } : {}) });
    }
    if (method === 'app.bsky.feed.getPostThread') {
      const uri = q.get('uri');
      const post = this.posts.find((p) => p.uri === uri);
      if (!post) return send(400, { error: 'NotFound', message: `Post not found: ${uri}` });
      const node = (p: Json): Json => ({
        $type: 'app.bsky.feed.defs#threadViewPost',
        post: p,
        replies: this.posts.filter((r) => r.record.reply?.parent?.uri === p.uri).map(node),
      });
      return send(200, { thread: node(post) });
    }
    if (method === 'app.bsky.actor.getProfiles') {
      const actors = new Set(q.getAll('actors'));
      const profiles = [...new Map(this.posts.map((p) => [p.author.did, p.author])).values()]
        .filter((a) => actors.has(a.did))
        .map((a) => ({ ...a, ...(a.handle === NOINDEX_BLUESKY ? { description: 'Writer. #noindex' } : {}) }));
      return send(200, { profiles });
    }
    send(400, { error: 'MethodNotImplemented' });
  }
}
