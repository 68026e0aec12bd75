/**
 * `text/csv` request bodies (rosters, identity lists) as a string, up to
 * 20 MB: a route plugin that takes CSV calls this once.
 */
import type { FastifyInstance } from 'fastify';

export const CSV_BODY_LIMIT = 20 * 1024 * 1024;

export function acceptCsvBodies(app: FastifyInstance): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body));
}
