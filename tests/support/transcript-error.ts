/** The TranscriptError a call throws; fails the test when it throws nothing or something else. */
import { TranscriptError } from '../../server/ingest/errors.js';

export function caught(fn: () => unknown): TranscriptError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('expected a TranscriptError, nothing was thrown');
}
