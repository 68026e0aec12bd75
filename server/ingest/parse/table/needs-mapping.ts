/**
 * A table whose author, text or time column could not be told: the 422
 * `needs_mapping` answer, with what a person needs to say which is which —
 * the header, up to five rows, and a guess for each role (by the column's
 * name first, then by what its cells hold).
 */
import type { NeedsMappingDetails, TableMapping } from '../../../../shared/index.js';
import { TranscriptError } from '../../errors.js';
import { columnName, type Role } from './columns.js';
import { readTableDate } from './dates.js';
import type { Table } from './rows.js';

export const SAMPLE_ROWS = 5;

/** Name parts that suggest a role, strongest first. */
const NAME_HINTS: Partial<Record<Role, RegExp>> = {
  author: /screen_?name|username|author|sender|from|handle|nick|user|name|who/,
  text: /text|message|tweet|content|body|comment|post|msg/,
  time: /created|timestamp|datetime|date|time|when|posted|sent/,
  to: /reply_?to.*(name|user)|in_reply_to_screen|^to$|recipient/,
  bio: /description|bio|about/,
  location: /location|place|city|where/,
  name: /display_?name|full_?name|^name$/,
  id: /^(id|id_str|message_id|status_id|tweet_id)$/,
};

function average(values: readonly string[], f: (v: string) => number): number {
  const filled = values.filter((v) => v.trim() !== '');
  return filled.length === 0 ? 0 : filled.reduce((n, v) => n + f(v), 0) / filled.length;
}

/** A best guess of each role's column (names as written), from the header and the first rows. */
export function guessMapping(table: Table): TableMapping {
  const names = table.header.map(columnName);
  const sample = table.rows.slice(0, 50).map((r) => r.fields);
  const column = (i: number) => sample.map((f) => f[i] ?? '');
  const taken = new Set<number>();
  const guess: TableMapping = {};
  const pick = (role: Role, score: (i: number) => number) => {
    let best = -1;
    let bestScore = 0;
    names.forEach((_, i) => {
      if (taken.has(i)) return;
      const s = score(i);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best >= 0) {
      taken.add(best);
      guess[role] = table.header[best]!;
    }
  };
  const named = (role: Role, i: number) => (NAME_HINTS[role]?.test(names[i]!) ? 2 : 0);
  const dated = (i: number) => average(column(i), (v) => (readTableDate(v) ? 1 : 0));
  pick('time', (i) => named('time', i) * dated(i) + dated(i));
  pick(
    'text',
    (i) =>
      named('text', i) + Math.min(1, average(column(i), (v) => v.length) / 80) + average(column(i), (v) => (/\s/.test(v.trim()) ? 0.5 : 0)),
  );
  pick(
    'author',
    (i) =>
      named('author', i) + average(column(i), (v) => (v.trim().length <= 40 && !/\s/.test(v.trim()) ? 1 : 0)) * (dated(i) > 0.5 ? 0 : 1),
  );
  // By name, the fuller column first: Twitter's `place` is mostly empty beside a `user_location` (or `Where`).
  const filled = (i: number) => {
    const cells = column(i);
    return cells.length === 0 ? 0 : cells.filter((v) => v.trim() !== '').length / cells.length;
  };
  for (const role of ['to', 'bio', 'location', 'name', 'id'] as const) pick(role, (i) => named(role, i) * filled(i));
  return guess;
}

/** The 422 for a table whose required columns are not known: header, sample rows, guesses. */
export function needsMappingError(fileName: string, table: Table, missing: readonly Role[], unknown: readonly string[]): TranscriptError {
  const guesses = guessMapping(table);
  const notFound = unknown.length > 0 ? ` (the mapping names ${unknown.map((c) => `"${c}"`).join(', ')}, not in the header)` : '';
  // The shape the page's mapping dialog reads (shared/dataset.ts); `line` says where, as every 4xx does.
  const details: NeedsMappingDetails = {
    file: fileName,
    missing: [...missing],
    header: table.header,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.fields),
    guesses,
    ...(unknown.length > 0 ? { unknownColumns: [...unknown] } : {}),
  };
  return new TranscriptError(
    'needs_mapping',
    `${fileName}: which columns hold ${missing.join(', ')}?${notFound} Send a mapping such as {"author": "…", "text": "…", "time": "…"}; found: ${table.header.join(', ') || 'no header'}`,
    { ...details, line: 1 },
  );
}
