/**
 * An archive (a zip on disk or in memory, a folder) entry by entry: a Slack
 * export inside is one transcript, read one conversation folder at a time (a
 * 2 GB export is never whole in memory); every other entry is read on its
 * own, a big one in a line format chunk by chunk; entries that are no
 * transcript are noted on the first transcript's report, not fatal. An
 * archive of one transcript fails as that transcript would.
 */
import type { Message, PersonProfile, Skipped, SourceResult } from '../../shared/index.js';
import { isZip, openArchiveFile, type ArchiveFile } from './archive.js';
import { openFolderArchive } from './folder-archive.js';
import { detectFormat } from './detect.js';
import { TranscriptError } from './errors.js';
import { isCar } from './parse/bluesky-car.js';
import { readMastodonActor } from './parse/mastodon-actor.js';
import { parseSlackExport, tally, type SlackFile } from './parse/slack.js';
import { finishRead, MAX_REPORTED_SKIPS, readTranscript } from './read-transcript.js';
import { DAY_FILE, SLACK_META, slackRoots } from './slack-export.js';
import { readInChunks, readsInChunks } from './stream/read-in-chunks.js';
import { MAX_WHOLE_TEXT_BYTES, headText, tooBigToReadWhole, type FileOnDisk } from './stream/file-head.js';
import { stageRead, type ImportSink } from './stream/sink.js';
import { stageCarStream } from './stream/stage-car.js';
import { looksLikeWorkbook, MAX_WORKBOOK_BYTES } from './workbook/read-workbook.js';
import { stageWorkbook } from './workbook/stage-workbook.js';

export interface ZipReadOptions {
  wholeReadBytes: number;
  chunkBytes?: number;
  parseThreads?: number | undefined;
  /** A longer message text is cut to this many characters (see normalize). */
  maxMessageChars?: number | undefined;
}

const decoder = new TextDecoder('utf-8');

/** Short notes for entries that are plainly no transcript: the full errors list every format, once per entry. */
export const NOT_A_TRANSCRIPT: Partial<Record<TranscriptError['code'], string>> = {
  binary_file: 'binary (an image, a document, a nested zip…), not a transcript',
  unknown_format: 'not a transcript format Chat Atlas reads',
  empty_file: 'empty',
};

/** What is known of the archive as uploaded: its name in reports, its size for progress, the format and chat asked for. */
export type ArchiveSource = Omit<FileOnDisk, 'path'>;
const HEAD_BYTES = 256 * 1024;

/** A zip on disk. */
export async function readZipFile(file: FileOnDisk, sink: ImportSink, options: ZipReadOptions): Promise<void> {
  const notes: string[] = [];
  const archive = await openArchiveFile(file.path, file.fileName, file.size, {
    onSkip: (p, why) => notes.push(`${file.fileName}/${p}: left out (${why})`),
  });
  return readArchiveInto(archive, file, sink, options, notes);
}

/** A folder on disk: a Slack export, or a folder of transcripts. */
export async function readFolderInto(file: FileOnDisk, sink: ImportSink, options: ZipReadOptions): Promise<void> {
  return readArchiveInto(await openFolderArchive(file.path, file.fileName), file, sink, options, []);
}

