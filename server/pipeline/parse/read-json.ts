/**
 * Reading JSON containers the way exports come: one document (array or
 * object, optionally behind a `window.YTD.tweets.part0 =` prefix), or JSON
 * Lines where a few bad lines are skipped and reported, not fatal.
 */
import type { Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';

export type JsonContainer =
  | { kind: 'document'; value: unknown }
  | { kind: 'lines'; records: { line: number; value: unknown }[]; skipped: Skipped[] };

/** `window.YTD.tweets.part0 = [...]` (Twitter archive) → the array text. */
export function stripAssignmentPrefix(text: string): string {
  // Today's archive (`window.YTD.tweets.part0 =`) and the 2012–2018 one (`Grailbird.data.tweets_2015_01 =`).
  const match = /^\s*(?:window\.[\w.$]+|Grailbird\.data\.[\w$]+)\s*=\s*/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/**
 * Deepest nesting accepted. JSON.parse copes with any depth, but every
 * recursive walk after it (ours, JSON.stringify, a library's) would overflow
 * the stack on a hostile file; no real export nests past a few dozen.
 */
export const MAX_JSON_DEPTH = 1000;

/** Whether brackets nest deeper than `limit` outside strings: one linear scan, no recursion. */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse that refuses nesting past MAX_JSON_DEPTH (throws a SyntaxError-like Error). */
export function parseJsonSafely(text: string): unknown {
  if (nestsDeeperThan(text)) throw new Error(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  return JSON.parse(text);
}

/** A short description of a JSON value for messages: `a string`, `an array of 3`, `an object with id, text`. Never recursive. */
export function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const keys: string[] = [];
    for (const k in value as object) {
      keys.push(k);
      if (keys.length === 5) break;
    }
    return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
  }
  return typeof value === 'string' ? `a string "${value.slice(0, 30)}"` : `${typeof value} ${String(value).slice(0, 30)}`;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Where JSON.parse gave up, as a 1-based line, when its message says. */
function errorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  const lineCol = /line (\d+) column/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  if (/Unexpected end of JSON input/.test(message)) return lineAt(text, text.length);
  return undefined;
}

/** The first `max` characters of a line, for error messages. */
export function excerpt(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/**
 * Reads `text` as one JSON document, else as JSON Lines. Throws
 * `unreadable_file` naming the line at fault when neither works.
 */
export function readJsonContainer(text: string, fileName: string): JsonContainer {
  const body = stripAssignmentPrefix(text);
  if (nestsDeeperThan(body)) {
    // One document that deep is refused; JSON Lines lose only the lines that deep (checked per line below).
    const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length <= 1 || /^\s*\[/.test(body)) {
      throw new TranscriptError('unreadable_file', `${fileName}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; no export does that`, { file: fileName, line: 1 });
    }
  }
  try {
    if (nestsDeeperThan(body)) throw new Error('too deep for one document');
    return { kind: 'document', value: JSON.parse(body) };
  } catch (documentError) {
    const lines = body.split(/\r?\n/);
    const nonEmpty = lines.filter((l) => l.trim() !== '').length;
    if (nonEmpty <= 1) {
      const line = errorLine(body, documentError);
      throw new TranscriptError(
        'unreadable_file',
        `${fileName}: not valid JSON${line ? ` (line ${line})` : ''}: ${(documentError as Error).message}`,
        { file: fileName, line },
      );
    }
    const records: { line: number; value: unknown }[] = [];
    const skipped: Skipped[] = [];
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      if (nestsDeeperThan(raw)) {
        skipped.push({ line: i + 1, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` });
        return;
      }
      try {
        const value: unknown = JSON.parse(raw);
        // A record is an object or array; a bare `13` is a fragment of a pretty-printed document.
        if (typeof value === 'object' && value !== null) records.push({ line: i + 1, value });
        else skipped.push({ line: i + 1, reason: `not a JSON record: ${excerpt(raw)}` });
      } catch {
        skipped.push({ line: i + 1, reason: `not valid JSON: ${excerpt(raw)}` });
      }
    });
    if (records.length === 0) {
      const first = skipped[0]?.line;
      // Several lines opening with `{` at column 0: JSON Lines, whose first bad line is the news. Otherwise a
      // (pretty-printed) document that broke somewhere: say where, not "line 1".
      const opening = body.trimStart();
      const jsonLines = !opening.startsWith('[') && lines.filter((l) => l.startsWith('{')).length >= 2;
      const line = !jsonLines && /^[[{]/.test(opening) ? (errorLine(body, documentError) ?? first) : first;
      throw new TranscriptError(
        'unreadable_file',
        `${fileName}: neither a JSON document nor JSON Lines; first error at line ${line}: ${(documentError as Error).message}`,
        { file: fileName, line },
      );
    }
    return { kind: 'lines', records, skipped };
  }
}

/** A plain object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string property, or undefined. */
export function str(o: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = o?.[key];
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
