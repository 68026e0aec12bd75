/**
 * The worker side of chunk-parsers.ts: parses chunks as they come and posts
 * each outcome back. A TranscriptError crosses as its parts (a class does
 * not survive the copy); anything else is a bug, sent with its stack.
 */
import { parentPort } from 'node:worker_threads';
import { TranscriptError, type TranscriptErrorCode, type TranscriptErrorDetails } from '../errors.js';
import { parseChunk, type ChunkInput, type ChunkOutcome } from './parse-chunk.js';

export interface ChunkRequest {
  id: number;
  input: ChunkInput;
}

/** `memory`: the chunk's ArrayBuffer, transferred back for the reader to reuse. */
export type ChunkReply =
  | { id: number; memory: ArrayBuffer; outcome: Extract<ChunkOutcome, { ok: true }> }
  | { id: number; memory: ArrayBuffer; transcriptError: { code: TranscriptErrorCode; message: string; details: TranscriptErrorDetails } }
  | { id: number; error: string; stack?: string };

parentPort?.on('message', ({ id, input }: ChunkRequest) => {
  let reply: ChunkReply;
  // Strings made from the bytes are copies, so the memory can go back as soon as the chunk is read.
  const memory = input.bytes.buffer as ArrayBuffer;
  try {
    const outcome = parseChunk(input);
    reply = outcome.ok ? { id, memory, outcome } : { id, memory, transcriptError: transcriptErrorParts(outcome.error) };
  } catch (error) {
    reply =
      error instanceof Error ? { id, error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { id, error: String(error) };
  }
  parentPort!.postMessage(reply, 'memory' in reply ? [reply.memory] : []);
});

function transcriptErrorParts(error: TranscriptError) {
  return { code: error.code, message: error.message, details: error.details };
}
