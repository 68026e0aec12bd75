/**
 * Many clients at once against the real server on loopback: concurrent
 * uploads and graph reads all succeed with the right counts, and a second
 * process writing the same database (the CLI) never surfaces SQLITE_BUSY.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetListSchema, DatasetSchema, GraphPayloadSchema } from '../../shared/index.js';
import { DEFAULT_DB_FILE_NAME } from '../../server/store/sqlite.js';
import { bigCsv, freePort, ROOT, startServer, stopServer, tempDir, uploadForm, type ServerProcess } from './server-process.js';

const UPLOADS = 12;
const BUSY = /SQLITE_BUSY|database is locked/i;

let server: ServerProcess;
let dataDir: string;
let seedId: string;

beforeAll(async () => {
  dataDir = tempDir('concurrency');
  server = await startServer(await freePort(), dataDir);
  const res = await fetch(`${server.baseUrl}/api/datasets`, {
    method: 'POST',
    body: uploadForm('seed.csv', bigCsv(2_000, 60, '#seed'), { name: 'seed' }),
  });
  expect(res.status).toBe(201);
  seedId = DatasetSchema.parse(await res.json()).id;
});
afterAll(async () => {
  await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Upload i: 500 + 137·i rows among 10 + i authors, in chat #c<i>. */
const expected = (i: number) => ({ rows: 500 + 137 * i, people: 10 + i, chat: `#c${i}` });

function upload(i: number, prefix = 'u') {
  const { rows, people, chat } = expected(i);
  return fetch(`${server.baseUrl}/api/datasets`, {
    method: 'POST',
    body: uploadForm(`${prefix}${i}.csv`, bigCsv(rows, people, chat), { name: `${prefix}${i}` }),
  });
}

const readGraph = (query: string) => fetch(`${server.baseUrl}/api/datasets/${seedId}/graph${query}`);

describe(`${UPLOADS} uploads and ${UPLOADS} graph reads at once`, () => {
  it('all succeed, all are kept with the right counts, nothing reports a busy database', async () => {
    const writes = Array.from({ length: UPLOADS }, (_, i) => upload(i));
    // Different queries, so reads miss the cache and build graphs while imports run.
    const reads = Array.from({ length: UPLOADS }, (_, i) => readGraph(`?minWeight=${i}`));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);

    const bodies = await Promise.all(written.map((r) => r.text()));
    expect(written.map((r, i) => `${r.status} ${r.status === 201 ? '' : bodies[i]}`)).toEqual(written.map(() => '201 '));
    for (const [i, body] of bodies.entries()) {
      const d = DatasetSchema.parse(JSON.parse(body));
      const e = expected(i);
      expect([d.name, d.counts.messages, d.counts.people, d.chats]).toEqual([`u${i}`, e.rows, e.people, [e.chat]]);
    }
    expect(read.map((r) => r.status)).toEqual(read.map(() => 200));
    for (const r of read) expect(GraphPayloadSchema.parse(await r.json()).attributes.meta.dataset.id).toBe(seedId);

    const list = DatasetListSchema.parse(await (await fetch(`${server.baseUrl}/api/datasets`)).json());
    const byName = new Map(list.datasets.map((d) => [d.name, d]));
    for (let i = 0; i < UPLOADS; i++) expect(byName.get(`u${i}`)?.counts.messages).toBe(expected(i).rows);
    expect(new Set(list.datasets.map((d) => d.id)).size).toBe(list.datasets.length);
    expect(bodies.join('\n')).not.toMatch(BUSY);
    expect(server.output()).not.toMatch(BUSY);
  }, 120_000);
});

describe('another process writing the same database', () => {
  it('waits for the lock instead of failing: CLI imports and API uploads all land', async () => {
    const file = path.join(dataDir, 'cli.csv');
    fs.writeFileSync(file, bigCsv(5_000, 40, '#cli'));
    const cli = (n: number) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'server/cli.ts', 'import', file, '--dataset', `cli${n}`, '--data-dir', dataDir],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } },
      );
    const results = await Promise.allSettled([cli(0), ...Array.from({ length: 6 }, (_, i) => upload(i, 'w')), cli(1)]);

    const failures = results.flatMap((r) =>
      r.status === 'rejected' ? [String((r.reason as { stderr?: string }).stderr ?? r.reason)] : [],
    );
    expect(failures).toEqual([]);
    const statuses = await Promise.all(
      results
        .slice(1, -1)
        .map(async (r) =>
          r.status === 'fulfilled' && r.value instanceof Response
            ? `${r.value.status} ${r.value.status === 201 ? '' : await r.value.text()}`
            : 'cli',
        ),
    );
    expect(statuses).toEqual(statuses.map(() => '201 '));

    const list = DatasetListSchema.parse(await (await fetch(`${server.baseUrl}/api/datasets`)).json());
    const names = list.datasets.map((d) => d.name);
    for (const name of ['cli0', 'cli1', 'w0', 'w1', 'w2', 'w3', 'w4', 'w5']) expect(names).toContain(name);
    expect(list.datasets.find((d) => d.name === 'cli1')?.counts.messages).toBe(5_000);
    expect(server.output()).not.toMatch(BUSY);
  }, 120_000);
});

describe('a write lock held elsewhere for longer than the busy timeout (5 s)', () => {
  // BUG (lead, see report): today this answers 500 internal_error with SQLITE_BUSY in the log. A busy
  // database is not our bug but a moment to retry: errors.ts should map SQLITE_BUSY to 503 with Retry-After.
  it('answers 503 busy with Retry-After, not a 500', async () => {
    const db = new Database(path.join(dataDir, DEFAULT_DB_FILE_NAME));
    try {
      db.prepare('BEGIN IMMEDIATE').run(); // what a long `chat-atlas import` holds
      const res = await fetch(`${server.baseUrl}/api/datasets`, { method: 'POST', body: uploadForm('late.csv', bigCsv(50)) });
      const body = ApiErrorSchema.parse(await res.json());
      expect([res.status, body.error.code]).toEqual([503, 'busy']);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      if (db.inTransaction) db.prepare('ROLLBACK').run();
      db.close();
    }
  }, 30_000);
});
