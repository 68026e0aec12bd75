/**
 * After someone opts out, no community term or label names them, not even by the first name others call them
 * ("thanks alice: alice showed me…"), which is not among their key, handle or full display name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { buildTestApp, createDataset, type TestApp } from '../support/app.js';

const g1 = ['ann', 'bob', 'cat', 'dan', 'eli'];
const g2 = ['fay', 'gus', 'hal', 'ivy', 'jon'];
const lines: string[] = [];
let n = 0;
const at = (day: number, min: number) => new Date(Date.UTC(2024, 2, 5 + day, 20, min)).toISOString();
for (let week = 0; week < 4; week++) {
  const d = week * 7;
  // Written in lower case: a capitalised person's name ("Alice Smith") gives no term even before the opt-out (the
  // words of people's names are never topics: community/describe.ts), so the scrub on opt-out is shown where it acts.
  lines.push(`${++n},asmith,alice smith,,Q1 who uses zotero plugins? #g1chat,${at(d, 0)},#g1chat`);
  g1.forEach((p, i) => {
    lines.push(`${++n},${p},${p.toUpperCase()},asmith,A1 thanks alice: alice showed me the zotero plugin #g1chat,${at(d, 2 + i)},#g1chat`);
    lines.push(
      `${++n},${p},${p.toUpperCase()},${g1[(i + 1) % 5]},@${g1[(i + 1) % 5]} alice is right about citation styles #g1chat,${at(d, 10 + i)},#g1chat`,
    );
  });
  g2.forEach((p, i) => {
    lines.push(
      `${++n},${p},${p.toUpperCase()},${g2[(i + 1) % 5]},@${g2[(i + 1) % 5]} metadata crosswalks for the catalog #g2chat,${at(d + 1, 2 + i)},#g2chat`,
    );
    lines.push(
      `${++n},${p},${p.toUpperCase()},${g2[(i + 2) % 5]},@${g2[(i + 2) % 5]} marc records and linked data #g2chat,${at(d + 1, 10 + i)},#g2chat`,
    );
  });
}
const CSV = 'id,author,name,to,text,time,chat\n' + lines.join('\n') + '\n';

describe('an opted-out person in community labels', () => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await buildTestApp();
    id = await createDataset(t, [{ filename: 'c.csv', content: CSV }], { name: 'x' });
  });
  afterAll(async () => t.close());

  const communities = async () =>
    GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json()).attributes.meta.communities;
  const words = (cs: Awaited<ReturnType<typeof communities>>) =>
    JSON.stringify(cs.map((c) => [c.label, c.canvasLabel, c.terms.map((x) => x.term)])).toLowerCase();

  it('is named in them before, and by no word of theirs after', async () => {
    expect(words(await communities())).toContain('alice');
    expect((await t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/opt-outs/csv%3Aasmith` })).statusCode).toBe(200);
    const after = await communities();
    expect(words(after)).not.toContain('alice');
    expect(after.map((c) => c.label)).toEqual(expect.arrayContaining([expect.stringContaining('#g2chat')]));
  });
});
