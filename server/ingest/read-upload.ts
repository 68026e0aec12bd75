/**
 * Reading into memory, for callers that want the transcripts rather than a
 * staged import (tests, tools): the one reader (read-file.ts) with a memory
 * sink. A zip or folder gives one transcript per entry (a Slack export
 * inside is one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { memorySink } from './memory-sink.js';
import { readBytesInto, readFileInto, type ReadFileOptions } from './read-file.js';
import type { ReadOptions, ReadTranscript } from './read-transcript.js';

type InMemoryOptions = Omit<ReadOptions, 'wholeText'> & Pick<ReadFileOptions, 'parseThreads'>;

/** Bytes of one uploaded file (a zip may hold several transcripts). */
export async function readUpload(bytes: Uint8Array, options: InMemoryOptions): Promise<ReadTranscript[]> {
  const sink = memorySink();
  const { fileName, format, chat, table, bots, maxMessageChars, parseThreads } = options;
  await readBytesInto(
    bytes,
    { fileName, ...(format ? { format } : {}), ...(chat ? { chat } : {}), ...(table ? { table } : {}), ...(bots ? { bots } : {}) },
    sink,
    {
      maxMessageChars,
      ...(parseThreads === undefined ? {} : { parseThreads }),
    },
  );
  return sink.reads;
}

/** A file or a folder on disk (a Slack export, or a folder of transcripts). */
export async function readPath(
  filePath: string,
  options: Omit<InMemoryOptions, 'fileName'> & { fileName?: string } = {},
): Promise<ReadTranscript[]> {
  const sink = memorySink();
  const { format, chat, table, bots, modifiedAt, maxMessageChars, parseThreads } = options;
  const file = {
    path: filePath,
    fileName: options.fileName ?? path.basename(path.resolve(filePath)),
    size: (await fs.promises.stat(filePath)).size,
    format,
    chat,
    table,
    bots,
    modifiedAt,
  };
  await readFileInto(file, sink, { maxMessageChars, ...(parseThreads === undefined ? {} : { parseThreads }) });
  return sink.reads;
}

/** A folder on disk: a Slack export, or a folder of transcripts (walked; hidden files and symlinks left out). */
export const readFolder = (dir: string, options: Omit<InMemoryOptions, 'fileName'> = {}) => readPath(dir, options);
