/**
 * Reading uploaded files and storing them, the one path shared by the API,
 * the CLI and the demo loader. Every file is read before anything is stored:
 * one unreadable file rejects the whole import, so nothing is half-stored.
 */
import type { Dataset, FormatId } from '../../shared/index.js';
import type { ReadTranscript } from './read-transcript.js';
import { readUpload } from './read-upload.js';
import type { Store } from '../store/types.js';

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
  format?: FormatId;
  chat?: string;
}

export interface ImportOptions {
  datasetId?: string;
  name: string;
  files: UploadedFile[];
  /** A longer message text is cut to this many characters (the server's MAX_MESSAGE_CHARS; default normalize's). */
  maxMessageChars?: number | undefined;
}

/** Reads every upload (a zip may hold several transcripts) before anything is stored. */
export async function readUploads(files: UploadedFile[], options: Pick<ImportOptions, 'maxMessageChars'> = {}): Promise<ReadTranscript[]> {
  const { maxMessageChars } = options;
  const reads = await Promise.all(
    files.map((f) => readUpload(f.bytes, { fileName: f.fileName, ...(f.format ? { format: f.format } : {}), ...(f.chat ? { chat: f.chat } : {}), maxMessageChars })),
  );
  return reads.flat();
}

export async function importReads(store: Store, options: { datasetId?: string; name: string; files: ReadTranscript[] }): Promise<Dataset> {
  return store.importFiles({ ...(options.datasetId ? { datasetId: options.datasetId } : {}), name: options.name, files: options.files });
}

export async function importUploads(store: Store, options: ImportOptions): Promise<Dataset> {
  const { maxMessageChars, ...target } = options;
  return importReads(store, { ...target, files: await readUploads(options.files, { maxMessageChars }) });
}
