/**
 * Every error leaves as `{error: {code, message, details?}}`: 4xx for what
 * the caller caused (with the file and line at fault for transcripts), 500
 * only for our own bugs, which are logged.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { TranscriptError } from '../ingest/errors.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

const FASTIFY_CODES: Record<string, string> = {
  FST_REQ_FILE_TOO_LARGE: 'too_large',
  FST_FILES_LIMIT: 'too_many_files',
  FST_PARTS_LIMIT: 'too_many_parts',
  FST_ERR_CTP_BODY_TOO_LARGE: 'too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'invalid_request',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
};

/**
 * Whether the error is the client going away mid-request (a closed tab, a cancelled upload): Node's "aborted"
 * (ECONNRESET) from the request stream, or a stream cut short by it, on a request whose connection is gone.
 */
function clientWentAway(error: Error, raw: IncomingMessage): boolean {
  const code = (error as { code?: unknown }).code;
  const cutOff = code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || error.message === 'aborted';
  return cutOff && (raw.destroyed || raw.socket?.destroyed === true);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}` } });
  });

  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof TranscriptError) {
      return reply.code(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .send({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      const where = error.validationContext ?? 'request';
      const message = `invalid ${where}: ${issues.map((i) => `${i.path ? `${i.path.replace(/^\//, '')} ` : ''}${i.message}`).join('; ')}`;
      return reply.code(400).send({ error: { code: 'invalid_request', message, details: issues } });
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const fastifyCode = (error as FastifyError).code;
      const own = typeof fastifyCode === 'string' && /^[a-z_]+$/.test(fastifyCode) ? fastifyCode : undefined; // e.g. the store's not_found
      const code =
        FASTIFY_CODES[fastifyCode] ?? own ?? (status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_request');
      return reply.code(status).send({ error: { code, message: error.message } });
    }
    // SQLite's lock held longer than busy_timeout by another process (a long CLI import): try again shortly.
    if ((error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_BUSY_SNAPSHOT') {
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: { code: 'busy', message: 'The database is busy with another import; try again in a few seconds.' } });
    }
    if (clientWentAway(error, request.raw)) {
      // Not our bug and no one left to answer: a line to count, without the stack.
      request.log.info(
        { code: (error as { code?: string }).code ?? error.message },
        'the client closed the connection before its request was read',
      );
      return reply.code(400).send({ error: { code: 'aborted', message: 'the request was cut off' } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged.' } });
  });
}
