/**
 * Format detection by content, never by file name: each parser scores the
 * file's head; the best score above a floor wins. When none fits, a 415 that
 * lists what Chat Atlas reads.
 */
import { FORMATS, type FormatId } from '../../shared/index.js';
import { TranscriptError } from './errors.js';
import { PARSERS } from './parse/index.js';
import { readJsonContainer } from './parse/read-json.js';

export const DETECT_HEAD_CHARS = 64 * 1024;
const MIN_SCORE = 0.3;

function formatList(): string {
  return Object.entries(FORMATS).map(([id, label]) => `${id} (${label})`).join('; ');
}

export function detectFormat(text: string, fileName: string): FormatId {
  const head = text.slice(0, DETECT_HEAD_CHARS).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart().slice(0, 200).toLowerCase();
  if (trimmed.startsWith('<!doctype html') || trimmed.startsWith('<html') || /^<\w+[\s>]/.test(trimmed) && trimmed.includes('<body')) {
    throw new TranscriptError('unknown_format', `${fileName} is an HTML page, not a transcript export. Chat Atlas reads: ${formatList()}`, {
      file: fileName,
      line: 1,
      formats: Object.keys(FORMATS),
    });
  }
  let best: { format: FormatId; score: number } | undefined;
  for (const parser of PARSERS) {
    const score = parser.detect(head);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { format: parser.format, score };
  }
  if (!best) {
    // JSON no parser claims: if it is broken, say where (a 422 naming the line beats "unknown format").
    if (/^\s*[[{]/.test(head)) {
      const container = readJsonContainer(text, fileName);
      const first = container.kind === 'document' ? container.value : container.records[0]?.value;
      const sample = Array.isArray(first) ? first[0] : first;
      // Only a plain object's first few keys, counted without enumerating them all (a huge string has millions).
      const keys: string[] = [];
      if (sample !== null && typeof sample === 'object' && !Array.isArray(sample)) {
        for (const k in sample as object) {
          keys.push(k);
          if (keys.length === 8) break;
        }
      }
      throw new TranscriptError('unknown_format', `${fileName} is JSON, but not an export Chat Atlas knows${keys.length ? ` (fields: ${keys.join(', ')})` : ''}. Chat Atlas reads: ${formatList()}`, {
        file: fileName,
        formats: Object.keys(FORMATS),
      });
    }
    throw new TranscriptError('unknown_format', `${fileName}: no known transcript format recognised. Chat Atlas reads: ${formatList()}`, {
      file: fileName,
      formats: Object.keys(FORMATS),
    });
  }
  return best.format;
}
