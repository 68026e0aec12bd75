/** A collection's seen posts on disk: appended once per run, robust to a torn append, and moved out of older saved states. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CollectionRecord } from '../../server/collect/record.js';
import { appendSeen, migrateSeen, readSeen } from '../../server/collect/seen-posts.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-seen-'));
  dirs.push(dir);
  return dir;
};

it('reads back every hash appended, once each', () => {
  const dir = tempDir();
  appendSeen(dir, 'c1', ['aaa', 'bbb']);
  appendSeen(dir, 'c1', ['bbb', 'ccc']);
  appendSeen(dir, 'c1', []);
  expect([...readSeen(dir, 'c1')].sort()).toEqual(['aaa', 'bbb', 'ccc']);
  expect(readSeen(dir, 'other').size).toBe(0);
});

it('loses only the torn line when an append was cut short by a crash', () => {
  const dir = tempDir();
  appendSeen(dir, 'c1', ['aaa']);
  fs.appendFileSync(path.join(dir, 'c1', 'seen-posts.txt'), '\nbb'); // a crash mid-append
  appendSeen(dir, 'c1', ['ccc', 'ddd']);
  expect([...readSeen(dir, 'c1')].sort()).toEqual(['aaa', 'bb', 'ccc', 'ddd']);
});

it('moves the hashes an older saved state carried into the file, and out of the state', () => {
  const dir = tempDir();
  const legacy = { id: 'c1', seen: ['aaa', 'bbb'], run: { seen: ['ccc'], cursors: [] } } as unknown as CollectionRecord;
  migrateSeen(dir, legacy);
  expect(JSON.stringify(legacy)).not.toContain('seen');
  expect([...readSeen(dir, 'c1')].sort()).toEqual(['aaa', 'bbb']);
});
