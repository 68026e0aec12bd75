/**
 * A worksheet's cells as text, as a CSV export would have written them:
 * rich text joined, formulas by their result, hyperlinks by their text,
 * dates as the wall-clock time shown (`2017-05-05 01:53:49`, no zone: the
 * table reader applies the time zone given), and numbers in full.
 */
import type ExcelJS from 'exceljs';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell: exceljs reads the sheet's wall-clock time as if it were UTC. */
function wallTime(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallTime(value);
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text ?? value.hyperlink);
  if ('error' in value) return '';
  return '';
}

/** Every row of a sheet as text cells, `width` wide (empty rows kept empty, so row numbers stay the sheet's). */
export function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Rows as RFC 4180 CSV (every field quoted, CRLF), for the CSV-family readers. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}
