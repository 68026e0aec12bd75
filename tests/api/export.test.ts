import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
const HANDLES = ['mod_ann', 'bea_lib', 'cal_reads', 'dee_archives', 'eli_school', 'fay_k12'];

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }], { name: 'UK chats' }),
  });
  id = res.json().id;
});
afterAll(async () => t.close());

const get = (query: string) => t.app.inject(`/api/datasets/${id}/export?${query}`);

describe('GET /api/datasets/:id/export', () => {
  it.each([
    ['json', 'application/json; charset=utf-8', 'uk-chats-graph.json'],
    ['gexf', 'application/gexf+xml; charset=utf-8', 'uk-chats-graph.gexf'],
    ['graphml', 'application/graphml+xml; charset=utf-8', 'uk-chats-graph.graphml'],
    ['nodes-csv', 'text/csv; charset=utf-8; header=present', 'uk-chats-nodes.csv'],
    ['edges-csv', 'text/csv; charset=utf-8; header=present', 'uk-chats-edges.csv'],
  ])('writes %s as a download', async (format, type, name) => {
    const res = await get(`format=${format}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
  });

  it('writes GEXF and GraphML that parse as XML with every person and tie', async () => {
    for (const format of ['gexf', 'graphml']) {
      const doc = new DOMParser().parseFromString((await get(`format=${format}`)).body, 'text/xml');
      expect(doc.getElementsByTagName('node').length, format).toBe(6);
      expect(doc.getElementsByTagName('edge').length, format).toBe(7);
    }
  });

  it('writes node and edge CSVs with one row per person and tie', async () => {
    const nodes = (await get('format=nodes-csv')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const edges = (await get('format=edges-csv&kinds=reply')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(nodes).toHaveLength(7);
    expect(edges).toHaveLength(3);
  });

  it('leaves no handle anywhere in a pseudonymous export', async () => {
    for (const format of ['json', 'gexf', 'graphml', 'nodes-csv', 'edges-csv']) {
      const res = await get(`format=${format}&privacy=pseudonymous&k=2`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('-pseudonymous.');
      const body = res.body.toLowerCase();
      for (const handle of HANDLES) expect(body.includes(handle), `${format} contains ${handle}`).toBe(false);
      expect(body).toContain('participant');
    }
  });

  it('neutralises a spreadsheet formula in a display name', async () => {
    const csv =
      'author,display_name,text,time\nevil,"=HYPERLINK(""http://x"")",hello #c,2024-03-14T20:00:00Z\nann,Ann,hi @evil #c,2024-03-14T20:01:00Z\n';
    const up = await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([{ filename: 'evil.csv', content: csv }]) });
    expect(up.statusCode).toBe(201);
    const res = await t.app.inject(`/api/datasets/${up.json().id}/export?format=nodes-csv`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('refuses an unknown format or privacy mode', async () => {
    expect((await get('format=docx')).statusCode).toBe(400);
    expect((await get('privacy=secret')).statusCode).toBe(400);
  });
});
