/**
 * Who may write. With ATLAS_TOKEN set, every write (any method but GET, HEAD
 * and OPTIONS) needs `Authorization: Bearer <token>`; with
 * ATLAS_PUBLIC_READ=false, so do reads under /api/datasets. Health, /docs,
 * the page and snapshot links stay open: a snapshot id is itself the
 * capability to read it. Without a token nothing is checked (loopback only,
 * see listen-guard.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';
import { isWrite } from './rate-limit.js';

export interface AuthOptions {
  token: string | undefined;
  /** Dataset reads without the token (default true). */
  publicRead: boolean;
}

export type Access = 'open' | 'token';

/** Reads that name what was imported: datasets, and import jobs (their reports name files and counts). */
const DATASET_READS = /^\/api\/(?:datasets|imports)(?:\/|$)/;

/**
 * What a request needs, from its method and the pattern of the route it
 * matched (`/api/datasets/:id`), not its raw URL: `/api/%64atasets` matches
 * the same route. Unknown routes (404) are open: they answer nothing.
 */
export function accessFor(method: string, route: string | undefined, publicRead: boolean): Access {
  if (isWrite(method)) return 'token';
  if (!publicRead && route !== undefined && DATASET_READS.test(route)) return 'token';
  return 'open';
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Compares SHA-256 digests (equal length) in constant time, so timing tells nothing about the token. */
export function tokenMatches(authorization: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  if (!options.token) return;
  const expected = digest(options.token);
  const { publicRead } = options;
  app.addHook('onRequest', async (request, reply) => {
    if (accessFor(request.method, request.routeOptions.url, publicRead) === 'open') return;
    if (tokenMatches(request.headers.authorization, expected)) return;
    const given = request.headers.authorization !== undefined;
    // RFC 6750 §3: the challenge, with error="invalid_token" when a token was sent but is wrong.
    reply.header('www-authenticate', `Bearer realm="chat-atlas"${given ? ', error="invalid_token"' : ''}`);
    const what = isWrite(request.method) ? 'changing data on this server' : 'reading datasets on this server';
    throw new HttpError(
      401,
      'unauthorized',
      given ? `the token sent is not valid for ${what}` : `${what} needs a token: send "Authorization: Bearer <ATLAS_TOKEN>"`,
    );
  });
}
