/**
 * An opt-out holds on every route (issue 24, items 1, 2, 5, 6): messages,
 * profiles, peers, graphs, exports, named snapshots (shared session reports
 * too), identities; by any
 * spelling of the key and through identity links; and each answer says who
 * it matched.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphPayloadSchema,
  PeersSchema,
  SessionHealthSchema,
  SnapshotCreatedSchema,
  SnapshotSchema,
  type Message,
} from '../../shared/index.js';
import { OPTED_OUT_MENTION } from '../../server/routes/datasets/messages.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

const CSV = `id,author,to,text,time,chat
1,mod_ann,,Q1: first reference manager? #medlibsuk,2024-03-14T20:00:00Z,#medlibsuk
2,alice,,A1 zotero for everything #medlibsuk #alicefanclub,2024-03-14T20:02:00Z,#medlibsuk
3,Bob,alice,@alice same here! #medlibsuk,2024-03-14T20:03:00Z,#medlibsuk
4,carol,alice,"A1 @alice and @bob: endnote, sadly #medlibsuk",2024-03-14T20:04:00Z,#medlibsuk
5,dave,,A1 mendeley #alicefanclub #medlibsuk,2024-03-14T20:05:00Z,#medlibsuk
6,zed,carol,A1 citavi @carol #medlibsuk,2024-03-14T20:06:00Z,#medlibsuk
7,zedcanon,,A1 jabref #medlibsuk,2024-03-14T20:07:00Z,#medlibsuk
8,medlibsuk,,thanks all for joining #medlibsuk,2024-03-14T20:50:00Z,#medlibsuk
9,alice,,Q2 anyone at the conference? #medlibsuk,2024-03-21T20:00:00Z,#medlibsuk
10,Bob,alice,A2 yes! see you there @alice #medlibsuk,2024-03-21T20:01:00Z,#medlibsuk
11,carol,,A2 not this year #medlibsuk,2024-03-21T20:02:00Z,#medlibsuk
12,dave,Bob,@Bob bring stickers #medlibsuk,2024-03-21T20:03:00Z,#medlibsuk
13,mod_ann,,A2 I will #medlibsuk,2024-03-21T20:04:00Z,#medlibsuk
14,zed,,hi alice,2024-03-22T10:00:00Z,dm with alice smith
15,alice,zed,hello zed,2024-03-22T10:01:00Z,dm with alice smith
`;

let t: TestApp;
let id = '';
let other = '';
const get = (url: string) => t.app.inject(url);
const put = (url: string) => t.app.inject({ method: 'PUT', url });
const del = (url: string) => t.app.inject({ method: 'DELETE', url });
const nodeKeys = async (dataset: string) =>
  GraphPayloadSchema.parse((await get(`/api/datasets/${dataset}/graph`)).json()).nodes.map((n) => n.key);
/** A message's row in CSV above, known by its time (the reader gives messages ids of its own). */
const ROW_BY_TIME = new Map(
  CSV.trim()
    .split('\n')
    .slice(1)
    .map((line) => [new Date(line.match(/2024-[^,]+/)![0]).toISOString(), Number(line.split(',')[0])]),
);
const row = (m: Message) => ROW_BY_TIME.get(m.time)!;
const allMessages = async (dataset: string): Promise<Message[]> =>
  (await get(`/api/datasets/${dataset}/messages?limit=5000`)).json().messages;

beforeAll(async () => {
  // Many writes in a minute: the property test opts people out and back again and again.
  t = await buildTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: 10_000 });
  const up = async (name: string, csv: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([{ filename: 'chat.csv', content: csv }], { name }) })).json()
      .id as string;
  id = await up('medlibs', CSV);
  other = await up(
    'other',
    'id,author,text,time,chat\n1,erin,hello #tlchat,2024-03-20T01:00:00Z,#tlchat\n2,fay,hi @erin #tlchat,2024-03-20T01:01:00Z,#tlchat\n',
  );
});
afterAll(async () => t.close());

