/**
 * The front door for one upload: a plain transcript goes to readTranscript;
 * a .zip is opened and read entry by entry. A Slack export inside it
 * (users.json + channels.json beside channel folders) is read as ONE
 * transcript, since its files only make sense together; every other entry is
 * read on its own, and entries that are no transcript (a README, images) are
 * noted, not fatal. `readFolder` does the same for a folder on disk (the CLI).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FormatId, PersonProfile, Skipped } from '../../shared/index.js';
import { ARCHIVE_LIMITS, isZip, readArchive, type ArchiveEntry } from './archive.js';
import { TranscriptError } from './errors.js';
import { normalizeMessages } from './normalize.js';
import { parseSlackExport } from './parse/slack.js';
import type { ParseResult } from './parse/types.js';
import { MAX_REPORTED_SKIPS, readTranscript, type ReadOptions, type ReadTranscript } from './read-transcript.js';

/** Top-level files of a Slack export (slack.com/help/articles/220556107); only some carry what we read. */
export const SLACK_META = /^(users|org_users|channels|groups|dms|mpims|integration_logs|canvases|huddles|lists|file_conversations|content_flags)\.json$/;
export const DAY_FILE = /^([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/;
/** Short notes for entries that are plainly no transcript: the full errors list every format, once per entry. */
export const NOT_A_TRANSCRIPT: Partial<Record<TranscriptError['code'], string>> = {
  binary_file: 'binary (an image, a document, a nested zip…), not a transcript',
  unknown_format: 'not a transcript format Chat Atlas reads',
  empty_file: 'empty',
};

export async function readUpload(bytes: Uint8Array, options: ReadOptions): Promise<ReadTranscript[]> {
  if (!isZip(bytes)) return [readTranscript(bytes, options)];
  const notes: string[] = [];
  const entries = await readArchive(bytes, options.fileName, { onSkip: (p, why) => notes.push(`${options.fileName}/${p}: left out (${why})`) });
  return readEntries(entries, options, notes);
}

/** A folder on disk: a Slack export, or a folder of transcripts (walked; hidden files and symlinks left out). */
export async function readFolder(dir: string, options: Omit<ReadOptions, 'fileName'> = {}): Promise<ReadTranscript[]> {
  const name = path.basename(path.resolve(dir));
  const entries: ArchiveEntry[] = [];
  let total = 0;
  const walk = async (rel: string): Promise<void> => {
    const items = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const item of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (item.name.startsWith('.') || item.name === '__MACOSX' || item.isSymbolicLink()) continue;
      const child = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) await walk(child);
      else if (item.isFile()) {
        if (entries.length >= ARCHIVE_LIMITS.maxEntries) {
          throw new TranscriptError('unreadable_file', `${name} holds more than ${ARCHIVE_LIMITS.maxEntries} files; read fewer at once`, { file: name, limit: 'entries' });
        }
        const bytes = new Uint8Array(await fs.readFile(path.join(dir, child)));
        total += bytes.length;
        if (total > ARCHIVE_LIMITS.maxUnpackedFloor) {
          throw new TranscriptError('unreadable_file', `${name} holds more than ${ARCHIVE_LIMITS.maxUnpackedFloor / 1024 ** 3} GiB of files; read fewer at once`, { file: name, limit: 'size' });
        }
        entries.push({ path: child, bytes });
      }
    }
  };
  await walk('');
  return readEntries(entries, { ...options, fileName: name }, []);
}

/** Roots (`''`, `export/`) holding users.json (or org_users.json) and channels.json beside channel-day folders. */
export function slackRoots(paths: readonly string[]): string[] {
  const all = new Set(paths);
  const roots = paths.filter((p) => /(^|\/)(org_)?users\.json$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('/') + 1));
  return [...new Set(roots)].filter((root) => all.has(`${root}channels.json`) && paths.some((p) => p.startsWith(root) && DAY_FILE.test(p.slice(root.length))));
}

