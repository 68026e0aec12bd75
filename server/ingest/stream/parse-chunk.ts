/**
 * One chunk of whole lines of a big line-format transcript, read on its own:
 * decoded (UTF-8, else windows-1252), parsed, normalized, with the profiles
 * of the people its messages name. A pure function of its input, so it runs
 * the same inline or in a parse worker (see chunk-parsers.ts), and chunks can
 * be read in parallel while earlier ones are stored.
 */
import { isUtf8 } from 'node:buffer';
import type { FormatId, Message, PersonProfile, Skipped } from '../../../shared/index.js';
import { afterUtf8Bom } from '../decode.js';
import { TranscriptError } from '../errors.js';
import { normalizeMessages } from '../normalize.js';
import { parserFor } from '../parse/index.js';
import { splitUtf8Lines } from '../parse/read-json.js';
import type { ParseResult, TableOptions } from '../parse/types.js';
import { peopleNamed } from '../profiles.js';

export interface ChunkInput {
  bytes: Uint8Array;
  /** 1-based line of the chunk's first line in the whole file. */
  firstLine: number;
  /** …and of its last, named in warnings about the chunk's messages. */
  lastLine?: number | undefined;
  fileName: string;
  format: FormatId;
  chat?: string | undefined;
  /** How to read a table: the user's column mapping and time zone. */
  table?: TableOptions | undefined;
  /** A CSV file's header line, put before every chunk after the first (which holds it). */
  csvHeader?: string | undefined;
  /** Whether this is the file's first chunk (its byte-order mark is dropped). */
  first: boolean;
  /** A longer message text is cut to this many characters (see normalize). */
  maxMessageChars?: number | undefined;
}

export type ChunkOutcome =
  | {
      ok: true;
      messages: Message[];
      /** Profiles of the people these messages name. */
      people: PersonProfile[];
      /** Lines skipped, numbered as in the whole file. */
      skippedLines: Skipped[];
      /** Records normalize skipped, numbered within this chunk's messages. */
      skippedRecords: Skipped[];
      warnings: string[];
      /** The chunk was not UTF-8 and was read as windows-1252. */
      latin1: boolean;
      /** The CSV header line, when this chunk is a CSV file's first. */
      csvHeader?: string;
    }
  | { ok: false; error: TranscriptError };

const latin1Decoder = new TextDecoder('windows-1252');

/** Reads one chunk. A problem with the file is returned as a TranscriptError; anything else is a bug and throws. */
export function parseChunk(input: ChunkInput): ChunkOutcome {
  const { fileName, format } = input;
  const raw = input.bytes;
  const buffer = input.first ? afterUtf8Bom(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const utf8 = isUtf8(buffer);
  const parser = parserFor(format);
  const { parseLines } = parser;
  if (utf8 && parseLines) {
    const lines = splitUtf8Lines(buffer);
    if (lines.every((l) => l.trim() === '')) return EMPTY;
    return parsed(input, () => parseLines(lines, { fileName, table: input.table }), input.firstLine - 1, false);
  }
  let text = utf8 ? buffer.toString('utf8') : latin1Decoder.decode(buffer);
  // Every CSV chunk after the first gets the header line again, so its line 2 is the chunk's first line.
  let lineOffset = input.firstLine - 1;
  let csvHeader: string | undefined;
  if (input.csvHeader !== undefined) {
    text = `${input.csvHeader}\n${text}`;
    lineOffset -= 1;
  } else if (CSV_FORMATS.has(format)) csvHeader = text.slice(0, text.search(/\r?\n|$/));
  // A chunk of blank lines, or a CSV file's header alone (its rows start in the next chunk), holds nothing yet.
  const rest = csvHeader !== undefined ? text.slice(csvHeader.length) : text;
  if (rest.trim() === '') return { ...EMPTY, latin1: !utf8, ...(csvHeader !== undefined ? { csvHeader } : {}) };
  const outcome = parsed(input, () => parser.parse(text, { fileName, table: input.table }), lineOffset, !utf8);
  return outcome.ok && csvHeader !== undefined ? { ...outcome, csvHeader } : outcome;
}

const EMPTY = { ok: true as const, messages: [], people: [], skippedLines: [], skippedRecords: [], warnings: [], latin1: false };

/** The parser's result normalized, its lines numbered as in the whole file. */
function parsed(input: ChunkInput, parse: () => ParseResult, lineOffset: number, latin1: boolean): ChunkOutcome {
  let result: ParseResult;
  try {
    result = parse();
  } catch (error) {
    if (error instanceof TranscriptError) return { ok: false, error };
    throw error;
  }
  const { firstLine, lastLine } = input;
  const normalized = normalizeMessages(result.messages, {
    fileName: input.fileName,
    ...(input.chat ? { chat: input.chat } : {}),
    named: result.chatName,
    dayFromMessages: false,
    maxTextChars: input.maxMessageChars,
    // Records are counted per chunk, so a warning names the chunk's lines instead.
    where:
      lastLine === undefined ? `lines from ${firstLine}` : lastLine > firstLine ? `lines ${firstLine}–${lastLine}` : `line ${firstLine}`,
  });
  return {
    ok: true,
    messages: normalized.messages,
    people: peopleNamed(normalized.messages, result.people),
    skippedLines: result.skipped.map((s) => (s.line ? { ...s, line: s.line + lineOffset } : s)),
    skippedRecords: normalized.skipped,
    warnings: [...result.warnings, ...normalized.warnings],
    latin1,
  };
}

/** Formats read as CSV: a chunk after the first needs the file's header line. */
export const CSV_FORMATS: ReadonlySet<FormatId> = new Set(['csv', 'tags-csv']);
