/**
 * Node and edge tables for spreadsheets: RFC 4180 (header row, CRLF, `"`
 * doubled inside quoted fields) with a UTF-8 byte-order mark so Excel reads
 * emoji and accents as such.
 *
 * Formula-safe (OWASP "CSV Injection"; ASVS 5.0 requirement 1.2.10): a text
 * cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`,
 * which spreadsheets show but never evaluate. NUL, which ASVS also lists,
 * is dropped with the other control characters instead. Every text cell is also
 * quoted, so a `,` or `;` inside a name cannot start a new cell in Excel's
 * semicolon locales. Numeric columns are written bare and never prefixed: a
 * negative number stays a number (ours are counts and weights, and the
 * community −1 of a person with no ties, who is in none).
 */
import type { GraphPayload } from '../../../shared/index.js';
import { LIST_SEPARATOR } from './graphml.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
/** Control characters other than tab, LF and CR: noise in a name, and some readers stop at a NUL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const NODE_CSV_COLUMNS = [
  'key',
  'label',
  'handle',
  'platform',
  'community',
  'sector',
  'region',
  'messages',
  'sessions',
  'degree',
  'weightedDegree',
  'chats',
] as const;

export const EDGE_CSV_COLUMNS = [
  'source',
  'target',
  'source_label',
  'target_label',
  'weight',
  'reply',
  'mention',
  'coAnswer',
  'coSession',
  'repost',
] as const;

/** A text cell: neutralised if a spreadsheet would read it as a formula, then quoted. */
export function textCell(value: string): string {
  // Stripped first, so a NUL cannot hide a leading `=` from the check.
  const clean = value.replace(CONTROL, '');
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return `"${safe.replace(/"/g, '""')}"`;
}

type Cell = string | number;

function table(header: readonly string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map((c) => (typeof c === 'number' ? String(c) : textCell(c))).join(',');
  // Header cells are our own fixed names: bare, as most tools expect.
  return BOM + [header.join(','), ...rows.map(line)].map((l) => l + CRLF).join('');
}

export function toNodesCsv(payload: GraphPayload): string {
  return table(
    NODE_CSV_COLUMNS,
    payload.nodes.map(({ key, attributes: a }) => [
      key,
      a.label,
      a.handle,
      a.platform,
      a.community,
      a.sector,
      a.region,
      a.messages,
      a.sessions,
      a.degree,
      a.weightedDegree,
      a.chats.join(LIST_SEPARATOR),
    ]),
  );
}

export function toEdgesCsv(payload: GraphPayload): string {
  const labels = new Map(payload.nodes.map((n) => [n.key, n.attributes.label]));
  return table(
    EDGE_CSV_COLUMNS,
    payload.edges.map(({ source, target, attributes: a }) => [
      source,
      target,
      labels.get(source) ?? '',
      labels.get(target) ?? '',
      a.weight,
      a.reply,
      a.mention,
      a.coAnswer,
      a.coSession,
      a.repost,
    ]),
  );
}