describe('an opted-out person', () => {
  it('is gone from messages, profile, peers, graph, exports and named snapshots, and back when the opt-out is withdrawn', async () => {
    const snap = SnapshotCreatedSchema.parse(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/snapshots',
          payload: { datasetId: id, privacy: 'named', view: { selected: 'csv:alice' } },
        })
      ).json(),
    );
    // Session reports shared before: the first #medlibsuk session (she answered Q1 first) and her DM with zed.
    const shareReport = async (session: string) =>
      SnapshotCreatedSchema.parse(
        (await t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId: id, report: { session } } })).json(),
      );
    const firstSession = '#medlibsuk@2024-03-14T20:00:00.000Z';
    const [report, dmReport] = [await shareReport(firstSession), await shareReport('dm with alice smith@2024-03-22T10:00:00.000Z')];
    expect((await allMessages(id)).filter((m) => m.author === 'csv:alice')).toHaveLength(3);
    expect((await get(`/api/datasets/${id}/people/csv%3Aalice`)).statusCode).toBe(200);

    // Her peers and Bob's asked before: the view they are read from is kept (by an analysis process) and must not
    // answer after. (No one here has a known sector or region, so the lists are empty: tests/api/peers-pool.test.ts
    // sees someone leave a list.)
    for (const key of ['alice', 'bob']) expect((await get(`/api/datasets/${id}/people/csv%3A${key}/peers`)).statusCode).toBe(200);

    const res = await put(`/api/datasets/${id}/opt-outs/csv%3AAlice`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ key: 'csv:alice', flag: 'opt-out', on: true, scope: id, matched: [{ dataset: id, key: 'csv:alice' }] });

    // Messages (the replay): none of hers, and her handle in no one else's.
    const messages = await allMessages(id);
    expect(messages.map(row)).toEqual([1, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14]);
    expect(JSON.stringify(messages)).not.toMatch(/csv:alice|@alice/i);
    expect(messages.find((m) => row(m) === 4)!.text).toBe(`A1 ${OPTED_OUT_MENTION} and @bob: endnote, sadly #medlibsuk`);
    expect(messages.find((m) => row(m) === 3)!.replyToAuthor).toBeUndefined();

    // Profile and peers: as if she had never been here.
    expect((await get(`/api/datasets/${id}/people/csv%3Aalice`)).json()).toEqual({
      error: { code: 'not_found', message: `person csv:alice in dataset ${id} not found` },
    });
    expect((await get(`/api/datasets/${id}/people/csv%3Aalice/peers`)).statusCode).toBe(404);
    const peers = PeersSchema.parse((await get(`/api/datasets/${id}/people/csv%3Abob/peers?limit=100`)).json());
    expect(peers.peers.map((p) => p.key)).not.toContain('csv:alice');

    // Graph and every export: no node, no hashtag naming her.
    expect(await nodeKeys(id)).not.toContain('csv:alice');
    for (const format of ['json', 'gexf', 'graphml', 'nodes-csv', 'edges-csv', 'svg']) {
      const body = (await get(`/api/datasets/${id}/export?format=${format}`)).body;
      expect(body, format).not.toMatch(/csv:alice|alicefanclub/i);
    }

    // A named snapshot taken before: no node, no selection, no hashtag, no chat named after her.
    const stored = (await get(`/api/snapshots/${snap.id}`)).json();
    const parsed = SnapshotSchema.parse(stored);
    expect(parsed.view.selected).toBeUndefined();
    expect(JSON.stringify(stored)).not.toMatch(/alice/i);
    expect(parsed.payload.attributes.meta.chats).toEqual(['#medlibsuk', 'dm with a participant smith']);
    expect((await get(`/api/snapshots/${snap.id}/export?format=gexf`)).body).not.toMatch(/alice/i);

    // Shared session reports: not named, and counted again: what the health API now says of the session without her.
    const sharedReport = async (snapshot: string) => {
      const body = (await get(`/api/snapshots/${snapshot}`)).body;
      expect(body.match(/.{80}alice.{80}/gi) ?? []).toEqual([]);
      return SnapshotSchema.parse(JSON.parse(body)).report!;
    };
    const shared = await sharedReport(report.id);
    const live = SessionHealthSchema.parse((await get(`/api/datasets/${id}/sessions/${encodeURIComponent(firstSession)}`)).json());
    expect(shared).toEqual(live);
    // Her A1 was the first answer (20:02) and carol replied to it: carol's at 20:04 is the first now, and no reply among answerers.
    expect([shared.participants, shared.messages, shared.questions[0]!.answerers]).toEqual([7, 7, 4]);
    expect([shared.questions[0]!.firstAnswerSeconds, shared.questions[0]!.answers, shared.questions[0]!.repliesAmongAnswerers]).toEqual([
      240, 4, 0,
    ]);
    const dm = await sharedReport(dmReport.id);
    expect([dm.chat, dm.participants, dm.messages]).toEqual(['dm with a participant smith', 1, 1]);

    // Her own dataset only.
    expect((await get(`/api/datasets/${id}/opt-outs`)).json()).toEqual({ people: [{ key: 'csv:alice', scope: id }] });
    expect((await del(`/api/datasets/${id}/opt-outs/%40ALICE`)).json().matched).toEqual([{ dataset: id, key: 'csv:alice' }]);
    expect(await nodeKeys(id)).toContain('csv:alice');
    expect((await get(`/api/datasets/${id}/people/csv%3Aalice`)).statusCode).toBe(200);
  });
});

