/**
 * One run of a collection, resumable at every step. Fetching: each source
 * step's kept posts are written to a page file (write, then rename: a page
 * is whole or absent) and the cursor is saved after it, so a run killed at
 * any point restarts at the step it had not finished — a page written twice
 * is the same file. Importing: the pages become one file per instance, named
 * for where and when they were collected (the dataset's provenance), and go
 * through an import job like any upload: all of it lands or none, and a
 * post already in the dataset is stored once, so importing again after a
 * crash doubles nothing. Judging each post here (public? opted out? in the
 * window? seen?) means nothing left out ever reaches the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../shared/index.js';
import type { ImportJobs } from '../imports/import-jobs.js';
import { optedOutIn } from '../privacy/flagged-people.js';
import { readKeyInput } from '../privacy/person-keys.js';
import type { Store } from '../store/types.js';
import type { PoliteClient } from './net/polite-client.js';
import { uriHash, type CollectionRecord, type RunState } from './record.js';
import { appendSeen, keptByRun, pageFile, readSeen } from './seen-posts.js';
import type { Credentials, Json, Source, SourceCursor } from './sources/types.js';
import { mastodonSource } from './sources/mastodon.js';
import { blueskySource } from './sources/bluesky.js';
import { collectionChat } from './collection-chat.js';

export const SOURCES: Record<CollectionRecord['source'], Source> = { mastodon: mastodonSource, bluesky: blueskySource };

export interface RunLimits {
  /** Timeline pages per instance per run (default 200: 8,000 Mastodon posts). */
  maxPages: number;
  /** Threads fetched per instance per run (default 100). */
  maxThreads: number;
  /** Keep accounts that opted out of discovery or search (default false; an operator's informed choice). */
  includeOptedOut: boolean;
}

export interface RunDeps {
  store: Store;
  imports: ImportJobs;
  /** Where runs keep their pages: `<dir>/<collection>/<run>/`. */
  dir: string;
  /** Where the run's files wait for their import job (the upload folder). */
  uploadDir: string;
  limits: RunLimits;
  client: PoliteClient;
  credentials: Credentials | undefined;
  /** Persists the record (the caller's one live copy). */
  save: () => Promise<void>;
  signal: AbortSignal;
}

/** Stopped by pause, cancel, delete or shutdown: the caller decides what becomes of the run. */
export class RunStopped extends Error {}

const runDir = (deps: RunDeps, record: CollectionRecord, run: RunState) => path.join(deps.dir, record.id, run.id);

/** Everyone opted out of this dataset or all: keys, and handles given without a platform. */
async function optedOut(store: Store, datasetId: string): Promise<(key: string) => boolean> {
  const keys = await optedOutIn(store, datasetId);
  const handles = new Set(
    (await store.getPersonFlags(datasetId)).flatMap((f) => {
      const input = f.flag === 'opt-out' ? readKeyInput(f.key) : undefined;
      return input?.kind === 'handle' ? [input.handle] : [];
    }),
  );
  return (key) => keys.has(key) || handles.has(key.slice(key.indexOf(':') + 1));
}

function writePage(file: string, content: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content));
  fs.renameSync(`${file}.tmp`, file);
}

