/**
 * Live collection end to end through the API, against the replay server
 * (real Mastodon and Bluesky responses, see tests/support/replay-server.ts):
 * collect, re-collect only what is new, several instances merged, threads,
 * rate limits and retries, opt-outs, credentials that never come back,
 * pause, resume, cancel, schedules on an injected clock, and bad requests.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CollectionListSchema, CollectionSchema, type Collection } from '../../shared/index.js';
import { isPublicAddress } from '../../server/collect/net/public-address.js';
import { buildCollectApp, type CollectApp } from '../support/collect-app.js';
import {
  CONTEXT_ONLY_STATUS,
  NOBOT_ACCOUNT,
  ReplayServer,
  THREAD_WITH_CONTEXT,
  UNAUTHENTICATED_LABELLED,
  UNLISTED_STATUS,
  NOINDEX_BLUESKY,
} from '../support/replay-server.js';

let t: CollectApp;
let replay: ReplayServer;
beforeAll(async () => (t = await buildCollectApp()));
afterAll(async () => t.close());
beforeEach(async () => {
  replay = await ReplayServer.start();
  t.waits.length = 0;
});
afterEach(async () => replay.close());

const mastodon = (extra: Record<string, unknown> = {}) => ({ source: 'mastodon', instance: replay.baseUrl, tag: 'mastodon', ...extra });
/** As stored (the API's routes would hide opted-out people anyway: this shows they were never stored). */
const messages = (datasetId: string) => t.app.store.getMessages(datasetId);
const dataset = async (datasetId: string) => (await t.app.inject(`/api/datasets/${datasetId}`)).json();
const post = (url: string) => t.app.inject({ method: 'POST', url });
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
};
/** The 19 timeline statuses less 2 of the #nobot account and 1 unlisted, plus 1 found only in a thread's context. */
const MASTODON_KEPT = 17;

