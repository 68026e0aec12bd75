/**
 * TranscriptError: a problem with the caller's file, carrying the HTTP status
 * the API answers with and, where there is one, the line or record at fault.
 */
export type TranscriptErrorCode =
  'empty_file' | 'binary_file' | 'unreadable_file' | 'missing_columns' | 'needs_mapping' | 'no_messages' | 'unknown_format' | 'too_large';

const STATUS: Record<TranscriptErrorCode, number> = {
  empty_file: 422,
  binary_file: 422,
  unreadable_file: 422,
  missing_columns: 422,
  needs_mapping: 422,
  no_messages: 422,
  unknown_format: 415,
  too_large: 413,
};

export interface TranscriptErrorDetails {
  file?: string;
  line?: number;
  record?: number;
  [key: string]: unknown;
}

export class TranscriptError extends Error {
  readonly code: TranscriptErrorCode;
  readonly statusCode: number;
  readonly details: TranscriptErrorDetails;

  constructor(code: TranscriptErrorCode, message: string, details: TranscriptErrorDetails = {}) {
    super(message);
    this.name = 'TranscriptError';
    this.code = code;
    this.statusCode = STATUS[code];
    this.details = details;
  }
}
