import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, resolveBuildOptions, type Dataset } from '../../shared/index.js';
import { GraphCache } from '../../server/graphs/graph-cache.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

// The default cap (200k ties) is far above a test graph: a cache with a cap of 4 thins the fixture's 7 ties.
let t: TestApp;
let dataset: Dataset;
let small: GraphCache;
beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
  });
  dataset = (await t.app.store.getDataset(res.json().id))!;
  small = new GraphCache(t.app.store, 8, { sqliteFile: (t.app.store as SqliteStore).path }, { maxEdges: 4 });
});
afterAll(async () => {
  await small.close();
  await t.close();
});

describe('a graph over the backbone cap', () => {
  it('reaches the page as a backbone, computed in a worker and handed over as bytes', async () => {
    const shown = await small.get(dataset, resolveBuildOptions({ seed: 1 }));
    expect(Buffer.isBuffer(shown.body)).toBe(true);
    expect(shown.everyTie).toBe(false);
    const payload = GraphPayloadSchema.parse(JSON.parse(shown.body.toString()));
    expect(payload.edges.length).toBeLessThanOrEqual(4);
    expect(payload.attributes.meta.backbone).toEqual({
      method: 'disparity',
      alpha: 1,
      maxEdges: 4,
      edgesTotal: 7,
      edgesShown: payload.edges.length,
    });
    expect(payload.attributes.meta.counts.edges).toBe(7);
    expect(new Set(payload.edges.flatMap((e) => [e.source, e.target])).size).toBe(6);
  });

  it('keeps every tie for exports, with the same communities and layout', async () => {
    const all = await small.getEveryTie(dataset, resolveBuildOptions({ seed: 1 }));
    expect(all.everyTie).toBe(true);
    const full = all.payload();
    expect(full.edges).toHaveLength(7);
    expect(full.attributes.meta.backbone).toBeUndefined();
    const shown = (await small.get(dataset, resolveBuildOptions({ seed: 1 }))).payload();
    expect(shown.nodes).toEqual(full.nodes);
    expect(shown.attributes.meta.communities).toEqual(full.attributes.meta.communities);
  });

  it('stores each under its own key, so another process finds the right one', async () => {
    const shown = await t.app.store.getCachedGraph(dataset.id, dataset.version, small.resultKey(resolveBuildOptions({ seed: 1 })));
    const all = await t.app.store.getCachedGraph(dataset.id, dataset.version, small.resultKey(resolveBuildOptions({ seed: 1 }), 'all'));
    expect(shown).toBe((await small.get(dataset, resolveBuildOptions({ seed: 1 }))).body.toString());
    expect(JSON.parse(all!).edges).toHaveLength(7);
    expect(small.resultKey(resolveBuildOptions({ seed: 1 }))).not.toBe(t.app.graphs.resultKey(resolveBuildOptions({ seed: 1 })));
  });

  it('uses the page’s payload for exports when it already holds every tie', async () => {
    const shown = await t.app.graphs.get(dataset, resolveBuildOptions({ seed: 2 }));
    expect(shown.everyTie).toBe(true);
    expect(await t.app.graphs.getEveryTie(dataset, resolveBuildOptions({ seed: 2 }))).toBe(shown);
  });
});
