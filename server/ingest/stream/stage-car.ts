/**
 * A Bluesky repository export too big to read whole (past the 32 MiB whole
 * read; a CAR is binary, so it was never a text to split into lines): read
 * block by block from its stream (readCarStream) and staged like any
 * transcript, its progress reported as its bytes go by.
 */
import { readCarStream } from '../parse/bluesky-car.js';
import { finishRead, type ReadOptions } from '../read-transcript.js';
import { stageRead, type ImportSink } from './sink.js';

async function* counted(source: AsyncIterable<Uint8Array>, sink: ImportSink): AsyncIterable<Uint8Array> {
  let bytes = 0;
  for await (const piece of source) {
    bytes += piece.length;
    sink.progress(bytes);
    yield piece;
  }
}

export async function stageCarStream(source: AsyncIterable<Uint8Array>, read: ReadOptions, sink: ImportSink): Promise<void> {
  const parsed = await readCarStream(counted(source, sink), { fileName: read.fileName });
  await stageRead(sink, finishRead(parsed, 'bluesky-car', read));
}
