/**
 * A pseudonymous share merges communities too small to share (k-anonymity); a split that was called
 * loose is judged again on what is shared, so the caption never gives a reason that no longer holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

// One chat session and one two-person DM: two small communities, low modularity.
const CSV = `id,author,to,text,time,chat
1,mod_ann,,Q1: first reference manager? #medlibsuk,2024-03-14T20:00:00Z,#medlibsuk
2,alice,,A1 zotero for everything #medlibsuk,2024-03-14T20:02:00Z,#medlibsuk
3,Bob,alice,@alice same here! #medlibsuk,2024-03-14T20:03:00Z,#medlibsuk
4,zed,,hi alice,2024-03-22T10:00:00Z,dm with alice smith
5,alice,zed,hello zed,2024-03-22T10:01:00Z,dm with alice smith
6,zed,alice,how are you,2024-03-22T10:02:00Z,dm with alice smith
7,alice,zed,fine thanks,2024-03-22T10:03:00Z,dm with alice smith
`;

describe('a pseudonymous share of a loose split', () => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await buildTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'chat.csv', content: CSV }], { name: 'medlibs' }),
    });
    id = res.json().id;
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
