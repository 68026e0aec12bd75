/**
 * A byte stream → chunks of whole lines, so a file far bigger than memory
 * (or than V8's ~512 MiB string limit) is read a few MiB at a time. With
 * `csv`, a chunk ends only at a line break outside quotes (an even number
 * of `"` so far), since a quoted CSV field may hold line breaks.
 *
 * A chunk is as many whole lines as fit in `targetBytes` (a longer line gets
 * a chunk of its own). Its memory is reused for a later chunk once the
 * reader calls `release()`: fresh megabytes cost page faults that, on a
 * virtual machine, took longer than parsing them.
 */
import type { FileHandle } from 'node:fs/promises';
import { TranscriptError } from '../errors.js';

export interface LineChunk {
  bytes: Buffer;
  /** 1-based line number of the chunk's first line in the whole stream. */
  firstLine: number;
  /** Line breaks in `bytes`. */
  lines: number;
  /** 1-based line number of the chunk's last line (its last line break ends it, or the stream does). */
  lastLine: number;
  /** Bytes of the stream consumed once this chunk is read. */
  bytesEnd: number;
  /**
   * Gives the chunk's memory back for a later chunk; `bytes` must not be
   * used after. Pass the ArrayBuffer when `bytes.buffer` was transferred to
   * a worker and came back. Never calling it is fine (nothing is reused).
   */
  release(returned?: ArrayBufferLike): void;
}

export interface ChunkOptions {
  /** Bytes per chunk: whole lines up to this many (default 1 MiB). */
  targetBytes?: number;
  csv?: boolean;
  /** For errors. */
  fileName?: string;
}

/** Reads up to `length` bytes into `into` at `offset`; 0 at the end. */
export type ByteSource = (into: Uint8Array, offset: number, length: number) => Promise<number>;

/** One line (one JSON record) longer than this is refused: no real export has one. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * About a thousand tweets. Measured on a 1M-message import: 8 MiB chunks
 * spent a quarter of the parse thread in garbage collection (a chunk's
 * messages lived long enough to be promoted, then died in the old space);
 * 1 MiB chunks took a third less CPU overall.
 */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

/** A file read straight into the chunk's memory (no intermediate buffers). */
export function fileBytes(handle: FileHandle): ByteSource {
  return async (into, offset, length) => (await handle.read(into, offset, length)).bytesRead;
}

/** Any stream of byte pieces (a zip entry), copied piece by piece into the chunk's memory. */
function iteratorBytes(iterator: AsyncIterator<Uint8Array>): ByteSource {
  let piece: Uint8Array | undefined;
  let at = 0;
  return async (into, offset, length) => {
    while (!piece || at >= piece.length) {
      const next = await iterator.next();
      if (next.done) return 0;
      piece = next.value;
      at = 0;
    }
    const n = Math.min(length, piece.length - at);
    into.set(piece.subarray(at, at + n), offset);
    at += n;
    return n;
  };
}

function countByte(bytes: Uint8Array, byte: number, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(byte); i !== -1 && i < end; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/** Just past the last line break in `bytes[0, end)` (for CSV, the last one outside quotes); 0 if none. */
function lastCut(bytes: Buffer, end: number, csv: boolean): number {
  const view = bytes.subarray(0, end);
  if (!csv) return view.lastIndexOf(NEWLINE) + 1;
  // Walk quotes and line breaks in order from the start: a break counts once the quotes before it are even.
  let quotes = 0;
  let cut = 0;
  let q = view.indexOf(QUOTE);
  for (let n = view.indexOf(NEWLINE); n !== -1; n = view.indexOf(NEWLINE, n + 1)) {
    while (q !== -1 && q < n) {
      quotes++;
      q = view.indexOf(QUOTE, q + 1);
    }
    if (quotes % 2 === 0) cut = n + 1;
  }
  return cut;
}

export async function* lineChunks(source: ByteSource | AsyncIterable<Uint8Array>, options: ChunkOptions = {}): AsyncGenerator<LineChunk> {
  const iterator = typeof source === 'function' ? undefined : source[Symbol.asyncIterator]();
  try {
    yield* chunksFrom(iterator ? iteratorBytes(iterator) : (source as ByteSource), options);
  } finally {
    // A stream left early (an unreadable file, a failed import) is closed, as `for await` would close it.
    await iterator?.return?.();
  }
}

async function* chunksFrom(read: ByteSource, options: ChunkOptions): AsyncGenerator<LineChunk> {
  const target = Math.max(1, options.targetBytes ?? DEFAULT_CHUNK_BYTES);
  const csv = options.csv ?? false;
  // Memory of released chunks, each `target` bytes; an ArrayBuffer of its own, so it can be transferred.
  const free: ArrayBufferLike[] = [];
  const take = (size: number) => Buffer.from(size === target && free.length > 0 ? free.pop()! : new ArrayBuffer(size));
  const giveBack = (memory: ArrayBufferLike) => {
    if (memory.byteLength === target && free.length < 8) free.push(memory);
  };

  let consumed = 0;
  let line = 1;
  let buffer = take(target);
  let filled = 0;
  const chunk = (memory: Buffer, end: number): LineChunk => {
    const bytes = memory.subarray(0, end);
    const lines = countByte(bytes, NEWLINE, end);
    consumed += end;
    const lastLine = line + lines - (bytes[end - 1] === NEWLINE ? 1 : 0);
    const out = {
      bytes,
      firstLine: line,
      lines,
      lastLine,
      bytesEnd: consumed,
      release: (returned?: ArrayBufferLike) => giveBack(returned ?? memory.buffer),
    };
    line += lines;
    return out;
  };

  for (;;) {
    let ended = false;
    while (filled < buffer.length) {
      const n = await read(buffer, filled, buffer.length - filled);
      if (n === 0) {
        ended = true;
        break;
      }
      filled += n;
    }
    if (ended) {
      if (filled > 0) yield chunk(buffer, filled);
      return;
    }
    let cut = lastCut(buffer, filled, csv);
    // A stray quote would keep a CSV chunk open to the end of the file: past 4× the target, cut at any
    // line break and let the CSV reader report the bad row, as it does in a whole file.
    if (cut === 0 && csv && filled >= 4 * target) cut = lastCut(buffer, filled, false);
    if (cut === 0) {
      // No break yet (one enormous line): read on into memory twice the size.
      if (buffer.length >= MAX_LINE_BYTES) {
        throw new TranscriptError(
          'unreadable_file',
          `${options.fileName ?? 'the file'}: line ${line} is longer than ${MAX_LINE_BYTES / 1024 ** 2} MiB`,
          {
            ...(options.fileName ? { file: options.fileName } : {}),
            line,
          },
        );
      }
      const bigger = take(Math.min(MAX_LINE_BYTES, buffer.length * 2));
      buffer.copy(bigger, 0, 0, filled);
      giveBack(buffer.buffer);
      buffer = bigger;
      continue;
    }
    // The unfinished line moves to the next chunk's memory before this chunk is handed out.
    const rest = filled - cut;
    const next = take(Math.max(target, rest));
    buffer.copy(next, 0, cut, filled);
    yield chunk(buffer, cut);
    buffer = next;
    filled = rest;
  }
}
