/**
 * One big transcript in a line format (JSON Lines of any JSON format, CSV)
 * read chunk by chunk: each chunk of whole lines is parsed and normalized on
 * its own and staged, so memory stays flat however big the file. Line
 * numbers in reports are the file's, not the chunk's.
 *
 * Chunks after the first are parsed on worker threads (chunk-parsers.ts)
 * while this thread stores the ones before; they are taken in file order,
 * so the result is the same as reading them one by one.
 *
 * What differs from reading the file whole: a chat is inferred per chunk
 * (a few thousand messages: the chat tags of that stretch of the archive),
 * and a reply's chat is looked up in its own chunk only.
 */
import type { FormatId, Skipped } from '../../../shared/index.js';
import { isJsonLines } from '../parse/read-json.js';
import { MAX_REPORTED_SKIPS, noMessagesError } from '../read-transcript.js';
import { chunkParsers, inlineChunkParser } from './chunk-parsers.js';
import { lineChunks, type ByteSource, type ChunkOptions, type LineChunk } from './chunks.js';
import { CSV_FORMATS, parseChunk, type ChunkOutcome } from './parse-chunk.js';
import type { ImportSink } from './sink.js';
import type { TableOptions } from '../parse/types.js';
import { isJsonArrayHead } from '../parse/table/rows.js';

export interface ChunkedReadOptions {
  fileName: string;
  format: FormatId;
  chat?: string | undefined;
  /** How to read a table: the user's column mapping and time zone. */
  table?: TableOptions | undefined;
  chunk?: ChunkOptions;
  /** Threads that parse chunks (default: the cores but one, 1–4); 0 parses them on this thread. */
  parseThreads?: number | undefined;
  /** A longer message text is cut to this many characters (see normalize). */
  maxMessageChars?: number | undefined;
}

/** Formats whose parser reads JSON Lines, so any run of whole lines is a file of its own. */
export const JSON_LINE_FORMATS: ReadonlySet<FormatId> = new Set(['twitter-v1', 'twitter-v2', 'mastodon', 'bluesky', 'teams']);
export { CSV_FORMATS, isJsonLines };
const MAX_WARNINGS = 20;

/** Whether a file of `format` starting with `head` can be read in chunks. */
export function readsInChunks(format: FormatId, head: string): boolean {
  // A table that is a JSON array is one document, read whole.
  return (CSV_FORMATS.has(format) && !isJsonArrayHead(head)) || (JSON_LINE_FORMATS.has(format) && isJsonLines(head));
}

export async function readInChunks(
  source: ByteSource | AsyncIterable<Uint8Array>,
  options: ChunkedReadOptions,
  sink: ImportSink,
): Promise<void> {
  const { fileName, format } = options;
  let index: number | undefined;
  let csvHeader: string | undefined;
  let messages = 0;
  let skippedCount = 0;
  const skippedItems: Skipped[] = [];
  const warnings = new Set<string>();
  let extraWarnings = 0;
  const skip = (items: readonly Skipped[]) => {
    skippedCount += items.length;
    for (const item of items) if (skippedItems.length < MAX_REPORTED_SKIPS) skippedItems.push(item);
  };
  const warn = (text: string) => {
    if (warnings.has(text)) return;
    if (warnings.size < MAX_WARNINGS) warnings.add(text);
    else extraWarnings++;
  };

  /** One chunk's outcome, taken in file order. */
  let impressed = false;
  const take = async (chunk: LineChunk, outcome: ChunkOutcome) => {
    const { lastLine } = chunk;
    const lines = lastLine > chunk.firstLine ? `lines ${chunk.firstLine}–${lastLine}` : `line ${chunk.firstLine}`;
    if (!outcome.ok) {
      // The first chunk with anything in it is the file's first impression: unreadable there, unreadable at all.
      if (!impressed) throw outcome.error;
      // Every line of it is skipped; one report names them all.
      skip([{ line: chunk.firstLine, reason: `${lines}: ${outcome.error.message}` }]);
      skippedCount += lastLine - chunk.firstLine;
      sink.progress(chunk.bytesEnd);
      return;
    }
    impressed ||= outcome.messages.length > 0 || outcome.skippedLines.length > 0 || outcome.skippedRecords.length > 0;
    if (outcome.latin1) warn(`${fileName}: ${lines} ${lastLine > chunk.firstLine ? 'were' : 'was'} read as windows-1252`);
    skip(outcome.skippedLines);
    skip(outcome.skippedRecords.map((s) => (s.record ? { ...s, record: s.record + messages } : s)));
    for (const w of outcome.warnings) warn(w);
    if (outcome.messages.length > 0) {
      index ??= sink.beginFile();
      await sink.stage(index, outcome.messages, outcome.people);
      messages += outcome.messages.length;
    }
    sink.progress(chunk.bytesEnd);
  };

  // The first chunk is read here (its CSV header is every later chunk's, and a file unreadable from the
  // start fails at once); the rest go to the parse threads, at most `window` ahead of the one being stored.
  const parsers = options.parseThreads === 0 ? inlineChunkParser() : chunkParsers(options.parseThreads);
  const inFlight: { chunk: LineChunk; outcome: Promise<ChunkOutcome> }[] = [];
  try {
    let first = true;
    for await (const chunk of lineChunks(source, { ...options.chunk, csv: CSV_FORMATS.has(format), fileName })) {
      const input = {
        bytes: chunk.bytes,
        firstLine: chunk.firstLine,
        lastLine: chunk.lastLine,
        fileName,
        format,
        chat: options.chat,
        table: options.table,
        csvHeader,
        first,
        maxMessageChars: options.maxMessageChars,
      };
      if (first) {
        const outcome = parseChunk(input);
        chunk.release();
        if (outcome.ok && outcome.csvHeader !== undefined) csvHeader = outcome.csvHeader;
        await take(chunk, outcome);
        first = false;
        continue;
      }
      // The chunk's memory goes to the parse thread and comes back with the outcome, for a later chunk.
      const outcome = parsers.parse(input).then(({ outcome, memory }) => {
        chunk.release(memory);
        return outcome;
      });
      // Awaited in order below; until then a rejection must not count as unhandled.
      outcome.catch(() => {});
      inFlight.push({ chunk, outcome });
      if (inFlight.length >= parsers.window) {
        const next = inFlight.shift()!;
        await take(next.chunk, await next.outcome);
      }
    }
    for (let next = inFlight.shift(); next; next = inFlight.shift()) await take(next.chunk, await next.outcome);
  } finally {
    await parsers.close();
  }

  if (index === undefined) throw noMessagesError(fileName, format, skippedItems);
  const report = [...warnings];
  if (extraWarnings > 0) report.push(`… and ${extraWarnings} more warning(s) about ${fileName}`);
  sink.endFile(index, { file: fileName, format, messages, skipped: skippedCount, skippedItems, warnings: report });
}
