/**
 * The worker side of the analysis pool: opens its own connection to the
 * store (SQLite readers never block in WAL mode; PostgreSQL a small pool),
 * reads and analyses one dataset per job, stores the result, and answers
 * with the payload's JSON as UTF-8 bytes in a transferred buffer. Reading,
 * analysing and encoding here keep all three off the server's event loop:
 * a transferred buffer crosses without a copy, where a string of tens of
 * megabytes would be copied and rebuilt on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { BuildOptions, GraphMeta } from '../shared/index.js';
import { computeGraphJson } from './compute-graph.js';
import type { BackboneOptions } from './pipeline/backbone.js';
import { storeAt, type WorkerStoreLocation } from './store/location.js';

export type { WorkerStoreLocation } from './store/location.js';

export interface AnalysisJob {
  id: number;
  location: WorkerStoreLocation;
  dataset: GraphMeta['dataset'];
  options: BuildOptions;
  /** How a graph too big to draw is thinned; `false`: every tie. */
  backbone: Partial<BackboneOptions> | false;
  /** The store's key for this result (see GraphCache). */
  resultKey: string;
}

/** `body`: the payload's JSON, UTF-8, in a buffer of its own (transferred). */
export type AnalysisReply = { id: number; body: Uint8Array; everyTie: boolean } | { id: number; error: string };

parentPort?.on('message', (job: AnalysisJob) => {
  storeAt(job.location)
    .then(async (store) => {
      const { json, everyTie } = await computeGraphJson(store, job.dataset, job.options, job.backbone);
      // Stored for every process here, so a large write never blocks the server's event loop.
      await store.putCachedGraph(job.dataset.id, job.dataset.version, job.resultKey, json);
      // TextEncoder gives a buffer of its own (Buffer.from may share a pool, which must not be transferred).
      return { body: new TextEncoder().encode(json), everyTie };
    })
    .then(
      ({ body, everyTie }) => parentPort!.postMessage({ id: job.id, body, everyTie } satisfies AnalysisReply, [body.buffer]),
      (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies AnalysisReply),
    );
});
