/**
 * Reading uploaded files and storing them, the one path shared by the API,
 * the CLI and the demo loader. Every file is read before anything is stored:
 * one unreadable file rejects the whole import, so nothing is half-stored.
 */
import type { Dataset, FormatId } from '../shared/index.js';
import { readTranscript } from './pipeline/read-transcript.js';
import type { Store } from './store/types.js';

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
}

export async function importUploads(store: Store, options: ImportOptions): Promise<Dataset> {
  const files = options.files.map((f) =>
    readTranscript(f.bytes, { fileName: f.fileName, ...(f.format ? { format: f.format } : {}), ...(f.chat ? { chat: f.chat } : {}) }),
  );
  return store.importFiles({ ...(options.datasetId ? { datasetId: options.datasetId } : {}), name: options.name, files });
}
