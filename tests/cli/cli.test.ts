import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const csv = path.join(root, 'tests', 'fixtures', 'made', 'api', 'uklibchat.csv');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'chat-atlas.js'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('npx chat-atlas build', () => {
  it('writes a GraphPayload file', () => {
    const out = path.join(tmp, 'graph.json');
    const r = run('build', csv, '--out', out, '--seed', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('uklibchat.csv: csv, 8 messages, 0 skipped');
    const payload = GraphPayloadSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(payload.nodes).toHaveLength(6);
    expect(payload.edges).toHaveLength(7);
    expect(payload.attributes.meta.dataset).toEqual({ id: 'cli', name: 'uklibchat.csv', version: 1 });
  });

  it('prints to stdout without --out, the same bytes for the same seed, and takes filters', () => {
    const a = run('build', csv, '--seed', '3');
    const b = run('build', csv, '--seed', '3');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const replies = GraphPayloadSchema.parse(JSON.parse(run('build', csv, '--kinds', 'reply', '--chats', '#tlchat').stdout));
    expect(replies.edges.map((e) => `${e.source} ${e.target}`)).toEqual(['csv:eli_school csv:fay_k12']);
  });

  it('fails with a clear message and exit code on bad input', () => {
    fs.writeFileSync(path.join(tmp, 'empty.csv'), '');
    const empty = run('build', 'empty.csv');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('error: empty.csv is empty\n');
    const missing = run('build', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file: nope.json');
    expect(run('frobnicate').code).toBe(2);
    expect(run('build', csv, '--format', 'myspace').code).toBe(2);
  });
});

describe('npx chat-atlas import', () => {
  it('creates a dataset, then adds to it by name', () => {
    const dataDir = path.join(tmp, 'store');
    const first = run('import', csv, '--dataset', 'UK chats', '--data-dir', dataDir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^created dataset [\w-]+ "UK chats" \(version 1\): 8 messages, 6 people\n$/);
    const second = run('import', csv, '--dataset', 'UK chats', '--data-dir', dataDir);
    expect(second.stdout).toMatch(/^updated dataset [\w-]+ "UK chats" \(version 2\): 8 messages, 6 people\n$/);
    expect(second.stderr).toContain('uklibchat.csv: csv, 8 messages (0 new), 0 skipped');
    const store = openSqliteStore({ dataDir });
    return store.listDatasets().then(async (list) => {
      expect(list.map((d) => [d.name, d.version, d.counts.messages])).toEqual([['UK chats', 2, 8]]);
      await store.close();
    });
  });
});

describe('npx chat-atlas backup', () => {
  it('copies the database online, consistent and complete', () => {
    const dataDir = path.join(tmp, 'backup-store');
    expect(run('import', csv, '--dataset', 'B', '--data-dir', dataDir).code).toBe(0);
    const target = path.join(tmp, 'backup.sqlite');
    const r = run('backup', target, '--data-dir', dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 1 datasets, 8 messages, integrity ok\n$/);
    expect(fs.statSync(target).size).toBeGreaterThan(10_000);
    expect(run('backup', target, '--data-dir', dataDir).code).toBe(2); // never overwrites
  });
});
