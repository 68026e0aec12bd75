/**
 * A table as rows of text cells, whatever it came as: a CSV or TSV file
 * (csv-reader.ts: quoted line breaks, CRLF, a trailing empty column) or a
 * JSON array of flat objects (each object a row, nested objects flattened
 * to dotted names as twarc-csv writes them: `author.username`). Rows keep
 * where they came from, a file line or a record number, for reports.
 */
import type { Skipped } from '../../../../shared/index.js';
import { TranscriptError } from '../../errors.js';
import { readCsv } from '../csv-reader.js';
import { isObject, parseJsonSafely } from '../read-json.js';

export interface TableRow {
  /** 1-based file line a CSV row starts on. */
  line?: number;
  /** 1-based record of a JSON array. */
  record?: number;
  fields: string[];
}

export interface Table {
  /** Column names as written (trimmed); a JSON array's keys in order of first appearance. */
  header: string[];
  rows: TableRow[];
  problems: Skipped[];
}

/** Whether `head` opens a JSON array (whose records the table reader takes as rows). */
export const isJsonArrayHead = (head: string): boolean => /^\uFEFF?\s*\[\s*(\{|\])/.test(head);

/** Object → dotted names and text cells; arrays and deeper values kept as JSON text. */
function flatten(value: Record<string, unknown>, prefix: string, out: Map<string, string>, depth: number): void {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix + key;
    if (isObject(v) && depth < 3) flatten(v, `${name}.`, out, depth + 1);
    else
      out.set(name, v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
}

function readJsonArray(text: string, fileName: string): Table {
  let value: unknown;
  try {
    value = parseJsonSafely(text);
  } catch (error) {
    throw new TranscriptError('unreadable_file', `${fileName}: not a readable JSON array (${(error as Error).message})`, {
      file: fileName,
      line: 1,
    });
  }
  if (!Array.isArray(value))
    throw new TranscriptError('unreadable_file', `${fileName}: a table in JSON must be an array of objects`, { file: fileName, line: 1 });
  const header: string[] = [];
  const index = new Map<string, number>();
  const cells: (Map<string, string> | undefined)[] = value.map((record) => {
    if (!isObject(record)) return undefined;
    const out = new Map<string, string>();
    flatten(record, '', out, 0);
    for (const name of out.keys()) if (!index.has(name)) index.set(name, header.push(name) - 1);
    return out;
  });
  const rows: TableRow[] = [];
  const problems: Skipped[] = [];
  cells.forEach((cell, i) => {
    if (!cell) problems.push({ record: i + 1, reason: 'not an object' });
    else rows.push({ record: i + 1, fields: header.map((h) => cell.get(h) ?? '') });
  });
  return { header, rows, problems };
}

/** A CSV/TSV text or a JSON array text as a table. */
export function readTable(text: string, fileName: string): Table {
  if (isJsonArrayHead(text.slice(0, 1024))) return readJsonArray(text, fileName);
  const csv = readCsv(text);
  return { header: csv.header, rows: csv.rows, problems: csv.problems };
}

/** Where a row is, for a report: `line 4` or `record 4`. */
export const rowPlace = (row: TableRow): Skipped =>
  row.record !== undefined ? { record: row.record, reason: '' } : { line: row.line ?? 1, reason: '' };
