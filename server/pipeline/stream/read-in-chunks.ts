/**
 * One big transcript in a line format (JSON Lines of any JSON format, CSV)
 * read chunk by chunk: each chunk of whole lines is parsed and normalized on
 * its own and staged, so memory stays flat however big the file. Line
 * numbers in reports are the file's, not the chunk's.
 *
 * What differs from reading the file whole: a chat is inferred per chunk
 * (a few thousand messages: the chat tags of that stretch of the archive),
 * and a reply's chat is looked up in its own chunk only.
 */
import { isUtf8 } from 'node:buffer';
import type { FormatId, Message, PersonProfile, Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { normalizeMessages } from '../normalize.js';
import { parserFor } from '../parse/index.js';
import { MAX_REPORTED_SKIPS } from '../read-transcript.js';
import { lineChunks, type ChunkOptions } from './chunks.js';
import type { ImportSink } from './sink.js';

export interface ChunkedReadOptions {
  fileName: string;
  format: FormatId;
  chat?: string | undefined;
  chunk?: ChunkOptions;
}

/** Formats whose parser reads JSON Lines, so any run of whole lines is a file of its own. */
export const JSON_LINE_FORMATS: ReadonlySet<FormatId> = new Set(['twitter-v1', 'twitter-v2', 'mastodon', 'bluesky', 'teams']);
export const CSV_FORMATS: ReadonlySet<FormatId> = new Set(['csv', 'tags-csv']);
const MAX_WARNINGS = 20;

/** Whether `head` (the file's first bytes, decoded) is JSON Lines: a first line that is a whole JSON object. */
export function isJsonLines(head: string): boolean {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('{')) return false;
  const end = body.indexOf('\n');
  if (end < 0) return false;
  try {
    const first: unknown = JSON.parse(body.slice(0, end));
    return first !== null && typeof first === 'object' && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** Whether a file of `format` starting with `head` can be read in chunks. */
export function readsInChunks(format: FormatId, head: string): boolean {
  return CSV_FORMATS.has(format) || (JSON_LINE_FORMATS.has(format) && isJsonLines(head));
}

const latin1 = new TextDecoder('windows-1252');

export async function readInChunks(source: AsyncIterable<Buffer | Uint8Array>, options: ChunkedReadOptions, sink: ImportSink): Promise<void> {
  const { fileName, format } = options;
  const csv = CSV_FORMATS.has(format);
  const parser = parserFor(format);
  let index: number | undefined;
  let header: string | undefined;
  let messages = 0;
  let skippedCount = 0;
  const skippedItems: Skipped[] = [];
  const warnings = new Set<string>();
  let extraWarnings = 0;
  let chunkNo = 0;
  const skip = (items: readonly Skipped[]) => {
    skippedCount += items.length;
    for (const item of items) if (skippedItems.length < MAX_REPORTED_SKIPS) skippedItems.push(item);
  };
  const warn = (text: string) => {
    if (warnings.has(text)) return;
    if (warnings.size < MAX_WARNINGS) warnings.add(text);
    else extraWarnings++;
  };

  for await (const chunk of lineChunks(source, { ...options.chunk, csv, fileName })) {
    chunkNo++;
    const body = chunkNo === 1 && chunk.bytes[0] === 0xef && chunk.bytes[1] === 0xbb && chunk.bytes[2] === 0xbf ? chunk.bytes.subarray(3) : chunk.bytes;
    let text: string;
    if (isUtf8(body)) text = body.toString('utf8');
    else {
      text = latin1.decode(body);
      warn(`${fileName}: lines ${chunk.firstLine}–${chunk.firstLine + chunk.lines} were read as windows-1252`);
    }
    // Every CSV chunk after the first gets the header line again; its line 2 is the chunk's first line.
    let lineOffset = chunk.firstLine - 1;
    if (csv) {
      if (header === undefined) header = text.slice(0, text.search(/\r?\n|$/));
      else {
        text = `${header}\n${text}`;
        lineOffset -= 1;
      }
    }
    if (text.trim() === '') continue;
    let parsed;
    try {
      parsed = parser.parse(text, { fileName });
    } catch (error) {
      // The first chunk is the file's first impression: unreadable there, unreadable at all.
      if (!(error instanceof TranscriptError) || chunkNo === 1) throw error;
      skip([{ line: chunk.firstLine, reason: `lines ${chunk.firstLine}–${chunk.firstLine + chunk.lines}: ${error.message}` }]);
      sink.progress(chunk.bytesEnd);
      continue;
    }
    const normalized = normalizeMessages(parsed.messages, { fileName, ...(options.chat ? { chat: options.chat } : {}) });
    skip(parsed.skipped.map((s) => (s.line ? { ...s, line: s.line + lineOffset } : s)));
    skip(normalized.skipped.map((s) => (s.record ? { ...s, record: s.record + messages } : s)));
    for (const w of [...parsed.warnings, ...normalized.warnings]) warn(w);
    if (normalized.messages.length > 0) {
      index ??= sink.beginFile();
      await sink.stage(index, normalized.messages, peopleNamed(normalized.messages, parsed.people));
      messages += normalized.messages.length;
    }
    sink.progress(chunk.bytesEnd);
  }

  if (index === undefined) {
    const first = skippedItems[0];
    const where = first?.line ? ` (line ${first.line}: ${first.reason})` : first?.record ? ` (record ${first.record}: ${first.reason})` : '';
    throw new TranscriptError('no_messages', `${fileName}: read as ${format}, but no message could be used${where}`, {
      file: fileName,
      ...(first?.line ? { line: first.line } : {}),
      skipped: skippedItems,
    });
  }
  const report = [...warnings];
  if (extraWarnings > 0) report.push(`… and ${extraWarnings} more warning(s) about ${fileName}`);
  sink.endFile(index, { file: fileName, format, messages, skipped: skippedCount, skippedItems, warnings: report });
}

/** Profiles of the people who wrote or are named in these messages; others are noise. */
function peopleNamed(messages: readonly Message[], people: readonly PersonProfile[]): PersonProfile[] {
  const named = new Set<string>();
  for (const m of messages) {
    named.add(m.author);
    for (const k of m.mentions) named.add(k);
    if (m.replyToAuthor) named.add(m.replyToAuthor);
    if (m.repostOf) named.add(m.repostOf);
  }
  return people.filter((p) => named.has(p.key));
}
