/**
 * An RFC 4180 CSV reader for the CSV-family parsers: a header row, quoted
 * fields with doubled quotes and line breaks inside, CRLF/LF/CR endings, a
 * UTF-8 BOM, and the delimiter (comma, semicolon, tab) sniffed from the
 * header. Spreadsheet exports are messy, so a bad row is reported with the
 * file line it starts on and reading goes on; nothing here throws. Also the
 * two errors the CSV parsers share: missing columns, no readable row.
 */
import type { Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based file line the row starts on (a quoted field may span several). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  /** Column names as written, trimmed. */
  header: string[];
  delimiter: CsvDelimiter;
  rows: CsvRow[];
  /** Rows that could not be read: unterminated quote, wrong field count. */
  problems: Skipped[];
}

export interface CsvReadOptions {
  /** A field keeps at most this many characters; the rest is read past (default MAX_CSV_FIELD_CHARS). */
  maxFieldChars?: number;
}

/**
 * 16 Mi characters: above the largest message cap a server may set
 * (MAX_MESSAGE_CHARS, at most 10 million), so normalize still sees such a
 * text as too long, cuts it and says so; far below V8's 512 Mi string limit.
 * A 250 MB field with doubled quotes inside would otherwise be built up
 * piece by piece, then copied whole.
 */
export const MAX_CSV_FIELD_CHARS = 16 * 1024 * 1024;

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const LF = 10;
const CR = 13;
const QUOTE = 34;

// Recovery stays linear: a bad row is re-read from its next line only when
// a quoted field ran past it, and every line a quoted field ran over holds no
// quote (the field ends at the first one), so those lines are read once more
// as plain rows. A quote that never closes is the file's last quote: once.

/** The delimiter occurring most often outside quotes in `line`; comma on a tie or none. */
export function sniffDelimiter(line: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Text up to the first line break outside quotes. */
function firstRecordText(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) return text.slice(0, i);
  }
  return text;
}

interface Scan {
  fields: string[];
  /** Offset just past the record's line break (or the end). */
  next: number;
  /** Line breaks consumed, including the one ending the record. */
  breaks: number;
  /** Line breaks inside quoted fields: the record spans more than one line. */
  inner: number;
  unterminated: boolean;
  /** Text followed a closing quote: an unescaped `"` inside a quoted field. */
  strayQuote: boolean;
}

/** `field` and text[from, to) after it, as far as `max` characters allow. */
function append(field: string, text: string, from: number, to: number, max: number): string {
  return to - from <= max - field.length ? field + text.slice(from, to) : field + text.slice(from, from + Math.max(0, max - field.length));
}

/** Reads one record starting at `start`; each field keeps at most `maxField` characters. */
function scanRecord(text: string, start: number, delimiter: number, maxField = MAX_CSV_FIELD_CHARS): Scan {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let breaks = 0;
  let strayQuote = false;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted field: runs to a quote not followed by another quote.
      let from = ++i;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          return { fields, next: text.length, breaks, inner: breaks, unterminated: true, strayQuote };
        }
        field = append(field, text, from, close, maxField);
        breaks += countBreaks(text, from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          if (field.length < maxField) field += '"';
          i = from = close + 2;
          continue;
        }
        i = close + 1;
        const after = text.charCodeAt(i);
        if (i < text.length && after !== delimiter && after !== LF && after !== CR) strayQuote = true;
        break;
      }
    }
    // Unquoted text (a `"` inside it is kept as is), or what follows a stray quote.
    let end = i;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === delimiter || c === LF || c === CR) break;
      end++;
    }
    field = append(field, text, i, end, maxField);
    i = end;
    fields.push(field);
    field = '';
    if (i >= text.length) return { fields, next: i, breaks, inner: breaks, unterminated: false, strayQuote };
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    return { fields, next: i, breaks: breaks + 1, inner: breaks, unterminated: false, strayQuote };
  }
}

/** Line breaks (CRLF, LF or CR, each counting once) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** Offset just past the first line break at or after `from`. */
function nextLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');
const STRAY_QUOTE = 'text after a closing quote (an unescaped " inside a quoted field?)';

