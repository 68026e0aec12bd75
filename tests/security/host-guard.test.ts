/**
 * DNS rebinding and cross-site writes (plugins/host-guard.ts): a Host that
 * is not this server's gets 421, a write sent by a page on another origin
 * 403 — token or not — while the page itself, scripts, embeds and snapshot
 * reads keep working.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetListSchema, SnapshotCreatedSchema } from '../../shared/index.js';
import { readConfig } from '../../server/config.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

const TOKEN = 'a-long-enough-test-token-123';
const csv = () => multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]);

let t: TestApp;
let datasetId = '';
let snapshotId = '';
beforeAll(async () => {
  t = await buildTestApp({ ALLOWED_HOSTS: ['atlas.example.org', '.lib.example'] }, true);
  datasetId = (await t.app.inject({ method: 'POST', url: '/api/datasets', ...csv() })).json().id;
  snapshotId = SnapshotCreatedSchema.parse(
    (await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId } })).json(),
  ).id;
});
afterAll(async () => t.close());

const datasetCount = async () => DatasetListSchema.parse((await t.app.inject('/api/datasets')).json()).datasets.length;

function expectRefused(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(ApiErrorSchema.parse(res.json()).error.code).toBe(code);
}

describe('Host header (DNS rebinding)', () => {
  it.each([
    'rebind.attacker.example',
    'rebind.attacker.example:3000',
    'localhost.attacker.example',
    'evil.example.org',
    'lib.example.evil',
  ])('refuses reads sent to %s with 421', async (host) => {
    for (const url of ['/api/datasets', `/api/datasets/${datasetId}/graph`, `/api/snapshots/${snapshotId}`, `/embed/${snapshotId}`, '/']) {
      const res = await t.app.inject({ url, headers: { host } });
      expectRefused(res, 421, 'bad_host');
      expect(res.body).not.toContain('uklibchat');
    }
  });

  it('answers on loopback names, IP addresses and ALLOWED_HOSTS, and only there', async () => {
    for (const host of [
      'localhost',
      'localhost:80',
      'LOCALHOST:3000',
      'app.localhost:3000',
      '127.0.0.1:51234',
      '[::1]:3000',
      '192.168.1.20:3000',
      'atlas.example.org',
      'Atlas.Example.Org:443',
      'lib.example',
      'maps.lib.example',
    ]) {
      const res = await t.app.inject({ url: '/api/datasets', headers: { host } });
      expect(res.statusCode, host).toBe(200);
      expect(DatasetListSchema.parse(res.json()).datasets.map((d) => d.id)).toContain(datasetId);
    }
    for (const host of ['localhost.example', 'atlas.example.org.evil', 'xatlas.example.org', 'lib.example.evil', 'xlib.example']) {
      expectRefused(await t.app.inject({ url: '/api/datasets', headers: { host } }), 421, 'bad_host');
    }
  });

  it('answers to the listen HOST when it is a name', async () => {
    const named = await buildTestApp({ HOST: 'atlas.lan', ATLAS_TOKEN: TOKEN });
    try {
      expect((await named.app.inject({ url: '/api/health', headers: { host: 'atlas.lan:3000' } })).statusCode).toBe(200);
      expectRefused(await named.app.inject({ url: '/api/health', headers: { host: 'other.lan:3000' } }), 421, 'bad_host');
    } finally {
      await named.close();
    }
  });

  it('reads ALLOWED_HOSTS as a comma list, and refuses a URL in it', () => {
    expect(readConfig({ ALLOWED_HOSTS: ' Atlas.Example.org, .lib.example ,' }).ALLOWED_HOSTS).toEqual([
      'atlas.example.org',
      '.lib.example',
    ]);
    expect(readConfig({}).ALLOWED_HOSTS).toEqual([]);
    expect(() => readConfig({ ALLOWED_HOSTS: 'https://atlas.example.org' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('refuses a rebound Host on a real server listening on 127.0.0.1', async () => {
    const base = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.get({ hostname: '127.0.0.1', port: base.port, path: '/api/datasets', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
      });
    const rebound = await get(`rebind.attacker.example:${base.port}`);
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.code).toBe('bad_host');
    expect((await get(base.host)).status).toBe(200);
    const viaFetch = await fetch(`${base.origin}/api/datasets`);
    expect(viaFetch.status).toBe(200);
  });
});

describe('writes from another site', () => {
  const crossSite: Array<[string, Record<string, string>]> = [
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' }],
    ['Sec-Fetch-Site: same-site (another port)', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:5173' }],
    ['an Origin that is not the Host', { origin: 'https://attacker.example' }],
    ['the Host on another port', { origin: 'http://localhost:8080' }],
    ['the Host under another scheme', { origin: 'https://localhost' }],
    ['Origin: null (a sandboxed frame)', { origin: 'null' }],
  ];

  it.each(crossSite)('refuses an upload sent with %s, and stores nothing', async (_name, headers) => {
    const before = await datasetCount();
    const form = csv();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      payload: form.payload,
      headers: { ...form.headers, ...headers },
    });
    expectRefused(res, 403, 'cross_site');
    expect(await datasetCount()).toBe(before);
  });

  it.each(crossSite)('refuses a delete, a snapshot and an opt-out sent with %s', async (_name, headers) => {
    expectRefused(await t.app.inject({ method: 'DELETE', url: `/api/datasets/${datasetId}?confirm=true`, headers }), 403, 'cross_site');
    expectRefused(await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId }, headers }), 403, 'cross_site');
    expectRefused(
      await t.app.inject({ method: 'PUT', url: `/api/datasets/${datasetId}/people/csv:bea_lib`, payload: { sector: 'public' }, headers }),
      403,
      'cross_site',
    );
    expect((await t.app.inject(`/api/datasets/${datasetId}`)).statusCode).toBe(200);
  });

  it('refuses a cross-site write that carries the right token', async () => {
    const guarded = await buildTestApp({ ATLAS_TOKEN: TOKEN });
    try {
      const form = csv();
      const headers = { ...form.headers, authorization: `Bearer ${TOKEN}` };
      expectRefused(
        await guarded.app.inject({
          method: 'POST',
          url: '/api/datasets',
          payload: form.payload,
          headers: { ...headers, 'sec-fetch-site': 'cross-site' },
        }),
        403,
        'cross_site',
      );
      expect((await guarded.app.inject({ method: 'POST', url: '/api/datasets', payload: form.payload, headers })).statusCode).toBe(201);
    } finally {
      await guarded.close();
    }
  });

  it('accepts writes from its own pages and from clients that are not browsers, not the same write from elsewhere', async () => {
    const accepted: Array<[string, Record<string, string>]> = [
      ['no Origin (curl, scripts)', {}],
      ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }],
      ['Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
      // A proxy that rewrites Host (nginx's default): the browser's Sec-Fetch-Site still says same-origin.
      [
        'Sec-Fetch-Site: same-origin behind a proxy that rewrites Host',
        { 'sec-fetch-site': 'same-origin', origin: 'https://atlas.example.org' },
      ],
      ['an Origin equal to the Host (older browsers)', { origin: 'http://localhost:80' }],
    ];
    for (const [name, headers] of accepted) {
      const res = await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId }, headers });
      expect(res.statusCode, name).toBe(201);
      expect(SnapshotCreatedSchema.parse(res.json()).id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
    const elsewhere = { 'sec-fetch-site': 'cross-site', origin: 'https://atlas.example.org' };
    expectRefused(
      await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId }, headers: elsewhere }),
      403,
      'cross_site',
    );
  });

  it('keeps embeds and snapshot reads open to the sites it refuses writes from', async () => {
    expectRefused(
      await t.app.inject({
        method: 'POST',
        url: '/api/snapshots',
        payload: { datasetId },
        headers: { 'sec-fetch-site': 'cross-site', origin: 'https://blog.example' },
      }),
      403,
      'cross_site',
    );
    const framed = await t.app.inject({
      url: `/embed/${snapshotId}`,
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'iframe' },
    });
    expect(framed.statusCode).toBe(200);
    expect(framed.headers['content-security-policy']).toContain('frame-ancestors *');
    const read = await t.app.inject({
      url: `/api/snapshots/${snapshotId}`,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://blog.example' },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(snapshotId);
  });
});
