/**
 * The server's collections: creating, pausing, resuming, cancelling and
 * deleting them, and the small scheduler that runs them — due ones on each
 * tick (every 30 s; tests call `tick()` with their own clock), one run at a
 * time, and at start any run a stopped process left unfinished, from its
 * cursor. Each collection has one live copy in memory while it is touched,
 * so a pause from the API and a page saved by its run never overwrite each
 * other.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Collection, CollectionRun, CreateCollection } from '../../shared/index.js';
import type { ImportJobs } from '../imports/import-jobs.js';
import type { Store } from '../store/types.js';
import { HttpError } from '../plugins/errors.js';
import { FetchError, type SafeFetchOptions } from './net/safe-fetch.js';
import { ApiError, PoliteClient, type PoliteOptions } from './net/polite-client.js';
import { HISTORY_KEPT, newRun, publicView, type CollectionRecord } from './record.js';
import { removeRunFiles, runCollection, RunStopped, SOURCES, type RunLimits } from './run-collection.js';
import { credentialKey, open, seal } from './secret-box.js';
import { nextRun, parseSchedule } from './schedule.js';
import { newCollection } from './new-collection.js';
import { migrateSeen } from './seen-posts.js';
import type { Credentials } from './sources/types.js';

export interface CollectionsOptions {
  store: Store;
  imports: ImportJobs;
  dataDir: string;
  uploadDir: string;
  secret: string;
  fetch: SafeFetchOptions;
  limits: RunLimits;
  log: FastifyBaseLogger;
  /** The scheduler's clock (tests inject one). */
  now?: () => Date;
  /** Finer fetch rules for tests (e.g. one loopback address reachable, every other one judged as in production). */
  fetchOverrides?: Partial<SafeFetchOptions>;
  /** Waits for rate limits and retries (tests record them instead). */
  sleep?: PoliteOptions['sleep'];
  backoffMs?: number;
  /** Told when a run stored posts (to drop cached graphs). */
  onStored?: (datasetId: string) => void;
}

type StopReason = 'pause' | 'cancel' | 'delete' | 'shutdown';

const id = () => randomBytes(12).toString('base64url');

export class Collections {
  private readonly live = new Map<string, CollectionRecord>();
  private readonly running = new Map<string, AbortController & { why?: StopReason }>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly queued = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly key: Buffer;
  private readonly dir: string;

  constructor(private readonly options: CollectionsOptions) {
    this.key = credentialKey(options.secret);
    this.dir = path.join(options.dataDir, 'collections');
  }

  private now = () => (this.options.now ?? (() => new Date()))();

  private async load(collectionId: string): Promise<CollectionRecord | undefined> {
    const live = this.live.get(collectionId);
    if (live) return live;
    const stored = await this.options.store.getCollection(collectionId);
    if (!stored) return undefined;
    const record = JSON.parse(stored.state) as CollectionRecord;
    migrateSeen(this.dir, record);
    this.live.set(record.id, record);
    return record;
  }

  private async save(record: CollectionRecord): Promise<void> {
    const written = await this.options.store.putCollection({
      id: record.id,
      datasetId: record.datasetId,
      updatedAt: this.now().toISOString(),
      state: JSON.stringify(record),
    });
    // Its dataset was deleted: the collection went with it.
    if (!written) {
      this.live.delete(record.id);
      this.running.get(record.id)?.abort();
    }
  }

  view(record: CollectionRecord): Collection {
    return publicView(record, this.running.has(record.id));
  }

  async create(datasetId: string, body: CreateCollection): Promise<Collection> {
    const fetchRules = { ...this.options.fetch, ...this.options.fetchOverrides };
    const now = this.now();
    const record = newCollection(datasetId, body, {
      allowHttp: (fetchRules.allowPrivateHosts || fetchRules.allowHttp) ?? false,
      now,
      id: id(),
      seal: (plaintext, boundTo) => seal(this.key, plaintext, boundTo),
    });
    if (!record.paused) record.run = newRun(record, id(), 'created', now);
    this.live.set(record.id, record);
    if (
      !(await this.options.store.putCollection({ id: record.id, datasetId, updatedAt: now.toISOString(), state: JSON.stringify(record) }))
    ) {
      this.live.delete(record.id);
      throw new HttpError(404, 'not_found', `dataset ${datasetId} not found`);
    }
    if (record.run) this.enqueue(record.id);
    return this.view(record);
  }

