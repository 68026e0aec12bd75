/**
 * The worker side of big imports: opens its own connection to the store,
 * reads and stages the files, commits, and writes the job's progress as it
 * goes, so parsing a gigabyte never blocks the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import type { Dataset } from '../../shared/index.js';
import { storeAt, type WorkerStoreLocation } from '../store/location.js';
import type { ReadFileOptions } from '../ingest/read-file.js';
import { importErrorInfo, type ImportErrorInfo } from './error-info.js';
import { runImportJob, type ImportInput } from './run-import.js';

export interface ImportWorkerJob {
  location: WorkerStoreLocation;
  input: ImportInput;
  /** How files are read (the server's MAX_MESSAGE_CHARS among them). */
  read?: ReadFileOptions;
}

export type ImportWorkerReply = { id: string; dataset: Dataset } | { id: string; error: ImportErrorInfo; stack?: string };

parentPort?.on('message', (work: ImportWorkerJob) => {
  const id = work.input.job.id;
  storeAt(work.location)
    .then((store) => runImportJob(store, work.input, work.read ? { read: work.read } : {}))
    .then(
      (dataset) => parentPort!.postMessage({ id, dataset } satisfies ImportWorkerReply),
      (error: unknown) => {
        const info = importErrorInfo(error);
        parentPort!.postMessage({
          id,
          error: info,
          ...(info.status >= 500 && error instanceof Error && error.stack ? { stack: error.stack } : {}),
        } satisfies ImportWorkerReply);
      },
    );
});
