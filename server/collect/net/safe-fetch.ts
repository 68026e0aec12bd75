/**
 * The only way the collector reaches another server. A URL is fetched only
 * when it is https and its host resolves to public addresses (see
 * public-address.ts), checked after DNS resolution; the connection then goes
 * to the very address checked (the socket's lookup is pinned to it), so a
 * second DNS answer cannot swap in a private one (DNS rebinding). Redirects
 * are followed by hand, each hop checked the same way, and credentials are
 * never sent to another origin. Each response is cut off past `maxBytes` or
 * `timeoutMs`. `allowPrivateHosts` (tests, a lab instance) lifts the address
 * and https rules, nothing else.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPublicAddress } from './public-address.js';

export interface SafeFetchOptions {
  /** Fetch from loopback and private addresses, over http too (default false): COLLECT_ALLOW_PRIVATE_HOSTS. */
  allowPrivateHosts?: boolean;
  /** Finer than allowPrivateHosts, for tests: which resolved addresses may be fetched (default isPublicAddress)… */
  allowAddress?: (address: string) => boolean;
  /** …and whether plain http is (default false). */
  allowHttp?: boolean;
  /** Largest response body, in bytes (default 8 MiB). */
  maxBytes?: number;
  /** Longest a request may take from connect to the body's last byte, in ms (default 30 s). */
  timeoutMs?: number;
  /** Redirects followed per request (default 5). */
  maxRedirects?: number;
  userAgent: string;
  /** Resolves a host name to its addresses (default dns.lookup, all addresses). */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export const SAFE_FETCH_DEFAULTS = { maxBytes: 8 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5 } as const;

export interface FetchRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface FetchResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The URL that answered, after redirects. */
  url: string;
}

/** A request the collector refused or could not finish; its message names the host, never a credential. */
export class FetchError extends Error {
  constructor(
    readonly code: 'unsafe_url' | 'too_large' | 'timeout' | 'network' | 'too_many_redirects' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

const defaultResolve = (host: string) => dns.promises.lookup(host, { all: true, verbatim: true });

/** The address to connect to for `url`, after the safety rules; throws FetchError('unsafe_url'). */
export async function checkedAddress(url: URL, options: SafeFetchOptions): Promise<{ address: string; family: number }> {
  const allowPrivate = options.allowPrivateHosts ?? false;
  const allowAddress = allowPrivate ? () => true : (options.allowAddress ?? isPublicAddress);
  if (url.protocol !== 'https:' && !((allowPrivate || options.allowHttp) && url.protocol === 'http:')) {
    throw new FetchError('unsafe_url', `${url.protocol}//${url.host}: only https URLs are fetched`);
  }
  if (url.username || url.password) throw new FetchError('unsafe_url', `${url.host}: URLs with credentials in them are not fetched`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = net.isIP(host);
  let addresses: { address: string; family: number }[];
  try {
    addresses = literal ? [{ address: host, family: literal }] : await (options.resolve ?? defaultResolve)(host);
  } catch {
    throw new FetchError('network', `${url.host}: the host name does not resolve`);
  }
  if (addresses.length === 0) throw new FetchError('network', `${url.host}: the host name does not resolve`);
  // Every address must be public: a host that answers with one private address among public ones is refused.
  const blocked = addresses.find((a) => !allowAddress(a.address));
  if (blocked) {
    throw new FetchError(
      'unsafe_url',
      `${url.host} resolves to ${blocked.address}, a private, loopback or link-local address: not fetched`,
    );
  }
  return addresses[0]!;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function safeFetch(request: FetchRequest, options: SafeFetchOptions): Promise<FetchResponse> {
  const maxRedirects = options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects;
  let url = new URL(request.url);
  let current = { ...request };
  for (let hop = 0; ; hop++) {
    const pinned = await checkedAddress(url, options);
    const response = await requestOnce(url, pinned, current, options);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return response;
    if (hop >= maxRedirects) throw new FetchError('too_many_redirects', `${url.host}: more than ${maxRedirects} redirects`);
    const next = new URL(location, url);
    const headers = { ...current.headers };
    // Credentials stay with the origin they were given for.
    if (next.origin !== url.origin) delete headers.authorization;
    const method =
      response.status === 303 || (current.method === 'POST' && response.status !== 307 && response.status !== 308) ? 'GET' : current.method;
    current = { ...current, url: next.href, headers, ...(method ? { method } : {}), ...(method === 'GET' ? { body: undefined } : {}) };
    url = next;
  }
}

function requestOnce(
  url: URL,
  pinned: { address: string; family: number },
  request: FetchRequest,
  options: SafeFetchOptions,
): Promise<FetchResponse> {
  const maxBytes = options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes;
  const timeoutMs = options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs;
  const client = url.protocol === 'https:' ? https : http;
  // The socket connects to the address checked above whatever DNS says now (Node may ask for all addresses).
  const lookup: net.LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(new FetchError('aborted', `${url.host}: cancelled`));
    const req = client.request(
      url,
      {
        method: request.method ?? 'GET',
        lookup,
        headers: { 'user-agent': options.userAgent, accept: 'application/json', ...request.headers },
        ...(url.protocol === 'https:' ? { servername: url.hostname.replace(/^\[|\]$/g, '') } : {}),
        agent: false,
      },
      (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.destroy();
          return fail(new FetchError('too_large', `${url.host}: the response (${declared} bytes) is bigger than ${maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            return fail(new FetchError('too_large', `${url.host}: the response is bigger than ${maxBytes} bytes`));
          }
          chunks.push(chunk);
        });
        res.on('error', () => fail(new FetchError('network', `${url.host}: the connection broke`)));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          request.signal?.removeEventListener('abort', onAbort);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), url: url.href });
        });
      },
    );
    let settled = false;
    const fail = (error: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new FetchError('timeout', `${url.host}: no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => fail(new FetchError('aborted', `${url.host}: cancelled`));
    request.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e: NodeJS.ErrnoException) => fail(new FetchError('network', `${url.host}: ${e.code ?? 'connection failed'}`)));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