describe('collecting a Mastodon hashtag', () => {
  it('pages the timeline, fetches threads, leaves out what it must, and stores the posts with their provenance', async () => {
    const id = await t.dataset('mastodon chat');
    const collection = await t.collect(id, mastodon());
    expect(collection.history).toHaveLength(1);
    expect(collection.history[0]).toMatchObject({
      status: 'done',
      trigger: 'created',
      posts: MASTODON_KEPT,
      stored: MASTODON_KEPT,
      leftOut: { optedOut: 2, notPublic: 1, outsideWindow: 0, duplicates: 0 },
    });
    // 19 statuses in pages of 5: four pages, each after the last one's Link header.
    const pages = replay.requestsTo('/api/v1/timelines/tag/');
    expect(pages.map((r) => r.query.get('max_id'))).toEqual([null, '706494', '701736', '696529']);
    expect(replay.requestsTo(`/api/v1/statuses/${THREAD_WITH_CONTEXT}/context`)).toHaveLength(1);
    expect(new Set(replay.requests.map((r) => r.headers['user-agent']))).toEqual(new Set([expect.stringMatching(/^ChatAtlas\/0\.1\.0 /)]));

    const stored = await messages(id);
    expect(stored).toHaveLength(MASTODON_KEPT);
    expect(stored.map((m) => m.id)).toContain(CONTEXT_ONLY_STATUS);
    expect(stored.map((m) => m.id)).not.toContain(UNLISTED_STATUS);
    expect(stored.filter((m) => m.author === `mastodon:${NOBOT_ACCOUNT.toLowerCase()}`)).toEqual([]);
    const info = await dataset(id);
    expect(info.chats).toEqual(['#mastodon']);
    expect(info.sources.map((s: { file: string }) => s.file)).toEqual([
      `mastodon ${replay.baseUrl.replace('http://', '')} #mastodon, collected 2026-12-07T07:00:00.000Z`,
    ]);
    const job = (await t.app.inject(`/api/imports/${collection.history[0]!.importId}`)).json();
    expect([job.status, job.percent, job.messages]).toEqual(['done', 100, MASTODON_KEPT]);
  });

  it('re-collects only what is new: since_id from the last run, nothing stored twice', async () => {
    replay.hiddenNewest = 4;
    const id = await t.dataset();
    const first = await t.collect(id, mastodon());
    // 15 published, less the #nobot account's 2 and the unlisted one; 712356 (with its thread) is not out yet.
    expect(first.history[0]).toMatchObject({ posts: 12, stored: 12 });
    replay.hiddenNewest = 0;
    replay.requests.length = 0;
    expect((await post(`/api/datasets/${id}/collections/${first.id}/run`)).statusCode).toBe(200);
    await t.app.collections.idle();
    const second = await t.get(id, first.id);
    expect(second.history.map((h) => [h.trigger, h.status, h.posts, h.stored])).toEqual([
      ['manual', 'done', 5, 5],
      ['created', 'done', 12, 12],
    ]);
    // Asked only for statuses newer than the first run's newest, and got one page of them.
    expect(replay.requestsTo('/api/v1/timelines/tag/').map((r) => r.query.get('since_id'))).toEqual(['706494']);
    expect(await messages(id)).toHaveLength(MASTODON_KEPT);
    expect((await dataset(id)).sources).toHaveLength(2);
  });

  it('merges several instances, keeping each post once by its URI', async () => {
    const id = await t.dataset();
    const other = replay.baseUrl.replace('127.0.0.1', 'localhost');
    const collection = await t.collect(id, mastodon({ instance: [replay.baseUrl, other] }));
    expect(collection.instances).toEqual([replay.baseUrl, other]);
    // The second instance's 16 timeline posts were all seen on the first (so no thread of theirs is fetched again).
    expect(collection.history[0]).toMatchObject({ posts: MASTODON_KEPT, leftOut: { duplicates: MASTODON_KEPT - 1 } });
    expect(await messages(id)).toHaveLength(MASTODON_KEPT);
  });

  it('applies the opt-out lists at collection time, and keeps opted-out accounts only when the operator says so', async () => {
    const id = await t.dataset();
    expect((await t.app.inject({ method: 'PUT', url: '/api/opt-outs/mastodon:jeroenpraat@mastodon.social' })).statusCode).toBe(200);
    const collection = await t.collect(id, mastodon());
    expect(collection.history[0]).toMatchObject({ posts: MASTODON_KEPT - 1, leftOut: { optedOut: 3 } });
    expect((await messages(id)).some((m) => m.author === 'mastodon:jeroenpraat@mastodon.social')).toBe(false);
    await t.app.inject({ method: 'DELETE', url: '/api/opt-outs/mastodon:jeroenpraat@mastodon.social' });

    const operator = await buildCollectApp({ COLLECT_INCLUDE_OPTED_OUT: true });
    try {
      const kept = await operator.collect(await operator.dataset(), mastodon());
      expect(kept.history[0]).toMatchObject({ posts: MASTODON_KEPT + 2, leftOut: { optedOut: 0, notPublic: 1 } });
    } finally {
      await operator.close();
    }
  });

  it("stores an opted-out person's handle only inside others' posts, and hides it whenever those are read", async () => {
    const id = await t.dataset();
    const optedOut = 'mastodon:adriennecharmet@mamot.fr';
    expect((await t.app.inject({ method: 'PUT', url: `/api/opt-outs/${optedOut}` })).statusCode).toBe(200);
    try {
      const collection = await t.collect(id, mastodon());
      expect(collection.history[0]).toMatchObject({ posts: MASTODON_KEPT - 1, leftOut: { optedOut: 3 } });
      const stored = await messages(id);
      expect(stored.some((m) => m.author === optedOut)).toBe(false);
      // A reply to them (status 702781) is stored as it came: its reply target, mention and text name them.
      const reply = stored.find((m) => m.id === '702781')!;
      expect([reply.replyToAuthor, reply.mentions, reply.text.startsWith('@AdrienneCharmet')]).toEqual([optedOut, [optedOut], true]);
      const read = (await t.app.inject(`/api/datasets/${id}/messages`)).json().messages as { id: string; text: string }[];
      expect(read.find((m) => m.id === '702781')!.text).toMatch(/^@\[someone who opted out\]/);
      expect(JSON.stringify(read).toLowerCase()).not.toContain('adriennecharmet');
    } finally {
      await t.app.inject({ method: 'DELETE', url: `/api/opt-outs/${optedOut}` });
    }
  });

  it("asks for an author's account when a status comes without the bio, and stores the bio", async () => {
    replay.withoutBio.add('bthall@mastodon.social');
    const id = await t.dataset();
    await t.collect(id, mastodon());
    expect(replay.requestsTo('/api/v1/accounts/')).toHaveLength(1);
    expect(replay.requestsTo('/api/v1/accounts/14734')).toHaveLength(1);
    const [person] = await t.app.store.getPeople(id, ['mastodon:bthall@mastodon.social']);
    expect(person?.bio).toMatch(/^I'm a Christian skateboarder, philosopher, and business scholar/);
  });

  it('stops paging at COLLECT_MAX_PAGES, then fetches the threads of what it has', async () => {
    const capped = await buildCollectApp({ COLLECT_MAX_PAGES: 2 });
    try {
      const collection = await capped.collect(await capped.dataset(), mastodon());
      expect(replay.requestsTo('/api/v1/timelines/tag/')).toHaveLength(2);
      // The 10 newest timeline statuses, less the unlisted one; the context of 712356 adds 712113.
      expect(collection.history[0]).toMatchObject({ status: 'done', posts: 10, leftOut: { notPublic: 1, optedOut: 0 } });
    } finally {
      await capped.close();
    }
  });

  it('keeps to since and until', async () => {
    const id = await t.dataset();
    const collection = await t.collect(id, mastodon({ since: '2017-04-21T14:30:00Z', until: '2017-04-21T14:50:00Z' }));
    const kept = await messages(id);
    expect(kept.length).toBe(collection.history[0]!.posts);
    // 14:30–14:50 on 21 April: 10 statuses, less the #nobot account's 2 and the unlisted one.
    expect(kept.length).toBe(7);
    expect(collection.history[0]!.leftOut.outsideWindow).toBeGreaterThan(0);
  });
});

describe('good citizenship', () => {
  it('waits as a 429 says (Retry-After, RateLimit-Reset) and as X-RateLimit-Remaining 0 says, then goes on', async () => {
    const reset = new Date(t.clock.now.getTime() + 42_000).toISOString();
    replay.inject(
      '/api/v1/timelines/tag/',
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 429, headers: { 'ratelimit-reset': '11' } },
    );
    replay.inject('/api/v1/statuses/', {
      status: 200,
      body: '{"ancestors":[],"descendants":[]}',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    const collection = await t.collect(await t.dataset(), mastodon());
    expect(t.waits).toEqual([7000, 11_000, 42_000]);
    expect(collection.history[0]).toMatchObject({ status: 'done', posts: MASTODON_KEPT, waitedSeconds: 60 });
  });

  it('retries 5xx and a slow answer with backoff', async () => {
    replay.inject('/api/v1/timelines/tag/', { status: 502 }, { status: 503 }, { delayMs: 6000 });
    const collection = await t.collect(await t.dataset(), mastodon());
    expect(t.waits).toEqual([1000, 2000, 4000]);
    expect(collection.history[0]).toMatchObject({ status: 'done', posts: MASTODON_KEPT });
  });

  it('gives up after its retries, storing nothing of the run, and says why', async () => {
    // Two pages arrive, the third never does.
    replay.inject('/api/v1/timelines/tag/mastodon?limit=40&max_id=701736', ...Array(5).fill({ status: 500 }));
    const id = await t.dataset();
    const collection = await t.collect(id, mastodon());
    expect(collection.history[0]).toMatchObject({ status: 'failed', posts: 0, stored: 0 });
    expect(collection.history[0]!.error).toMatch(/HTTP 500 after 4 retries/);
    expect(await messages(id)).toHaveLength(0);
    expect(collection.current).toBeUndefined();
  });
});

describe('credentials', () => {
  const token = 'mastodon-token-7f3a9c1e5b';
  it('sends the token as a Bearer header and never returns it, nor stores it in the clear', async () => {
    replay.mastodonToken = token;
    const id = await t.dataset();
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections`, payload: mastodon({ accessToken: token }) });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(token);
    const created = CollectionSchema.parse(res.json());
    expect(created.credentials).toBe(true);
    await t.app.collections.idle();
    expect(new Set(replay.requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${token}`]));
    expect(replay.requests.some((r) => r.path.includes(token) || r.query.toString().includes(token))).toBe(false);
    const list = await t.app.inject(`/api/datasets/${id}/collections`);
    expect(list.body).not.toContain(token);
    expect(CollectionListSchema.parse(list.json()).collections[0]!.history[0]).toMatchObject({ status: 'done', posts: MASTODON_KEPT });
    expect((await t.app.store.getCollection(created.id))!.state).not.toContain(token);
  });

  it('names a refused token without repeating it', async () => {
    replay.mastodonToken = 'the-right-one';
    const id = await t.dataset();
    const collection = await t.collect(id, mastodon({ accessToken: token }));
    expect(collection.history[0]!.error).toMatch(/HTTP 401/);
    expect(JSON.stringify(collection)).not.toContain(token);
  });

  it('says so when the server secret changed and the stored token cannot be opened', async () => {
    const first = await buildCollectApp({ ATLAS_SECRET: 'the-first-server-secret' });
    const second = await buildCollectApp({ DATA_DIR: first.dataDir, ATLAS_SECRET: 'another-server-secret' });
    try {
      const id = await first.dataset();
      const created = await first.collect(id, mastodon({ accessToken: token, paused: true }));
      for (const action of ['resume', 'run']) {
        const res = await second.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections/${created.id}/${action}` });
        expect(res.statusCode).toBe(200);
      }
      await second.app.collections.idle();
      const after = await second.get(id, created.id);
      expect(after.history[0]).toMatchObject({ status: 'failed', posts: 0 });
      expect(after.history[0]!.error).toBe(
        'stored credentials cannot be opened: was the server secret (ATLAS_SECRET or DATA_DIR/secret) changed?',
      );
      expect(replay.requests).toHaveLength(0);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('opens a Bluesky session with the app password when the service asks, and never returns the password', async () => {
    replay.blueskyAccount = { identifier: 'atlas.example', password: 'abcd-efgh-ijkl-mnop' };
    const id = await t.dataset();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/datasets/${id}/collections`,
      payload: {
        source: 'bluesky',
        instance: replay.baseUrl,
        tag: 'election',
        identifier: 'atlas.example',
        appPassword: 'abcd-efgh-ijkl-mnop',
      },
    });
    expect(res.body).not.toContain('abcd-efgh');
    await t.app.collections.idle();
    const collection = await t.get(id, res.json().id);
    expect(JSON.stringify(collection)).not.toContain('abcd-efgh');
    expect(replay.requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    expect(collection.history[0]).toMatchObject({ status: 'done' });
    expect(collection.history[0]!.posts).toBeGreaterThan(0);
  });
});

