/**
 * A good citizen's HTTP client for one collection run, over safeFetch: it
 * waits when the server says to — Mastodon's `X-RateLimit-Remaining` at 0
 * until `X-RateLimit-Reset`; HTTP 429 for `Retry-After` (seconds or a date)
 * or `RateLimit-Reset` (seconds, or an epoch time as Bluesky sends) — and
 * retries 5xx answers and broken connections with exponential backoff.
 * Every request names the software in its User-Agent (safeFetch).
 */
import { FetchError, safeFetch, type FetchRequest, type FetchResponse, type SafeFetchOptions } from './safe-fetch.js';

export interface PoliteOptions {
  fetch: SafeFetchOptions;
  /** Retries of a 5xx, a timeout or a broken connection (default 4), waiting backoffMs, then twice that… */
  retries?: number;
  backoffMs?: number;
  /** Longest single wait the client accepts from a server (default 15 min); longer fails the run, to be retried later. */
  maxWaitMs?: number;
  /** Waits (tests record them instead of waiting). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export const POLITE_DEFAULTS = { retries: 4, backoffMs: 1000, maxWaitMs: 15 * 60_000 } as const;

/** Why a request gave up for good: the status it ended on, and a message fit for the collection's history. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new FetchError('aborted', 'cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FetchError('aborted', 'cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const header = (r: FetchResponse, name: string): string | undefined => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Milliseconds to wait from a reset header: delta seconds, an epoch time in seconds, or an ISO/HTTP date. */
export function resetDelayMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n > 1e9 ? n * 1000 - now : n * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export class PoliteClient {
  /** Not before this time (ms) is the next request sent: a rate limit's reset. */
  private notBefore = 0;
  /** Every wait asked of the client, in ms, with why (for the run's history and tests). */
  readonly waits: { ms: number; why: string }[] = [];

  constructor(private readonly options: PoliteOptions) {}

  private now = () => (this.options.now ?? Date.now)();

  private async wait(ms: number, why: string, signal?: AbortSignal): Promise<void> {
    const max = this.options.maxWaitMs ?? POLITE_DEFAULTS.maxWaitMs;
    if (ms > max) throw new ApiError(429, `${why}: the server asks to wait ${Math.ceil(ms / 1000)} s, longer than ${max / 1000} s`);
    this.waits.push({ ms, why });
    if (ms > 0) await (this.options.sleep ?? realSleep)(ms, signal);
  }

  async request(request: FetchRequest): Promise<FetchResponse> {
    const retries = this.options.retries ?? POLITE_DEFAULTS.retries;
    const backoff = this.options.backoffMs ?? POLITE_DEFAULTS.backoffMs;
    const host = new URL(request.url).host;
    for (let attempt = 0; ; attempt++) {
      const early = this.notBefore - this.now();
      if (early > 0) {
        await this.wait(early, `${host}: rate limit reached`, request.signal);
        this.notBefore = 0;
      }
      let response: FetchResponse;
      try {
        response = await safeFetch(request, this.options.fetch);
      } catch (error) {
        const transient = error instanceof FetchError && (error.code === 'timeout' || error.code === 'network');
        if (!transient || attempt >= retries) throw error;
        await this.wait(backoff * 2 ** attempt, `${host}: ${error.message}; retrying`, request.signal);
        continue;
      }
      this.noteRateLimit(response);
      if (response.status === 429) {
        if (attempt >= retries) throw new ApiError(429, `${host}: still rate limited after ${retries} retries`);
        const delay =
          resetDelayMs(header(response, 'retry-after'), this.now()) ??
          resetDelayMs(header(response, 'ratelimit-reset') ?? header(response, 'x-ratelimit-reset'), this.now()) ??
          backoff * 2 ** attempt;
        await this.wait(delay, `${host}: 429 Too Many Requests`, request.signal);
        continue;
      }
      if (response.status >= 500) {
        if (attempt >= retries) throw new ApiError(response.status, `${host}: HTTP ${response.status} after ${retries} retries`);
        await this.wait(backoff * 2 ** attempt, `${host}: HTTP ${response.status}; retrying`, request.signal);
        continue;
      }
      return response;
    }
  }

  /** Mastodon sends the budget left and when it refills; at 0 the next request waits for the refill. */
  private noteRateLimit(response: FetchResponse): void {
    const remaining = Number(header(response, 'x-ratelimit-remaining') ?? header(response, 'ratelimit-remaining'));
    if (!Number.isFinite(remaining) || remaining > 0) return;
    const delay = resetDelayMs(header(response, 'x-ratelimit-reset') ?? header(response, 'ratelimit-reset'), this.now());
    if (delay !== undefined) this.notBefore = this.now() + delay;
  }

  /** GET a JSON document; a 4xx is an ApiError naming the status and host (never the request's headers). */
  async getJson(
    url: string,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<{ body: unknown; response: FetchResponse }> {
    const response = await this.request({ url, headers, ...(signal ? { signal } : {}) });
    return { body: parseJson(response), response };
  }
}

export function parseJson(response: FetchResponse): unknown {
  const where = new URL(response.url);
  if (response.status >= 400) {
    throw new ApiError(response.status, `${where.host}${where.pathname}: HTTP ${response.status}`);
  }
  try {
    return JSON.parse(response.text);
  } catch {
    throw new ApiError(502, `${where.host}${where.pathname}: the answer is not JSON`);
  }
}
