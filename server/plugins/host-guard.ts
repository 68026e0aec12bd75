/**
 * Requests meant for this server, from its own pages. Two browser attacks
 * need no token to start:
 * - DNS rebinding: a page on attacker.example points its name at 127.0.0.1
 *   and reads the API as its own origin. Its requests still carry
 *   `Host: attacker.example`, so a Host must name this server (421 if not).
 * - Cross-site writes: any page can send a form or a `no-cors` fetch here; it
 *   cannot read the answer, but the upload or delete happens. Browsers say
 *   where a request comes from, so a write from another origin gets 403,
 *   token or not. Clients that are not browsers (curl, scripts) send neither
 *   header and pass.
 */
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';
import { isWrite } from './rate-limit.js';

export interface HostGuardOptions {
  /** The address the server listens on (config HOST). */
  listenHost: string;
  /** Further names, e.g. a reverse proxy's (config ALLOWED_HOSTS); `.example.org` allows its subdomains too. */
  allowedHosts: readonly string[];
}

/** The lower-case name of a Host header without port, brackets or trailing dot; undefined if it is not one. */
export function hostNameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Whether a Host header names this server. IP addresses always do: rebinding
 * needs a name the attacker controls, and a page opened by address is that
 * address's own origin (Vite's dev server reasons the same way). So do
 * `localhost` and its subdomains, which browsers resolve to loopback only
 * (RFC 6761), the listen HOST when it is a name, and the configured names.
 */
export function isServedHost(host: string, options: HostGuardOptions): boolean {
  const name = hostNameOf(host);
  if (name === undefined || name === '') return false;
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === hostNameOf(options.listenHost)) return true;
  return options.allowedHosts.some((allowed) => {
    const entry = allowed.replace(/\.$/, '');
    return entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry;
  });
}

/** Whether an Origin header names the same scheme-less host and port as the Host header (default ports filled in). */
function sameOrigin(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false; // `Origin: null` (a sandboxed frame, a file: page) or garbage
  }
}

/**
 * Why a write is cross-site, or undefined if it is not. Sec-Fetch-Site is
 * decided by the browser and no page can set it, so when present it settles
 * it: a proxy that rewrites Host (nginx's default) still works. Without it
 * (older browsers) the Origin must match the Host.
 */
export function crossSiteReason(headers: Record<string, string | string[] | undefined>, host: string | undefined): string | undefined {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none' ? undefined : `Sec-Fetch-Site: ${site}`;
  const origin = headers.origin;
  if (typeof origin !== 'string') return undefined;
  return host !== undefined && sameOrigin(origin, host) ? undefined : `Origin: ${origin.slice(0, 100)}`;
}

/** Register on the root instance before the rate limit: a refused request must not use up its address's writes. */
export function registerHostGuard(app: FastifyInstance, options: HostGuardOptions): void {
  app.addHook('onRequest', async (request) => {
    const host = request.host || undefined; // '' when absent
    // Only HTTP/1.0 may omit Host (Node refuses HTTP/1.1 without it), and no browser does: nothing to rebind.
    if (host !== undefined && !isServedHost(host, options)) {
      throw new HttpError(
        421,
        'bad_host',
        `this server does not answer to the host name "${host.slice(0, 100)}"; if it is served under that name (a reverse proxy), add the name to ALLOWED_HOSTS`,
      );
    }
    if (!isWrite(request.method)) return;
    const reason = crossSiteReason(request.headers, host);
    if (reason !== undefined) {
      throw new HttpError(
        403,
        'cross_site',
        `refusing a change requested by a page on another site (${reason}): make changes from this server's own pages, or from a client that is not a browser`,
      );
    }
  });
}
