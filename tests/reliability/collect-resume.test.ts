/**
 * A collection survives its server being killed: the real server process is
 * SIGKILLed in the middle of a Mastodon collection (two pages fetched, the
 * third held by the replay server), a new one starts on the same folder, and
 * the run resumes from its saved cursor — no page fetched again, every post
 * stored once. The access token given appears in no log line of either
 * process and in no answer.
 */
import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { CollectionSchema, DatasetSchema, type Collection } from '../../shared/index.js';
import { fixture } from '../support/app.js';
import { ReplayServer } from '../support/replay-server.js';
import { freePort, startServer, stopServer, tempDir, uploadForm, type ServerProcess } from './server-process.js';

const TOKEN = 'mastodon-token-do-not-log-4e1f';
const servers: ServerProcess[] = [];
const dirs: string[] = [];
let replay: ReplayServer | undefined;
afterEach(async () => {
  for (const s of servers.splice(0)) await stopServer(s);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  await replay?.close();
});

const env = { COLLECT_ALLOW_PRIVATE_HOSTS: 'true', LOG_LEVEL: 'info' };

async function poll(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited 60 s for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('resumes a collection killed mid-run from its cursor, losing and doubling nothing', async () => {
  replay = await ReplayServer.start();
  replay.mastodonToken = TOKEN;
  const dataDir = tempDir('collect-kill');
  dirs.push(dataDir);
  const port = await freePort();
  const first = await startServer(port, dataDir, env);
  servers.push(first);
  const upload = await fetch(`${first.baseUrl}/api/datasets`, {
    method: 'POST',
    body: uploadForm('uklibchat.csv', fixture('made', 'api', 'uklibchat.csv'), { name: 'kept' }),
  });
  const dataset = DatasetSchema.parse(await upload.json());

  const release = replay.hold('/api/v1/timelines/tag/mastodon?limit=40&max_id=701736');
  const created = await fetch(`${first.baseUrl}/api/datasets/${dataset.id}/collections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'mastodon', instance: replay.baseUrl, tag: 'mastodon', accessToken: TOKEN }),
  });
  const createdText = await created.text();
  expect(created.status).toBe(201);
  expect(createdText).not.toContain(TOKEN);
  const { id } = CollectionSchema.parse(JSON.parse(createdText));
  const url = (s: ServerProcess) => `${s.baseUrl}/api/datasets/${dataset.id}/collections/${id}`;
  const read = async (s: ServerProcess): Promise<Collection> => CollectionSchema.parse(await (await fetch(url(s))).json());
  await poll(
    async () => (await read(first)).current?.pages === 2 && replay!.requestsTo('/api/v1/timelines/tag/').length === 3,
    'two pages',
  );

  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  release();

  const second = await startServer(port, dataDir, env);
  servers.push(second);
  await poll(async () => (await read(second)).history.length > 0, 'the resumed run');
  const done = await read(second);
  expect(done.history[0]).toMatchObject({ status: 'done', trigger: 'created', posts: 17, stored: 17 });
  expect(done.current).toBeUndefined();
  // Pages 1 and 2 were saved before the kill and never asked for again; page 3 was asked twice (held, then resumed).
  expect(replay.requestsTo('/api/v1/timelines/tag/').map((r) => r.query.get('max_id'))).toEqual([
    null,
    '706494',
    '701736',
    '701736',
    '696529',
  ]);
  const after = DatasetSchema.parse(await (await fetch(`${second.baseUrl}/api/datasets/${dataset.id}`)).json());
  expect(after.counts.messages).toBe(dataset.counts.messages + 17);
  const list = await (await fetch(`${second.baseUrl}/api/datasets/${dataset.id}/collections`)).text();
  expect(list).not.toContain(TOKEN);
  expect(new Set(replay.requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
  expect(first.output()).toContain('"msg"'); // the log was written (LOG_LEVEL=info)…
  expect(first.output() + second.output()).not.toContain(TOKEN); // …without the token
}, 180_000);
