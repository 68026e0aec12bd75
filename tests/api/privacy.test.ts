import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, SnapshotCreatedSchema, SnapshotSchema } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
let other = '';
beforeAll(async () => {
  t = await buildTestApp();
  const up = (name: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }], { name }),
    });
  id = (await up('one')).json().id;
  other = (await up('two')).json().id;
});
afterAll(async () => t.close());

const keys = async (dataset: string, query = '') =>
  GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${dataset}/graph${query}`)).json()).nodes.map((n) => n.key);

describe('opt-outs', () => {
  it('remove a person from graphs, exports and existing named snapshots on the next request', async () => {
    const snap = SnapshotCreatedSchema.parse(
      (await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId: id } })).json(),
    );
    expect(await keys(id)).toContain('csv:cal_reads');
    const res = await t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/opt-outs/csv%3Acal_reads` });
    expect(res.json()).toEqual({
      key: 'csv:cal_reads',
      flag: 'opt-out',
      on: true,
      scope: id,
      matched: [{ dataset: id, key: 'csv:cal_reads' }],
    });
    expect(await keys(id)).toEqual(['csv:bea_lib', 'csv:dee_archives', 'csv:eli_school', 'csv:fay_k12', 'csv:mod_ann']);
    for (const format of ['json', 'gexf', 'graphml', 'nodes-csv', 'edges-csv']) {
      expect((await t.app.inject(`/api/datasets/${id}/export?format=${format}`)).body, format).not.toContain('cal_reads');
    }
    const stored = SnapshotSchema.parse((await t.app.inject(`/api/snapshots/${snap.id}`)).json());
    expect(stored.payload.nodes.map((n) => n.key)).not.toContain('csv:cal_reads');
    expect(JSON.stringify(stored)).not.toContain('cal_reads');
    expect(stored.payload.attributes.meta.counts.nodes).toBe(5);
    // Only in that dataset.
    expect(await keys(other)).toContain('csv:cal_reads');
    expect((await t.app.inject(`/api/datasets/${id}/opt-outs`)).json()).toEqual({ people: [{ key: 'csv:cal_reads', scope: id }] });
    await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}/opt-outs/csv%3Acal_reads` });
    expect(await keys(id)).toContain('csv:cal_reads');
  });

  it('apply to every dataset from the global list', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/opt-outs/csv%3Afay_k12' });
    expect(await keys(id)).not.toContain('csv:fay_k12');
    expect(await keys(other)).not.toContain('csv:fay_k12');
    expect((await t.app.inject(`/api/datasets/${other}/opt-outs`)).json()).toEqual({ people: [{ key: 'csv:fay_k12', scope: 'global' }] });
    await t.app.inject({ method: 'DELETE', url: '/api/opt-outs/csv%3Afay_k12' });
    expect(await keys(other)).toContain('csv:fay_k12');
  });
});

describe('relay accounts', () => {
  it('count for the chat but make no one’s ties', async () => {
    const before = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json());
    expect(before.edges.filter((e) => e.source === 'csv:mod_ann' || e.target === 'csv:mod_ann')).toHaveLength(3);
    await t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/relays/csv%3Amod_ann` });
    const after = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json());
    expect(after.edges.filter((e) => e.source === 'csv:mod_ann' || e.target === 'csv:mod_ann')).toEqual([]);
    expect(after.attributes.meta.counts.messages).toBe(before.attributes.meta.counts.messages);
    expect(after.attributes.meta.sessions[0]!.questions).toBe(2);
    // Without the relay, three people share the session: 1/(3−1) each instead of 1/(4−1).
    const bc = after.edges.find((e) => e.source === 'csv:bea_lib' && e.target === 'csv:cal_reads')!;
    expect(bc.attributes.weight).toBe(2);
  });
});
