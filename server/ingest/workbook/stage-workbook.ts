/**
 * A workbook into an import sink, whether it came loose or inside a zip:
 * its table sheet read as the CSV it would have been saved as (see
 * read-workbook.ts), named as the workbook, then read like any table.
 */
import { readTranscript, type ReadOptions } from '../read-transcript.js';
import { stageRead, type ImportSink } from '../stream/sink.js';
import { readWorkbook } from './read-workbook.js';

export async function stageWorkbook(bytes: Uint8Array, read: ReadOptions, sink: ImportSink): Promise<void> {
  const book = await readWorkbook(bytes, read.fileName);
  const format = read.format ?? book.format;
  const transcript = readTranscript(Buffer.from(book.csv), { ...read, ...(format ? { format } : {}) });
  transcript.result.warnings.unshift(book.warning);
  await stageRead(sink, transcript);
}