async function fetchAll(record: CollectionRecord, run: RunState, deps: RunDeps): Promise<void> {
  const source = SOURCES[record.source];
  const isOptedOut = await optedOut(deps.store, record.datasetId);
  // Posts of earlier runs, and of this one before a restart (its saved pages).
  const seen = readSeen(deps.dir, record.id);
  for (const hash of keptByRun(source, runDir(deps, record, run), run)) seen.add(hash);
  for (let i = 0; i < run.cursors.length; i++) {
    while (run.cursors[i]!.stage !== 'done') {
      if (deps.signal.aborted) throw new RunStopped();
      const before: SourceCursor = run.cursors[i]!;
      const waitsBefore = deps.client.waits.length;
      const { items, cursor } = await source.step(
        {
          client: deps.client,
          instance: before.instance,
          tag: record.tag,
          since: record.since,
          until: record.until,
          sinceMark: record.marks[before.instance],
          credentials: deps.credentials,
          signal: deps.signal,
        },
        before,
      );
      run.waitedMs += deps.client.waits.slice(waitsBefore).reduce((n, w) => n + w.ms, 0);
      const kept: Json[] = [];
      for (const item of items) {
        const facts = source.describe(item);
        if (!facts.public) run.leftOut.notPublic++;
        else if ((facts.optOut && !deps.limits.includeOptedOut) || (facts.author && isOptedOut(facts.author))) run.leftOut.optedOut++;
        else if (!facts.time || (record.since && facts.time < record.since) || (record.until && facts.time > record.until))
          run.leftOut.outsideWindow++;
        else if (seen.has(uriHash(facts.uri))) run.leftOut.duplicates++;
        else {
          seen.add(uriHash(facts.uri));
          kept.push(item);
        }
      }
      if (before.stage === 'timeline') {
        const room = Math.max(0, deps.limits.maxThreads - cursor.threadsQueued);
        const queued = source
          .threadsOf(kept)
          .filter((t) => !cursor.threads.includes(t))
          .slice(0, room);
        cursor.threads = [...cursor.threads, ...queued];
        cursor.threadsQueued += queued.length;
        cursor.timelinePages = (before.timelinePages ?? 0) + 1;
        if (cursor.stage === 'timeline' && cursor.timelinePages >= deps.limits.maxPages) cursor.stage = 'threads';
        if (cursor.stage === 'threads' && cursor.threads.length === 0) cursor.stage = 'done';
      }
      if (kept.length > 0) {
        writePage(pageFile(runDir(deps, record, run), i, before.pages), source.line(kept));
        cursor.pages = before.pages + 1;
        run.posts += kept.length;
      }
      run.cursors[i] = cursor;
      await deps.save();
    }
  }
}

/**
 * The run's pages as one JSON Lines file per instance with posts, in the upload folder, named for their
 * provenance; every post of them is in the collection's one chat (collection-chat.ts).
 */
function runFiles(record: CollectionRecord, run: RunState, deps: RunDeps) {
  const dir = runDir(deps, record, run);
  const pages = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  fs.mkdirSync(deps.uploadDir, { recursive: true });
  return run.cursors.flatMap((cursor, i) => {
    const mine = pages.filter((p) => p.startsWith(`${i}-`));
    if (mine.length === 0) return [];
    const file = path.join(deps.uploadDir, `collect-${run.id}-${i}.jsonl`);
    fs.writeFileSync(file, mine.map((p) => fs.readFileSync(path.join(dir, p), 'utf8')).join('\n') + '\n');
    const where = `${cursor.instance.replace(/^https?:\/\//, '')} ${record.source === 'mastodon' ? `#${record.tag}` : `"${record.tag}"`}`;
    return [
      {
        path: file,
        fileName: `${record.source} ${where}, collected ${run.startedAt}`,
        size: fs.statSync(file).size,
        format: record.source,
        chat: collectionChat(record.tag),
      },
    ];
  });
}

/**
 * Runs (or resumes) `record.run` to its stored end; returns how many posts
 * were new in the dataset. Once stored, the run's posts join the collection's
 * seen posts, before the caller records the run (a crash between the two
 * records it on restart and adds them again, harmlessly).
 */
export async function runCollection(record: CollectionRecord, deps: RunDeps): Promise<number> {
  const run = record.run!;
  const stored = await storeRun(record, run, deps);
  appendSeen(deps.dir, record.id, keptByRun(SOURCES[record.source], runDir(deps, record, run), run));
  return stored;
}

async function storeRun(record: CollectionRecord, run: RunState, deps: RunDeps): Promise<number> {
  if (run.phase === 'fetching') {
    await fetchAll(record, run, deps);
    run.phase = 'importing';
    await deps.save();
  }
  if (run.importId) {
    // Stored before a restart? Then only the bookkeeping is left.
    const job = await deps.store.getImportJob(run.importId);
    if (job?.status === 'done') return job.files.reduce((n, f) => n + f.stored, 0);
  }
  const files = runFiles(record, run, deps);
  if (files.length === 0) return 0;
  const dataset = await deps.store.getDataset(record.datasetId);
  if (!dataset) throw new RunStopped('the dataset was deleted');
  const started = await deps.imports.start({ datasetId: dataset.id, name: dataset.name, files });
  run.importId = started.job.id;
  await deps.save();
  const stored: Dataset = await started.done;
  return stored.sources.slice(-files.length).reduce((n, f) => n + f.stored, 0);
}

export function removeRunFiles(dir: string, collectionId: string, runId?: string): void {
  fs.rmSync(runId ? path.join(dir, collectionId, runId) : path.join(dir, collectionId), { recursive: true, force: true });
}