describe('opt-out keys', () => {
  it('are read the way person keys are made, and a key that names no one is a 404', async () => {
    for (const [typed, key] of [
      ['csv%3ABob', 'csv:bob'],
      ['csv%3A%20carol', 'csv:carol'],
      ['%40dave', 'csv:dave'],
    ] as const) {
      const res = await put(`/api/datasets/${id}/opt-outs/${typed}`);
      expect(res.statusCode, typed).toBe(200);
      expect(res.json().matched, typed).toEqual([{ dataset: id, key }]);
      expect(await nodeKeys(id), typed).not.toContain(key);
      expect((await del(`/api/datasets/${id}/opt-outs/${typed}`)).statusCode, typed).toBe(200);
      expect(await nodeKeys(id), typed).toContain(key);
    }
    const missing = await put(`/api/datasets/${id}/opt-outs/csv%3Anobody`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe(`no one in dataset ${id} has the key csv:nobody`);
    expect((await put(`/api/datasets/${id}/opt-outs/twitter%3Abob`)).statusCode).toBe(404);
    expect((await put(`/api/datasets/${id}/opt-outs/%40`)).statusCode).toBe(422);
    expect((await del(`/api/datasets/${id}/opt-outs/csv%3Abob`)).statusCode).toBe(404);
  });

  it('hold for every identity of the person: an opt-out by an alias removes the merged node and its peer suggestions', async () => {
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/datasets/${id}/identities`,
          payload: { links: [{ alias: 'csv:zed', canonical: 'csv:zedcanon' }] },
        })
      ).statusCode,
    ).toBe(200);
    expect(await nodeKeys(id)).toContain('csv:zedcanon');
    const res = await put(`/api/datasets/${id}/opt-outs/csv%3AZed`);
    expect(res.json().matched).toEqual([
      { dataset: id, key: 'csv:zed' },
      { dataset: id, key: 'csv:zedcanon' },
    ]);
    expect(await nodeKeys(id)).not.toContain('csv:zedcanon');
    const peers = PeersSchema.parse((await get(`/api/datasets/${id}/people/csv%3Acarol/peers?limit=100`)).json());
    expect(peers.peers.map((p) => p.key)).not.toContain('csv:zedcanon');
    expect((await get(`/api/datasets/${id}/people/csv%3Azedcanon`)).statusCode).toBe(404);
    expect((await get(`/api/datasets/${id}/identities`)).json()).toEqual({ links: [] });
    expect(JSON.stringify(await allMessages(id))).not.toMatch(/csv:zed/);
    await del(`/api/datasets/${id}/opt-outs/csv%3Azedcanon`);
    expect(await nodeKeys(id)).toContain('csv:zedcanon');
  });

  it('of the global list need a platform, hold for later datasets, and are listed only where they concern someone', async () => {
    expect((await put('/api/opt-outs/%40dave')).statusCode).toBe(422);
    const res = await put('/api/opt-outs/csv%3ADave');
    expect(res.json()).toEqual({
      key: 'csv:dave',
      flag: 'opt-out',
      on: true,
      scope: 'global',
      matched: [{ dataset: id, key: 'csv:dave' }],
    });
    expect(await nodeKeys(id)).not.toContain('csv:dave');
    expect((await get(`/api/datasets/${id}/opt-outs`)).json()).toEqual({ people: [{ key: 'csv:dave', scope: 'global' }] });
    // Another dataset's readers do not see who opted out elsewhere.
    expect((await get(`/api/datasets/${other}/opt-outs`)).json()).toEqual({ people: [] });
    // Nobody yet: kept for the datasets to come.
    expect((await put('/api/opt-outs/csv%3Agina')).json().matched).toEqual([]);
    const later = (
      await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart(
          [
            {
              filename: 'c.csv',
              content: 'id,author,text,time,chat\n1,gina,hi,2024-04-01T20:00:00Z,#x\n2,hal,@gina hi,2024-04-01T20:01:00Z,#x\n',
            },
          ],
          { name: 'later' },
        ),
      })
    ).json().id;
    expect(await nodeKeys(later)).toEqual(['csv:hal']);
    expect((await del('/api/opt-outs/csv%3Adave')).statusCode).toBe(200);
    expect((await del('/api/opt-outs/csv%3Adave')).statusCode).toBe(404);
    await del('/api/opt-outs/csv%3Agina');
  });
});

describe('opt-outs by random spellings (property)', () => {
  /** How people type a key: any case, spaces around, an @ before the handle, the platform or not. */
  const spelling = (handle: string) =>
    fc
      .record({
        cases: fc.array(fc.boolean(), { minLength: handle.length, maxLength: handle.length }),
        at: fc.boolean(),
        platform: fc.constantFrom('', 'csv:', 'CSV:', 'csv: ', ' Csv :'),
        pad: fc.constantFrom('', ' ', '  '),
      })
      .map(
        ({ cases, at, platform, pad }) =>
          `${pad}${platform}${at ? '@' : ''}${[...handle].map((c, i) => (cases[i] ? c.toUpperCase() : c)).join('')}${pad}`,
      );

  it('every spelling opts the same person out, and another spelling takes it back', async () => {
    const people = ['bob', 'carol', 'dave', 'mod_ann'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...people).chain((handle) => fc.tuple(fc.constant(handle), spelling(handle), spelling(handle))),
        async ([handle, on, off]) => {
          const key = `csv:${handle}`;
          const put = await t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/opt-outs/${encodeURIComponent(on)}` });
          expect(put.json().matched, `${on}: ${put.body}`).toEqual([{ dataset: id, key }]);
          expect(await nodeKeys(id)).not.toContain(key);
          expect((await allMessages(id)).some((m) => m.author === key)).toBe(false);
          const back = await t.app.inject({ method: 'DELETE', url: `/api/datasets/${id}/opt-outs/${encodeURIComponent(off)}` });
          expect(back.statusCode, off).toBe(200);
          expect(await nodeKeys(id)).toContain(key);
        },
      ),
      { numRuns: 20, seed: 24 },
    );
  });
});

