/**
 * Pseudonymous chat health names nobody: not in people's fields, and not through a chat named after someone
 * ("dm with alice smith", as DM and WhatsApp exports are named), in the chat names, session ids and series,
 * JSON and CSV alike; people are numbered as a pseudonymous share of the whole dataset numbers them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, SessionListSchema } from '../../shared/index.js';
import { buildTestApp, createDataset, fixture, type TestApp } from '../support/app.js';

// One #medlibsuk session and a DM named after alice ("dm with alice smith").
const CSV = fixture('made', 'api', 'medlibs-and-a-dm.csv');

describe('pseudonymous chat health', () => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await buildTestApp();
    id = await createDataset(t, [{ filename: 'chat.csv', content: CSV }], { name: 'medlibs' });
  });
  afterAll(async () => t.close());

  for (const path of ['sessions', 'health'])
    for (const format of ['json', 'csv'])
      it(`/${path} as ${format} names nobody, not even through a chat's name`, async () => {
        const res = await t.app.inject(`/api/datasets/${id}/${path}?privacy=pseudonymous&format=${format}`);
        expect(res.statusCode).toBe(200);
        expect(res.body.toLowerCase()).not.toMatch(/alice|zed|mod_ann|bob/);
        expect(res.body).toContain('#medlibsuk');
      });

  it('keeps the public chat names, numbers people as the pseudonymous share does, and opens a session by its shown id', async () => {
    const list = SessionListSchema.parse((await t.app.inject(`/api/datasets/${id}/sessions?privacy=pseudonymous`)).json());
    const dm = list.sessions.find((s) => s.chat !== '#medlibsuk')!;
    expect(dm.chat).toMatch(/^dm with Participant \d+ smith$/);
    const share = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/export?format=json&privacy=pseudonymous`)).json());
    expect(share.attributes.meta.chats).toContain(dm.chat);
    const opened = await t.app.inject(`/api/datasets/${id}/sessions/${encodeURIComponent(dm.id)}?privacy=pseudonymous`);
    expect(opened.statusCode, opened.body).toBe(200);
  });
});
