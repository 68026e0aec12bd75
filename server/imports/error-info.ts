/** Any error of an import → what a failed job reports, as the API would have answered it. */
import type { ImportJob } from '../../shared/index.js';
import { TranscriptError } from '../ingest/errors.js';
import { StoreNotFoundError } from '../store/errors.js';

export type ImportErrorInfo = NonNullable<ImportJob['error']>;

export function importErrorInfo(error: unknown): ImportErrorInfo {
  if (error instanceof TranscriptError)
    return { status: error.statusCode, code: error.code, message: error.message, details: error.details };
  if (error instanceof StoreNotFoundError)
    return { status: 404, code: 'not_found', message: 'the dataset was deleted while the files were read' };
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') {
    return { status: 503, code: 'busy', message: 'The database was busy with another import; try again in a few seconds.' };
  }
  return { status: 500, code: 'internal_error', message: 'Something went wrong on our side while importing; it has been logged.' };
}
