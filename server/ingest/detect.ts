/**
 * Format detection by content, never by file name: each parser scores the
 * file's head and a sample of lines from across the file (a log whose first
 * hundred lines are server notices is still a log); the best score above a
 * floor wins. A file is JSON only if it looks like JSON from its first
 * character; when nothing fits, a 415 says what the file looks like, the
 * nearest format and how much of it that format could read.
 */
import { FORMATS, type FormatId } from '../../shared/index.js';
import { TranscriptError } from './errors.js';
import { PARSERS } from './parse/index.js';
import { ircLineCounts, logLines } from './parse/irc.js';
import { looksLikeHtml } from './parse/irc-html.js';
import { readJsonContainer } from './parse/read-json.js';

export const DETECT_HEAD_CHARS = 64 * 1024;
const MIN_SCORE = 0.3;
/** Lines sampled from across a file: windows of consecutive lines, spread evenly. */
const SAMPLE_WINDOWS = 20;
const SAMPLE_WINDOW_LINES = 10;
/** Lines an unrecognised file is judged on (the head's first, then the sample's). */
const JUDGED_LINES = 200;

export interface DetectOptions {
  /** Lines from across the file when `text` is only its head (a big file on disk: stream/file-head's readSample). */
  sample?: string | undefined;
}

function formatList(): string {
  return Object.entries(FORMATS)
    .map(([id, label]) => `${id} (${label})`)
    .join('; ');
}

