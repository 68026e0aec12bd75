/**
 * Reading JSON containers the way exports come: one document (array or
 * object, optionally behind a `window.YTD.tweets.part0 =` prefix), or JSON
 * Lines where a few bad lines are skipped and reported, not fatal.
 */
import type { Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';

export type JsonContainer =
  { kind: 'document'; value: unknown } | { kind: 'lines'; records: { line: number; value: unknown }[]; skipped: Skipped[] };

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

/** Whether `text` holds at most `limit` opening brackets: then it cannot nest deeper, strings or not. */
function fewOpeners(text: string, limit: number): boolean {
  // indexOf runs natively, many times faster than walking every character; a tweet has a few dozen brackets.
  let n = 0;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) if (++n > limit) return false;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) if (++n > limit) return false;
  return true;
}

/** Whether brackets nest deeper than `limit` outside strings: one linear scan, no recursion. */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  if (fewOpeners(text, limit)) return false;
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

/** `text.split(/\r?\n/)` without the regular expression (a third of the time on big files). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
    start = nl + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/** Whether `head` (the file's first bytes, decoded) is JSON Lines: a first line that is a whole JSON object. */
export function isJsonLines(head: string): boolean {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('{')) return false;
  const end = body.indexOf('\n');
  if (end < 0) return false;
  try {
    const first: unknown = JSON.parse(body.slice(0, end));
    return first !== null && typeof first === 'object' && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** UTF-8 bytes → their lines (as `splitLines` gives them from the decoded text), each decoded on its own. */
export function splitUtf8Lines(bytes: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(NEWLINE); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
    lines.push(bytes.toString('utf8', start, nl > start && bytes[nl - 1] === CARRIAGE_RETURN ? nl - 1 : nl));
    start = nl + 1;
  }
  lines.push(bytes.toString('utf8', start));
  return lines;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Whether a line is blank: `line.trim() === ''`, deciding on the first character when it is no space. */
function isBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x7b || c === 0x5b ? false : line.trim() === '';
}

/** Whether more than one of `lines` is not blank, stopping at the second. */
function severalNonBlank(lines: readonly string[]): boolean {
  let n = 0;
  for (const l of lines) if (!isBlank(l) && ++n > 1) return true;
  return false;
}

/**
 * Reads `text` as one JSON document, else as JSON Lines. Throws
 * `unreadable_file` naming the line at fault when neither works.
 */
export function readJsonContainer(text: string, fileName: string): JsonContainer {
  const records: { line: number; value: unknown }[] = [];
  const read = visitJsonContainer(text, fileName, (value, line) => records.push({ line, value }));
  return read.kind === 'document' ? read : { kind: 'lines', records, skipped: read.skipped };
}

/**
 * readJsonContainer for big JSON Lines files: each record goes to `visit` as
 * soon as its line is read, so the caller can keep what it needs and let
 * the rest go (holding every parsed line to the end made the garbage
 * collector copy them all). A document comes back whole, as there.
 *
 * A document deeper than MAX_JSON_DEPTH is refused, and so is one that is
 * all on one line or an array; JSON Lines lose only the lines that deep. The
 * whole text is scanned for depth only when that can change the outcome, so
 * JSON Lines are scanned line by line and never as a whole.
 */
