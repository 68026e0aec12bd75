/**
 * Writes are limited per client address (@fastify/rate-limit, in memory):
 * an upload costs parsing and a database transaction, so a loop of them is
 * the cheapest way to hurt a shared server. Reads are not limited. The 429
 * leaves in the API's error shape, with Retry-After.
 */
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { HttpError } from './errors.js';

/** Methods that only read: everything else counts as a write. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isWrite = (method: string) => !READ_METHODS.has(method.toUpperCase());

export interface WriteRateLimitOptions {
  writesPerMinute: number;
}

/**
 * Register on the root instance, before the auth hook: a client guessing
 * tokens is limited too. Behind a reverse proxy every client has the proxy's
 * address unless Fastify's `trustProxy` is set.
 */
export async function registerWriteRateLimit(app: FastifyInstance, options: WriteRateLimitOptions): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `too many writes from this address: at most ${context.max} a minute; retry in ${context.after}`),
  });
  const limit = app.rateLimit({ max: options.writesPerMinute, timeWindow: 60_000 });
  app.addHook('onRequest', async function (request, reply) {
    if (isWrite(request.method)) await limit.call(this, request, reply);
  });
}