  async list(datasetId: string): Promise<Collection[]> {
    const stored = await this.options.store.listCollections(datasetId);
    const records = await Promise.all(stored.map((s) => this.load(s.id)));
    return records.filter((r): r is CollectionRecord => r !== undefined).map((r) => this.view(r));
  }

  async get(datasetId: string, collectionId: string): Promise<CollectionRecord> {
    // Gone from the store (its dataset was deleted): forget the live copy too.
    if (!(await this.options.store.getCollection(collectionId))) this.live.delete(collectionId);
    const record = await this.load(collectionId);
    if (!record || record.datasetId !== datasetId) throw new HttpError(404, 'not_found', `collection ${collectionId} not found`);
    return record;
  }

  /** Stops runs and schedule; a run under way stops after its current step and resumes from there. */
  async pause(record: CollectionRecord): Promise<Collection> {
    record.paused = true;
    this.stop(record.id, 'pause');
    await this.save(record);
    return this.view(record);
  }

  /** Runs again: a paused run resumes, and the schedule picks up from now. */
  async resume(record: CollectionRecord): Promise<Collection> {
    record.paused = false;
    if (record.schedule) record.nextRunAt = nextRun(parseSchedule(record.schedule), this.now()).toISOString();
    await this.save(record);
    if (record.run) this.enqueue(record.id);
    return this.view(record);
  }

  /** Collects what is new now (the run a schedule would start). */
  async runNow(record: CollectionRecord): Promise<Collection> {
    if (record.paused) throw new HttpError(409, 'paused', `collection ${record.id} is paused: resume it first`);
    if (!record.run) {
      record.run = newRun(record, id(), 'manual', this.now());
      await this.save(record);
    }
    this.enqueue(record.id);
    return this.view(record);
  }

  /** Drops the run under way (nothing of it is stored); the collection and its schedule stay. */
  async cancel(record: CollectionRecord): Promise<Collection> {
    if (record.run?.phase === 'importing')
      throw new HttpError(409, 'storing', 'the run is being stored already; it cannot be cancelled now');
    const run = record.run;
    if (run && !this.stop(record.id, 'cancel')) {
      this.finish(record, { status: 'cancelled', stored: 0 });
      await this.save(record);
    }
    return this.view(record);
  }

  async delete(record: CollectionRecord): Promise<void> {
    this.stop(record.id, 'delete');
    this.live.delete(record.id);
    await this.options.store.deleteCollection(record.id);
    removeRunFiles(this.dir, record.id);
  }

  /** True when a run was under way and was told to stop. */
  private stop(collectionId: string, why: StopReason): boolean {
    const controller = this.running.get(collectionId);
    if (!controller) return false;
    controller.why = why;
    controller.abort();
    return true;
  }

  /** Starts due runs: scheduled ones whose time has come, and unfinished ones (after a restart). */
  async tick(): Promise<void> {
    if (this.closed) return;
    const now = this.now();
    for (const stored of await this.options.store.listCollections()) {
      const record = await this.load(stored.id);
      if (!record || record.paused || this.queued.has(record.id)) continue;
      if (!record.run && record.nextRunAt && record.nextRunAt <= now.toISOString()) {
        record.run = newRun(record, id(), 'schedule', now);
        record.nextRunAt = nextRun(parseSchedule(record.schedule!), now).toISOString();
        await this.save(record);
      }
      if (record.run) this.enqueue(record.id);
    }
  }

  /** Resumes unfinished runs and ticks every `everyMs` from now on. */
  start(everyMs = 30_000): void {
    void this.tick().catch((err) => this.options.log.error({ err }, 'collections: tick failed'));
    this.timer = setInterval(() => void this.tick().catch((err) => this.options.log.error({ err }, 'collections: tick failed')), everyMs);
    this.timer.unref();
  }

