/**
 * Setting one's own sector and region (issue 20, "offer to set one's own
 * sector and region; it is stored like an edit"): after the edit, the peers
 * answer judges "beyond" by it. Rosa Jones on the demo (school library,
 * region unknown) is offered only other sectors; once she says she is in
 * GB, school librarians elsewhere are beyond her through their region.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeersSchema, type Peers } from '../../shared/index.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
const ROSA = 'twitter:rosaj39';
const peersOf = async (key: string): Promise<Peers> => {
  const res = await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent(key)}/peers`);
  expect(res.statusCode, res.body).toBe(200);
  return PeersSchema.parse(res.json());
};

beforeAll(async () => {
  t = await buildTestApp();
  id = (await loadDemoIfEmpty(t.app.store))!.id;
}, 60_000);
afterAll(async () => t.close());

describe('peers after setting one’s own context', () => {
  it('uses the region Rosa Jones sets for herself', async () => {
    const before = await peersOf(ROSA);
    expect(before).toMatchObject({ region: 'unknown', known: ['sector'] });
    expect(before.peers.every((p) => p.beyond!.join() === 'sector')).toBe(true);

    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/people/${encodeURIComponent(ROSA)}`,
      payload: { region: 'United Kingdom' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toEqual({ key: ROSA, region: 'GB' });

    const after = await peersOf(ROSA);
    expect(after).toMatchObject({ sector: 'school', region: 'GB', known: ['sector', 'region'] });
    expect(after.note).toBeUndefined();
    // Other school librarians, now beyond her through a known region that is not hers.
    const schoolElsewhere = after.peers.filter((p) => p.sector === 'school');
    expect(schoolElsewhere.length).toBeGreaterThan(0);
    for (const p of schoolElsewhere) {
      expect(p.beyond).toEqual(['region']);
      expect(p.region).not.toMatch(/^(GB|unknown)$/);
    }
    // Still never beyond through an unknown, nor someone in her own sector and region.
    for (const p of after.peers) expect(p.beyond!.length).toBeGreaterThan(0);
    expect(after.peers.some((p) => p.sector === 'school' && p.region === 'GB')).toBe(false);
  });

  it('refuses a region it cannot read, naming it, and keeps the old answer', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/people/${encodeURIComponent('twitter:preyes')}`,
      payload: { region: 'Atlantis' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/unknown region "Atlantis"/);
    expect((await peersOf('twitter:preyes')).region).toBe('US');
  });
});
