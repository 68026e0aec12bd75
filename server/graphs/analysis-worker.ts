/**
 * The child-process side of the analysis pool: opens its own connection to
 * the store (SQLite readers never block in WAL mode; PostgreSQL a small
 * pool), reads and analyses one dataset per job, stores the result, and
 * writes the payload's JSON to a file whose path it answers with.
 *
 * A job is a graph, a chat-health report (`health`), or a peers answer
 * (`peers`, compute-peers: not stored; the process keeps the view it read).
 *
 * A process of its own, not a worker thread: a big graph's collector works
 * over a heap of 1.5 GB, and in one process that shared the server's
 * memory management and stalled its event loop for up to a second (health
 * checks during a 1M-message build). The payload goes through a file, which
 * the server reads on libuv's threads, rather than through the IPC pipe,
 * whose messages are put together and decoded on the event loop.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuildOptions, GraphMeta, HealthOptions } from '../../shared/index.js';
import { computeGraphJson } from './compute-graph.js';
import { computeHealthJson } from './compute-health.js';
import { computePeersJson, type PeersRequest } from './compute-peers.js';
import type { BackboneOptions } from '../pipeline/backbone.js';
import type { PseudonymousRequest } from '../privacy/pseudonymous.js';
import { storeAt, type WorkerStoreLocation } from '../store/location.js';

export type { WorkerStoreLocation } from '../store/location.js';

export interface AnalysisJob {
  id: number;
  location: WorkerStoreLocation;
  dataset: GraphMeta['dataset'];
  options: BuildOptions;
  /** How a graph too big to draw is thinned; `false`: every tie. */
  backbone: Partial<BackboneOptions> | false;
  /** The share's version of the graph (see compute-graph). */
  pseudonymous?: PseudonymousRequest;
  /** Present: the job is the chat-health report for these options (compute-health), not a graph. */
  health?: HealthOptions;
  /** Present: the job is a peers answer (compute-peers), answered and not stored. */
  peers?: PeersRequest;
  /** The store's key for this result (see GraphCache). */
  resultKey: string;
  /** Where to write the payload for the pool to read (a folder of the pool's own, removed when it closes). */
  resultDir: string;
}

/** `file`: the payload's JSON, UTF-8; the pool reads it and removes it. */
export type AnalysisReply = { id: number; file: string; everyTie: boolean } | { id: number; error: string };

async function run(job: AnalysisJob): Promise<AnalysisReply> {
  const store = await storeAt(job.location);
  if (job.peers) {
    const json = await computePeersJson(store, job.dataset, job.options, job.backbone, job.peers);
    return { id: job.id, file: await writeResult(job, json), everyTie: true };
  }
  const { json, everyTie } = job.health
    ? { json: await computeHealthJson(store, job.dataset.id, job.health, job.pseudonymous), everyTie: true }
    : await computeGraphJson(store, job.dataset, job.options, job.backbone, job.pseudonymous);
  // Stored for every process here, so a large write never blocks the server's event loop.
  await store.putCachedGraph(job.dataset.id, job.dataset.version, job.resultKey, json);
  return { id: job.id, file: await writeResult(job, json), everyTie };
}

/** The result's file, in the pool's folder. */
async function writeResult(job: AnalysisJob, json: string): Promise<string> {
  const file = path.join(job.resultDir, `graph-${process.pid}-${job.id}.json`);
  await fs.promises.writeFile(file, json);
  return file;
}

if (process.send) {
  process.on('message', (job: AnalysisJob) => {
    run(job).then(
      (reply) => process.send!(reply),
      (error: unknown) =>
        process.send!({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies AnalysisReply),
    );
  });
  // The server is gone (or closed the channel): so is the reason to run.
  process.on('disconnect', () => process.exit(0));
  process.send('ready');
}
