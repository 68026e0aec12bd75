/**
 * A small pool of worker threads for the analysis, so a big graph's Louvain
 * and layout never block other requests (health checks, uploads, cached
 * graphs). Jobs queue when every worker is busy; a worker that dies is
 * replaced and its job fails with a clear error.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisJob, AnalysisReply } from './analysis-worker.js';

/** A job's result: the payload's JSON bytes, received without a copy. */
export interface AnalysisResult {
  body: Buffer;
  everyTie: boolean;
}

interface Pending {
  job: AnalysisJob;
  resolve: (result: AnalysisResult) => void;
  reject: (error: Error) => void;
}

export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size = Math.max(1, Math.min(2, os.availableParallelism() - 1))) {}

  run(job: Omit<AnalysisJob, 'id'>): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new Error('analysis pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('analysis pool closed'));
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private spawn(): Worker {
    // The entry registers tsx, so the TypeScript worker runs the same way in `npm start`, the CLI and tests.
    const worker = new Worker(new URL('./analysis-worker-entry.mjs', import.meta.url));
    worker.on('message', (reply: AnalysisReply) => {
      const pending = this.busy.get(worker);
      if (!pending || pending.job.id !== reply.id) return;
      this.busy.delete(worker);
      // A view on the transferred memory: nothing is copied or decoded on this thread.
      if ('body' in reply) pending.resolve({ body: Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength), everyTie: reply.everyTie });
      else pending.reject(new Error(`analysis: ${reply.error}`));
      this.idle.push(worker);
      this.dispatch();
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`analysis worker exited with code ${code}`)));
    return worker;
  }

  private lose(worker: Worker, error: Error): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    if (pending && !this.closed) pending.reject(error);
    if (!this.closed) this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.busy.size < this.size) worker = this.spawn();
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }
}
