/**
 * One uploaded file → normalized messages, profiles and a per-file report:
 * decode, detect (unless the caller named the format), parse, normalize.
 * Throws TranscriptError when nothing usable is in the file; a few bad lines
 * among good ones are reported as skipped instead.
 */
import { FormatIdSchema, type FormatId, type Message, type PersonProfile, type Skipped, type SourceResult } from '../../shared/index.js';
import { isUtf8 } from 'node:buffer';
import { afterUtf8Bom, decodeTranscript, hasBinaryBytes, type DecodedText } from './decode.js';
import { DETECT_HEAD_CHARS, detectFormat } from './detect.js';
import { TranscriptError } from './errors.js';
import { normalizeMessages } from './normalize.js';
import { parserFor } from './parse/index.js';
import { isCar, readCar } from './parse/bluesky-car.js';
import { isJsonLines, splitUtf8Lines } from './parse/read-json.js';
import type { ParseResult, TableOptions } from './parse/types.js';
import { mergeProfiles, peopleNamed } from './profiles.js';

export interface ReadOptions {
  fileName: string;
  /** Skip detection and read as this format. */
  format?: FormatId;
  /** Chat for messages whose format names none. */
  chat?: string;
  /** Decode the whole file into one string even when it could be read line by line (the reference path, for tests). */
  wholeText?: boolean;
  /** A longer message text is cut to this many characters (normalize's maxTextChars; server setting MAX_MESSAGE_CHARS). */
  maxMessageChars?: number | undefined;
  /** How to read a table: the user's column mapping and time zone. */
  table?: TableOptions | undefined;
  /** Nicks the user named as bots, left out (IRC logs). */
  bots?: readonly string[] | undefined;
  /** When the file was last saved on the uploader's side (ms since 1970): dates a Zoom chat whose name has none. */
  modifiedAt?: number | undefined;
  /** Profiles read beside the file (a Mastodon archive's actor.json), merged after the file's own: the fuller ones. */
  profiles?: readonly PersonProfile[] | undefined;
}

/** Reports list at most this many skipped items; `skipped` still counts them all. */
export const MAX_REPORTED_SKIPS = 100;

export interface ReadTranscript {
  result: Omit<SourceResult, 'stored'>;
  messages: Message[];
  people: PersonProfile[];
}

/**
 * JSON Lines in UTF-8, of a format that reads lines, are read line by line
 * from the bytes (each decoded on its own, never one string of the whole
 * file): the same result at about twice the speed. Anything else, or any
 * doubt, takes the whole-text path.
 */
export function readJsonLinesFast(bytes: Uint8Array, options: ReadOptions): { format: FormatId; parsed: ParseResult } | undefined {
  if (options.wholeText) return undefined;
  const body = afterUtf8Bom(bytes);
  // Two records at least (one is a JSON document, read whole), nothing binary (refused as it always was), UTF-8.
  if (body[0] !== 0x7b || !hasSecondLine(body) || hasBinaryBytes(body) || !isUtf8(body)) return undefined;
  // Detection reads the head's characters, isJsonLines the first line: just their bytes, at most 4 a character
  // (decoding all 4 × 64 Ki of them cost a tenth of reading a file of 2 MB).
  const firstLineBytes = Math.min(body.indexOf(0x0a) + 1, 4 * DETECT_HEAD_CHARS);
  const head = body.toString('utf8', 0, Math.max(utf8BytesFor(body, DETECT_HEAD_CHARS), firstLineBytes));
  if (!isJsonLines(head)) return undefined;
  let format: FormatId;
  try {
    format = options.format ? FormatIdSchema.parse(options.format) : detectFormat(head, options.fileName);
  } catch {
    return undefined; // the whole-text path says what is wrong, as it always has
  }
  const { parseLines } = parserFor(format);
  return parseLines
    ? { format, parsed: parseLines(splitUtf8Lines(body), { fileName: options.fileName, table: options.table }) }
    : undefined;
}

/**
 * How many of the (valid UTF-8) bytes decode to at least `units` UTF-16 code
 * units, ending on a character boundary; all of them when they hold fewer.
 * Lead bytes start a character; a 4-byte one is two code units.
 */
export function utf8BytesFor(bytes: Uint8Array, units: number): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (count >= units) return i;
    count += b >= 0xf0 ? 2 : 1;
  }
  return bytes.length;
}

/** Whether something other than white space follows the first line break. */
function hasSecondLine(bytes: Buffer): boolean {
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return false;
  for (let i = nl + 1; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  }
  return false;
}

export function readTranscript(bytes: Uint8Array, options: ReadOptions): ReadTranscript {
  const { fileName } = options;
  // A Bluesky repository export is binary (CAR): detected and read from its bytes, never decoded as text.
  if (options.format === 'bluesky-car' || (!options.format && isCar(bytes)))
    return finishRead(readCar(bytes, { fileName }), 'bluesky-car', options);
  let read = readJsonLinesFast(bytes, options);
  let encoding: DecodedText['encoding'] = 'utf-8';
  if (!read) {
    const decoded = decodeTranscript(bytes, fileName);
    encoding = decoded.encoding;
    const format = options.format ? FormatIdSchema.parse(options.format) : detectFormat(decoded.text, fileName);
    read = {
      format,
      parsed: parserFor(format).parse(decoded.text.replace(/^\uFEFF/, ''), {
        fileName,
        table: options.table,
        bots: options.bots,
        modifiedAt: options.modifiedAt,
      }),
    };
  }
  const { format, parsed } = read;
  return finishRead(parsed, format, options, encoding === 'utf-8' ? [] : [`${fileName} was read as ${encoding}`]);
}

/**
 * The end of every read of a transcript, whole or chunked: none of its
 * messages could be used. Names the first line or record at fault and lists
 * what was skipped.
 */
export function noMessagesError(fileName: string, format: FormatId, skipped: readonly Skipped[]): TranscriptError {
  const first = skipped[0];
  const where = first?.line
    ? ` (line ${first.line}: ${first.reason})`
    : first?.record
      ? ` (record ${first.record}: ${first.reason})`
      : first
        ? ` (${first.reason})`
        : '';
  return new TranscriptError('no_messages', `${fileName}: read as ${format}, but no message could be used${where}`, {
    file: fileName,
    ...(first?.line ? { line: first.line } : {}),
    ...(first?.record ? { record: first.record } : {}),
    skipped: skipped.slice(0, MAX_REPORTED_SKIPS),
  });
}

/**
 * Parsed messages → a ReadTranscript: normalized, reported, with the
 * profiles of the people they name (merged by the one rule, profiles.ts).
 * Every whole read ends here, a text file's and a Slack export's alike.
 */
export function finishRead(parsed: ParseResult, format: FormatId, options: ReadOptions, warnings: readonly string[] = []): ReadTranscript {
  const { fileName } = options;
  const normalized = normalizeMessages(parsed.messages, {
    fileName,
    ...(options.chat ? { chat: options.chat } : {}),
    named: parsed.chatName,
    maxTextChars: options.maxMessageChars,
  });
  const skipped: Skipped[] = [...parsed.skipped, ...normalized.skipped];
  if (normalized.messages.length === 0) throw noMessagesError(fileName, format, skipped);
  return {
    result: {
      file: fileName,
      format,
      messages: normalized.messages.length,
      skipped: skipped.length,
      skippedItems: skipped.slice(0, MAX_REPORTED_SKIPS),
      warnings: [...parsed.warnings, ...normalized.warnings, ...warnings],
    },
    messages: normalized.messages,
    people: mergeProfiles(peopleNamed(normalized.messages, [...parsed.people, ...(options.profiles ?? [])])),
  };
}