/** `{`, or `[` opening an array of objects, arrays or strings (or an empty one): `[06:49] …` is not JSON. */
export function looksLikeJson(head: string): boolean {
  return /^\s*(?:\{|\[\s*(?:[{["\]]|$))/.test(head);
}

/** Whole lines from across a text, SAMPLE_WINDOWS windows of SAMPLE_WINDOW_LINES, past its head; '' for a short text. */
export function sampleLines(text: string): string {
  if (text.length <= DETECT_HEAD_CHARS) return '';
  const out: string[] = [];
  const span = text.length - DETECT_HEAD_CHARS;
  for (let w = 0; w < SAMPLE_WINDOWS; w++) {
    let at = text.indexOf('\n', DETECT_HEAD_CHARS + Math.floor((span * w) / SAMPLE_WINDOWS));
    for (let n = 0; at >= 0 && n < SAMPLE_WINDOW_LINES; n++) {
      const end = text.indexOf('\n', at + 1);
      if (end < 0) break;
      out.push(text.slice(at + 1, end).replace(/\r$/, ''));
      at = end;
    }
  }
  return out.join('\n');
}

/** The first line worth quoting, shortened: `[06:49] -sendak.freenode.net- …`. */
function excerpt(head: string): string {
  const first = head.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const words = first.trim().split(/\s+/);
  const short = words.slice(0, 2).join(' ');
  return (words.length > 2 ? `${short} …` : short).slice(0, 80);
}

/** What an unrecognised text looks like, and how near the IRC reader came (the one text format read line by line without a header). */
function describeText(head: string, sample: string): { looks: string; nearest?: { format: FormatId; matched: number; lines: number } } {
  const lines = [
    ...logLines(head)
      .filter((l) => l.trim())
      .slice(0, JUDGED_LINES / 2),
    ...sample.split('\n').filter((l) => l.trim()),
  ].slice(0, JUDGED_LINES);
  const irc = ircLineCounts(lines);
  const timed = lines.filter((l) => /^\s*(?:\[\s*\d{1,4}[:\-.\s]|\d{1,2}:\d{2}\b|\d{4}-\d{2}-\d{2}[T ]\d)/.test(l)).length;
  const nearest = { format: 'irc' as FormatId, matched: irc.says, lines: irc.lines };
  if (timed >= lines.length / 2 || irc.known > 0) {
    const why =
      irc.known > 0
        ? `its lines are events (joins, quits, notices…) but none matched a message layout`
        : 'none of its lines matched a known message layout';
    return { looks: `an IRC log? ${why}`, nearest };
  }
  let best: { format: FormatId; score: number } = { format: 'irc', score: 0 };
  for (const parser of PARSERS) {
    const score = Math.max(parser.detect(head), sample ? parser.detect(sample) : 0);
    if (score > best.score) best = { format: parser.format, score };
  }
  return { looks: 'not a format Chat Atlas knows', ...(best.score > 0 ? { nearest: { ...nearest, format: best.format } } : {}) };
}

export function detectFormat(text: string, fileName: string, options: DetectOptions = {}): FormatId {
  const head = text.slice(0, DETECT_HEAD_CHARS).replace(/^\uFEFF/, '');
  const json = looksLikeJson(head);
  // A JSON file is one document or JSON Lines: its head says all; lines from its middle are not records.
  const sample = json ? '' : (options.sample ?? sampleLines(text));
  let best: { format: FormatId; score: number } | undefined;
  for (const parser of PARSERS) {
    const score = Math.max(parser.detect(head), sample ? parser.detect(sample) : 0);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { format: parser.format, score };
  }
  if (best) return best.format;
  const trimmed = head.trimStart().slice(0, 200).toLowerCase();
  if (trimmed.startsWith('<!doctype html') || trimmed.startsWith('<html') || (/^<\w+[\s>]/.test(trimmed) && trimmed.includes('<body'))) {
    throw new TranscriptError('unknown_format', `${fileName} is an HTML page, not a transcript export. Chat Atlas reads: ${formatList()}`, {
      file: fileName,
      line: 1,
      formats: Object.keys(FORMATS),
    });
  }
  if (json) {
    // JSON no parser claims: if it is broken, say where (a 422 naming the line beats "unknown format").
    const container = readJsonContainer(text, fileName);
    const first = container.kind === 'document' ? container.value : container.records[0]?.value;
    const sampleValue = Array.isArray(first) ? first[0] : first;
    // Only a plain object's first few keys, counted without enumerating them all (a huge string has millions).
    const keys: string[] = [];
    if (sampleValue !== null && typeof sampleValue === 'object' && !Array.isArray(sampleValue)) {
      for (const k in sampleValue as object) {
        keys.push(k);
        if (keys.length === 8) break;
      }
    }
    // A Mastodon archive's actor.json alone: the account, not its posts (read-archive and run-import take it beside outbox.json).
    const actor = sampleValue as { type?: unknown; outbox?: unknown } | null;
    if (actor && typeof actor === 'object' && (actor.type === 'Person' || actor.type === 'Service') && actor.outbox !== undefined) {
      throw new TranscriptError(
        'unknown_format',
        `${fileName} is a Mastodon account's profile (an archive's actor.json), not its posts: upload it with the archive's outbox.json, or the archive's zip`,
        { file: fileName, formats: Object.keys(FORMATS) },
      );
    }
    throw new TranscriptError(
      'unknown_format',
      `${fileName} is JSON, but not an export Chat Atlas knows${keys.length ? ` (fields: ${keys.join(', ')})` : ''}. Chat Atlas reads: ${formatList()}`,
      {
        file: fileName,
        formats: Object.keys(FORMATS),
      },
    );
  }
  const { looks, nearest } = describeText(looksLikeHtml(head) ? logLines(head).join('\n') : head, sample);
  const near = !nearest
    ? 'nearest: none'
    : nearest.format === 'irc'
      ? `nearest: irc, ${nearest.matched} of ${nearest.lines} lines read as messages`
      : `nearest: ${nearest.format}`;
  throw new TranscriptError(
    'unknown_format',
    `${fileName}: lines like \`${excerpt(head)}\`: ${looks}; ${near}. Chat Atlas reads: ${formatList()}`,
    {
      file: fileName,
      line: 1,
      formats: Object.keys(FORMATS),
      ...(nearest ? { nearest } : {}),
    },
  );
}
