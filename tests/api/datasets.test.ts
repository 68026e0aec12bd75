import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetListSchema, DatasetSchema, PersonDetailSchema } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const upload = (files: Parameters<typeof multipart>[0], fields: Record<string, string> = {}, url = '/api/datasets') =>
  t.app.inject({ method: 'POST', url, ...multipart(files, fields) });

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('datasets', () => {
  let id = '';

  it('creates a dataset from a CSV upload with exact counts', async () => {
    const res = await upload([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }], { name: 'UK lib chat' });
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    id = dataset.id;
    expect(dataset.name).toBe('UK lib chat');
    expect(dataset.version).toBe(1);
    expect(dataset.counts).toEqual({ messages: 8, people: 6, chats: 2, sessions: 2 });
    expect(dataset.chats).toEqual(['#tlchat', '#uklibchat']);
    expect(dataset.sources).toEqual([
      { file: 'uklibchat.csv', format: 'csv', messages: 8, stored: 8, skipped: 0, skippedItems: [], warnings: [] },
    ]);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  });

  it('lists and gets it', async () => {
    const list = DatasetListSchema.parse((await t.app.inject('/api/datasets')).json());
    expect(list.datasets.map((d) => d.id)).toEqual([id]);
    const one = await t.app.inject(`/api/datasets/${id}`);
    expect(one.statusCode).toBe(200);
    expect(DatasetSchema.parse(one.json()).counts.messages).toBe(8);
  });

  it('reports lines it skipped in a JSONL file with good lines', async () => {
    const res = await upload([{ filename: 'critlib.jsonl', content: fixture('made', 'api', 'critlib.jsonl') }]);
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.name).toBe('critlib.jsonl');
    expect(dataset.counts).toEqual({ messages: 3, people: 3, chats: 1, sessions: 1 });
    const source = dataset.sources[0]!;
    expect(source.format).toBe('twitter-v1');
    expect(source.skipped).toBe(2);
    expect(source.skippedItems.map((s) => s.line)).toEqual([2, 5]);
    await t.app.inject({ method: 'DELETE', url: `/api/datasets/${dataset.id}` });
  });

  it('adds files to a dataset, storing a message seen before only once', async () => {
    const res = await upload(
      [{ filename: 'again.csv', content: fixture('made', 'api', 'uklibchat.csv') }],
      {},
      `/api/datasets/${id}/files`,
    );
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.version).toBe(2);
    expect(dataset.counts.messages).toBe(8);
    expect(dataset.sources.map((s) => [s.file, s.messages, s.stored])).toEqual([
      ['uklibchat.csv', 8, 8],
      ['again.csv', 8, 0],
    ]);
  });

  it('tells who someone is and where they talk', async () => {
    const res = await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent('csv:bea_lib')}`);
    expect(res.statusCode).toBe(200);
    expect(PersonDetailSchema.parse(res.json())).toEqual({
      profile: { key: 'csv:bea_lib', platform: 'csv', handle: 'bea_lib' },
      sector: { value: 'unknown', source: 'unknown', confidence: 0 },
      region: { value: 'unknown', source: 'unknown', confidence: 0 },
      messages: 2,
      chats: [{ chat: '#uklibchat', messages: 2 }],
      firstSeen: '2024-03-14T20:02:00.000Z',
      lastSeen: '2024-03-14T20:16:00.000Z',
    });
    expect((await t.app.inject(`/api/datasets/${id}/people/csv%3Anobody`)).statusCode).toBe(404);
  });

  it('lists the messages of a chat window, oldest first', async () => {
    const res = await t.app.inject(`/api/datasets/${id}/messages?chats=%23uklibchat&from=2024-03-14T20:03:00Z&to=2024-03-14T20:15:00Z`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { messages: { author: string; time: string }[]; truncated: boolean };
    expect(body.messages.map((m) => m.author)).toEqual(['csv:cal_reads', 'csv:dee_archives', 'csv:mod_ann']);
    expect(body.truncated).toBe(false);
    const limited = (await t.app.inject(`/api/datasets/${id}/messages?limit=2`)).json() as { messages: unknown[]; truncated: boolean };
    expect([limited.messages.length, limited.truncated]).toEqual([2, true]);
  });

  it('answers 404 in the error shape for an unknown dataset', async () => {
    for (const url of ['/api/datasets/nope', '/api/datasets/nope/graph', '/api/datasets/nope/export?format=json']) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(ApiErrorSchema.parse(res.json()).error.code).toBe('not_found');
    }
  });

  it('deletes it, and then it is gone', async () => {
    const del = await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ deleted: id, snapshotsDeleted: 0 });
    expect((await t.app.inject(`/api/datasets/${id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}` })).statusCode).toBe(404);
    expect(DatasetListSchema.parse((await t.app.inject('/api/datasets')).json()).datasets).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('describes the routes from the same schemas at /docs', async () => {
    const spec = (await t.app.inject('/docs/json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/datasets',
      '/api/datasets/{id}',
      '/api/datasets/{id}/collections',
      '/api/datasets/{id}/collections/{collection}',
      '/api/datasets/{id}/collections/{collection}/cancel',
      '/api/datasets/{id}/collections/{collection}/pause',
      '/api/datasets/{id}/collections/{collection}/resume',
      '/api/datasets/{id}/collections/{collection}/run',
      '/api/datasets/{id}/communities/{community}/peers',
      '/api/datasets/{id}/export',
      '/api/datasets/{id}/files',
      '/api/datasets/{id}/graph',
      '/api/datasets/{id}/health',
      '/api/datasets/{id}/identities',
      '/api/datasets/{id}/messages',
      '/api/datasets/{id}/opt-outs',
      '/api/datasets/{id}/opt-outs/{key}',
      '/api/datasets/{id}/people/{key}',
      '/api/datasets/{id}/people/{key}/peers',
      '/api/datasets/{id}/relays',
      '/api/datasets/{id}/relays/{key}',
      '/api/datasets/{id}/roster',
      '/api/datasets/{id}/schedules',
      '/api/datasets/{id}/sessions',
      '/api/datasets/{id}/sessions/{sessionId}',
      '/api/health',
      '/api/imports',
      '/api/imports/{id}',
      '/api/opt-outs/{key}',
      '/api/snapshots',
      '/api/snapshots/{id}',
      '/api/snapshots/{id}/export',
    ]);
    const ui = await t.app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});
