import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, GraphPayloadSchema, PersonDetailSchema, RosterResultSchema } from '../../shared/index.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
// ann's bio says NHS in Leeds (health, GB); bob's says nothing; cat's says school library in Ohio.
const CSV = [
  'author,display_name,bio,text,time,chat',
  'ann,Ann,"Clinical librarian, NHS Foundation Trust, Leeds",A1: hello @bob #c,2024-03-14T20:00:00Z,#c',
  'bob,Bob,views my own,A1: hi @ann #c,2024-03-14T20:01:00Z,#c',
  'cat,Cat,"K-12 teacher librarian in Ohio",A1: hey all #c,2024-03-14T20:02:00Z,#c',
].join('\n');

beforeAll(async () => {
  t = await buildTestApp();
  id = (await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([{ filename: 'c.csv', content: CSV }]) })).json().id;
});
afterAll(async () => t.close());

const context = async (key: string) =>
  PersonDetailSchema.parse((await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent(key)}`)).json());
const nodeOf = async (key: string) =>
  GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json()).nodes.find((n) => n.key === key)!.attributes;

describe('sector and region: inferred, roster, edited', () => {
  it('infers them from the profile, with evidence, and leaves the silent unknown', async () => {
    const ann = await context('csv:ann');
    expect([ann.sector.value, ann.sector.source, ann.region.value, ann.region.source]).toEqual(['health', 'inferred', 'GB', 'inferred']);
    expect(ann.sector.evidence).toContain('NHS');
    const bob = await context('csv:bob');
    expect([bob.sector.value, bob.sector.source, bob.region.value]).toEqual(['unknown', 'unknown', 'unknown']);
    expect(await nodeOf('csv:cat')).toMatchObject({ sector: 'school', region: 'US' });
  });

  it('lets a roster override inference, and reports what it could not use', async () => {
    const roster = 'handle,sector,region\n@bob,public,Ireland\ncsv:ann,academic,\nnobody,law,CA\ncat,spaceship,US\n';
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/roster`,
      payload: roster,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    const result = RosterResultSchema.parse(res.json());
    expect(result.applied).toBe(2);
    expect(result.unmatched).toEqual(['nobody']);
    expect(result.problems.map((p) => p.line)).toEqual([5]);
    const bob = await context('csv:bob');
    expect([bob.sector.value, bob.sector.source, bob.sector.evidence, bob.region.value]).toEqual([
      'public',
      'roster',
      'roster line 2',
      'IE',
    ]);
    const ann = await context('csv:ann');
    expect([ann.sector.value, ann.sector.source, ann.region.value, ann.region.source]).toEqual(['academic', 'roster', 'GB', 'inferred']);
    expect(await nodeOf('csv:bob')).toMatchObject({ sector: 'public', region: 'IE' });
  });

  it('lets a hand edit override the roster', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/people/csv%3Abob`, payload: { region: 'NZ' } });
    expect(res.json()).toEqual({ key: 'csv:bob', region: 'NZ' });
    const bob = await context('csv:bob');
    expect([bob.sector.value, bob.sector.source, bob.region.value, bob.region.source]).toEqual(['public', 'roster', 'NZ', 'edited']);
    expect(await nodeOf('csv:bob')).toMatchObject({ sector: 'public', region: 'NZ' });
  });

  it('refuses unknown sectors, regions, people and empty edits', async () => {
    const put = (key: string, payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/people/${encodeURIComponent(key)}`, payload });
    expect(ApiErrorSchema.parse((await put('csv:bob', { sector: 'spaceship' })).json()).error.message).toContain(
      'unknown sector "spaceship"',
    );
    expect((await put('csv:bob', { region: 'Atlantis' })).statusCode).toBe(400);
    expect((await put('csv:bob', {})).statusCode).toBe(400);
    expect((await put('csv:nobody', { sector: 'law' })).statusCode).toBe(404);
    const noHeader = await t.app.inject({
      method: 'PUT',
      url: `/api/datasets/${id}/roster`,
      payload: 'just,some,text\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noHeader.statusCode).toBe(422);
  });
});
