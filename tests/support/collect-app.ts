/**
 * The app for collection tests: a throwaway SQLite store, the replay server
 * reachable (COLLECT_ALLOW_PRIVATE_HOSTS), a clock the test sets, and waits
 * recorded instead of slept, so rate limits and backoff cost no time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CollectionSchema, type Collection } from '../../shared/index.js';
import { buildApp } from '../../server/app.js';
import { readConfig, type Config } from '../../server/config.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { SafeFetchOptions } from '../../server/collect/net/safe-fetch.js';

export interface CollectApp {
  app: FastifyInstance;
  dataDir: string;
  clock: { now: Date };
  /** Every wait asked for, in ms. */
  waits: number[];
  /** A new empty dataset's id. */
  dataset(name?: string): Promise<string>;
  /** POSTs a collection and waits for its runs to end. */
  collect(datasetId: string, body: Record<string, unknown>): Promise<Collection>;
  get(datasetId: string, collectionId: string): Promise<Collection>;
  close(): Promise<void>;
}

export async function buildCollectApp(
  overrides: Partial<Config> = {},
  fetchOverrides: Partial<SafeFetchOptions> = {},
): Promise<CollectApp> {
  const dataDir = overrides.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-collect-'));
  const config = readConfig(
    {},
    {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LOAD_DEMO: false,
      COLLECT_ALLOW_PRIVATE_HOSTS: true,
      COLLECT_TIMEOUT_S: 5,
      RATE_LIMIT_WRITES_PER_MINUTE: 10_000,
      ...overrides,
    },
  );
  const store = openSqliteStore({ dataDir });
  const clock = { now: new Date('2026-12-07T07:00:00Z') };
  const waits: number[] = [];
  const app = await buildApp({
    config,
    store,
    clientDir: path.join(dataDir, 'no-client'),
    collect: { now: () => clock.now, sleep: async (ms) => void waits.push(ms), backoffMs: 1000, fetchOverrides },
  });
  const get = async (datasetId: string, collectionId: string) => {
    const res = await app.inject(`/api/datasets/${datasetId}/collections/${collectionId}`);
    return CollectionSchema.parse(res.json());
  };
  return {
    app,
    dataDir,
    clock,
    waits,
    dataset: async (name = 'chat') => (await store.importFiles({ name, files: [] })).id,
    async collect(datasetId, body) {
      const res = await app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/collections`, payload: body });
      if (res.statusCode !== 201) throw new Error(`POST collections: ${res.statusCode} ${res.body}`);
      const created = CollectionSchema.parse(res.json());
      await app.collections.idle();
      return get(datasetId, created.id);
    },
    get,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
