/**
 * An import sink that keeps what is read in memory, transcript by
 * transcript: for `chat-atlas build` (no store) and for reading an upload in
 * tests. Batches of one transcript are joined and its people merged by the
 * one rule (profiles.ts), as a staged import would store them.
 */
import type { PersonProfile } from '../../shared/index.js';
import { mergeProfilesInto } from './profiles.js';
import type { ReadTranscript } from './read-transcript.js';
import type { ImportSink } from './stream/sink.js';

export interface MemorySink extends ImportSink {
  /** The transcripts read, in the order they began. */
  readonly reads: ReadTranscript[];
}

export function memorySink(): MemorySink {
  const reads: ReadTranscript[] = [];
  const people: Map<string, PersonProfile>[] = [];
  return {
    reads,
    beginFile: () => {
      people.push(new Map());
      return (
        reads.push({
          result: { file: '', format: 'csv', messages: 0, skipped: 0, skippedItems: [], warnings: [] },
          messages: [],
          people: [],
        }) - 1
      );
    },
    stage: async (index, messages, named) => {
      const read = reads[index]!;
      for (const m of messages) read.messages.push(m);
      mergeProfilesInto(people[index]!, named);
      read.people = [...people[index]!.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    endFile: (index, result) => {
      reads[index]!.result = result;
    },
    progress: () => {},
  };
}