export function visitJsonContainer(
  text: string | JsonLines,
  fileName: string,
  visit: (value: unknown, line: number) => void,
): { kind: 'document'; value: unknown } | { kind: 'lines'; skipped: Skipped[] } {
  if (typeof text !== 'string') return visitLines(text, '', fileName, visit);
  const body = stripAssignmentPrefix(text);
  let deep: boolean | undefined;
  const bodyIsDeep = () => (deep ??= nestsDeeperThan(body));
  let parsed: { value: unknown } | undefined;
  let parseError: unknown;
  try {
    parsed = { value: JSON.parse(body) };
  } catch (error) {
    parseError = error;
  }
  if (parsed && !bodyIsDeep()) return { kind: 'document', value: parsed.value };

  const lines = splitLines(body);
  const several = severalNonBlank(lines);
  if ((!several || /^\s*\[/.test(body)) && bodyIsDeep()) {
    throw new TranscriptError('unreadable_file', `${fileName}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; no export does that`, {
      file: fileName,
      line: 1,
    });
  }
  // What reading the whole as one document said (a parsed but too deep document says so).
  const documentError = () => (parsed || bodyIsDeep() ? new Error('too deep for one document') : parseError) as Error;
  if (!several) {
    const error = documentError();
    const line = errorLine(body, error);
    throw new TranscriptError('unreadable_file', `${fileName}: not valid JSON${line ? ` (line ${line})` : ''}: ${error.message}`, {
      file: fileName,
      line,
    });
  }
  return visitLines(lines, body, fileName, visit, documentError);
}

/**
 * A file's lines, already split, that are known to be JSON Lines (a chunk of
 * a big file whose first line is a JSON record): read line by line, never
 * tried as one document. Each line decoded on its own costs half of what
 * decoding the whole chunk into one string and splitting it does.
 */
export type JsonLines = readonly string[];

function visitLines(
  lines: JsonLines,
  body: string,
  fileName: string,
  visit: (value: unknown, line: number) => void,
  documentError: () => Error = () => new Error('no line is a JSON record'),
): { kind: 'lines'; skipped: Skipped[] } {
  let records = 0;
  const skipped: Skipped[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (isBlank(raw)) continue;
    // Valid JSON n levels deep has 2n brackets: a shorter line that parses is not too deep, and a short one is
    // cheap to parse first. A long one is checked first, so a hostile megabyte of `[` is not parsed at all.
    const short = raw.length < 2 * (MAX_JSON_DEPTH + 1);
    let deep = !short && nestsDeeperThan(raw);
    let value: unknown;
    let valid = !deep;
    if (valid) {
      try {
        value = JSON.parse(raw);
      } catch {
        valid = false;
        deep = short && nestsDeeperThan(raw);
      }
    }
    if (deep) {
      skipped.push({ line: i + 1, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` });
      continue;
    }
    if (!valid) {
      skipped.push({ line: i + 1, reason: `not valid JSON: ${excerpt(raw)}` });
      continue;
    }
    // A record is an object or array; a bare `13` is a fragment of a pretty-printed document.
    if (typeof value !== 'object' || value === null) skipped.push({ line: i + 1, reason: `not a JSON record: ${excerpt(raw)}` });
    else {
      records++;
      visit(value, i + 1);
    }
  }
  if (records === 0) {
    const error = documentError();
    const first = skipped[0]?.line;
    // Several lines opening with `{` at column 0: JSON Lines, whose first bad line is the news. Otherwise a
    // (pretty-printed) document that broke somewhere: say where, not "line 1".
    const opening = body.trimStart();
    const jsonLines = body === '' || (!opening.startsWith('[') && lines.filter((l) => l.startsWith('{')).length >= 2);
    const line = !jsonLines && /^[[{]/.test(opening) ? (errorLine(body, error) ?? first) : first;
    throw new TranscriptError(
      'unreadable_file',
      `${fileName}: neither a JSON document nor JSON Lines; first error at line ${line}: ${error.message}`,
      { file: fileName, line },
    );
  }
  return { kind: 'lines', skipped };
}

/** A plain object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string property, or undefined. */
export function str(o: Record<string, unknown> | undefined, key: string): string | undefined {
  return strValue(o?.[key]);
}

/**
 * What `str` gives for a property's value: a string that is not blank, a
 * finite number as a string, else undefined. For readers that load their
 * fields by name (`strValue(user.name)`), which is many times faster in a hot
 * loop than a property named by a variable.
 */
export function strValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** `v` when it is a plain object (as `isObject` says), else undefined. */
export const objValue = (v: unknown): Record<string, unknown> | undefined => (isObject(v) ? v : undefined);