  /** Settles when every queued run has ended (tests). */
  idle(): Promise<unknown> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const collectionId of this.running.keys()) this.stop(collectionId, 'shutdown');
    await this.queue.catch(() => {});
  }

  private enqueue(collectionId: string): void {
    if (this.queued.has(collectionId) || this.closed) return;
    this.queued.add(collectionId);
    this.queue = this.queue
      .then(() => this.execute(collectionId))
      .catch((err) => this.options.log.error({ err, collection: collectionId }, 'collection run failed'))
      .finally(() => this.queued.delete(collectionId));
  }

  private async execute(collectionId: string): Promise<void> {
    const record = this.live.get(collectionId);
    if (!record?.run || record.paused || this.closed) return;
    const controller: AbortController & { why?: StopReason } = new AbortController();
    this.running.set(record.id, controller);
    const client = new PoliteClient({
      fetch: { ...this.options.fetch, ...this.options.fetchOverrides },
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      ...(this.options.backoffMs !== undefined ? { backoffMs: this.options.backoffMs } : {}),
      now: () => this.now().getTime(),
    });
    try {
      let credentials: Credentials | undefined;
      try {
        credentials = record.credentials ? (JSON.parse(open(this.key, record.credentials, record.id)) as Credentials) : undefined;
      } catch (error) {
        // Says what to do (the server secret changed), never anything of the sealed value.
        throw new RunStopped((error as Error).message);
      }
      const stored = await runCollection(record, {
        store: this.options.store,
        imports: this.options.imports,
        dir: this.dir,
        uploadDir: this.options.uploadDir,
        limits: this.options.limits,
        client,
        credentials,
        save: () => this.save(record),
        signal: controller.signal,
      });
      this.finish(record, { status: 'done', stored });
      if (stored > 0) this.options.onStored?.(record.datasetId);
    } catch (error) {
      const why = controller.why;
      if (why === 'delete' || !this.live.has(record.id)) return;
      if (why === 'pause' || why === 'shutdown') return; // the run stays, to resume from its cursor
      if (why === 'cancel') this.finish(record, { status: 'cancelled', stored: 0 });
      else this.finish(record, { status: 'failed', stored: 0, error: this.explain(error, record) });
    } finally {
      this.running.delete(record.id);
      if (this.live.has(record.id)) await this.save(record);
    }
  }

  /** A failure in words for the history: ours (fetch, API, import) are safe to show; anything else is logged, not shown. */
  private explain(error: unknown, record: CollectionRecord): string {
    if (error instanceof FetchError || error instanceof ApiError || error instanceof RunStopped) return error.message;
    const info = (error as { info?: { message?: string; status?: number } }).info;
    if (info?.message && (info.status ?? 500) < 500) return info.message;
    this.options.log.error({ err: error, collection: record.id }, 'collection run failed');
    return 'internal error (logged on the server)';
  }

  private finish(record: CollectionRecord, outcome: { status: CollectionRun['status']; stored: number; error?: string }): void {
    const run = record.run;
    if (!run) return;
    const entry: CollectionRun = {
      id: run.id,
      startedAt: run.startedAt,
      finishedAt: this.now().toISOString(),
      status: outcome.status,
      trigger: run.trigger,
      posts: outcome.status === 'done' ? run.posts : 0,
      stored: outcome.stored,
      leftOut: run.leftOut,
      ...(run.importId ? { importId: run.importId } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
      waitedSeconds: Math.round(run.waitedMs / 100) / 10,
    };
    record.history = [entry, ...record.history].slice(0, HISTORY_KEPT);
    if (outcome.status === 'done') {
      for (const c of run.cursors) {
        const mark = SOURCES[record.source].newer(record.marks[c.instance], c.newest);
        if (mark) record.marks[c.instance] = mark;
      }
    }
    record.run = undefined;
    removeRunFiles(this.dir, record.id, run.id);
  }
}
