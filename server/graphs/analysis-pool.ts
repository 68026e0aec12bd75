/**
 * A small pool of analysis processes, so a big graph's Louvain and layout
 * never block other requests (health checks, uploads, cached graphs). Jobs
 * queue when every worker is busy; a worker that dies is replaced and its
 * job fails with a clear error. (Processes, not threads: see
 * analysis-worker.ts.) A job may name what the process keeps for it (a
 * peers view): it then waits for the process that ran the last such job,
 * which holds it, rather than have another read it again.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisJob, AnalysisReply } from './analysis-worker.js';
import { isRunning } from '../runtime/process-alive.js';

/** A job's result: the payload's JSON bytes, read from the worker's file off the event loop. */
export interface AnalysisResult {
  body: Buffer;
  everyTie: boolean;
}

interface Pending {
  job: AnalysisJob;
  affinity?: string;
  resolve: (result: AnalysisResult) => void;
  reject: (error: Error) => void;
}

const RESULT_DIR_PREFIX = 'chat-atlas-analysis-';
/** A result folder's name, with the pid of the server that made it. */
const RESULT_DIR_OF_PID = new RegExp(`^${RESULT_DIR_PREFIX}(\\d+)-`);

/**
 * Removes the result folders of servers no longer running (a SIGKILL skips
 * close()): `chat-atlas-analysis-<pid>-…` whose process does not exist. A
 * folder whose pid is alive, or belongs to someone else, is left alone.
 */
export function removeStaleResultDirs(dir = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = RESULT_DIR_OF_PID.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another user's folder, or one going away already: not ours to worry about.
    }
  }
  return removed;
}

/** Affinities remembered: more than the views all processes keep together (compute-peers keeps two each). */
const HOMES_KEPT = 16;

export class AnalysisPool {
  private readonly idle: ChildProcess[] = [];
  private readonly busy = new Map<ChildProcess, Pending>();
  private readonly queue: Pending[] = [];
  private readonly ready = new WeakMap<ChildProcess, Promise<void>>();
  /** Affinity → the process that last ran a job with it, the most recent last (a few kept). */
  private readonly homes = new Map<string, ChildProcess>();
  private nextId = 1;
  private resultDir: string | undefined;
  private closed = false;

  constructor(private readonly size = Math.max(1, Math.min(2, os.availableParallelism() - 1))) {}

  /** `affinity`: what the process keeps for this job (see above). */
  run(job: Omit<AnalysisJob, 'id' | 'resultDir'>, affinity?: string): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    // Results cross through files in a folder of this pool's own, removed with it (whatever a crash left),
    // named with the server's pid so a later server removes the folders of one that was killed.
    if (!this.resultDir) {
      removeStaleResultDirs();
      this.resultDir = fs.mkdtempSync(path.join(os.tmpdir(), `${RESULT_DIR_PREFIX}${process.pid}-`));
    }
    const resultDir = this.resultDir;
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++, resultDir }, ...(affinity ? { affinity } : {}), resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of [...this.queue.splice(0), ...this.busy.values()]) p.reject(new Error('analysis pool closed'));
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => stop(w)));
    if (this.resultDir) fs.rmSync(this.resultDir, { recursive: true, force: true });
  }

  private spawn(): ChildProcess {
    // The entry registers tsx, so the TypeScript worker runs the same way in `npm start`, the CLI and tests.
    const worker = fork(fileURLToPath(new URL('./analysis-worker-entry.mjs', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Messages that reach the process before it listens would be lost: it says when it listens.
    const ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
    this.ready.set(worker, ready);
    worker.on('message', (reply: AnalysisReply | 'ready') => {
      if (reply === 'ready') return;
      const pending = this.busy.get(worker);
      if (!pending || pending.job.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      this.dispatch();
      if ('error' in reply) return pending.reject(new Error(`analysis: ${reply.error}`));
      // Read on libuv's threads: the event loop never holds or copies the megabytes.
      fs.promises
        .readFile(reply.file)
        .then(
          (body) => pending.resolve({ body, everyTie: reply.everyTie }),
          (error: Error) => pending.reject(new Error(`analysis: the result could not be read back (${error.message})`)),
        )
        .finally(() => fs.promises.rm(reply.file, { force: true }).catch(() => {}));
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code, signal) => this.lose(worker, new Error(`analysis worker exited with ${signal ?? `code ${code}`}`)));
    return worker;
  }

  private lose(worker: ChildProcess, error: Error): void {
    // A process that failed to answer is not left running.
    if (worker.exitCode === null && worker.signalCode === null) worker.kill();
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    for (const [affinity, home] of this.homes) if (home === worker) this.homes.delete(affinity);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    if (pending && !this.closed) pending.reject(error);
    if (!this.closed) this.dispatch();
  }

  /** Queued jobs in order to free processes; a job with a home waits for it, the jobs behind it go on. */
  private dispatch(): void {
    for (let i = 0; i < this.queue.length;) {
      const pending = this.queue[i]!;
      const worker = this.workerFor(pending.affinity);
      if (!worker) {
        if (!pending.affinity || !this.homes.has(pending.affinity)) return; // no process free for anyone
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.busy.set(worker, pending);
      void this.ready.get(worker)!.then(() => worker.send(pending.job));
    }
  }

  private workerFor(affinity: string | undefined): ChildProcess | undefined {
    const home = affinity === undefined ? undefined : this.homes.get(affinity);
    if (home) {
      const at = this.idle.indexOf(home);
      if (at < 0) return undefined;
      this.idle.splice(at, 1);
    }
    const worker = home ?? this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
    if (worker && affinity !== undefined) {
      this.homes.delete(affinity);
      this.homes.set(affinity, worker);
      if (this.homes.size > HOMES_KEPT) this.homes.delete(this.homes.keys().next().value!);
    }
    return worker;
  }
}

/** Ends a worker process and waits for it to be gone. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.kill();
  });
}
