/**
 * The SQLite store: the shared Store contract, on a file and in memory, then
 * what only SQLite has (pragmas, the file, migrations, re-opening).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DB_FILE_NAME, openSqliteStore } from '../../server/store/sqlite.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { SCHEMA_VERSION } from '../../server/store/sqlite-migrations.js';
import { describeStoreContract, file, msg, person } from './store-contract.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-store-'));

describeStoreContract('sqlite file', async (options) => {
  const dir = tempDir();
  const store = openSqliteStore({ dataDir: dir, ...options });
  return { store, cleanup: async () => (await store.close(), fs.rmSync(dir, { recursive: true, force: true })) };
});

describeStoreContract('sqlite :memory:', async (options) => {
  const store = openSqliteStore({ dataDir: ':memory:', ...options });
  return { store, cleanup: () => store.close() };
});

describe('sqlite store on disk', () => {
  const opened: (SqliteStore | Database.Database)[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const newDir = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
  const open = (dataDir: string, fileName?: string) => {
    const store = openSqliteStore({ dataDir, fileName });
    opened.push(store);
    return store;
  };
  /** A second, plain connection to the same file, to look under the interface. */
  const raw = (file: string) => {
    const db = new Database(file, { fileMustExist: true });
    opened.push(db);
    return db;
  };
  const sample = () => [file('a.csv', [msg({ author: 'twitter:a' }), msg({ author: 'twitter:b' })], [person('a'), person('b')])];

  it('creates the data folder and a WAL-mode database file at the current schema version', () => {
    const dir = path.join(newDir(), 'nested', 'local');
    const store = open(dir);
    expect(store.path).toBe(path.join(dir, DEFAULT_DB_FILE_NAME));
    const db = raw(store.path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(open(dir, 'other.db').path).toBe(path.join(dir, 'other.db'));
    expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(true);
  });

  it('keeps the data across re-opening, and re-opening migrates nothing twice', async () => {
    const dir = newDir();
    const first = open(dir);
    const dataset = await first.importFiles({ name: 'kept', files: sample() });
    const messages = await first.getMessages(dataset.id);
    await first.close();
    for (let i = 0; i < 2; i++) {
      const again = open(dir);
      expect(await again.getDataset(dataset.id)).toStrictEqual(dataset);
      expect(await again.getMessages(dataset.id)).toStrictEqual(messages);
      expect(raw(again.path).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      await again.close();
    }
  });

  it('lets two stores share one file, each seeing the other’s imports', async () => {
    const dir = newDir();
    const [a, b] = [open(dir), open(dir)];
    const dataset = await a.importFiles({ name: 'shared', files: sample() });
    const next = await b.importFiles({ datasetId: dataset.id, name: 'shared', files: [file('b.csv', [msg({ author: 'twitter:c' })])] });
    expect(next.version).toBe(2);
    expect(await a.getDataset(dataset.id)).toStrictEqual(next);
  });

  it('cascades a delete to the message and people rows (foreign keys are on)', async () => {
    const store = open(newDir());
    const doomed = await store.importFiles({ name: 'doomed', files: sample() });
    const kept = await store.importFiles({ name: 'kept', files: sample() });
    await store.deleteDataset(doomed.id);
    const db = raw(store.path);
    const rows = (table: string, id: string) => db.prepare(`SELECT COUNT(*) FROM ${table} WHERE dataset_id = ?`).pluck().get(id);
    expect([rows('messages', doomed.id), rows('people', doomed.id)]).toEqual([0, 0]);
    expect([rows('messages', kept.id), rows('people', kept.id)]).toEqual([2, 2]);
  });

  it('refuses a database written by a newer schema', async () => {
    const dir = newDir();
    const store = open(dir);
    await store.close();
    raw(store.path).pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => openSqliteStore({ dataDir: dir })).toThrow(/newer/);
  });

  it('stores times canonically so that text order is time order', async () => {
    const store = open(newDir());
    const whole = msg({ author: 'twitter:a', id: 'whole', time: '2024-03-14T20:00:00Z' });
    const half = msg({ author: 'twitter:a', id: 'half', time: '2024-03-14T20:00:00.500Z' });
    const before = msg({ author: 'twitter:a', id: 'before', time: '2024-03-14T19:59:59.9Z' });
    const { id, from, to } = await store.importFiles({ name: 't', files: [file('t.csv', [half, whole, before])] });
    expect([from, to]).toEqual(['2024-03-14T19:59:59.900Z', '2024-03-14T20:00:00.500Z']);
    const messages = await store.getMessages(id);
    expect(messages.map((m) => [m.id, m.time])).toEqual([
      ['before', '2024-03-14T19:59:59.900Z'],
      ['whole', '2024-03-14T20:00:00.000Z'],
      ['half', '2024-03-14T20:00:00.500Z'],
    ]);
    expect((await store.getMessages(id, { from: '2024-03-14T20:00:00Z', to: '2024-03-14T20:00:00Z' })).map((m) => m.id)).toEqual(['whole']);
  });

  it('closes more than once without complaint', async () => {
    const store = open(newDir());
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
