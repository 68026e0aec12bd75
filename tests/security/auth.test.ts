import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ApiErrorSchema, DatasetSchema, SnapshotCreatedSchema } from '../../shared/index.js';
import { readConfig } from '../../server/config.js';
import { accessFor, tokenMatches } from '../../server/plugins/auth.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

const TOKEN = 'test-token-0123456789abcdef';
const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const csv = () => multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]);
/** An upload request with the token. */
const authedUpload = (url = '/api/datasets') => {
  const body = csv();
  return { method: 'POST' as const, url, payload: body.payload, headers: { ...body.headers, ...auth() } };
};

async function expectUnauthorized(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  challenge = /^Bearer realm="chat-atlas"$/,
) {
  expect(res.statusCode).toBe(401);
  expect(ApiErrorSchema.parse(res.json()).error.code).toBe('unauthorized');
  expect(res.headers['www-authenticate']).toMatch(challenge);
}

describe('with ATLAS_TOKEN set', () => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await buildTestApp({ ATLAS_TOKEN: TOKEN, RATE_LIMIT_WRITES_PER_MINUTE: 1000 });
    const res = await t.app.inject(authedUpload());
    id = DatasetSchema.parse(res.json()).id;
  });
  afterAll(async () => t.close());

  it('refuses an upload without a token, says how to send one, and stores nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', ...csv() });
    await expectUnauthorized(res);
    expect(ApiErrorSchema.parse(res.json()).error.message).toContain('Authorization: Bearer');
    expect((await t.app.inject('/api/datasets')).json().datasets).toHaveLength(1);
  });

  it('refuses a wrong token of any length or scheme, with error="invalid_token"', async () => {
    for (const header of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      'Bearer x',
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN} extra`,
      'Bearer',
    ]) {
      const res = await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}`, headers: { authorization: header } });
      await expectUnauthorized(res, /^Bearer realm="chat-atlas", error="invalid_token"$/);
    }
    expect((await t.app.inject(`/api/datasets/${id}`)).statusCode).toBe(200);
  });

  it('refuses every write method on every path, known or not', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of [`/api/datasets/${id}`, '/api/datasets', `/api/datasets/${id}/files`, '/api/snapshots', '/api/nothing-here', '/']) {
        await expectUnauthorized(await t.app.inject({ method, url, payload: {} }));
      }
    }
  });

  it('accepts the right token for uploads, snapshots and deletes (scheme in any case)', async () => {
    const added = await t.app.inject(authedUpload(`/api/datasets/${id}/files`));
    expect(added.statusCode).toBe(201);
    const snapshot = await t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      headers: { authorization: `bearer  ${TOKEN}` },
      payload: { datasetId: id },
    });
    expect(snapshot.statusCode).toBe(201);
    SnapshotCreatedSchema.parse(snapshot.json());
    const other = await t.app.inject(authedUpload());
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/datasets/${DatasetSchema.parse(other.json()).id}`, headers: auth() });
    expect(deleted.statusCode).toBe(200);
  });

  it('keeps dataset reads public by default', async () => {
    for (const url of [
      '/api/datasets',
      `/api/datasets/${id}`,
      `/api/datasets/${id}/graph`,
      `/api/datasets/${id}/export?format=gexf`,
      `/api/datasets/${id}/people/csv%3Abea_lib`,
    ]) {
      expect([url, (await t.app.inject(url)).statusCode]).toEqual([url, 200]);
    }
  });
});

describe('with ATLAS_PUBLIC_READ=false', () => {
  let t: TestApp;
  let id = '';
  let snapshotId = '';
  beforeAll(async () => {
    t = await buildTestApp({ ATLAS_TOKEN: TOKEN, ATLAS_PUBLIC_READ: false, RATE_LIMIT_WRITES_PER_MINUTE: 1000 });
    id = DatasetSchema.parse((await t.app.inject(authedUpload())).json()).id;
    const snapshot = await t.app.inject({ method: 'POST', url: '/api/snapshots', headers: auth(), payload: { datasetId: id } });
    snapshotId = SnapshotCreatedSchema.parse(snapshot.json()).id;
  });
  afterAll(async () => t.close());

  it('needs the token to read datasets, however the path is spelled', async () => {
    const urls = [
      '/api/datasets',
      `/api/datasets/${id}`,
      `/api/datasets/${id}/graph`,
      `/api/datasets/${id}/export`,
      `/api/datasets/${id}/people/csv%3Abea_lib`,
      '/api/%64atasets',
      '/api/datasets/',
    ];
    for (const url of urls) {
      await expectUnauthorized(await t.app.inject(url));
      const head = await t.app.inject({ method: 'HEAD', url });
      expect([head.statusCode, head.headers['www-authenticate']]).toEqual([401, 'Bearer realm="chat-atlas"']);
    }
    for (const url of urls.slice(0, 5)) expect((await t.app.inject({ url, headers: auth() })).statusCode).toBe(200);
  });

  it('leaves health, the API description, the page and snapshot links open', async () => {
    for (const url of ['/api/health', '/docs', '/docs/json', '/', `/api/snapshots/${snapshotId}`]) {
      expect([url, (await t.app.inject(url)).statusCode]).toEqual([url, 200]);
    }
  });
});

describe('without ATLAS_TOKEN (loopback use)', () => {
  it('lets anyone write', async () => {
    const t = await buildTestApp();
    try {
      expect((await t.app.inject({ method: 'POST', url: '/api/datasets', ...csv() })).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });
});

describe('the token settings', () => {
  it('refuses a token shorter than 16 characters, without echoing it', () => {
    expect(() => readConfig({ ATLAS_TOKEN: 'hunter2' })).toThrow(/ATLAS_TOKEN: use at least 16 characters/);
    expect(() => readConfig({ ATLAS_TOKEN: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('reads an empty token as none, and ATLAS_PUBLIC_READ as a flag defaulting to true', () => {
    expect(readConfig({ ATLAS_TOKEN: '' }).ATLAS_TOKEN).toBeUndefined();
    expect(readConfig({}).ATLAS_PUBLIC_READ).toBe(true);
    expect(readConfig({ ATLAS_PUBLIC_READ: 'false' }).ATLAS_PUBLIC_READ).toBe(false);
  });
});

describe('accessFor and tokenMatches', () => {
  it('asks a token of writes always, of dataset reads only when they are not public', () => {
    expect(accessFor('POST', '/api/snapshots', true)).toBe('token');
    expect(accessFor('delete', undefined, true)).toBe('token');
    expect(accessFor('GET', '/api/datasets/:id', true)).toBe('open');
    expect(accessFor('GET', '/api/datasets/:id', false)).toBe('token');
    expect(accessFor('GET', '/api/datasets', false)).toBe('token');
    expect(accessFor('GET', '/api/datasetsx', false)).toBe('open');
    expect(accessFor('GET', '/api/imports/:id', false)).toBe('token');
    expect(accessFor('GET', '/api/imports/:id', true)).toBe('open');
    expect(accessFor('POST', '/api/imports', true)).toBe('token');
    expect(accessFor('GET', '/api/snapshots/:id', false)).toBe('open');
    expect(accessFor('GET', '/api/health', false)).toBe('open');
  });

  it('compares digests, so tokens of other lengths are refused rather than throwing', () => {
    const expected = createHash('sha256').update(TOKEN).digest();
    expect(tokenMatches(`Bearer ${TOKEN}`, expected)).toBe(true);
    expect(tokenMatches(`BEARER\t${TOKEN} `, expected)).toBe(true);
    for (const h of [undefined, '', 'Bearer ', `Bearer ${TOKEN}${TOKEN}`, `Bearer ${TOKEN.toUpperCase()}`, TOKEN])
      expect(tokenMatches(h, expected)).toBe(false);
  });
});
