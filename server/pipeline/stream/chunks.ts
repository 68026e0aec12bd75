/**
 * A byte stream → chunks of whole lines, so a file far bigger than memory
 * (or than V8's ~512 MiB string limit) is read a few MiB at a time. With
 * `csv`, a chunk ends only at a line break outside quotes (an even number
 * of `"` so far), since a quoted CSV field may hold line breaks.
 */
import { TranscriptError } from '../errors.js';

export interface LineChunk {
  bytes: Buffer;
  /** 1-based line number of the chunk's first line in the whole stream. */
  firstLine: number;
  /** Line breaks in `bytes`. */
  lines: number;
  /** Bytes of the stream consumed once this chunk is read. */
  bytesEnd: number;
}

export interface ChunkOptions {
  /** A chunk is cut at the first suitable line break after this many bytes (default 8 MiB). */
  targetBytes?: number;
  csv?: boolean;
  /** For errors. */
  fileName?: string;
}

/** One line (one JSON record) longer than this is refused: no real export has one. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

function countByte(bytes: Buffer, byte: number, from = 0, to = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(byte, from); i !== -1 && i < to; i = bytes.indexOf(byte, i + 1)) n++;
  return n;
}

/**
 * Where to cut `bytes`: just past the first line break at or after `from`
 * (for CSV, the first one outside quotes); -1 if there is none.
 */
function cutAt(bytes: Buffer, from: number, csv: boolean): number {
  if (!csv) {
    const i = bytes.indexOf(NEWLINE, Math.max(0, from - 1));
    return i === -1 ? -1 : i + 1;
  }
  // Walk quotes and line breaks in order from the start: a break counts once the quotes before it are even.
  let quotes = 0;
  let q = bytes.indexOf(QUOTE);
  for (let n = bytes.indexOf(NEWLINE); n !== -1; n = bytes.indexOf(NEWLINE, n + 1)) {
    while (q !== -1 && q < n) {
      quotes++;
      q = bytes.indexOf(QUOTE, q + 1);
    }
    if (n >= from - 1 && quotes % 2 === 0) return n + 1;
  }
  return -1;
}

export async function* lineChunks(source: AsyncIterable<Buffer | Uint8Array>, options: ChunkOptions = {}): AsyncGenerator<LineChunk> {
  const target = options.targetBytes ?? DEFAULT_CHUNK_BYTES;
  const csv = options.csv ?? false;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let consumed = 0;
  let line = 1;
  const emit = (bytes: Buffer): LineChunk => {
    const lines = countByte(bytes, NEWLINE);
    consumed += bytes.length;
    const chunk = { bytes, firstLine: line, lines, bytesEnd: consumed };
    line += lines;
    return chunk;
  };
  let nextTry = target;
  for await (const piece of source) {
    pending.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.length;
    if (pendingBytes < nextTry) continue;
    let joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    let cut = cutAt(joined, target, csv);
    // A stray quote would keep a CSV chunk open to the end of the file: past 4× the target, cut at any
    // line break and let the CSV reader report the bad row, as it does in a whole file.
    if (cut <= 0 && csv && pendingBytes >= 4 * target) cut = cutAt(joined, target, false);
    if (cut <= 0) {
      if (pendingBytes > MAX_LINE_BYTES) {
        throw new TranscriptError('unreadable_file', `${options.fileName ?? 'the file'}: line ${line} is longer than ${MAX_LINE_BYTES / 1024 ** 2} MiB`, {
          ...(options.fileName ? { file: options.fileName } : {}),
          line,
        });
      }
      // No break yet (one enormous line): read on, and look again once the buffer has doubled.
      pending = [joined];
      nextTry = pendingBytes * 2;
      continue;
    }
    // One piece read may hold several chunks' worth.
    while (cut > 0) {
      yield emit(joined.subarray(0, cut));
      joined = joined.subarray(cut);
      cut = joined.length >= target ? cutAt(joined, target, csv) : -1;
    }
    pending = joined.length > 0 ? [Buffer.from(joined)] : [];
    pendingBytes = joined.length;
    nextTry = target;
  }
  if (pendingBytes > 0) yield emit(pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
}
