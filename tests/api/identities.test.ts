import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, GraphPayloadSchema } from '../../shared/index.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
// ann posts on Twitter (via a TAGS-like CSV with platform twitter) and on Mastodon (a CSV with platform mastodon).
const TWITTER =
  'id,author,text,time,chat,platform\nt1,ann,Q1: hello @bob #c,2024-03-14T20:00:00Z,#c,twitter\nt2,bob,A1: hi @ann #c,2024-03-14T20:01:00Z,#c,twitter\n';
const MASTODON =
  'id,author,text,time,chat,platform\nm1,ann@glammr.us,A1: from the fediverse @cat@glammr.us #c,2024-03-14T20:02:00Z,#c,mastodon\nm2,cat@glammr.us,A1: same @ann@glammr.us #c,2024-03-14T20:03:00Z,#c,mastodon\n';

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([
      { filename: 'tw.csv', content: TWITTER },
      { filename: 'md.csv', content: MASTODON },
    ]),
  });
  id = res.json().id;
});
afterAll(async () => t.close());

const graph = async () => GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json());

describe('one person across platforms', () => {
  it('makes one node of two keys once told they are the same person', async () => {
    expect((await graph()).nodes.map((n) => n.key)).toEqual([
      'mastodon:ann@glammr.us',
      'mastodon:cat@glammr.us',
      'twitter:ann',
      'twitter:bob',
    ]);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/identities`,
      payload: { links: [{ alias: 'mastodon:ann@glammr.us', canonical: 'twitter:ann' }] },
    });
    expect(res.json()).toEqual({ links: 1 });
    const after = await graph();
    expect(after.nodes.map((n) => n.key)).toEqual(['mastodon:cat@glammr.us', 'twitter:ann', 'twitter:bob']);
    const ann = after.nodes.find((n) => n.key === 'twitter:ann')!;
    expect(ann.attributes.messages).toBe(2);
    // cat mentioned ann's Mastodon account: the tie is now with the one person.
    const annCat = after.edges.find((e) => e.source === 'mastodon:cat@glammr.us' && e.target === 'twitter:ann')!;
    expect(annCat.attributes.mention).toBe(2);
    expect((await t.app.inject(`/api/datasets/${id}/identities`)).json()).toEqual({
      links: [{ alias: 'mastodon:ann@glammr.us', canonical: 'twitter:ann' }],
    });
  });

  it('reads a key,same_as CSV and refuses bad rows with their line', async () => {
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/identities`,
      payload: 'key,same_as\nmastodon:cat@glammr.us,twitter:cat\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(ok.json()).toEqual({ links: 1 });
    expect((await graph()).nodes.map((n) => n.key)).toEqual(['twitter:ann', 'twitter:bob', 'twitter:cat']);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/identities`,
      payload: 'key,same_as\nfine:a,fine:b\nnot a key,twitter:x\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(bad.statusCode).toBe(422);
    expect(ApiErrorSchema.parse(bad.json()).error.details).toEqual({ line: 3 });
    const self = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/identities`,
      payload: { links: [{ alias: 'twitter:x', canonical: 'twitter:x' }] },
    });
    expect(self.statusCode).toBe(400);
  });
});
