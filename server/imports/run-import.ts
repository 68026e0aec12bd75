/**
 * One import job from start to end: every file read into a staged import
 * (batch by batch, never whole when big), then committed in one
 * transaction. Progress is written to the job in the store as it goes, so
 * any process on the database can report it; a failure drops what was
 * staged and is written to the job too.
 */
import { randomBytes } from 'node:crypto';
import type { Dataset, ImportJob, PersonProfile, SourceResult } from '../../shared/index.js';
import { readFileInto, type FileOnDisk, type ReadFileOptions } from '../ingest/read-file.js';
import type { ImportSink } from '../ingest/stream/sink.js';
import type { Store } from '../store/types.js';
import type { TableReading } from '../store/rows.js';
import { looseActors } from '../ingest/loose-actors.js';
import { mergeProfilesInto } from '../ingest/profiles.js';
import { importErrorInfo } from './error-info.js';

export interface ImportInput {
  /** The job as created (status `queued`): its id names the staging rows. */
  job: ImportJob;
  datasetId?: string | undefined;
  name: string;
  files: FileOnDisk[];
  /** How the files' tables were read (mapping, time zone): remembered with the dataset at commit. */
  table?: TableReading | undefined;
}

export interface RunImportOptions {
  /** Progress is written at most this often (default 250 ms); phase changes always. */
  progressEveryMs?: number;
  /** Told each time progress is written (the CLI prints it). */
  onProgress?: (job: ImportJob) => void;
  read?: ReadFileOptions;
  /** Filled in as the job runs, for the bench: time spent staging batches and committing. */
  timings?: { stageMs: number; commitMs: number };
}

/** A new job, `queued`, for these files; its id is unguessable (a job's report names files and counts). */
export function newImportJob(request: { datasetId?: string | undefined; name: string; files: readonly FileOnDisk[] }): ImportJob {
  const now = new Date().toISOString();
  return {
    id: randomBytes(16).toString('base64url'),
    status: 'queued',
    percent: 0,
    bytesTotal: request.files.reduce((n, f) => n + f.size, 0),
    bytesRead: 0,
    messages: 0,
    name: request.name,
    ...(request.datasetId ? { datasetId: request.datasetId } : {}),
    files: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Reading is 0–95 %, by bytes; storing the rest. */
const READ_SHARE = 95;

export async function runImportJob(store: Store, input: ImportInput, options: RunImportOptions = {}): Promise<Dataset> {
  const every = options.progressEveryMs ?? 250;
  const job: ImportJob = { ...input.job };
  let lastWrite = 0;
  const write = async (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastWrite < every) return;
    lastWrite = now;
    job.updatedAt = new Date(now).toISOString();
    await store.putImportJob(job);
    options.onProgress?.(job);
  };

  const staging = store.beginImport({
    importId: job.id,
    ...(input.datasetId ? { datasetId: input.datasetId } : {}),
    name: input.name,
    table: input.table,
  });
  const results: Omit<SourceResult, 'stored'>[] = [];
  const people = new Map<string, PersonProfile>();
  let fileOffset = 0;
  const sink: ImportSink = {
    beginFile: () => results.push({ file: '', format: 'csv', messages: 0, skipped: 0, skippedItems: [], warnings: [] }) - 1,
    stage: async (index, messages, named) => {
      const started = performance.now();
      await staging.stage(index, messages);
      if (options.timings) options.timings.stageMs += performance.now() - started;
      mergeProfilesInto(people, named);
      job.messages += messages.length;
      await write(false);
    },
    endFile: (index, result) => {
      results[index] = result;
      job.files = results.filter((r) => r.file !== '').map((r) => ({ ...r, stored: 0 }));
    },
    progress: (bytes) => {
      job.bytesRead = Math.min(job.bytesTotal, fileOffset + bytes);
      job.percent = job.bytesTotal === 0 ? 0 : Math.floor((READ_SHARE * job.bytesRead) / job.bytesTotal);
    },
  };

  try {
    job.status = 'reading';
    await write(true);
    const actors = await looseActors(input.files);
    for (const file of input.files) {
      if (!actors.has(file)) await readFileInto(file, sink, options.read);
      fileOffset += file.size;
      sink.progress(0);
      await write(false);
    }
    // The archive's owner, named by the outbox read beside it, gets the profile's name, bio and fields.
    mergeProfilesInto(
      people,
      [...actors.values()].filter((p) => people.has(p.key)),
    );
    job.status = 'storing';
    job.percent = READ_SHARE;
    await write(true);
    const committing = performance.now();
    const dataset = await staging.commit(
      results,
      [...people.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    if (options.timings) options.timings.commitMs += performance.now() - committing;
    Object.assign(job, { status: 'done', percent: 100, datasetId: dataset.id, dataset, files: dataset.sources.slice(-results.length) });
    await write(true);
    return dataset;
  } catch (error) {
    await staging.abort().catch(() => {});
    Object.assign(job, { status: 'failed', error: importErrorInfo(error) });
    await write(true).catch(() => {});
    throw error;
  }
}
