/**
 * Spreadsheet workbooks (.xlsx, read with exceljs): a NodeXL workbook's
 * Edges and Vertices become one row per tweet (nodexl.ts); any other
 * workbook's table sheet (TAGS's `Archive`, else the first sheet with rows)
 * is read as the CSV it would have been exported to, then detected and
 * parsed like one, so a TAGS workbook reads as tags-csv and any other table
 * as csv (with a mapping, if it needs one). A workbook is a zip: it is told
 * from other zips by its `xl/workbook.xml` entry.
 */
import ExcelJS from 'exceljs';
import type { FormatId } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isNodeXlEdges, NODEXL_COLUMNS, nodeXlTweets } from './nodexl.js';
import { sheetRows, toCsv } from './sheet-rows.js';

/** Workbooks are read whole (exceljs holds every cell): at most this many bytes. */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

const WORKBOOK_ENTRY = Buffer.from('xl/workbook.xml');

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * Whether zip bytes (the whole file, or its last 64 KiB) name a workbook part
 * in their own central directory, the entry list just before the zip's
 * end record: a zip that holds a workbook stored uncompressed has the
 * workbook's names among its bytes too, but is no workbook.
 */
export function looksLikeWorkbook(zipBytes: Uint8Array): boolean {
  const bytes = Buffer.from(zipBytes.buffer, zipBytes.byteOffset, zipBytes.byteLength);
  const end = bytes.lastIndexOf(END_OF_DIRECTORY);
  const directoryBytes = end >= 0 && end + 22 <= bytes.length ? bytes.readUInt32LE(end + 12) : undefined;
  // Zip64 (0xffffffff) or a directory longer than what is at hand: the whole bytes are searched, as before.
  if (directoryBytes === undefined || directoryBytes > end) return bytes.includes(WORKBOOK_ENTRY);
  return bytes.subarray(end - directoryBytes, end).includes(WORKBOOK_ENTRY);
}

export interface WorkbookTable {
  /** The sheet as CSV text. */
  csv: string;
  /** `csv` for a NodeXL workbook (its rows are made in generic columns); else detected. */
  format?: FormatId;
  warning: string;
}

export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<WorkbookTable> {
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw new TranscriptError(
      'too_large',
      `${fileName} is a workbook of more than ${MAX_WORKBOOK_BYTES / 1024 ** 2} MiB; save its sheet as CSV, which is read in a stream`,
      {
        file: fileName,
        limit: MAX_WORKBOOK_BYTES,
      },
    );
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new TranscriptError('unreadable_file', `${fileName}: not a readable .xlsx workbook (${(error as Error).message})`, {
      file: fileName,
    });
  }
  const sheet = (name: string) => book.worksheets.find((s) => s.name.toLowerCase() === name);
  const edges = sheet('edges');
  if (edges) {
    const rows = sheetRows(edges);
    if (isNodeXlEdges(rows)) {
      const vertices = sheet('vertices');
      const tweets = nodeXlTweets(fileName, rows, vertices ? sheetRows(vertices) : undefined);
      return {
        csv: toCsv([NODEXL_COLUMNS, ...tweets]),
        format: 'csv',
        warning: `${fileName}: NodeXL workbook, ${tweets.length} tweet(s) from ${rows.length} Edges row(s)`,
      };
    }
  }
  const table = sheet('archive') ?? book.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 1) ?? book.worksheets[0];
  if (!table) throw new TranscriptError('no_messages', `${fileName}: the workbook has no sheet`, { file: fileName });
  return { csv: toCsv(sheetRows(table)), warning: `${fileName}: sheet "${table.name}" read as a table` };
}
