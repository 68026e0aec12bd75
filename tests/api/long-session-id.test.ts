/**
 * A session id is `chat@start`, and WhatsApp and Zoom name their chats at length: such a session opens
 * like any other (Fastify's default limit of 100 characters a path parameter answered 414, off contract).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

const LONG = 'WhatsApp Chat with Library Association Regional Section Committee Members 2024';
const CSV = `id,author,text,time,chat
1,ann,hi all,2024-03-14T10:00:00Z,${LONG}
2,bob,hi ann,2024-03-14T10:01:00Z,${LONG}
3,cat,hello,2024-03-14T10:02:00Z,${LONG}
`;

describe('a session of a chat with a long name', () => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await buildTestApp();
    id = (
      await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([{ filename: 'c.csv', content: CSV }], { name: 'x' }) })
    ).json().id;
  });
  afterAll(async () => t.close());

  it('opens by its id', async () => {
    const list = (await t.app.inject(`/api/datasets/${id}/sessions`)).json() as { sessions: { id: string; participants: number }[] };
    expect(list.sessions.map((s) => s.id)).toEqual([`${LONG.toLowerCase()}@2024-03-14T10:00:00.000Z`]);
    const res = await t.app.inject(`/api/datasets/${id}/sessions/${encodeURIComponent(list.sessions[0]!.id)}`);
    expect(res.statusCode, res.body).toBe(200);
  });
});
