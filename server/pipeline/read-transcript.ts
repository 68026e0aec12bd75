/**
 * One uploaded file → normalized messages, profiles and a per-file report:
 * decode, detect (unless the caller named the format), parse, normalize.
 * Throws TranscriptError when nothing usable is in the file; a few bad lines
 * among good ones are reported as skipped instead.
 */
import { FormatIdSchema, type FormatId, type Message, type PersonProfile, type Skipped, type SourceResult } from '../../shared/index.js';
import { decodeTranscript } from './decode.js';
import { detectFormat } from './detect.js';
import { TranscriptError } from './errors.js';
import { normalizeMessages } from './normalize.js';
import { parserFor } from './parse/index.js';

export interface ReadOptions {
  fileName: string;
  /** Skip detection and read as this format. */
  format?: FormatId;
  /** Chat for messages whose format names none. */
  chat?: string;
}

/** Reports list at most this many skipped items; `skipped` still counts them all. */
export const MAX_REPORTED_SKIPS = 100;

export interface ReadTranscript {
  result: Omit<SourceResult, 'stored'>;
  messages: Message[];
  people: PersonProfile[];
}

function mergeProfiles(people: readonly PersonProfile[]): PersonProfile[] {
  const byKey = new Map<string, PersonProfile>();
  for (const p of people) {
    const prev = byKey.get(p.key);
    if (!prev) byKey.set(p.key, { ...p });
    else for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') (prev as Record<string, unknown>)[k] = v;
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function readTranscript(bytes: Uint8Array, options: ReadOptions): ReadTranscript {
  const { fileName } = options;
  const { text, encoding } = decodeTranscript(bytes, fileName);
  const format = options.format ? FormatIdSchema.parse(options.format) : detectFormat(text, fileName);
  const parsed = parserFor(format).parse(text.replace(/^\uFEFF/, ''), { fileName });
  const normalized = normalizeMessages(parsed.messages, { fileName, ...(options.chat ? { chat: options.chat } : {}) });
  const skipped: Skipped[] = [...parsed.skipped, ...normalized.skipped];
  if (normalized.messages.length === 0) {
    const first = skipped[0];
    const where = first?.line ? ` (line ${first.line}: ${first.reason})` : first?.record ? ` (record ${first.record}: ${first.reason})` : '';
    throw new TranscriptError('no_messages', `${fileName}: read as ${format}, but no message could be used${where}`, {
      file: fileName,
      ...(first?.line ? { line: first.line } : {}),
      ...(first?.record ? { record: first.record } : {}),
      skipped: skipped.slice(0, MAX_REPORTED_SKIPS),
    });
  }
  const warnings = [...parsed.warnings, ...normalized.warnings];
  if (encoding !== 'utf-8') warnings.push(`${fileName} was read as ${encoding}`);
  const authors = new Set(normalized.messages.map((m) => m.author));
  const mentioned = new Set(normalized.messages.flatMap((m) => [...m.mentions, m.replyToAuthor, m.repostOf].filter((k): k is string => !!k)));
  return {
    result: {
      file: fileName,
      format,
      messages: normalized.messages.length,
      skipped: skipped.length,
      skippedItems: skipped.slice(0, MAX_REPORTED_SKIPS),
      warnings,
    },
    messages: normalized.messages,
    // Profiles of people who appear (author or named); others are noise.
    people: mergeProfiles(parsed.people.filter((p) => authors.has(p.key) || mentioned.has(p.key))),
  };
}
