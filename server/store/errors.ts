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
