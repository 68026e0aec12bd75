/**
 * The demo dataset through the API: sectors and regions inferred from bios,
 * filters by them, bridges, welcomers, caption, and peers beyond one's
 * context — checked against the generator's answer key where it applies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, PeersSchema, type GraphPayload } from '../../shared/index.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
let demo: GraphPayload;
const truth = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/truth.json'), 'utf8')) as {
  people: Record<string, { sector: string; region: string }>;
};

beforeAll(async () => {
  t = await buildTestApp();
  id = (await loadDemoIfEmpty(t.app.store))!.id;
  demo = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json());
}, 60_000);
afterAll(async () => t.close());

describe('context on the demo dataset', () => {
  it('infers sector and region for most people, and never contradicts the answer key much', () => {
    const known = demo.nodes.filter((n) => n.attributes.sector !== 'unknown');
    const wrong = known.filter((n) => truth.people[n.key] && truth.people[n.key]!.sector !== n.attributes.sector);
    expect(known.length / demo.nodes.length).toBeGreaterThan(0.5);
    expect(wrong.length).toBeLessThanOrEqual(2);
    const regions = demo.nodes.filter((n) => n.attributes.region !== 'unknown');
    const wrongRegions = regions.filter((n) => truth.people[n.key] && truth.people[n.key]!.region !== n.attributes.region);
    expect(regions.length / demo.nodes.length).toBeGreaterThan(0.5);
    expect(wrongRegions.length).toBeLessThanOrEqual(2);
  });

  it('filters the graph by sector and by region', async () => {
    const health = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph?sectors=health`)).json());
    expect(health.nodes.length).toBe(demo.nodes.filter((n) => n.attributes.sector === 'health').length);
    expect(new Set(health.nodes.map((n) => n.attributes.sector))).toEqual(new Set(['health']));
    const au = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph?regions=AU`)).json());
    expect(new Set(au.nodes.map((n) => n.attributes.region))).toEqual(new Set(['AU']));
  });

  it('lists bridges and welcomers and writes a caption', () => {
    const meta = demo.attributes.meta;
    expect(meta.bridges.length).toBe(10);
    expect(meta.bridges[0]!.participation).toBeGreaterThan(0.3);
    expect(meta.welcomers.length).toBeGreaterThan(3);
    expect(meta.caption).toMatch(
      /^357 people in 6 chats \(72 sessions, 8,168 messages\) with [\d,]+ ties\. Largest communities: 1 \(76 people, #archivesfedi · community groups/,
    );
  });

  it('suggests peers who never share both sector and region, each with reasons', async () => {
    const someone = demo.nodes.find(
      (n) => n.attributes.sector !== 'unknown' && n.attributes.region !== 'unknown' && n.attributes.messages > 20,
    )!;
    const res = await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent(someone.key)}/peers?limit=20`);
    expect(res.statusCode).toBe(200);
    const body = PeersSchema.parse(res.json());
    expect(body.peers.length).toBe(20);
    for (const p of body.peers) {
      expect(p.sector === someone.attributes.sector && p.region === someone.attributes.region).toBe(false);
      expect(p.reasons.length).toBeGreaterThan(0);
    }
    const scores = body.peers.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const law = PeersSchema.parse(
      (await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent(someone.key)}/peers?sector=law`)).json(),
    );
    expect(new Set(law.peers.map((p) => p.sector))).toEqual(law.peers.length ? new Set(['law']) : new Set());
  });
});
