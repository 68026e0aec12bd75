/**
 * Graph results are bounded, in the store and in memory: anonymous reads of
 * `GET …/graph?seed=1001…1020` once added a result each to SQLite for good
 * (20 MiB). The settings reach the analysis workers that store results, and
 * the in-memory cache counts bytes as well as entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../shared/index.js';
import { readConfig } from '../../server/config.js';
import { GraphCache } from '../../server/graphs/graph-cache.js';
import { DEFAULT_DB_FILE_NAME, openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { buildTestApp, fixture, multipart } from '../support/app.js';
import { file, msg } from '../store/store-contract.js';

describe('graph result settings', () => {
  it('default to 200 results and 512 MiB in the store, 32 graphs and 256 MiB in memory', () => {
    const config = readConfig({});
    expect([config.GRAPH_RESULTS_MAX_ENTRIES, config.GRAPH_RESULTS_MAX_MB, config.GRAPH_CACHE_ENTRIES, config.GRAPH_CACHE_MB]).toEqual([
      200, 512, 32, 256,
    ]);
  });
});

describe('GET /api/datasets/:id/graph with new seeds', () => {
  /** The seeds of the results the SQLite file holds. */
  const storedSeeds = (dataDir: string) => {
    const db = new Database(path.join(dataDir, DEFAULT_DB_FILE_NAME), { readonly: true });
    try {
      const keys = db.prepare('SELECT options_key FROM graph_results').pluck().all() as string[];
      return keys.map((k) => Number(/"seed":(\d+)/.exec(k)![1])).sort();
    } finally {
      db.close();
    }
  };

  it('keeps only the GRAPH_RESULTS_MAX_ENTRIES most recent results in the store', async () => {
    const t = await buildTestApp({ GRAPH_RESULTS_MAX_ENTRIES: 3 });
    try {
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
      });
      const { id } = upload.json() as { id: string };
      for (let seed = 1001; seed <= 1006; seed++) {
        const r = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/graph?seed=${seed}` });
        expect(r.statusCode).toBe(200);
      }
      expect(storedSeeds(t.dataDir)).toEqual([1004, 1005, 1006]);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('stores none bigger than GRAPH_RESULTS_MAX_MB, and still answers', async () => {
    const t = await buildTestApp({ GRAPH_RESULTS_MAX_MB: 0.0005 }); // 524 bytes: less than any graph
    try {
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
      });
      const { id } = upload.json() as { id: string };
      const r = await t.app.inject({ method: 'GET', url: `/api/datasets/${id}/graph?seed=7` });
      expect(r.statusCode).toBe(200);
      expect(r.body.length).toBeGreaterThan(524);
      expect(storedSeeds(t.dataDir)).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('GraphCache in memory', () => {
  it('keeps at most `bytes` of payloads, the least recently used going first', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    let storeReads = 0;
    // Every graph the memory cache lacks is asked of the store first: those asks are the misses.
    const watched: Store = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'getCachedGraph'
          ? (...args: Parameters<Store['getCachedGraph']>) => (storeReads++, target.getCachedGraph(...args))
          : Reflect.get(target, name, receiver),
    });
    const messages = ['ann', 'bob', 'cy', 'dee'].flatMap((a, i) => [
      msg({ author: `twitter:${a}`, mentions: [`twitter:${['bob', 'cy', 'dee', 'ann'][i]}`] }),
    ]);
    const dataset = await store.importFiles({ name: 'd', files: [file('d.csv', messages)] });
    const sizes = new GraphCache(store, 8);
    const [a, b] = [
      (await sizes.get(dataset, resolveBuildOptions({ seed: 1 }))).body.length,
      (await sizes.get(dataset, resolveBuildOptions({ seed: 2 }))).body.length,
    ];
    await sizes.close();

    const cache = new GraphCache(watched, { entries: 8, bytes: a + b - 1 }); // room for one, not both
    try {
      await cache.get(dataset, resolveBuildOptions({ seed: 1 }));
      await cache.get(dataset, resolveBuildOptions({ seed: 2 }));
      expect(storeReads).toBe(2);
      await cache.get(dataset, resolveBuildOptions({ seed: 2 })); // kept: from memory
      expect(storeReads).toBe(2);
      await cache.get(dataset, resolveBuildOptions({ seed: 1 })); // gone to make room for seed 2
      expect(storeReads).toBe(3);
    } finally {
      await cache.close();
      await store.close();
    }
  });
});