/** Any archive, closed at the end; `notes` are what opening it found (entries left out). */
export async function readArchiveInto(
  archive: ArchiveFile,
  file: ArchiveSource,
  sink: ImportSink,
  options: ZipReadOptions,
  notes: string[],
): Promise<void> {
  const { fileName } = file;
  // The first transcript's report carries the notes about the archive as a whole (as readUpload does);
  // its warnings are amended in place once every entry is read.
  let firstResult: Omit<SourceResult, 'stored'> | undefined;
  const errors: TranscriptError[] = [];
  const totalBytes = archive.entries.reduce((n, e) => n + e.size, 0) || 1;
  let doneBytes = 0;
  const advance = (bytes: number) => {
    doneBytes += bytes;
    sink.progress(Math.round((file.size * doneBytes) / totalBytes));
  };
  const tracking: ImportSink = {
    beginFile: () => sink.beginFile(),
    stage: (i, m, p) => sink.stage(i, m, p),
    endFile: (i, result) => {
      firstResult ??= result;
      sink.endFile(i, result);
    },
    progress: () => {},
  };
  try {
    const claimed = new Set<string>();
    for (const root of slackRoots(archive.entries.map((e) => e.path))) {
      const inRoot = archive.entries.filter((e) => e.path.startsWith(root));
      const rel = (p: string) => p.slice(root.length);
      const folders = new Set(inRoot.flatMap((e) => DAY_FILE.exec(rel(e.path))?.[1] ?? []));
      const meta = inRoot.filter((e) => SLACK_META.test(rel(e.path)));
      const mine = inRoot.filter((e) => SLACK_META.test(rel(e.path)) || folders.has(rel(e.path).split('/')[0]!));
      for (const e of mine) claimed.add(e.path);
      try {
        await readSlackExport(archive, `${fileName}/${root}`, root, meta, folders, inRoot, tracking, {
          chat: file.chat,
          maxMessageChars: options.maxMessageChars,
        });
      } catch (error) {
        if (!(error instanceof TranscriptError)) throw error;
        errors.push(error);
        notes.push(error.message);
      }
      advance(mine.reduce((n, e) => n + e.size, 0));
    }
    const actors = await readActors(archive, claimed);
    for (const entry of archive.entries) {
      if (claimed.has(entry.path)) continue;
      const entryName = `${fileName}/${entry.path}`;
      try {
        const profiles = actors.get(folderOf(entry.path));
        await readEntry(archive, entry, { ...file, fileName: entryName, size: entry.size }, tracking, { ...options, profiles });
      } catch (error) {
        if (!(error instanceof TranscriptError)) throw error;
        errors.push(error);
        notes.push(`${entryName}: ${NOT_A_TRANSCRIPT[error.code] ?? error.message.replace(entryName, '').replace(/^[\s:]+/, '')}`);
      }
      advance(entry.size);
    }
  } finally {
    archive.close();
  }
  if (!firstResult && errors.length === 1 && errors[0]!.code !== 'binary_file') throw errors[0]!;
  if (!firstResult) {
    const why =
      archive.entries.length === 0
        ? 'it is empty'
        : `none of its ${archive.entries.length} file(s) is a transcript Chat Atlas reads${notes[0] ? ` (${notes[0]})` : ''}`;
    throw new TranscriptError('no_messages', `${fileName}: no messages: ${why}`, {
      file: fileName,
      notes: notes.slice(0, MAX_REPORTED_SKIPS),
    });
  }
  firstResult.warnings.push(...notes);
}

const folderOf = (entryPath: string) => entryPath.slice(0, entryPath.lastIndexOf('/') + 1);

/** Largest actor.json read: a real one is a few KiB. */
const MAX_ACTOR_BYTES = 1024 * 1024;

/**
 * Mastodon archives' actor.json files, by folder: each the profile of the
 * account whose outbox.json sits beside it (its name, bio, fields). Claimed,
 * so they are not reported as files that are no transcript.
 */
async function readActors(archive: ArchiveFile, claimed: Set<string>): Promise<Map<string, PersonProfile[]>> {
  const actors = new Map<string, PersonProfile[]>();
  for (const entry of archive.entries) {
    if (claimed.has(entry.path) || !/(?:^|\/)actor\.json$/.test(entry.path) || entry.size > MAX_ACTOR_BYTES) continue;
    const profile = readMastodonActor(decoder.decode(await archive.read(entry.path)));
    if (!profile) continue;
    claimed.add(entry.path);
    actors.set(folderOf(entry.path), [profile]);
  }
  return actors;
}

