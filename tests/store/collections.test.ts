/**
 * Collections in both stores: written and read back as given, listed per
 * dataset in creation order, replaced in place, deleted, gone with their
 * dataset, and never written for a dataset that no longer exists.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { startTestPostgres } from '../support/postgres.js';

const available = await startTestPostgres();
afterAll(async () => {
  if (available.ok) await available.server.stop();
});

const backends: [string, () => Promise<Store>][] = [
  ['sqlite', async () => openSqliteStore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-coll-')) })],
];
if (available.ok) {
  backends.push([
    'postgres',
    async () => openPostgresStore({ connectionString: available.server.url, schema: `t_${randomBytes(6).toString('hex')}` }),
  ]);
}

describe.each(backends)('collections in %s', (_name, open) => {
  it('keeps a collection per dataset, replaces it in place, and deletes it with its dataset', async () => {
    const store = await open();
    try {
      const a = (await store.importFiles({ name: 'a', files: [] })).id;
      const b = (await store.importFiles({ name: 'b', files: [] })).id;
      const state = (n: number) => JSON.stringify({ n, text: 'é "quoted" \u2028' });
      expect(await store.putCollection({ id: 'c1', datasetId: a, updatedAt: '2026-12-07T07:00:00.000Z', state: state(1) })).toBe(true);
      expect(await store.putCollection({ id: 'c2', datasetId: b, updatedAt: '2026-12-07T07:00:01.000Z', state: state(2) })).toBe(true);
      expect(await store.putCollection({ id: 'c3', datasetId: a, updatedAt: '2026-12-07T07:00:02.000Z', state: state(3) })).toBe(true);
      expect(await store.putCollection({ id: 'c1', datasetId: a, updatedAt: '2026-12-07T08:00:00.000Z', state: state(4) })).toBe(true);
      expect(await store.getCollection('c1')).toEqual({ id: 'c1', datasetId: a, updatedAt: '2026-12-07T08:00:00.000Z', state: state(4) });
      expect((await store.listCollections(a)).map((c) => c.id)).toEqual(['c1', 'c3']);
      expect((await store.listCollections()).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
      expect(await store.deleteCollection('c3')).toBe(true);
      expect(await store.deleteCollection('c3')).toBe(false);
      await store.deleteDataset(a);
      expect(await store.getCollection('c1')).toBeUndefined();
      expect(await store.putCollection({ id: 'c9', datasetId: a, updatedAt: '2026-12-07T09:00:00.000Z', state: state(9) })).toBe(false);
      expect((await store.listCollections()).map((c) => c.id)).toEqual(['c2']);
    } finally {
      await store.close();
    }
  });
});
