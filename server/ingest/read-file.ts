/**
 * The one way in for every file, whoever brings it (the API's uploads and
 * import jobs, `chat-atlas import` and `build`, the demo loader, tests):
 * a file or folder on disk, or bytes already in memory, into an import sink
 * (a staged import in the store, or memory-sink.ts). Small files are read
 * whole. Bigger ones never are: a zip or folder is read entry by entry
 * (read-archive.ts), a line format (JSON Lines, CSV) chunk by chunk, and
 * only formats that are one document (a JSON array, a WhatsApp chat) are
 * read whole, up to what one JavaScript string can hold.
 */
import fs from 'node:fs';
import type { FormatId } from '../../shared/index.js';
import { isZip, memoryArchive, readArchive } from './archive.js';
import { detectFormat } from './detect.js';
import { isCar } from './parse/bluesky-car.js';
import { readTranscript } from './read-transcript.js';
import { fileBytes } from './stream/chunks.js';
import { readInChunks, readsInChunks } from './stream/read-in-chunks.js';
import { stageRead, type ImportSink } from './stream/sink.js';
import { stageCarStream } from './stream/stage-car.js';
import { readArchiveInto, readFolderInto, readZipFile, type ArchiveSource } from './read-archive.js';
import { headText, MAX_WHOLE_TEXT_BYTES, readHead, readSample, readTail, tooBigToReadWhole, type FileOnDisk } from './stream/file-head.js';
import { looksLikeWorkbook } from './workbook/read-workbook.js';
import { stageWorkbook } from './workbook/stage-workbook.js';

export type { FileOnDisk } from './stream/file-head.js';

export interface ReadFileOptions {
  /** Files up to this size are read whole (default 32 MiB). */
  wholeReadBytes?: number;
  /** Bytes per chunk for line formats (default 1 MiB). */
  chunkBytes?: number;
  /** Threads that parse a line format's chunks (default: the cores but one, 1–4); 0 parses on this thread. */
  parseThreads?: number;
  /** A longer message text is cut to this many characters (default: normalize's DEFAULT_MAX_MESSAGE_CHARS). */
  maxMessageChars?: number | undefined;
}

export const WHOLE_READ_BYTES = 32 * 1024 * 1024;

export async function readFileInto(file: FileOnDisk, sink: ImportSink, options: ReadFileOptions = {}): Promise<void> {
  const whole = options.wholeReadBytes ?? WHOLE_READ_BYTES;
  const { maxMessageChars } = options;
  const read = {
    fileName: file.fileName,
    ...(file.format ? { format: file.format } : {}),
    ...(file.chat ? { chat: file.chat } : {}),
    table: file.table,
    bots: file.bots,
    modifiedAt: file.modifiedAt,
    maxMessageChars,
  };
  if ((await fs.promises.stat(file.path)).isDirectory()) {
    return readFolderInto(file, sink, {
      wholeReadBytes: whole,
      parseThreads: options.parseThreads,
      maxMessageChars,
      ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
    });
  }
  const head = await readHead(file.path);
  // A workbook is a zip of sheets: read as the table it holds.
  if (isZip(head) && looksLikeWorkbook(await readTail(file.path))) {
    await stageWorkbook(new Uint8Array(await fs.promises.readFile(file.path)), read, sink);
    sink.progress(file.size);
    return;
  }
  // A zip of any size is read from disk entry by entry: a small zip may still unpack to a lot.
  if (isZip(head)) {
    return readZipFile(file, sink, {
      wholeReadBytes: whole,
      parseThreads: options.parseThreads,
      maxMessageChars,
      ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
    });
  }
  if (file.size <= whole) {
    await stageRead(sink, readTranscript(new Uint8Array(await fs.promises.readFile(file.path)), read));
    sink.progress(file.size);
    return;
  }
  if (file.format === 'bluesky-car' || (!file.format && isCar(head))) return stageCarStream(fs.createReadStream(file.path), read, sink);
  const text = headText(head, file.fileName);
  const format = file.format ?? detectFormat(text, file.fileName, { sample: await readSample(file.path, file.size) });
  if (readsInChunks(format, text)) {
    const handle = await fs.promises.open(file.path);
    try {
      const chunked = {
        fileName: file.fileName,
        format,
        chat: file.chat,
        table: file.table,
        parseThreads: options.parseThreads,
        maxMessageChars,
      };
      await readInChunks(
        fileBytes(handle),
        { ...chunked, ...(options.chunkBytes ? { chunk: { targetBytes: options.chunkBytes } } : {}) },
        sink,
      );
    } finally {
      await handle.close();
    }
    return;
  }
  if (file.size > MAX_WHOLE_TEXT_BYTES) throw tooBigToReadWhole(file.fileName, file.size, format);
  await stageRead(sink, readTranscript(new Uint8Array(await fs.promises.readFile(file.path)), { ...read, format }));
  sink.progress(file.size);
}

/** Bytes already in memory (a small upload, a test's file): a zip entry by entry, anything else whole. */
export async function readBytesInto(
  bytes: Uint8Array,
  file: Omit<ArchiveSource, 'size'>,
  sink: ImportSink,
  options: ReadFileOptions = {},
): Promise<void> {
  const source = { ...file, size: bytes.length };
  const read = {
    fileName: file.fileName,
    ...(file.format ? { format: file.format } : {}),
    ...(file.chat ? { chat: file.chat } : {}),
    table: file.table,
    bots: file.bots,
    modifiedAt: file.modifiedAt,
    maxMessageChars: options.maxMessageChars,
  };
  if (isZip(bytes) && looksLikeWorkbook(bytes)) {
    await stageWorkbook(bytes, read, sink);
    sink.progress(bytes.length);
    return;
  }
  if (isZip(bytes)) {
    const notes: string[] = [];
    const entries = await readArchive(bytes, file.fileName, { onSkip: (p, why) => notes.push(`${file.fileName}/${p}: left out (${why})`) });
    const zip = {
      wholeReadBytes: options.wholeReadBytes ?? WHOLE_READ_BYTES,
      parseThreads: options.parseThreads,
      maxMessageChars: options.maxMessageChars,
    };
    return readArchiveInto(
      memoryArchive(entries),
      source,
      sink,
      { ...zip, ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}) },
      notes,
    );
  }
  await stageRead(sink, readTranscript(bytes, read));
  sink.progress(bytes.length);
}
