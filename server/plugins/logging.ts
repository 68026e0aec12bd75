/**
 * What the log keeps of a request. A snapshot id is the permission to read
 * it (routes/snapshots), so a log line with one would hand that permission
 * to whoever reads the logs: the ids in snapshot, share and embed URLs are
 * written as `[redacted]`. The rest is Fastify's default request line (less
 * `accept-version`, which this API does not use).
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

export const REDACTED = '[redacted]';

/** Routes whose `:id` is a snapshot id. */
const CAPABILITY_ROUTES: ReadonlySet<string> = new Set(['/api/snapshots/:id', '/api/snapshots/:id/export', '/s/:id', '/embed/:id']);

/** The same paths as text, for URLs no route matched (a 404 for a mistyped or old link still names an id). */
const CAPABILITY_PATH = /^(\/(?:api\/snapshots|s|embed)\/)[^/?#]+/i;

/**
 * A request URL without snapshot ids. A route that matched gives the path
 * as its pattern: `/api/snapshot%73/<id>` reaches the same route, and a
 * pattern cannot hold an id however the path was spelled.
 */
export function redactedUrl(url: string, route: string | undefined): string {
  if (route !== undefined && CAPABILITY_ROUTES.has(route)) {
    const query = url.indexOf('?');
    return route.replace(':id', REDACTED) + (query === -1 ? '' : url.slice(query));
  }
  return url.replace(CAPABILITY_PATH, `$1${REDACTED}`);
}

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Fastify's logger options at `level`, with its request serializer's URL redacted. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactedUrl(request.url, request.routeOptions?.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
