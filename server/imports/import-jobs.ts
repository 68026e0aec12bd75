/**
 * Import jobs in this process: each upload's files (already on disk) are
 * imported one job at a time — SQLite has one writer, and two big parses
 * would only share the same cores. Big uploads run in a worker thread with
 * its own store connection; small ones (and every one on an in-memory
 * store) run here, as fast as before. Big means big once unpacked: a small
 * zip may hold hundreds of megabytes. The job's files are deleted when it
 * ends, whatever the outcome.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Dataset, ImportJob } from '../../shared/index.js';
import type { FileOnDisk, ReadFileOptions } from '../ingest/read-file.js';
import type { WorkerStoreLocation } from '../store/location.js';
import type { Store } from '../store/types.js';
import type { TableReading } from '../store/rows.js';
import { importErrorInfo, type ImportErrorInfo } from './error-info.js';
import type { ImportWorkerJob, ImportWorkerReply } from './import-worker.js';
import { newImportJob, runImportJob, type ImportInput } from './run-import.js';
import { unpackedBytes } from './unpacked-size.js';

/** A failed import, as the API answers it. */
export class ImportFailedError extends Error {
  constructor(readonly info: ImportErrorInfo) {
    super(info.message);
  }
}

export interface ImportJobsOptions {
  /**
   * Uploads bigger than this once unpacked (bytes, all files together: a zip's entries as its directory
   * declares them) are imported in the worker thread (default WORKER_ABOVE_BYTES, 8 MiB).
   */
  workerAbove?: number;
  /** How files are read, here and in the worker (the server passes MAX_MESSAGE_CHARS as `maxMessageChars`). */
  read?: ReadFileOptions;
  /** Told about each finished import (to drop cached graphs). */
  onDone?: (dataset: Dataset) => void;
  /** Told about failures that are our bug (5xx), with the error. */
  onInternalError?: (job: ImportJob, error: unknown) => void;
}

export interface StartedImport {
  job: ImportJob;
  /** Settles when the job ends: the dataset, or an ImportFailedError. */
  done: Promise<Dataset>;
}

export const WORKER_ABOVE_BYTES = 8 * 1024 * 1024;

export class ImportJobs {
  private queue: Promise<unknown> = Promise.resolve();
  private worker: Worker | undefined;
  private readonly waiting = new Map<string, { input: ImportInput; resolve: (d: Dataset) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly location: WorkerStoreLocation | undefined,
    private readonly options: ImportJobsOptions = {},
  ) {}

  /** Records the job (`queued`) and queues it; the files now belong to the job. */
  async start(request: {
    datasetId?: string | undefined;
    name: string;
    files: FileOnDisk[];
    table?: TableReading | undefined;
  }): Promise<StartedImport> {
    const job = newImportJob(request);
    try {
      await this.store.putImportJob(job);
    } catch (error) {
      removeFiles(request.files);
      throw error;
    }
    const input: ImportInput = {
      job,
      datasetId: request.datasetId,
      name: request.name,
      files: request.files,
      ...(request.table ? { table: request.table } : {}),
    };
    const done = this.enqueue(input);
    done.catch(() => {}); // an async import may never be awaited
    return { job, done };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => {});
    await this.worker?.terminate();
  }

  private enqueue(input: ImportInput): Promise<Dataset> {
    const run = this.queue.then(() => this.run(input));
    this.queue = run.catch(() => {});
    return run;
  }

  private async run(input: ImportInput): Promise<Dataset> {
    try {
      if (this.closed)
        throw new ImportFailedError({
          status: 503,
          code: 'shutting_down',
          message: 'The server is shutting down; upload the files again.',
        });
      const dataset =
        this.location && (await this.isBig(input.files)) ? await this.inWorker(input, this.location) : await this.inProcess(input);
      this.options.onDone?.(dataset);
      return dataset;
    } finally {
      removeFiles(input.files);
    }
  }

  /** Whether the files unpack to more than `workerAbove`; the uploaded size alone says so without opening a zip. */
  private async isBig(files: readonly FileOnDisk[]): Promise<boolean> {
    const above = this.options.workerAbove ?? WORKER_ABOVE_BYTES;
    return files.reduce((n, f) => n + f.size, 0) > above || (await unpackedBytes(files)) > above;
  }

  private async inProcess(input: ImportInput): Promise<Dataset> {
    try {
      return await runImportJob(this.store, input, this.options.read ? { read: this.options.read } : {});
    } catch (error) {
      const info = importErrorInfo(error);
      if (info.status >= 500) this.options.onInternalError?.(input.job, error);
      throw new ImportFailedError(info);
    }
  }

  private inWorker(input: ImportInput, location: WorkerStoreLocation): Promise<Dataset> {
    const worker = this.spawn();
    return new Promise((resolve, reject) => {
      this.waiting.set(input.job.id, { input, resolve, reject });
      worker.postMessage({ location, input, ...(this.options.read ? { read: this.options.read } : {}) } satisfies ImportWorkerJob);
    });
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    // The entry registers tsx, so the TypeScript worker runs the same way in `npm start`, the CLI and tests.
    const worker = new Worker(new URL('./import-worker-entry.mjs', import.meta.url));
    worker.on('message', (reply: ImportWorkerReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('dataset' in reply) waiting.resolve(reply.dataset);
      else {
        if (reply.error.status >= 500) this.options.onInternalError?.(waiting.input.job, new Error(reply.stack ?? reply.error.message));
        waiting.reject(new ImportFailedError(reply.error));
      }
    });
    const lose = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.waiting) {
        this.waiting.delete(id);
        this.options.onInternalError?.(waiting.input.job, error);
        const info = { status: 500, code: 'internal_error', message: 'The import worker stopped; nothing of this import was stored.' };
        // Its staged rows are dropped and its job says so here, as the worker could not.
        void this.store
          .beginImport({ importId: id, name: waiting.input.name })
          .abort()
          .catch(() => {});
        void this.store
          .putImportJob({ ...waiting.input.job, status: 'failed', error: info, updatedAt: new Date().toISOString() })
          .catch(() => {});
        waiting.reject(new ImportFailedError(info));
      }
    };
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`import worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

function removeFiles(files: readonly FileOnDisk[]): void {
  for (const f of files) fs.rm(f.path, { force: true }, () => {});
}