function readEntries(entries: ArchiveEntry[], options: ReadOptions, notes: string[]): ReadTranscript[] {
  const { fileName } = options;
  const results: ReadTranscript[] = [];
  const claimed = new Set<string>();
  const errors: TranscriptError[] = [];
  for (const root of slackRoots(entries.map((e) => e.path))) {
    const inRoot = entries.filter((e) => e.path.startsWith(root)).map((e) => ({ ...e, rel: e.path.slice(root.length) }));
    // The export's own files: its top-level lists and everything in its conversation folders (day files, canvases).
    const folders = new Set(inRoot.flatMap((e) => DAY_FILE.exec(e.rel)?.[1] ?? []));
    const files = inRoot.filter((e) => SLACK_META.test(e.rel) || folders.has(e.rel.split('/')[0]!));
    for (const f of files) claimed.add(f.path);
    const exportName = `${fileName}/${root}`;
    try {
      const decoder = new TextDecoder('utf-8');
      const parsed = parseSlackExport(files.map((f) => ({ path: f.rel, text: decoder.decode(f.bytes).replace(/^\uFEFF/, '') })), { fileName: exportName });
      results.push(finishRead(parsed, 'slack', { ...options, fileName: exportName }));
    } catch (error) {
      if (!(error instanceof TranscriptError)) throw error;
      errors.push(error);
      notes.push(error.message);
    }
  }
  for (const entry of entries) {
    if (claimed.has(entry.path)) continue;
    try {
      results.push(readTranscript(entry.bytes, { ...options, fileName: `${fileName}/${entry.path}` }));
    } catch (error) {
      // One entry that is no transcript (an image, a README) is a note; the zip still counts.
      if (!(error instanceof TranscriptError)) throw error;
      errors.push(error);
      notes.push(`${fileName}/${entry.path}: ${NOT_A_TRANSCRIPT[error.code] ?? error.message.replace(`${fileName}/${entry.path}`, '').replace(/^[\s:]+/, '')}`);
    }
  }
  // A zip of one transcript fails as that transcript would, line numbers and all.
  if (results.length === 0 && errors.length === 1 && errors[0]!.code !== 'binary_file') throw errors[0]!;
  if (results.length === 0) {
    const why = entries.length === 0 ? 'it is empty' : `none of its ${entries.length} file(s) is a transcript Chat Atlas reads${notes[0] ? ` (${notes[0]})` : ''}`;
    throw new TranscriptError('no_messages', `${fileName}: no messages: ${why}`, { file: fileName, notes: notes.slice(0, MAX_REPORTED_SKIPS) });
  }
  // Notes about the archive as a whole ride on its first transcript's report.
  results[0]!.result.warnings.push(...notes);
  return results;
}

/**
 * Parsed messages → a ReadTranscript, as readTranscript does after parsing.
 * (A Slack export is parsed by parseSlackExport, not by one parser of text.)
 */
export function finishRead(parsed: ParseResult, format: FormatId, options: ReadOptions): ReadTranscript {
  const { fileName } = options;
  const normalized = normalizeMessages(parsed.messages, { fileName, ...(options.chat ? { chat: options.chat } : {}), maxTextChars: options.maxMessageChars });
  const skipped: Skipped[] = [...parsed.skipped, ...normalized.skipped];
  if (normalized.messages.length === 0) {
    throw new TranscriptError('no_messages', `${fileName}: read as ${format}, but no message could be used${skipped[0] ? ` (${skipped[0].reason})` : ''}`, {
      file: fileName,
      skipped: skipped.slice(0, MAX_REPORTED_SKIPS),
    });
  }
  const authors = new Set(normalized.messages.map((m) => m.author));
  const named = new Set(normalized.messages.flatMap((m) => [...m.mentions, m.replyToAuthor, m.repostOf].filter((k): k is string => !!k)));
  const people = new Map<string, PersonProfile>();
  for (const p of parsed.people) if ((authors.has(p.key) || named.has(p.key)) && !people.has(p.key)) people.set(p.key, p);
  return {
    result: {
      file: fileName,
      format,
      messages: normalized.messages.length,
      skipped: skipped.length,
      skippedItems: skipped.slice(0, MAX_REPORTED_SKIPS),
      warnings: [...parsed.warnings, ...normalized.warnings],
    },
    messages: normalized.messages,
    people: [...people.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}
