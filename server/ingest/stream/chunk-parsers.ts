/**
 * Parse workers for big line-format files: chunks are read on other threads
 * while the importing thread stores the ones before, so reading and storing
 * a million messages overlap instead of taking turns. Results come back in
 * the order chunks were sent; `threads: 0` reads every chunk inline (same
 * results, one thread).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { TranscriptError } from '../errors.js';
import { parseChunk, type ChunkInput, type ChunkOutcome } from './parse-chunk.js';
import type { ChunkReply, ChunkRequest } from './chunk-parse-worker.js';

export interface ChunkParsed {
  outcome: ChunkOutcome;
  /** The memory that held the chunk's bytes, back from the parse thread, free for another chunk. */
  memory: ArrayBufferLike;
}

export interface ChunkParsers {
  /**
   * Parses one chunk. The whole of `input.bytes.buffer` goes to the parse
   * thread (transferred, not copied) and comes back as `memory`: nothing
   * else may live in it, and nothing may use it meanwhile.
   */
  parse(input: ChunkInput): Promise<ChunkParsed>;
  /** How many chunks may be in flight at once for the threads to stay busy. */
  readonly window: number;
  close(): Promise<void>;
}

/**
 * Threads that leave one core to the thread that stores (at least one, at
 * most four: past that the store is the bottleneck).
 */
export function defaultParseThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function inlineChunkParser(): ChunkParsers {
  return { parse: async (input) => ({ outcome: parseChunk(input), memory: input.bytes.buffer }), window: 1, close: async () => {} };
}

export function chunkParsers(threads = defaultParseThreads()): ChunkParsers {
  if (threads <= 0) return inlineChunkParser();
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve: (parsed: ChunkParsed) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed = false;

  // Once a parse thread has failed, so does every chunk after: nothing may wait on a thread that is gone.
  let broken: Error | undefined;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const spawn = () => {
    // The entry registers tsx, so the TypeScript worker runs the same way in `npm start`, the CLI and tests.
    const worker = new Worker(new URL('./chunk-parse-worker-entry.mjs', import.meta.url));
    worker.on('message', (reply: ChunkReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('outcome' in reply) p.resolve({ outcome: reply.outcome, memory: reply.memory });
      else if ('transcriptError' in reply) {
        const { code, message, details } = reply.transcriptError;
        p.resolve({ outcome: { ok: false, error: new TranscriptError(code, message, details) }, memory: reply.memory });
      } else p.reject(Object.assign(new Error(`parse worker: ${reply.error}`), reply.stack ? { stack: reply.stack } : {}));
    });
    // A dead parse thread fails the import (nothing is committed); the job says why.
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => {
      if (!closed) failAll(new Error(`parse worker exited with code ${code}`));
    });
    return worker;
  };
  for (let i = 0; i < threads; i++) workers.push(spawn());

  return {
    window: threads * 2,
    parse(input) {
      if (closed) return Promise.reject(new Error('chunk parsers closed'));
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      const request: ChunkRequest = { id, input };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage(request, [input.bytes.buffer as ArrayBuffer]);
      });
    },
    async close() {
      closed = true;
      for (const p of pending.values()) p.reject(new Error('chunk parsers closed'));
      pending.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
