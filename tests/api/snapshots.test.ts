import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, GraphPayloadSchema, SnapshotCreatedSchema, SnapshotSchema } from '../../shared/index.js';
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

const create = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/snapshots', payload: body as Record<string, unknown> });

describe('snapshots', () => {
  it('round-trips a view with the payload it showed', async () => {
    const view = {
      colourBy: 'chat',
      sizeBy: 'messages',
      hidden: ['#tlchat'],
      selected: 'csv:bea_lib',
      camera: { x: 0.4, y: 0.6, ratio: 0.5 },
      mode: 'graph',
    };
    const res = await create({ datasetId: id, options: { seed: 3, kinds: ['reply', 'mention'] }, view, privacy: 'named' });
    expect(res.statusCode).toBe(201);
    const created = SnapshotCreatedSchema.parse(res.json());
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.url).toBe(`/s/${created.id}`);
    expect(created.embedUrl).toBe(`/embed/${created.id}`);
    const snap = SnapshotSchema.parse((await t.app.inject(`/api/snapshots/${created.id}`)).json());
    expect(snap.view).toEqual(view);
    expect(snap.options).toEqual({ seed: 3, kinds: ['reply', 'mention'] });
    expect(snap.datasetVersion).toBe(1);
    const graph = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph?seed=3&kinds=reply,mention`)).json());
    expect(snap.payload).toEqual(graph);
  });

  it('stays as it was when the dataset changes', async () => {
    const created = SnapshotCreatedSchema.parse((await create({ datasetId: id })).json());
    const extra = 'id,author,text,time,chat\n99,gus_law,"hi all #tlchat",2024-03-20T01:05:00Z,#tlchat\n';
    await t.app.inject({ method: 'POST', url: `/api/datasets/${id}/files`, ...multipart([{ filename: 'more.csv', content: extra }]) });
    const snap = SnapshotSchema.parse((await t.app.inject(`/api/snapshots/${created.id}`)).json());
    expect(snap.payload.nodes).toHaveLength(6);
    expect(snap.datasetVersion).toBe(1);
  });

  it('keeps no handle in a pseudonymous snapshot', async () => {
    const created = SnapshotCreatedSchema.parse(
      (await create({ datasetId: id, privacy: 'pseudonymous', view: { selected: 'csv:bea_lib' } })).json(),
    );
    const body = (await t.app.inject(`/api/snapshots/${created.id}`)).body;
    for (const handle of ['mod_ann', 'bea_lib', 'cal_reads', 'dee_archives', 'eli_school', 'fay_k12', 'gus_law'])
      expect(body.toLowerCase()).not.toContain(handle);
    const snap = SnapshotSchema.parse(JSON.parse(body));
    expect(snap.privacy).toBe('pseudonymous');
    expect(snap.view.selected).toBeUndefined();
    expect(snap.payload.nodes.map((n) => n.attributes.label).sort()).toEqual([
      'Participant 1',
      'Participant 2',
      'Participant 3',
      'Participant 4',
      'Participant 5',
      'Participant 6',
      'Participant 7',
    ]);
  });

  it('answers 404 for an unknown snapshot or dataset, 400 for a malformed id or body', async () => {
    expect((await t.app.inject('/api/snapshots/AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await t.app.inject('/api/snapshots/short')).statusCode).toBe(400);
    expect((await create({ datasetId: 'nope' })).statusCode).toBe(404);
    const bad = await create({ datasetId: id, privacy: 'public' });
    expect(bad.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(bad.json()).error.message).toContain('privacy');
  });

  it('says before deleting a dataset that its snapshots go too, then deletes them', async () => {
    const created = SnapshotCreatedSchema.parse((await create({ datasetId: id })).json());
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}` });
    expect(refused.statusCode).toBe(409);
    const error = ApiErrorSchema.parse(refused.json()).error;
    expect(error.code).toBe('has_snapshots');
    expect(error.details).toEqual({ snapshots: 4 });
    const done = await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}?confirm=true` });
    expect(done.json()).toEqual({ deleted: id, snapshotsDeleted: 4 });
    expect((await t.app.inject(`/api/snapshots/${created.id}`)).statusCode).toBe(404);
  });
});

describe('embedding', () => {
  it('lets any site frame /embed/:id, and no other page', async () => {
    const built = await buildTestApp({}, true);
    try {
      const embed = await built.app.inject('/embed/AAAAAAAAAAAAAAAAAAAAAA');
      expect(embed.statusCode).toBe(200);
      expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(embed.headers['x-frame-options']).toBeUndefined();
      const page = await built.app.inject('/s/AAAAAAAAAAAAAAAAAAAAAA');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    } finally {
      await built.close();
    }
  });
});

describe('snapshot exports', () => {
  it('downloads what a snapshot shows in every format, pseudonymous ones without a handle', async () => {
    const built = await buildTestApp();
    try {
      const up = await built.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
      });
      const datasetId = up.json().id as string;
      const named = SnapshotCreatedSchema.parse(
        (await built.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId } })).json(),
      );
      const pseudo = SnapshotCreatedSchema.parse(
        (await built.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId, privacy: 'pseudonymous' } })).json(),
      );
      for (const format of ['json', 'gexf', 'graphml', 'nodes-csv', 'edges-csv', 'svg']) {
        const a = await built.app.inject(`/api/snapshots/${named.id}/export?format=${format}`);
        expect(a.statusCode, format).toBe(200);
        expect(a.body, format).toContain('bea_lib');
        const b = await built.app.inject(`/api/snapshots/${pseudo.id}/export?format=${format}`);
        expect(b.headers['content-disposition'], format).toContain('-pseudonymous.');
        for (const handle of ['mod_ann', 'bea_lib', 'cal_reads', 'dee_archives', 'eli_school', 'fay_k12'])
          expect(b.body.toLowerCase(), `${format} ${handle}`).not.toContain(handle);
      }
      const svg = (await built.app.inject(`/api/snapshots/${named.id}/export?format=svg`)).body;
      expect(svg.match(/<circle /g)?.length).toBe(6 + 2); // six people and two legend swatches
      expect(svg.match(/<line /g)?.length).toBe(7);
      expect((await built.app.inject('/api/snapshots/AAAAAAAAAAAAAAAAAAAAAA/export?format=svg')).statusCode).toBe(404);
    } finally {
      await built.close();
    }
  });
});
