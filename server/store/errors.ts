/** Errors every store backend throws alike. */

/** Thrown when a request names a dataset that does not exist; the API answers 404. */
export class StoreNotFoundError extends Error {
  readonly code = 'not_found' as const;
  readonly statusCode = 404;
  constructor(message: string) {
    super(message);
    this.name = 'StoreNotFoundError';
  }
}

/** The error of an import job whose process stopped before it finished (a restart, a crash). */
export const INTERRUPTED_IMPORT = {
  status: 503,
  code: 'import_interrupted',
  message: 'The server stopped before this import finished; nothing of it was stored. Upload the files again.',
};
