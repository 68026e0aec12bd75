/**
 * Peers of a whole community (issue 20: "from a person, a community, or
 * me"): on the demo, the #k12libchat community (school librarians, mostly in
 * the US) is offered people from other corners — none of its members, each
 * beyond its most common known sector or region, with reasons particular to
 * each — and a community not in the view is a 404 naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, PeersSchema, type GraphPayload } from '../../shared/index.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
let demo: GraphPayload;

beforeAll(async () => {
  t = await buildTestApp();
  id = (await loadDemoIfEmpty(t.app.store))!.id;
  demo = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json());
}, 60_000);
afterAll(async () => t.close());

describe('peers of a community', () => {
  it('offers the #k12libchat community people beyond its corner, none of them its own', async () => {
    const k12 = demo.attributes.meta.communities.find((c) => c.chats[0]?.chat === '#k12libchat')!;
    const members = new Set(demo.nodes.filter((n) => n.attributes.community === k12.id).map((n) => n.key));
    const res = await t.app.inject(`/api/datasets/${id}/communities/${k12.id}/peers`);
    expect(res.statusCode, res.body).toBe(200);
    const answer = PeersSchema.parse(res.json());
    expect(answer).toMatchObject({ person: `community:${k12.id}`, sector: 'school', region: 'US', known: ['sector', 'region'] });
    expect(answer.note).toMatch(new RegExp(`^Community ${k12.id + 1} as a whole: \\d+% of its members with a known sector are in school`));
    expect(answer.peers).toHaveLength(10);
    for (const p of answer.peers) {
      expect(members.has(p.key), p.key).toBe(false);
      expect(p.sameCommunity).toBe(false);
      expect(p.beyond!.length).toBeGreaterThan(0);
      expect(p.sector === 'school' && p.region === 'US').toBe(false);
    }
    // The list spans other chats, and no reason is said of every peer.
    expect(new Set(answer.peers.flatMap((p) => p.chats ?? [])).size).toBeGreaterThanOrEqual(3);
    const everywhere = answer.peers[0]!.reasons.filter((r) => answer.peers.every((p) => p.reasons.includes(r)));
    expect(everywhere).toEqual([]);
  });

  it('filters by sector like a person’s peers', async () => {
    const res = await t.app.inject(`/api/datasets/${id}/communities/0/peers?sector=academic`);
    expect(res.statusCode, res.body).toBe(200);
    const answer = PeersSchema.parse(res.json());
    expect(answer.peers.length).toBeGreaterThan(0);
    for (const p of answer.peers) expect(p.sector).toBe('academic');
  });

  it('answers 404 for a community the view does not have, and 400 for one that is no number', async () => {
    const missing = await t.app.inject(`/api/datasets/${id}/communities/999/peers`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/community 1000/);
    expect((await t.app.inject(`/api/datasets/${id}/communities/first/peers`)).statusCode).toBe(400);
  });
});
