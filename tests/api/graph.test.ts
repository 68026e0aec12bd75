import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DEFAULT_BUILD_OPTIONS, GraphPayloadSchema, resolveBuildOptions, type GraphPayload } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
  });
  id = res.json().id;
});
afterAll(async () => t.close());

const graph = async (query = '') => {
  const res = await t.app.inject(`/api/datasets/${id}/graph${query}`);
  expect(res.statusCode).toBe(200);
  return { text: res.body, payload: GraphPayloadSchema.parse(res.json()) };
};

const edgeMap = (p: GraphPayload) => Object.fromEntries(p.edges.map((e) => [`${e.source.slice(4)}-${e.target.slice(4)}`, e.attributes]));

describe('GET /api/datasets/:id/graph', () => {
  it('has one node per author and the expected ties and weights', async () => {
    const { payload } = await graph('?seed=1');
    expect(payload.nodes.map((n) => n.key)).toEqual([
      'csv:bea_lib',
      'csv:cal_reads',
      'csv:dee_archives',
      'csv:eli_school',
      'csv:fay_k12',
      'csv:mod_ann',
    ]);
    const edges = edgeMap(payload);
    expect(Object.keys(edges).sort()).toEqual([
      'bea_lib-cal_reads',
      'bea_lib-dee_archives',
      'bea_lib-mod_ann',
      'cal_reads-dee_archives',
      'cal_reads-mod_ann',
      'dee_archives-mod_ann',
      'eli_school-fay_k12',
    ]);
    expect(edges['bea_lib-cal_reads']).toEqual({ weight: 1.833333, reply: 1, mention: 0, coAnswer: 1, coSession: 1, repost: 0 });
    expect(edges['cal_reads-dee_archives']).toEqual({ weight: 1.833333, reply: 0, mention: 1, coAnswer: 1, coSession: 1, repost: 0 });
    expect(edges['eli_school-fay_k12']).toEqual({ weight: 2, reply: 1, mention: 0, coAnswer: 0, coSession: 1, repost: 0 });
    expect(edges['bea_lib-mod_ann']?.weight).toBe(0.333333);
  });

  it('finds the two chats as two communities and says so in meta', async () => {
    const { payload } = await graph('?seed=1');
    const community = Object.fromEntries(payload.nodes.map((n) => [n.key.slice(4), n.attributes.community]));
    expect(community).toEqual({ bea_lib: 0, cal_reads: 0, dee_archives: 0, mod_ann: 0, eli_school: 1, fay_k12: 1 });
    const meta = payload.attributes.meta;
    expect(meta.counts).toEqual({
      nodes: 6,
      edges: 7,
      messages: 8,
      sessions: 2,
      betweenSessions: 0,
      chats: 2,
      communities: 2,
      isolated: 0,
    });
    expect(meta.communities.map((c) => [c.size, c.chats[0]?.chat])).toEqual([
      [4, '#uklibchat'],
      [2, '#tlchat'],
    ]);
    expect(meta.options).toEqual({ ...DEFAULT_BUILD_OPTIONS, seed: 1 });
    expect(meta.dataset).toEqual({ id, name: 'uklibchat.csv', version: 1 });
    expect(meta.modularity).toBeGreaterThan(0.3);
    expect(meta.sessions.map((s) => [s.chat, s.messages, s.participants, s.questions])).toEqual([
      ['#uklibchat', 6, 4, 2],
      ['#tlchat', 2, 2, 0],
    ]);
  });

  it('leaves tie counts of 0 out of the JSON, and the schema reads them back as 0', async () => {
    const { text, payload } = await graph('?seed=1');
    const sent = (JSON.parse(text) as { edges: { source: string; target: string; attributes: Record<string, number> }[] }).edges;
    const eli = sent.find((e) => e.source === 'csv:eli_school' && e.target === 'csv:fay_k12')!;
    expect(eli.attributes).toEqual({ weight: 2, reply: 1, coSession: 1 });
    expect(sent.every((e) => Object.values(e.attributes).every((v) => v !== 0))).toBe(true);
    expect(edgeMap(payload)['eli_school-fay_k12']).toEqual({ weight: 2, reply: 1, mention: 0, coAnswer: 0, coSession: 1, repost: 0 });
    // A graph this small is drawn whole: no backbone, and nothing says there is one.
    expect(payload.attributes.meta.backbone).toBeUndefined();
    expect(text).not.toContain('"backbone"');
  });

  it('gives byte-identical payloads for the same query', async () => {
    const a = await graph('?seed=7&resolution=1');
    const b = await graph('?resolution=1&seed=7');
    expect(a.text).toBe(b.text);
  });

  it('filters by chat, time window, tie kind and minimum weight', async () => {
    expect((await graph('?chats=%23tlchat')).payload.nodes.map((n) => n.key)).toEqual(['csv:eli_school', 'csv:fay_k12']);
    expect((await graph('?to=2024-03-15')).payload.nodes).toHaveLength(4);
    expect((await graph('?from=2024-03-14T20:04:00Z&to=2024-03-14T20:05:00Z')).payload.nodes.map((n) => n.key)).toEqual([
      'csv:cal_reads',
      'csv:dee_archives',
    ]);
    const replies = (await graph('?kinds=reply')).payload;
    expect(Object.keys(edgeMap(replies)).sort()).toEqual(['bea_lib-cal_reads', 'eli_school-fay_k12']);
    expect(replies.attributes.meta.options.kinds).toEqual(['reply']);
    expect((await graph('?minWeight=1')).payload.edges).toHaveLength(3);
  });

  it('sets people with no ties apart, in no community, and leaves them out with isolated=hide', async () => {
    // Replies only: mod_ann (questions) and dee_archives (an answer no one replied to) have no tie.
    const shown = (await graph('?kinds=reply')).payload;
    const community = Object.fromEntries(shown.nodes.map((n) => [n.key.slice(4), n.attributes.community]));
    expect(community).toEqual({ bea_lib: 0, cal_reads: 0, eli_school: 1, fay_k12: 1, mod_ann: -1, dee_archives: -1 });
    expect(shown.attributes.meta.counts).toMatchObject({ nodes: 6, edges: 2, communities: 2, isolated: 2 });
    expect(shown.attributes.meta.communities.map((c) => c.size)).toEqual([2, 2]);
    expect(shown.attributes.meta.caption).toContain('2 people with no ties are set apart, in no community.');

    const hidden = (await graph('?kinds=reply&isolated=hide')).payload;
    expect(hidden.nodes.map((n) => n.key)).toEqual(['csv:bea_lib', 'csv:cal_reads', 'csv:eli_school', 'csv:fay_k12']);
    expect(hidden.attributes.meta.counts).toMatchObject({ nodes: 4, edges: 2, communities: 2, isolated: 2 });
    expect(hidden.attributes.meta.options.isolated).toBe('hide');
    expect(hidden.attributes.meta.caption).toContain('2 people with no ties are left out.');
    // Hiding them moves no one else.
    expect(hidden.nodes).toEqual(shown.nodes.filter((n) => n.attributes.community !== -1));
  });

  it('refuses a bad query with 400 naming the field', async () => {
    for (const query of ['?seed=abc', '?kinds=hugs', '?resolution=-1', '?from=yesterday-ish', '?isolated=maybe']) {
      const res = await t.app.inject(`/api/datasets/${id}/graph${query}`);
      expect(res.statusCode, query).toBe(400);
      const error = ApiErrorSchema.parse(res.json()).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(query.slice(1, query.indexOf('=')));
    }
  });

  it('serves a new graph after the dataset changes (cache keyed by version)', async () => {
    const before = (await graph()).payload;
    const extra = 'id,author,text,time,chat\n99,gus_law,"hi all #tlchat",2024-03-20T01:05:00Z,#tlchat\n';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/datasets/${id}/files`,
      ...multipart([{ filename: 'more.csv', content: extra }]),
    });
    expect(res.statusCode).toBe(201);
    const after = (await graph()).payload;
    expect(after.nodes.length).toBe(before.nodes.length + 1);
    expect(after.attributes.meta.dataset.version).toBe(2);
  });
});

describe('GET /api/datasets/:id/export', () => {
  it('downloads the same payload as JSON with a file name, every tie count written out', async () => {
    const res = await t.app.inject(`/api/datasets/${id}/export?format=json&seed=3`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="uklibchat-csv-graph.json"');
    const file = JSON.parse(res.body) as GraphPayload;
    expect(file).toEqual((await graph('?seed=3')).payload);
    for (const e of file.edges)
      expect(Object.keys(e.attributes)).toEqual(['weight', 'reply', 'mention', 'coAnswer', 'coSession', 'repost']);
  });

  it('refuses a format it does not write', async () => {
    const res = await t.app.inject(`/api/datasets/${id}/export?format=docx`);
    expect(res.statusCode).toBe(400);
  });
});

describe('graph transfer', () => {
  it('compresses with brotli or gzip when asked, and answers 304 to a known ETag', async () => {
    const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
    const plain = await t.app.inject(`/api/datasets/${id}/graph?seed=5`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ url: `/api/datasets/${id}/graph?seed=5`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gz = await t.app.inject({ url: `/api/datasets/${id}/graph?seed=5`, headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+-\d+-[\w-]{16}"$/);
    const again = await t.app.inject({ url: `/api/datasets/${id}/graph?seed=5`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.app.inject({ url: `/api/datasets/${id}/graph?seed=6`, headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
  });
});

describe('results in the database', () => {
  it('are stored by the analysis for every process to reuse', async () => {
    const res = await t.app.inject(`/api/datasets/${id}/graph?seed=21`);
    const dataset = (await t.app.store.getDataset(id))!;
    const stored = await t.app.store.getCachedGraph(id, dataset.version, t.app.graphs.resultKey(resolveBuildOptions({ seed: 21 })));
    expect(stored).toBe(res.body);
  });
});
