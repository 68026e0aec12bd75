/**
 * Pseudonymous shares cannot be joined to the named data, and name no one
 * (issue 24, items 3, 4, 8): the join an attacker would try, on the demo's
 * 357 people, and names hidden in chat names, hashtags and options.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, SnapshotCreatedSchema, type GraphPayload, type NodeAttributes } from '../../shared/index.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { pseudonymousRequest } from '../../server/privacy/pseudonymous.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let demo = '';
let small = '';

const CSV = `id,author,to,text,time,chat
1,mod_ann,,Q1: first reference manager? #medlibsuk,2024-03-14T20:00:00Z,#medlibsuk
2,alice,,A1 zotero #medlibsuk #alicefanclub,2024-03-14T20:02:00Z,#medlibsuk
3,bob,alice,@alice same here #medlibsuk #alicefanclub #zoterotips,2024-03-14T20:03:00Z,#medlibsuk
4,carol,,A1 endnote #medlibsuk #alicefanclub #zoterotips,2024-03-14T20:04:00Z,#medlibsuk
5,medlibsuk,,thanks all for joining #medlibsuk,2024-03-14T20:50:00Z,#medlibsuk
6,zed,,hi there,2024-03-22T10:00:00Z,dm with zed zotero
7,bob,zed,hello,2024-03-22T10:01:00Z,dm with zed zotero
8,carol,bob,hi both,2024-03-22T10:02:00Z,dm with zed zotero
`;

beforeAll(async () => {
  t = await buildTestApp();
  demo = (await loadDemoIfEmpty(t.app.store))!.id;
  small = (
    await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'chat.csv', content: CSV }], { name: 'medlibs' }),
    })
  ).json().id;
});
afterAll(async () => t.close());

const snapshotOf = async (datasetId: string, body: Record<string, unknown> = {}) => {
  const created = SnapshotCreatedSchema.parse(
    (await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId, privacy: 'pseudonymous', ...body } })).json(),
  );
  return (await t.app.inject(`/api/snapshots/${created.id}`)).json();
};

/** The figures an attacker holding the named graph would join on. */
const figures = (a: NodeAttributes) => JSON.stringify([a.messages, a.sessions, a.degree, a.weightedDegree, a.welcomes, a.sector, a.region]);

describe('a pseudonymous share', () => {
  it('says nothing that leads to the named dataset: no dataset id or version, anywhere', async () => {
    const snapshot = await snapshotOf(demo);
    expect(snapshot.datasetId).toBeUndefined();
    expect(snapshot.datasetVersion).toBeUndefined();
    expect(snapshot.payload.attributes.meta.dataset.id).toBe('');
    expect(JSON.stringify(snapshot)).not.toContain(demo);
    const exported = (await t.app.inject(`/api/datasets/${demo}/export?format=json&privacy=pseudonymous`)).body;
    expect(exported).not.toContain(demo);
  });

  it('cannot be joined to the named graph on positions or on figures (the demo’s 357 people)', async () => {
    const snapshot = await snapshotOf(demo);
    const shared = GraphPayloadSchema.parse(snapshot.payload);
    const named: GraphPayload = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${demo}/graph`)).json());
    expect(shared.nodes).toHaveLength(357);

    // Join on positions: before, 357 of 357 matched.
    const positions = new Set(named.nodes.map((n) => `${n.attributes.x},${n.attributes.y}`));
    expect(shared.nodes.filter((n) => positions.has(`${n.attributes.x},${n.attributes.y}`))).toEqual([]);

    // Join on figures: who is really behind each pseudonym (the test knows the server's secret; an attacker does not).
    const { salt } = pseudonymousRequest(t.app.secret, demo, 5);
    const digest = (key: string) => createHmac('sha256', salt).update(key).digest('hex');
    const truth = new Map(
      [...named.nodes].sort((a, b) => (digest(a.key) < digest(b.key) ? -1 : 1)).map((n, i) => [`Participant ${i + 1}`, n.key]),
    );
    const byFigures = new Map<string, string[]>();
    for (const n of named.nodes) byFigures.set(figures(n.attributes), [...(byFigures.get(figures(n.attributes)) ?? []), n.key]);
    const reidentified = shared.nodes.filter((p) => {
      const candidates = byFigures.get(figures(p.attributes)) ?? [];
      return candidates.length === 1 && candidates[0] === truth.get(p.attributes.label);
    });
    // The named figures alone single out nearly everyone; the shared ones almost no one.
    expect([...byFigures.values()].filter((keys) => keys.length === 1).length).toBeGreaterThan(300);
    expect(reidentified.length).toBeLessThanOrEqual(Math.ceil(357 * 0.02));
    // And every shared profile is one that at least 5 people have (or their whole small community).
    const sharedCounts = new Map<string, number>();
    for (const n of shared.nodes)
      sharedCounts.set(
        figures(n.attributes) + n.attributes.community + n.attributes.chats,
        (sharedCounts.get(figures(n.attributes) + n.attributes.community + n.attributes.chats) ?? 0) + 1,
      );
    const tooFew = shared.nodes.filter((n) => sharedCounts.get(figures(n.attributes) + n.attributes.community + n.attributes.chats)! < 5);
    expect(tooFew.every((n) => shared.nodes.filter((m) => m.attributes.community === n.attributes.community).length < 5)).toBe(true);
  });

  it('names no one in its options, chats or hashtags, opted-out people included, and keeps the chats’ own names', async () => {
    expect((await t.app.inject({ method: 'PUT', url: `/api/datasets/${small}/opt-outs/csv%3Azed` })).statusCode).toBe(200);
    const snapshot = await snapshotOf(small, { options: { chats: 'dm with zed zotero,#medlibsuk' } });
    const text = JSON.stringify(snapshot);
    expect(text).not.toMatch(/zed|alice|bob|carol|mod_ann/i);
    expect(snapshot.options.chats).toEqual(['#medlibsuk', 'dm with Participant zotero']);
    const meta = snapshot.payload.attributes.meta;
    // The chat is "#medlibsuk" everywhere although someone's handle is medlibsuk: never "#Participant N".
    expect(meta.chats).toEqual(['#medlibsuk', 'dm with Participant zotero']);
    expect(meta.communities.flatMap((c: { chats: { chat: string }[] }) => c.chats.map((x) => x.chat))).toContain('#medlibsuk');
    expect(meta.caption).not.toMatch(/#Participant/);
    const tags = meta.communities.flatMap((c: { topHashtags: { tag: string }[] }) => c.topHashtags.map((x) => x.tag));
    expect(tags).toContain('#zoterotips');
    expect(tags).not.toContain('#alicefanclub');
    const namedTags = GraphPayloadSchema.parse(
      (await t.app.inject(`/api/datasets/${small}/graph`)).json(),
    ).attributes.meta.communities.flatMap((c) => c.topHashtags.map((x) => x.tag));
    expect(namedTags).toContain('#alicefanclub');
    for (const format of ['json', 'gexf', 'graphml', 'nodes-csv', 'edges-csv', 'svg']) {
      const body = (await t.app.inject(`/api/datasets/${small}/export?format=${format}&privacy=pseudonymous`)).body;
      expect(body, format).not.toMatch(/zed|alice|bob|carol|mod_ann/i);
      expect(body, format).not.toMatch(/#Participant/);
    }
  });
});