describe('the messages route', () => {
  it('pages with a cursor: every message once, in order', async () => {
    const ids: number[] = [];
    let url = `/api/datasets/${id}/messages?limit=4`;
    for (let pages = 0; pages < 10; pages++) {
      const page = (await get(url)).json() as { messages: Message[]; truncated: boolean; next?: string };
      ids.push(...page.messages.map(row));
      if (!page.truncated) break;
      url = `/api/datasets/${id}/messages?limit=4&after=${page.next}`;
    }
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect((await get(`/api/datasets/${id}/messages?after=bm9wZQ`)).statusCode).toBe(400);
  });

  it('keeps a page within its byte budget however long the texts', async () => {
    const long = 'x'.repeat(90_000);
    const rows = Array.from(
      { length: 60 },
      (_, i) => `${i + 1},p${i % 7},${long},2024-05-01T20:${String(i).padStart(2, '0')}:00Z,#big`,
    ).join('\n');
    const big = (
      await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'big.csv', content: `id,author,text,time,chat\n${rows}\n` }], { name: 'big' }),
      })
    ).json().id;
    const page = (await get(`/api/datasets/${big}/messages?limit=5000`)).json();
    expect(page.messages).toHaveLength(23); // 4 MiB of UTF-16 text: 23 texts of 90,000 characters
    expect(page.truncated).toBe(true);
    const rest = (await get(`/api/datasets/${big}/messages?limit=5000&after=${page.next}`)).json();
    expect(rest.messages[0].time).toBe('2024-05-01T20:23:00.000Z');
  });
});

describe('the profile route', () => {
  it('reads counts, not messages', async () => {
    const store = t.app.store;
    const original = store.getMessages.bind(store);
    let reads = 0;
    store.getMessages = (...args) => {
      reads++;
      return original(...args);
    };
    try {
      const res = await get(`/api/datasets/${id}/people/csv%3Abob`);
      expect(res.json()).toMatchObject({
        messages: 2,
        chats: [{ chat: '#medlibsuk', messages: 2 }],
        firstSeen: '2024-03-14T20:03:00.000Z',
        lastSeen: '2024-03-21T20:01:00.000Z',
      });
      expect(reads).toBe(0);
    } finally {
      store.getMessages = original;
    }
  });
});
