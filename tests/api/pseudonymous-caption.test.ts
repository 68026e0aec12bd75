/**
 * A pseudonymous share merges communities too small to share (k-anonymity); a split that was called
 * loose is judged again on what is shared, so the caption never gives a reason that no longer holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { buildTestApp, createDataset, fixture, type TestApp } from '../support/app.js';

// One #medlibsuk session and a DM named after alice ("dm with alice smith"): two small communities, low modularity.
const CSV = fixture('made', 'api', 'medlibs-and-a-dm.csv');

describe('a pseudonymous share of a loose split', () => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await buildTestApp();
    id = await createDataset(t, [{ filename: 'chat.csv', content: CSV }], { name: 'medlibs' });
  });
  afterAll(async () => t.close());

  it('says why it is loose only when a reason holds for what is shared', async () => {
    const named = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/export?format=json`)).json()).attributes.meta;
    const shared = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/export?format=json&privacy=pseudonymous`)).json())
      .attributes.meta;
    expect(named.counts.communities).toBe(2);
    expect(shared.counts.communities).toBe(1);
    expect(shared.partition?.loose).toBe(false);
    expect(shared.caption).not.toMatch(/but ,|loose corners/);
  });
});