describe('collecting from Bluesky', () => {
  it('pages searchPosts by cursor, reads bios from getProfiles, and leaves out the labelled and #noindex accounts', async () => {
    const id = await t.dataset();
    const collection = await t.collect(id, { source: 'bluesky', instance: replay.baseUrl, tag: 'election' });
    const search = replay.requestsTo('/xrpc/app.bsky.feed.searchPosts');
    expect(search.map((r) => [r.query.get('q'), r.query.get('cursor')])).toEqual([
      ['#election', null],
      ['#election', '10'],
      ['#election', '20'],
    ]);
    expect(replay.requestsTo('/xrpc/app.bsky.actor.getProfiles').length).toBeGreaterThan(0);
    const authors = (await messages(id)).map((m) => m.author);
    expect(authors).not.toContain(`bluesky:${UNAUTHENTICATED_LABELLED}`);
    expect(authors).not.toContain(`bluesky:${NOINDEX_BLUESKY}`);
    // 23 posts, 1 by the labelled account and 1 by the #noindex one.
    expect(collection.history[0]).toMatchObject({ status: 'done', posts: 21, stored: 21, leftOut: { optedOut: 2 } });
    expect(authors).toHaveLength(21);
  });
});

describe('pause, resume, cancel, delete', () => {
  it('pauses a run mid-way and resumes it from its cursor, fetching no page twice', async () => {
    const id = await t.dataset();
    const release = replay.hold('/api/v1/timelines/tag/mastodon?limit=40&max_id=701736');
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections`, payload: mastodon() });
    const created = CollectionSchema.parse(res.json());
    await until(async () => replay.requestsTo('/api/v1/timelines/tag/').length === 3);
    const paused = CollectionSchema.parse((await post(`/api/datasets/${id}/collections/${created.id}/pause`)).json());
    expect(paused.status).toBe('paused');
    release();
    await t.app.collections.idle();
    const held = await t.get(id, created.id);
    expect([held.status, held.history.length, held.current?.phase, held.current?.pages]).toEqual(['paused', 0, 'fetching', 2]);
    expect(await messages(id)).toHaveLength(0);
    const resumed = CollectionSchema.parse((await post(`/api/datasets/${id}/collections/${created.id}/resume`)).json());
    expect(resumed.status).not.toBe('paused');
    await t.app.collections.idle();
    const done = await t.get(id, created.id);
    expect(done.history[0]).toMatchObject({ status: 'done', posts: MASTODON_KEPT, stored: MASTODON_KEPT });
    expect(replay.requestsTo('/api/v1/timelines/tag/').map((r) => r.query.get('max_id'))).toEqual([
      null,
      '706494',
      '701736',
      '701736',
      '696529',
    ]);
    expect(await messages(id)).toHaveLength(MASTODON_KEPT);
  });

  it('cancels a run: nothing of it stored, the history says so, the next run starts afresh', async () => {
    const id = await t.dataset();
    const release = replay.hold('/api/v1/timelines/tag/mastodon?limit=40&max_id=701736');
    const created = CollectionSchema.parse(
      (await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections`, payload: mastodon() })).json(),
    );
    await until(async () => replay.requestsTo('/api/v1/timelines/tag/').length === 3);
    expect((await post(`/api/datasets/${id}/collections/${created.id}/cancel`)).statusCode).toBe(200);
    release();
    await t.app.collections.idle();
    const cancelled = await t.get(id, created.id);
    expect(cancelled.history.map((h) => [h.status, h.stored])).toEqual([['cancelled', 0]]);
    expect(cancelled.current).toBeUndefined();
    expect(await messages(id)).toHaveLength(0);
    await post(`/api/datasets/${id}/collections/${created.id}/run`);
    await t.app.collections.idle();
    expect((await t.get(id, created.id)).history[0]).toMatchObject({ status: 'done', posts: MASTODON_KEPT });
  });

  it('deletes a collection (its posts stay), and a deleted dataset takes its collections along', async () => {
    const id = await t.dataset();
    const collection = await t.collect(id, mastodon());
    expect((await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}/collections/${collection.id}` })).statusCode).toBe(204);
    expect((await t.app.inject(`/api/datasets/${id}/collections/${collection.id}`)).statusCode).toBe(404);
    expect(await messages(id)).toHaveLength(MASTODON_KEPT);
    const second = await t.collect(id, mastodon({ paused: true }));
    await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}` });
    expect(await t.app.store.getCollection(second.id)).toBeUndefined();
  });
});