async function readEntry(
  archive: ArchiveFile,
  entry: { path: string; size: number },
  file: ArchiveSource,
  sink: ImportSink,
  options: ZipReadOptions & { profiles?: readonly PersonProfile[] | undefined },
): Promise<void> {
  const read = {
    fileName: file.fileName,
    ...(file.format ? { format: file.format } : {}),
    ...(file.chat ? { chat: file.chat } : {}),
    table: file.table,
    bots: file.bots,
    // No modifiedAt: the zip's own time is not its entries'.
    maxMessageChars: options.maxMessageChars,
    profiles: options.profiles,
  };
  // A workbook (.xlsx: TAGS, NodeXL, any sheet) is a zip itself, read as it is when uploaded loose.
  const workbook = (bytes: Uint8Array) => isZip(bytes) && looksLikeWorkbook(bytes);
  if (entry.size <= options.wholeReadBytes) {
    const bytes = await archive.read(entry.path);
    return workbook(bytes) ? stageWorkbook(bytes, read, sink) : stageRead(sink, readTranscript(bytes, read));
  }
  const head = await readEntryHead(archive, entry.path);
  if (file.format === 'bluesky-car' || (!file.format && isCar(head))) return stageCarStream(archive.stream(entry.path), read, sink);
  if (isZip(head) && entry.size <= MAX_WORKBOOK_BYTES) {
    const bytes = await archive.read(entry.path);
    if (workbook(bytes)) return stageWorkbook(bytes, read, sink);
  }
  const text = headText(head, file.fileName);
  const format = file.format ?? detectFormat(text, file.fileName);
  if (readsInChunks(format, text)) {
    const chunked = {
      fileName: file.fileName,
      format,
      chat: file.chat,
      table: file.table,
      parseThreads: options.parseThreads,
      maxMessageChars: options.maxMessageChars,
    };
    return readInChunks(
      archive.stream(entry.path),
      { ...chunked, ...(options.chunkBytes ? { chunk: { targetBytes: options.chunkBytes } } : {}) },
      sink,
    );
  }
  if (entry.size > MAX_WHOLE_TEXT_BYTES) throw tooBigToReadWhole(file.fileName, entry.size, format);
  return stageRead(sink, readTranscript(await archive.read(entry.path), { ...read, format }));
}

async function readEntryHead(archive: ArchiveFile, entryPath: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let bytes = 0;
  for await (const piece of archive.stream(entryPath)) {
    pieces.push(piece);
    bytes += piece.length;
    if (bytes >= HEAD_BYTES) break; // leaving the loop destroys the entry's stream
  }
  return Buffer.concat(pieces).subarray(0, HEAD_BYTES);
}

/** A Slack export, one conversation folder at a time (its day files and the export's lists), as one transcript. */
async function readSlackExport(
  archive: ArchiveFile,
  exportName: string,
  root: string,
  meta: { path: string }[],
  folders: Set<string>,
  inRoot: { path: string }[],
  sink: ImportSink,
  { chat, maxMessageChars }: { chat: string | undefined; maxMessageChars: number | undefined },
): Promise<void> {
  const text = async (p: string) => decoder.decode(await archive.read(p)).replace(/^\uFEFF/, '');
  const lists: SlackFile[] = [];
  for (const m of meta) lists.push({ path: m.path.slice(root.length), text: await text(m.path) });
  let index: number | undefined;
  // The export reads as one transcript: its skipped items and its "skipped: n × kind" line are the whole export's.
  let messages = 0;
  const skipped: Skipped[] = [];
  const warnings = new Set<string>();
  let lastError: TranscriptError | undefined;
  for (const folder of [...folders].sort()) {
    const days: SlackFile[] = [];
    for (const e of inRoot) {
      const rel = e.path.slice(root.length);
      if (rel.split('/')[0] === folder && DAY_FILE.test(rel)) days.push({ path: rel, text: await text(e.path) });
    }
    let read;
    try {
      read = finishRead(parseSlackExport([...lists, ...days], { fileName: exportName }), 'slack', {
        fileName: exportName,
        ...(chat ? { chat } : {}),
        maxMessageChars,
      });
    } catch (error) {
      // A folder with nothing to read (DMs, only joins) is part of the export's report, not fatal.
      if (!(error instanceof TranscriptError)) throw error;
      lastError = error;
      const why = (error.details as { skipped?: Skipped[] } | undefined)?.skipped;
      skipped.push(...(why?.length ? why : [{ reason: `${folder}/: ${error.message.replace(`${exportName}: `, '')}` }]));
      continue;
    }
    index ??= sink.beginFile();
    await stageBatch(sink, index, read.messages, read.people);
    messages += read.result.messages;
    skipped.push(...read.result.skippedItems);
    for (const w of read.result.warnings) if (!w.startsWith('skipped: ')) warnings.add(w);
  }
  if (index === undefined)
    throw (
      lastError ?? new TranscriptError('no_messages', `${exportName}: a Slack export with no conversation to read`, { file: exportName })
    );
  sink.endFile(index, {
    file: exportName,
    format: 'slack',
    messages,
    skipped: skipped.length,
    skippedItems: skipped.slice(0, MAX_REPORTED_SKIPS),
    warnings: [...tally(skipped), ...warnings],
  });
}

async function stageBatch(sink: ImportSink, index: number, messages: Message[], people: PersonProfile[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10_000) await sink.stage(index, messages.slice(i, i + 10_000), i === 0 ? people : []);
}
