/**
 * The front door for one uploaded file on disk (as the upload route and the
 * CLI leave them), into an import sink. Small files are read whole, exactly
 * as `readUpload` reads them. Bigger ones never are: a zip is read entry by
 * entry from disk, a line format (JSON Lines, CSV) chunk by chunk, and only
 * formats that are one document (a JSON array, a WhatsApp chat) are read
 * whole, up to what one JavaScript string can hold.
 */
import fs from 'node:fs';
import type { FormatId } from '../../../shared/index.js';
import { isZip } from '../archive.js';
import { detectFormat } from '../detect.js';
import { readTranscript } from '../read-transcript.js';
import { fileBytes } from './chunks.js';
import { readInChunks, readsInChunks } from './read-in-chunks.js';
import { stageRead, type ImportSink } from './sink.js';
import { readZipFile } from './read-zip-file.js';
import { headText, MAX_WHOLE_TEXT_BYTES, readHead, tooBigToReadWhole, type FileOnDisk } from './file-head.js';

export type { FileOnDisk } from './file-head.js';

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
  const read = { fileName: file.fileName, ...(file.format ? { format: file.format } : {}), ...(file.chat ? { chat: file.chat } : {}), maxMessageChars };
  const head = await readHead(file.path);
  // A zip of any size is read from disk entry by entry: a small zip may still unpack to a lot.
  if (isZip(head)) {
    return readZipFile(file, sink, { wholeReadBytes: whole, parseThreads: options.parseThreads, maxMessageChars, ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}) });
  }
  if (file.size <= whole) {
    await stageRead(sink, readTranscript(new Uint8Array(await fs.promises.readFile(file.path)), read));
    sink.progress(file.size);
    return;
  }
  const text = headText(head, file.fileName);
  const format = file.format ?? detectFormat(text, file.fileName);
  if (readsInChunks(format, text)) {
    const handle = await fs.promises.open(file.path);
    try {
      const chunked = { fileName: file.fileName, format, chat: file.chat, parseThreads: options.parseThreads, maxMessageChars };
      await readInChunks(fileBytes(handle), { ...chunked, ...(options.chunkBytes ? { chunk: { targetBytes: options.chunkBytes } } : {}) }, sink);
    } finally {
      await handle.close();
    }
    return;
  }
  if (file.size > MAX_WHOLE_TEXT_BYTES) throw tooBigToReadWhole(file.fileName, file.size, format);
  await stageRead(sink, readTranscript(new Uint8Array(await fs.promises.readFile(file.path)), { ...read, format }));
  sink.progress(file.size);
}
