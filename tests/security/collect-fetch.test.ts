/**
 * What the collector may fetch: https only, public addresses only — judged
 * after DNS resolution, for IPv4 and IPv6 (IPv4-mapped too), again on every
 * redirect — on the very address judged (no second lookup to rebind), with
 * size and time limits, and credentials kept to their origin. A local
 * server stands in for the internet; `allowAddress` lets the tests reach it
 * at 127.0.0.1 while every other address is judged as in production.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../server/collect/net/public-address.js';
import { FetchError, safeFetch, type SafeFetchOptions } from '../../server/collect/net/safe-fetch.js';

let server: http.Server;
let port = 0;
const seen: { url: string; authorization?: string | undefined; host?: string | undefined }[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization, host: req.headers.host });
    if (req.url === '/to-metadata') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-mapped') return void res.writeHead(302, { location: 'http://[::ffff:10.0.0.1]/' }).end();
    if (req.url === '/to-other-origin') return void res.writeHead(302, { location: `http://localhost:${port}/landed` }).end();
    if (req.url === '/big') return void res.writeHead(200).end('x'.repeat(5000));
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 2000);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Production rules, except that this test's own server (127.0.0.1, over http) is reachable. */
const options = (extra: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  userAgent: 'ChatAtlas/test',
  allowHttp: true,
  allowAddress: (ip) => ip === '127.0.0.1' || isPublicAddress(ip),
  resolve: async () => [{ address: '127.0.0.1', family: 4 }],
  ...extra,
});
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
};

describe('public addresses', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['fd00:ec2::254', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:169.254.169.254', false],
    ['64:ff9b::a00:1', false],
    ['2002:7f00:1::1', false],
    ['ff02::1', false],
  ])('%s is public: %s', (ip, expected) => expect(isPublicAddress(ip)).toBe(expected));
});

describe('safeFetch', () => {
  it('fetches from an allowed address, naming the software in its User-Agent', async () => {
    const response = await safeFetch({ url: `http://127.0.0.1:${port}/ok` }, options());
    expect([response.status, response.text]).toEqual([200, '{"ok":true}']);
  });

  it('refuses plain http unless allowed', async () => {
    const error = await refusal(safeFetch({ url: `http://127.0.0.1:${port}/ok` }, options({ allowHttp: false })));
    expect([error.code, error.message]).toEqual(['unsafe_url', `http://127.0.0.1:${port}: only https URLs are fetched`]);
  });

  it('refuses a host whose name resolves to a private address, before connecting', async () => {
    const before = seen.length;
    const error = await refusal(
      safeFetch({ url: `http://intranet.example:${port}/ok` }, options({ resolve: async () => [{ address: '10.0.0.7', family: 4 }] })),
    );
    expect(error.code).toBe('unsafe_url');
    expect(error.message).toContain('10.0.0.7');
    expect(seen.length).toBe(before);
  });

  it('refuses a host with one private address among public ones', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:127.0.0.1', family: 6 },
    ];
    expect((await refusal(safeFetch({ url: 'https://mixed.example/' }, { userAgent: 'x', resolve }))).code).toBe('unsafe_url');
  });

  it('refuses loopback in production settings, literal IPv6 and IPv4-mapped included', async () => {
    for (const url of [`https://127.0.0.1:${port}/`, `https://[::1]:${port}/`, `https://[::ffff:127.0.0.1]:${port}/`]) {
      expect((await refusal(safeFetch({ url }, { userAgent: 'x' }))).code).toBe('unsafe_url');
    }
  });

  it('checks every redirect: one to the metadata address or a mapped private address is refused', async () => {
    for (const hop of ['/to-metadata', '/to-mapped']) {
      const error = await refusal(safeFetch({ url: `http://127.0.0.1:${port}${hop}` }, options()));
      expect(error.code).toBe('unsafe_url');
    }
  });

  it('connects to the address it checked, not a second lookup (no DNS rebinding)', async () => {
    // `rebind.invalid` resolves nowhere in real DNS: only the pinned, checked address can answer.
    let lookups = 0;
    const response = await safeFetch(
      { url: `http://rebind.invalid:${port}/pinned` },
      options({ resolve: async () => (lookups++, [{ address: '127.0.0.1', family: 4 }]) }),
    );
    expect([response.status, lookups, seen.at(-1)?.host]).toEqual([200, 1, `rebind.invalid:${port}`]);
  });

  it('does not send credentials to another origin on a redirect', async () => {
    const response = await safeFetch(
      { url: `http://127.0.0.1:${port}/to-other-origin`, headers: { authorization: 'Bearer secret-for-127' } },
      options(),
    );
    expect(response.status).toBe(200);
    expect(seen.at(-2)).toMatchObject({ url: '/to-other-origin', authorization: 'Bearer secret-for-127' });
    expect(seen.at(-1)).toMatchObject({ url: '/landed', authorization: undefined });
  });

  it('cuts off a response bigger than maxBytes', async () => {
    const error = await refusal(safeFetch({ url: `http://127.0.0.1:${port}/big` }, options({ maxBytes: 1000 })));
    expect(error.code).toBe('too_large');
  });

  it('gives up on a response slower than timeoutMs', async () => {
    const error = await refusal(safeFetch({ url: `http://127.0.0.1:${port}/slow` }, options({ timeoutMs: 200 })));
    expect(error.code).toBe('timeout');
  });
});
