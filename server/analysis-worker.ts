/**
 * The worker side of the analysis pool: opens its own connection to the
 * store (SQLite readers never block in WAL mode; PostgreSQL a small pool),
 * reads and analyses one dataset per job, answers with the payload's JSON.
 * Reading and analysing here keep both off the server's event loop.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { BuildOptions, GraphMeta } from '../shared/index.js';
import { computeGraphJson } from './compute-graph.js';
import { openPostgresStore } from './store/postgres.js';
import { openSqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';

/** Where the worker finds the store: the SQLite file, or the PostgreSQL URL. */
export type WorkerStoreLocation = { sqliteFile: string } | { databaseUrl: string };

export interface AnalysisJob {
  id: number;
  location: WorkerStoreLocation;
  dataset: GraphMeta['dataset'];
  options: BuildOptions;
}

export type AnalysisReply = { id: number; json: string } | { id: number; error: string };

let opened: { key: string; store: Promise<Store> } | undefined;

function storeAt(location: WorkerStoreLocation): Promise<Store> {
  const key = JSON.stringify(location);
  if (opened?.key !== key) {
    const store =
      'sqliteFile' in location
        ? Promise.resolve(openSqliteStore({ dataDir: path.dirname(location.sqliteFile), fileName: path.basename(location.sqliteFile) }))
        : openPostgresStore({ connectionString: location.databaseUrl, poolSize: 2 });
    opened = { key, store };
  }
  return opened.store;
}

parentPort?.on('message', (job: AnalysisJob) => {
  storeAt(job.location)
    .then(async (store) => {
      const json = await computeGraphJson(store, job.dataset, job.options);
      // Stored for every process here, so a large write never blocks the server's event loop.
      await store.putCachedGraph(job.dataset.id, job.dataset.version, JSON.stringify(job.options), json);
      return json;
    })
    .then(
      (json) => parentPort!.postMessage({ id: job.id, json } satisfies AnalysisReply),
      (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies AnalysisReply),
    );
});
