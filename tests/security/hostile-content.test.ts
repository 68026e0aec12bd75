/**
 * Transcripts come from strangers: markup in names and messages stays text
 * in JSON, the page's CSP forbids inline script, and pathological JSON
 * (deep nesting, enormous strings) is refused with a 4xx, never a 5xx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiErrorSchema, DatasetSchema, GraphPayloadSchema, PersonDetailSchema } from '../../shared/index.js';
import { buildApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

const EVIL = '<img src=x onerror=alert(1)>';
const tweet = (id: string, screen: string, name: string, text: string, extra: object = {}) => ({
  id_str: id,
  created_at: `Thu Mar 14 20:0${id}:00 +0000 2024`,
  full_text: text,
  user: { id_str: id, screen_name: screen, name, description: '</script><script>alert(2)</script>' },
  entities: { hashtags: [], user_mentions: [] },
  ...extra,
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: 1000 });
});
afterAll(async () => t.close());

const upload = (fileName: string, content: string | Uint8Array, fields: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([{ filename: fileName, content }], fields) });

function expectClientError(res: { statusCode: number; json(): unknown }) {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  return ApiErrorSchema.parse(res.json()).error;
}

describe('markup in transcripts', () => {
  it('round-trips a display name like <img onerror> as plain text in every JSON answer', async () => {
    const tweets = [
      tweet('1', 'ann', EVIL, `hi <script>alert(1)</script> @bob`, {
        entities: { hashtags: [], user_mentions: [{ screen_name: 'bob', id_str: '2', indices: [30, 34] }] },
      }),
      tweet('2', 'bob', 'Bob', '@ann hello', { in_reply_to_status_id_str: '1', in_reply_to_screen_name: 'ann' }),
    ];
    const res = await upload(`${EVIL}.json`, JSON.stringify(tweets), { name: EVIL });
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.name).toBe(EVIL);
    expect(dataset.sources[0]!.file).toBe(`${EVIL}.json`);

    const graph = await t.app.inject(`/api/datasets/${dataset.id}/graph`);
    expect(graph.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(graph.headers['x-content-type-options']).toBe('nosniff');
    const labels = GraphPayloadSchema.parse(graph.json()).nodes.map((n) => n.attributes.label);
    expect(labels).toContain(EVIL); // not stripped, not HTML-escaped: escaping is the renderer's job

    const person = await t.app.inject(`/api/datasets/${dataset.id}/people/twitter%3Aann`);
    const detail = PersonDetailSchema.parse(person.json());
    expect([detail.profile.name, detail.profile.bio]).toEqual([EVIL, '</script><script>alert(2)</script>']);
  });
});

describe('Content-Security-Policy', () => {
  function expectStrictCsp(header: unknown) {
    const directives = new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']); // the ForceAtlas2 worker is a blob: URL
    const script = directives.get('script-src') ?? directives.get('default-src')!;
    expect(script).toContain("'self'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  }

  it('is strict on the API and the placeholder page', async () => {
    for (const url of ['/', '/api/health', '/api/datasets', '/docs'])
      expectStrictCsp((await t.app.inject(url)).headers['content-security-policy']);
  });

  it('is strict on the built page, which has no inline script the policy would block', async () => {
    const clientDir = inject('clientDir');
    const store = openSqliteStore({ dataDir: ':memory:' });
    const app = await buildApp({ config: readConfig({}, { DATA_DIR: t.dataDir, LOG_LEVEL: 'silent' }), store, clientDir });
    try {
      const page = await app.inject('/');
      expect(page.statusCode).toBe(200);
      expectStrictCsp(page.headers['content-security-policy']);
      const inline = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attrs, body]) => !/\bsrc=/.test(attrs!) && body!.trim() !== '',
      );
      expect(inline).toEqual([]);
      expect(page.body).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    } finally {
      await app.close();
    }
  });

  // BUG (lead, see report): helmet's default CSP carries upgrade-insecure-requests. Served over plain HTTP
  // on a LAN address (HOST=0.0.0.0 with a token), browsers then fetch the page's scripts over https:// and
  // the explorer stays blank; localhost is exempt, so development never shows it. Send it over HTTPS only.
  it('does not make browsers upgrade the requests of a page served over plain HTTP', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: '192.168.1.20:3000' } });
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('pathological JSON', () => {
  const N = 100_000;

  it(`refuses ${N.toLocaleString('en')} nested brackets with a 4xx (V8's JSON.parse is not recursive)`, async () => {
    for (const [name, text] of [
      ['deep.json', '['.repeat(N) + ']'.repeat(N)],
      ['deep-open.json', '['.repeat(N)],
      ['deep-object.json', '{"a":'.repeat(N) + '1' + '}'.repeat(N)],
    ] as const) {
      expectClientError(await upload(name, text));
    }
  });

  it('keeps, or refuses with a 4xx, a record whose unused field is nested 100,000 deep', async () => {
    const deep = '['.repeat(N) + ']'.repeat(N);
    const text = JSON.stringify([tweet('1', 'ann', 'Ann', 'hello @bob')]).replace('"entities":', `"extra":${deep},"entities":`);
    const res = await upload('deep-field.json', text);
    if (res.statusCode === 201) expect(DatasetSchema.parse(res.json()).counts.messages).toBe(1);
    else expectClientError(res);
  });

  // BUG (lead, see report): minimal inputs from the fuzzer. Recognised exports with a value nested 5,000
  // deep overflow the stack in the parsers (recursive walkers, JSON.stringify / String() of a record),
  // and the upload answers 500. Refusing JSON deeper than ~1,000 in read-json.ts would fix all three.
  describe('deep nesting inside a recognised export', () => {
    const D = 5_000;
    const deep = '['.repeat(D) + ']'.repeat(D);
    const real = (...parts: string[]) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'real', ...parts), 'utf8');

    it('Twitter JSON Lines with one line of nested brackets (twitter-v1.ts:182)', async () => {
      const line = (id: string) => JSON.stringify(tweet(id, `u${id}`, `U${id}`, 'hello'));
      const res = await upload('tweets.jsonl', `${line('1')}\n${line('2')}\n${deep}\n`);
      expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
    });

    it('a Bluesky searchPosts page with one field nested deep (bluesky.ts People.learn)', async () => {
      const page = JSON.parse(real('bluesky', 'app.bsky.feed.searchPosts-5d343d.json')) as { posts: { record: Record<string, unknown> }[] };
      page.posts[0]!.record.extra = '@@DEEP@@';
      const res = await upload('search.json', JSON.stringify(page).replace('"@@DEEP@@"', deep));
      expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
    });

    it('a Slack day file whose message type is nested deep (slack.ts:91)', async () => {
      const day = JSON.parse(real('slack', 'enrique', '2016-03-17.json')) as Record<string, unknown>[];
      day[0]!.type = '@@DEEP@@';
      const res = await upload('2016-03-17.json', JSON.stringify(day).replace('"@@DEEP@@"', deep));
      expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
    });
  });

  it('refuses a deeply nested snapshot body with a 4xx, or stores it without the junk', async () => {
    const id = DatasetSchema.parse((await upload('one.json', JSON.stringify([tweet('1', 'ann', 'Ann', 'hi')]))).json()).id;
    const junk = '{"a":'.repeat(N) + '1' + '}'.repeat(N);
    for (const payload of [`{"datasetId":"${id}","view":{"junk":${junk}}}`, `{"datasetId":"${id}","options":${junk}}`, `[${junk}]`]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/snapshots', headers: { 'content-type': 'application/json' }, payload });
      if (res.statusCode === 201) expect((await t.app.inject(`/api/snapshots/${res.json().id}`)).body).not.toContain('junk');
      else expectClientError(res);
    }
  });

  // BUG (lead, see report): detect.ts lists the "fields" of the first array element with Object.keys even
  // when it is a string, enumerating every character: 4 MiB blocks the event loop ~5 s (300 MB), and past
  // 16 MiB V8 throws RangeError "Too many properties to enumerate", which leaves as a 500 (after ~25 s,
  // too slow to test here). Fixed, this answers in milliseconds.
  it('refuses a JSON array holding one 4 MiB string with a 4xx, quickly', async () => {
    const text = `["${'a'.repeat(4 * 1024 * 1024)}"]`;
    const started = performance.now();
    const error = expectClientError(await upload('one-string.json', text));
    expect(error.code).toBe('unknown_format');
    expect(performance.now() - started).toBeLessThan(2_000);
  }, 60_000);
});
