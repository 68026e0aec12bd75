/**
 * Request limits: REQUEST_TIMEOUT_S bounds how long a request may take to
 * arrive and a connection may idle (a stalled client is cut off), and JSON
 * bodies stay under 10 MB.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/index.js';
import { readConfig } from '../../server/config.js';
import { buildTestApp } from '../support/app.js';

describe('REQUEST_TIMEOUT_S', () => {
  it('defaults to 300 s, for the request and for idle connections', async () => {
    expect(readConfig({}).REQUEST_TIMEOUT_S).toBe(300);
    const t = await buildTestApp();
    try {
      await t.app.ready();
      expect([t.app.server.requestTimeout, t.app.server.timeout]).toEqual([300_000, 300_000]);
      expect(t.app.initialConfig.connectionTimeout).toBe(300_000);
    } finally {
      await t.close();
    }
  });

  it('cuts off a client that stalls halfway through an upload', async () => {
    const t = await buildTestApp({ REQUEST_TIMEOUT_S: 1 });
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as net.AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      const started = performance.now();
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now() - started)));
      socket.on('error', () => {});
      socket.write(
        'POST /api/datasets HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n--x\r\n',
      );
      const after = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000))]);
      socket.destroy();
      expect(after, 'the stalled connection was still open after 10 s').toBeGreaterThan(0);
      expect(after).toBeGreaterThan(800);
      expect(after).toBeLessThan(5_000);
    } finally {
      await t.close();
    }
  }, 20_000);
});

describe('JSON body limit', () => {
  const post = (t: Awaited<ReturnType<typeof buildTestApp>>, url: string, payload: string, method: 'POST' | 'PUT' = 'POST') =>
    t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload });

  it('refuses a JSON body over 10 MB with 413 too_large, and a snapshot over 1 MiB', async () => {
    const t = await buildTestApp();
    try {
      // Identity lists may be long: the app-wide 10 MB.
      const links = (n: number) =>
        JSON.stringify({
          links: Array.from({ length: n }, (_, i) => ({ alias: `csv:alias-number-${i}`, canonical: `csv:canonical-${i}` })),
        });
      const over = links(190_000);
      expect(over.length).toBeGreaterThan(10 * 1024 * 1024);
      const res = await post(t, '/api/datasets/x/identities', over, 'PUT');
      expect([res.statusCode, ApiErrorSchema.parse(res.json()).error.code]).toEqual([413, 'too_large']);
      const under = links(150_000); // under 10 MB: read, then refused for what it says (no such dataset)
      expect(under.length).toBeLessThan(10 * 1024 * 1024);
      expect((await post(t, '/api/datasets/x/identities', under, 'PUT')).statusCode).toBe(404);

      // A snapshot's view is a few KB: 1 MiB.
      const view = (n: number) => JSON.stringify({ datasetId: 'x', view: { hidden: Array.from({ length: n }, () => 'filler') } });
      expect(view(120_000).length).toBeGreaterThan(1024 * 1024);
      const big = await post(t, '/api/snapshots', view(120_000));
      expect([big.statusCode, ApiErrorSchema.parse(big.json()).error.code]).toEqual([413, 'too_large']);
      const small = await post(t, '/api/snapshots', view(100));
      expect(small.statusCode).not.toBe(413);
      expect(small.statusCode).toBeLessThan(500);
    } finally {
      await t.close();
    }
  });
});