/** The row's fields fitted to the header, null for a blank line, or what is wrong with it. */
function fitRow(fields: string[], width: number): string[] | null | string {
  if (isBlank(fields)) return null; // blank lines, often trailing, are not rows
  if (fields.length === width) return fields;
  // Trailing empty columns, as some spreadsheets write them, are dropped.
  if (fields.length > width && isBlank(fields.slice(width))) return fields.slice(0, width);
  return `expected ${width} fields, found ${fields.length}`;
}

/** Reads a whole CSV file: the first record is the header. */
export function readCsv(input: string, options: CsvReadOptions = {}): CsvTable {
  const maxField = options.maxFieldChars ?? MAX_CSV_FIELD_CHARS;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = sniffDelimiter(firstRecordText(text));
  const code = delimiter.charCodeAt(0);
  const rows: CsvRow[] = [];
  const problems: Skipped[] = [];
  let header: string[] | undefined;
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const scan = scanRecord(text, offset, code, maxField);
    if (scan.unterminated) {
      problems.push({ line, reason: 'quoted field never closes (unbalanced ")' });
      offset = nextLine(text, offset);
      line++;
      continue;
    }
    if (!header) {
      if (!isBlank(scan.fields)) header = scan.fields.map((f) => f.trim());
    } else {
      const fitted = scan.strayQuote ? STRAY_QUOTE : fitRow(scan.fields, header.length);
      if (Array.isArray(fitted)) rows.push({ line, fields: fitted });
      else if (fitted !== null) {
        problems.push({ line, reason: fitted });
        if (scan.inner > 0) {
          // A bad "row" spanning several lines is most likely a stray quote
          // that swallowed the rows below it: re-read them.
          offset = nextLine(text, offset);
          line++;
          continue;
        }
      }
    }
    offset = scan.next;
    line += scan.breaks;
  }
  return { header: header ?? [], delimiter, rows, problems };
}

// A column name: words, digits and a little punctuation, no line of data.
const COLUMN_NAME = /^[\p{L}\p{N}_ .#/()-]{1,64}$/u;

/**
 * The header's column names, lower-cased, when `head` starts like a CSV file
 * (at least two columns, every non-empty one name-like); else undefined.
 */
export function csvHeader(head: string): string[] | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (/^\s*[[{<]/.test(text)) return undefined;
  const first = firstRecordText(text);
  const delimiter = sniffDelimiter(first);
  const names = scanRecord(first, 0, delimiter.charCodeAt(0)).fields.map((f) => f.trim().toLowerCase());
  const named = names.filter((n) => n !== '');
  if (names.length < 2 || named.length < 2) return undefined;
  if (!named.every((n) => COLUMN_NAME.test(n) && /\p{L}/u.test(n))) return undefined;
  return names;
}

/** Whether `head` starts with something that reads as a CSV header row. */
export function looksLikeCsvHeader(head: string): boolean {
  return csvHeader(head) !== undefined;
}

/** A file whose header lacks required columns, naming what is missing and what was found. */
export function missingColumnsError(
  fileName: string,
  missing: readonly { role: string; aliases: readonly string[] }[],
  found: string[],
): TranscriptError {
  const wanted = missing.map((m) => `${m.role} (${m.aliases.join(', ')})`).join('; ');
  const columns = missing.length > 1 ? 'columns' : 'column';
  return new TranscriptError(
    'missing_columns',
    `${fileName}: missing ${columns} for ${wanted}; found: ${found.join(', ') || 'no header'}`,
    {
      file: fileName,
      line: 1,
      missing: missing.map((m) => m.role),
      found,
    },
  );
}

/** A file none of whose rows could be read, pointing at the first bad one (`skipped` in line order). */
export function noMessagesError(fileName: string, skipped: Skipped[]): TranscriptError {
  const first = skipped[0];
  const place = first?.record !== undefined ? `record ${first.record}` : `line ${first?.line}`;
  const why = first ? `first problem at ${place}: ${first.reason}` : 'no rows under the header';
  const at = first?.record !== undefined ? { record: first.record } : { line: first?.line ?? 1 };
  return new TranscriptError('no_messages', `${fileName}: no readable rows; ${why}`, { file: fileName, ...at });
}
