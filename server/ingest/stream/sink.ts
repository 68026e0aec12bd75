/**
 * Where streamed reading puts what it reads: batch by batch into a staged
 * import (see Store.beginImport), never the whole file in memory.
 */
import type { Message, PersonProfile, SourceResult } from '../../../shared/index.js';
import type { ReadTranscript } from '../read-transcript.js';

export interface ImportSink {
  /** A transcript begins (a file, or one of a zip's); returns its index among the upload's transcripts. */
  beginFile(): number;
  /** A batch of that transcript's messages, with the profiles of people they name. */
  stage(fileIndex: number, messages: readonly Message[], people: readonly PersonProfile[]): Promise<void>;
  /** The transcript's report, once all its batches are staged. */
  endFile(fileIndex: number, result: Omit<SourceResult, 'stored'>): void;
  /** Bytes of the current upload file read so far. */
  progress(bytesRead: number): void;
}

/** Messages per staged batch when a transcript was read whole. */
export const STAGE_BATCH = 10_000;

/** A transcript read whole (small files, document formats) into the sink, in batches. */
export async function stageRead(sink: ImportSink, read: ReadTranscript): Promise<void> {
  const index = sink.beginFile();
  for (let i = 0; i < read.messages.length; i += STAGE_BATCH) {
    await sink.stage(index, read.messages.slice(i, i + STAGE_BATCH), i === 0 ? read.people : []);
  }
  sink.endFile(index, read.result);
}