describe('schedules', () => {
  it('runs on its schedule by the injected clock: not before, then once, then the next week', async () => {
    const id = await t.dataset();
    const collection = await t.collect(id, mastodon({ schedule: 'Tuesdays 22:00 Europe/London' }));
    expect(collection.nextRunAt).toBe('2026-12-08T22:00:00.000Z');
    t.clock.now = new Date('2026-12-08T21:59:00Z');
    await t.app.collections.tick();
    await t.app.collections.idle();
    expect((await t.get(id, collection.id)).history).toHaveLength(1);
    t.clock.now = new Date('2026-12-08T22:00:30Z');
    replay.requests.length = 0;
    await t.app.collections.tick();
    await t.app.collections.tick();
    await t.app.collections.idle();
    const after: Collection = await t.get(id, collection.id);
    expect(after.history.map((h) => [h.trigger, h.status, h.posts])).toEqual([
      ['schedule', 'done', 0],
      ['created', 'done', MASTODON_KEPT],
    ]);
    expect(after.nextRunAt).toBe('2026-12-15T22:00:00.000Z');
    expect(replay.requestsTo('/api/v1/timelines/tag/')).toHaveLength(1);
    t.clock.now = new Date('2026-12-07T07:00:00Z');
  });
});

describe('bad requests', () => {
  it.each([
    [{ source: 'mastodon', tag: 'critlib' }, 400, 'needs an instance'],
    [{ source: 'mastodon', instance: 'glammr.us/about', tag: 'critlib' }, 400, "give the instance's address only"],
    [{ source: 'mastodon', instance: 'glammr.us', tag: 'crit lib' }, 400, 'letters, digits and _ only'],
    [{ source: 'mastodon', instance: 'glammr.us', tag: 'critlib', schedule: 'Tuesdays 22:00 Mars/Base' }, 400, 'not a time zone'],
    [
      { source: 'mastodon', instance: 'glammr.us', tag: 'critlib', schedule: 'Tuesdays 22:00 BST' },
      400,
      'schedule "Tuesdays 22:00 BST": "BST" is not a time zone name; use an IANA zone like Europe/London',
    ],
    [
      { source: 'mastodon', instance: 'glammr.us', tag: 'critlib', since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' },
      400,
      'is after until',
    ],
    [{ source: 'bluesky', tag: 'critlib', identifier: 'me.bsky.social' }, 400, 'go together'],
    [{ source: 'mastodon', instance: 'https://me:hunter2secret@glammr.us', tag: 'critlib' }, 400, 'not in the address'],
    [{ source: 'myspace', tag: 'critlib' }, 400, 'source'],
  ])('%j → %i', async (body, status, message) => {
    const id = await t.dataset();
    const res = await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections`, payload: body });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
    expect(res.body).not.toContain('hunter2');
  });

  it('answers 404 for an unknown dataset or collection', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/datasets/nope/collections', payload: mastodon() })).statusCode).toBe(404);
    expect((await t.app.inject(`/api/datasets/${await t.dataset()}/collections/nope`)).statusCode).toBe(404);
  });

  it('refuses a plain-http instance unless private hosts are allowed', async () => {
    const strict = await buildCollectApp({ COLLECT_ALLOW_PRIVATE_HOSTS: false });
    try {
      const id = await strict.dataset();
      const res = await strict.app.inject({ method: 'POST', url: `/api/datasets/${id}/collections`, payload: mastodon() });
      expect([res.statusCode, res.json().error.message]).toEqual([
        400,
        `instance "${replay.baseUrl}": only https instances are collected from`,
      ]);
    } finally {
      await strict.close();
    }
  });

  it('fails a run redirected to a private address, before connecting to it, and stores nothing', async () => {
    // Production rules, but for this test's replay server at 127.0.0.1 over http.
    const strict = await buildCollectApp(
      { COLLECT_ALLOW_PRIVATE_HOSTS: false },
      { allowHttp: true, allowAddress: (ip) => ip === '127.0.0.1' || isPublicAddress(ip) },
    );
    try {
      replay.inject('/api/v1/timelines/tag/mastodon?limit=40&max_id=706494', { redirect: 'http://169.254.169.254/latest/meta-data/' });
      const id = await strict.dataset();
      const collection = await strict.collect(id, mastodon());
      expect(collection.history[0]).toMatchObject({ status: 'failed', posts: 0, stored: 0 });
      expect(collection.history[0]!.error).toBe(
        '169.254.169.254 resolves to 169.254.169.254, a private, loopback or link-local address: not fetched',
      );
      expect(await strict.app.store.getMessages(id)).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('needs the token to start a collection when the server has one', async () => {
    const guarded = await buildCollectApp({ ATLAS_TOKEN: 'a-long-enough-server-token' });
    try {
      const id = await guarded.dataset();
      const url = `/api/datasets/${id}/collections`;
      expect((await guarded.app.inject({ method: 'POST', url, payload: mastodon({ paused: true }) })).statusCode).toBe(401);
      const ok = await guarded.app.inject({
        method: 'POST',
        url,
        payload: mastodon({ paused: true }),
        headers: { authorization: 'Bearer a-long-enough-server-token' },
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await guarded.close();
    }
  });
});
