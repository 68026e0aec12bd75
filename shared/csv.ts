/**
 * CSV for spreadsheets, one way for the server's exports and the page's
 * downloads: RFC 4180 (header row, CRLF, `"` doubled inside quoted fields)
 * with a UTF-8 byte-order mark so Excel reads emoji and accents as such.
 *
 * Formula-safe (OWASP "CSV Injection"; ASVS 5.0 requirement 1.2.10): a text
 * cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
 * which spreadsheets show but never evaluate. NUL, which ASVS also lists,
 * is dropped with the other control characters instead. Every text cell is also
 * quoted, so a `,` or `;` inside a name cannot start a new cell in Excel's
 * semicolon locales. Numeric cells are written bare and never prefixed: a
 * negative number stays a number.
 */
const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
/** Control characters other than tab, LF and CR: noise in a name, and some readers stop at a NUL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A text cell: neutralised if a spreadsheet would read it as a formula, then quoted. */
export function textCell(value: string): string {
  // Stripped first, so a NUL cannot hide a leading `=` from the check.
  const clean = value.replace(CONTROL, '');
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return `"${safe.replace(/"/g, '""')}"`;
}

export type CsvCell = string | number;

/** A whole table: BOM, the header row bare (our own fixed names, as most tools expect), then one CRLF-ended line a row. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const line = (cells: readonly CsvCell[]) => cells.map((c) => (typeof c === 'number' ? String(c) : textCell(c))).join(',');
  return BOM + [header.join(','), ...rows.map(line)].map((l) => l + CRLF).join('');
}
