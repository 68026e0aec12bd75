/**
 * The behaviour every Store backend owes its callers (server/store/types.ts),
 * as one suite: each backend's test file calls `describeStoreContract` with a
 * factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetSchema, MessageSchema, PersonProfileSchema } from '../../shared/index.js';
import type { Dataset, ImportJob, Message, PersonProfile } from '../../shared/index.js';
import type { ImportFile, Store, StoredSnapshot } from '../../server/store/types.js';
import type { ResultLimits } from '../../server/store/result-limits.js';
import { splitSessions } from '../../server/pipeline/sessions.js';

/** What a backend's factory passes to its store when a test asks (none: the defaults). */
export interface StoreFactoryOptions {
  results?: Partial<ResultLimits>;
}

export interface StoreHandle {
  store: Store;
  /** Closes the store and removes whatever it wrote. */
  cleanup: () => Promise<void>;
}

/** 2024-03-14 20:00 UTC plus `minutes`, canonical ISO. */
export const at = (minutes: number) => new Date(Date.UTC(2024, 2, 14, 20, 0) + minutes * 60_000).toISOString();

let seq = 0;
export function msg(fields: Partial<Message> & Pick<Message, 'author'>): Message {
  seq++;
  const defaults = { id: `m${seq}`, platform: 'twitter', chat: '#uklibchat', time: at(seq), text: `hello ${seq}` } as const;
  return { ...defaults, mentions: [], hashtags: [], kind: 'post', ...fields };
}

export const person = (handle: string, fields: Partial<PersonProfile> = {}): PersonProfile => ({
  key: `twitter:${handle.toLowerCase()}`,
  platform: 'twitter',
  handle,
  ...fields,
});

export function file(name: string, messages: Message[], people: PersonProfile[] = []): ImportFile {
  return { result: { file: name, format: 'csv', messages: messages.length, skipped: 0, skippedItems: [], warnings: [] }, messages, people };
}

const byTimeThenId = (a: Message, b: Message) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function describeStoreContract(name: string, makeStore: (options?: StoreFactoryOptions) => Promise<StoreHandle>): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeEach(async () => ({ store, cleanup } = await makeStore()));
    afterEach(async () => cleanup());

    const ids = async (datasetId: string, query?: Parameters<Store['getMessages']>[1]) =>
      (await store.getMessages(datasetId, query)).map((m) => m.id);

    describe('importFiles', () => {
      it('creates a dataset at version 1 with an unguessable url-safe id, readable every way', async () => {
        const created = await store.importFiles({ name: 'March', files: [file('a.csv', [msg({ author: 'twitter:ann' })])] });
        expect(DatasetSchema.parse(created)).toStrictEqual(created);
        expect(created.id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
        // One post alone is no session (sessions hold two messages at least).
        expect(created).toMatchObject({ name: 'March', version: 1, counts: { messages: 1, people: 1, chats: 1, sessions: 0 } });
        expect(created.sources).toEqual([
          { file: 'a.csv', format: 'csv', messages: 1, stored: 1, skipped: 0, skippedItems: [], warnings: [] },
        ]);
        expect(await store.getDataset(created.id)).toStrictEqual(created);
        expect(await store.findDatasetByName('March')).toStrictEqual(created);
        expect(await store.listDatasets()).toStrictEqual([created]);
        const other = await store.importFiles({ name: 'April', files: [] });
        expect(other.id).not.toBe(created.id);
      });

      it('returns messages and people exactly as given, absent fields absent', async () => {
        const full = msg({
          author: 'twitter:ann',
          kind: 'reply',
          replyToId: '99',
          replyToAuthor: 'twitter:bob',
          mentions: ['twitter:bob', 'twitter:cy'],
          hashtags: ['#uklibchat', '#a1'],
          repostOf: 'twitter:cy',
          question: 2,
          answer: 1,
          text: 'A1 yes @bob',
        });
        const bare = msg({ author: 'twitter:bob', platform: 'mastodon', chat: 'general' });
        const ann = person('Ann_Lib', { name: 'Ann', bio: 'Librarian', location: 'Leeds', url: 'https://ann.example', platformId: '123' });
        const bob = person('bob');
        const dataset = await store.importFiles({ name: 'rt', files: [file('a.csv', [bare, full], [bob, ann])] });
        const messages = await store.getMessages(dataset.id);
        expect(messages).toStrictEqual([full, bare].sort(byTimeThenId));
        for (const m of messages) expect(MessageSchema.parse(m)).toStrictEqual(m);
        const people = await store.getPeople(dataset.id);
        expect(people).toStrictEqual([ann, bob]);
        for (const p of people) expect(PersonProfileSchema.parse(p)).toStrictEqual(p);
      });

      it('stores a message once across imports, counts what was really stored and bumps the version', async () => {
        const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((h) => msg({ author: `twitter:${h}` })) as [Message, Message, Message, Message];
        const first = await store.importFiles({ name: 'dups', files: [file('one.csv', [a, b, c])] });
        const second = await store.importFiles({ datasetId: first.id, name: 'ignored', files: [file('two.csv', [b, c, d])] });
        expect(second).toMatchObject({
          id: first.id,
          name: 'dups',
          version: 2,
          createdAt: first.createdAt,
          counts: { messages: 4, people: 4 },
        });
        expect(second.updatedAt >= first.updatedAt).toBe(true);
        expect(second.sources.map((s) => [s.file, s.messages, s.stored])).toEqual([
          ['one.csv', 3, 3],
          ['two.csv', 3, 1],
        ]);
        expect(await ids(first.id)).toEqual([a.id, b.id, c.id, d.id]);
        const third = await store.importFiles({ datasetId: first.id, name: 'dups', files: [file('one.csv', [a])] });
        expect(third.version).toBe(3);
        expect(third.sources[2]).toMatchObject({ messages: 1, stored: 0 });
      });

      it('de-duplicates within one request, and tells platforms and datasets apart', async () => {
        const a = msg({ author: 'twitter:a', id: 'same' });
        const onMastodon = { ...a, platform: 'mastodon' as const, author: 'mastodon:a@x.y' };
        const dataset = await store.importFiles({ name: 'x', files: [file('1.csv', [a, a, onMastodon]), file('2.csv', [a])] });
        expect(dataset.sources.map((s) => s.stored)).toEqual([2, 0]);
        expect(dataset.counts.messages).toBe(2);
        const other = await store.importFiles({ name: 'y', files: [file('1.csv', [a])] });
        expect(other.sources[0]!.stored).toBe(1);
        expect(await ids(other.id)).toEqual(['same']);
      });

      it.each([
        ['a NOT NULL column is null', { text: null as unknown as string }],
        ['the time is not a date', { time: 'not a time' }],
      ])('stores nothing of a new dataset when %s in a later file', async (_, bad) => {
        const good = file('good.csv', [msg({ author: 'twitter:a' }), msg({ author: 'twitter:b' })], [person('a')]);
        const broken = file('bad.csv', [msg({ author: 'twitter:c' }), msg({ author: 'twitter:d', ...bad })]);
        await expect(store.importFiles({ name: 'atomic', files: [good, broken] })).rejects.toThrow();
        expect(await store.listDatasets()).toEqual([]);
        expect(await store.findDatasetByName('atomic')).toBeUndefined();
      });

      it('leaves an existing dataset untouched when an import into it fails', async () => {
        const ok = file('ok.csv', [msg({ author: 'twitter:a' })], [person('a', { bio: 'old' })]);
        const before = await store.importFiles({ name: 'keep', files: [ok] });
        const more = file('more.csv', [msg({ author: 'twitter:d' })]);
        const bogus = msg({ author: 'twitter:c', kind: 'bogus' as Message['kind'] });
        const broken = file('bad.csv', [msg({ author: 'twitter:b' }), bogus], [person('a', { bio: 'new' })]);
        await expect(store.importFiles({ datasetId: before.id, name: 'keep', files: [more, broken] })).rejects.toThrow();
        expect(await store.getDataset(before.id)).toStrictEqual(before);
        expect(await store.getMessages(before.id)).toHaveLength(1);
        expect(await store.getPeople(before.id)).toEqual([person('a', { bio: 'old' })]);
      });

      it('rejects an unknown datasetId with code not_found and creates nothing', async () => {
        const files = [file('a.csv', [msg({ author: 'twitter:a' })])];
        await expect(store.importFiles({ datasetId: 'nope', name: 'n', files })).rejects.toMatchObject({ code: 'not_found' });
        expect(await store.listDatasets()).toEqual([]);
      });

      it('merges profiles: newer non-empty fields win, empty or absent ones keep the old value', async () => {
        const first = person('Ann', { name: 'Ann', bio: 'Librarian', location: 'Leeds' });
        const dataset = await store.importFiles({ name: 'p', files: [file('1.csv', [], [first])] });
        const newer = person('ANN', { name: 'Ann L.', bio: '', url: 'https://a.example' });
        await store.importFiles({ datasetId: dataset.id, name: 'p', files: [file('2.csv', [], [newer])] });
        expect(await store.getPeople(dataset.id)).toStrictEqual([
          {
            key: 'twitter:ann',
            platform: 'twitter',
            handle: 'ANN',
            name: 'Ann L.',
            bio: 'Librarian',
            location: 'Leeds',
            url: 'https://a.example',
          },
        ]);
      });

      it('merges a profile repeated within one import by the same rule, in file order', async () => {
        const files = [
          file(
            '1.csv',
            [],
            [person('ann', { name: 'Ann', bio: 'Librarian' }), person('Ann', { bio: '', location: '' }), person('bob', { bio: '' })],
          ),
          file('2.csv', [], [person('ANN', { name: '', location: 'Leeds' })]),
        ];
        const dataset = await store.importFiles({ name: 'p', files });
        expect(await store.getPeople(dataset.id)).toStrictEqual([
          { key: 'twitter:ann', platform: 'twitter', handle: 'ANN', name: 'Ann', bio: 'Librarian', location: 'Leeds' },
          { key: 'twitter:bob', platform: 'twitter', handle: 'bob', bio: '' },
        ]);
      });

      it('stores quotes and SQL-looking text verbatim', async () => {
        const text = `it's "quoted" \\ back'slash'); DROP TABLE messages;-- ünïcödé 📚\nline two`;
        const chat = `#o'brien"); --`;
        const name = `Robert'); DROP TABLE datasets;--`;
        const dataset = await store.importFiles({ name, files: [file(`x'.csv`, [msg({ author: `twitter:o'brien`, text, chat })])] });
        expect((await store.getDataset(dataset.id))!.name).toBe(name);
        expect(await store.getMessages(dataset.id, { chats: [chat] })).toMatchObject([{ text, chat, author: `twitter:o'brien` }]);
        expect(await store.listDatasets()).toHaveLength(1);
      });
    });

    describe('counts', () => {
      it('counts messages, authors, chats and sessions from the stored rows', async () => {
        const messages = [
          msg({ author: 'twitter:alice', chat: '#uklibchat', time: at(0) }),
          msg({ author: 'twitter:bob', chat: '#uklibchat', time: at(10), mentions: ['twitter:dave'] }),
          msg({ author: 'twitter:carol', chat: '#uklibchat', time: at(30) }),
          // 4 h 10 min later: past the default 180-minute gap, a second session.
          msg({ author: 'twitter:alice', chat: '#uklibchat', time: at(280) }),
          msg({ author: 'twitter:bob', chat: '#uklibchat', time: at(290) }),
          msg({ author: 'twitter:carol', chat: '#critlib', time: at(60) }),
          msg({ author: 'twitter:alice', chat: '#critlib', time: at(75) }),
        ];
        const people = ['alice', 'bob', 'carol', 'dave'].map((h) => person(h));
        const files = [file('a.csv', messages.slice(0, 4), people), file('b.csv', messages.slice(4))];
        const dataset = await store.importFiles({ name: 'c', files });
        expect(dataset.counts).toEqual({ messages: 7, people: 3, chats: 2, sessions: 3 });
        expect(dataset.chats).toEqual(['#critlib', '#uklibchat']);
        expect([dataset.from, dataset.to]).toEqual([at(0), at(290)]);
        expect((await store.listDatasets())[0]).toStrictEqual(dataset);
      });

      it('splits sessions only where the gap exceeds 180 minutes, per chat', async () => {
        const messages = [
          msg({ author: 'twitter:a', chat: '#one', time: at(0) }),
          msg({ author: 'twitter:a', chat: '#one', time: at(180) }), // exactly the gap: same session
          msg({ author: 'twitter:a', chat: '#one', time: at(361) }), // 181 minutes on: a new one
          msg({ author: 'twitter:b', chat: '#one', time: at(370) }),
          msg({ author: 'twitter:a', chat: '#two', time: at(200) }), // other chats never join a session
          msg({ author: 'twitter:b', chat: '#two', time: at(210) }),
          msg({ author: 'twitter:a', chat: '#three', time: at(200) }), // a lone post: no session
        ];
        expect((await store.importFiles({ name: 's', files: [file('s.csv', messages)] })).counts.sessions).toBe(3);
      });

      it("counts a long day's sessions by the analysis's rule: its burst and its host's question series, not the day", async () => {
        // A 10-hour day without a 3-hour lull (a post every 20 minutes), a 40-minute burst of 60 posts at 02:00, and
        // at 07:00 a host asking Q1 and Q2 (a participant answering `Q1:`) among the day's posts: two sessions.
        const day = Array.from({ length: 30 }, (_, i) => msg({ author: `twitter:p${i % 7}`, chat: '#long', time: at(i * 20 + 1) }));
        const burst = Array.from({ length: 60 }, (_, i) => msg({ author: `twitter:b${i % 9}`, chat: '#long', time: at(120 + i * 0.66) }));
        const series = [
          msg({ author: 'twitter:host', chat: '#long', time: at(420), question: 1 }),
          msg({ author: 'twitter:ann', chat: '#long', time: at(424), question: 1 }),
          msg({ author: 'twitter:host', chat: '#long', time: at(430), question: 2 }),
          msg({ author: 'twitter:bob', chat: '#long', time: at(433), answer: 2 }),
          msg({ author: 'twitter:ann', chat: '#long', time: at(440), kind: 'repost', question: 3 }),
        ];
        const messages = [...day, ...burst, ...series];
        const whole = await store.importFiles({ name: 'long', files: [file('long.csv', messages)] });
        expect(whole.counts.sessions).toBe(splitSessions(messages).length);
        expect(splitSessions(messages).map((s) => s.foundBy)).toEqual(['burst', 'questions']);
        const staging = store.beginImport({ importId: 'job-long', name: 'long staged' });
        await staging.stage(0, [...messages].reverse());
        expect(
          (
            await staging.commit(
              [{ file: 'long.csv', format: 'csv', messages: messages.length, skipped: 0, skippedItems: [], warnings: [] }],
              [],
            )
          ).counts.sessions,
        ).toBe(2);
        const added = await store.importFiles({
          datasetId: whole.id,
          name: 'ignored',
          files: [file('more.csv', [msg({ author: 'twitter:x', chat: '#long', time: at(700) })])],
        });
        expect(added.counts.sessions).toBe(2);
      });

      it('keeps the chats’ schedules with the dataset, counts sessions by them, and bumps its version', async () => {
        // #long: posts every 20 minutes over 10 hours (no session found); a Thursday 20:00–21:00 London schedule makes one.
        const messages = Array.from({ length: 30 }, (_, i) => msg({ author: `twitter:p${i % 4}`, chat: '#long', time: at(i * 20) }));
        const created = await store.importFiles({ name: 'scheduled', files: [file('s.csv', messages)] });
        expect(created.counts.sessions).toBe(0);
        const schedule = { chat: '#long', weekday: 'thursday' as const, start: '20:00', timeZone: 'Europe/London', minutes: 60 };
        const scheduled = (await store.setSessionSchedules(created.id, [schedule]))!;
        expect(scheduled).toMatchObject({ version: created.version + 1, schedules: [schedule], counts: { sessions: 1 } });
        expect(await store.getDataset(created.id)).toStrictEqual(scheduled);
        // Files added later are counted by the schedule too; an empty list goes back to sessions found.
        const added = await store.importFiles({
          datasetId: created.id,
          name: 'x',
          files: [
            file('t.csv', [
              msg({ author: 'twitter:z', chat: '#long', time: at(7 * 24 * 60 + 10) }),
              msg({ author: 'twitter:y', chat: '#long', time: at(7 * 24 * 60 + 20) }),
            ]),
          ],
        });
        expect(added.counts.sessions).toBe(2);
        const cleared = (await store.setSessionSchedules(created.id, []))!;
        expect(cleared.schedules).toBeUndefined();
        expect(cleared.counts.sessions).toBe(1);
        expect(await store.setSessionSchedules('nope', [schedule])).toBeUndefined();
      });

      it('gives an empty dataset zero counts and no time bounds', async () => {
        const dataset = await store.importFiles({ name: 'empty', files: [] });
        expect(dataset).toMatchObject({ version: 1, counts: { messages: 0, people: 0, chats: 0, sessions: 0 }, chats: [], sources: [] });
        expect(dataset.from).toBeUndefined();
        expect(dataset.to).toBeUndefined();
        expect(DatasetSchema.parse(dataset)).toStrictEqual(dataset);
      });
    });

    describe('getMessages', () => {
      const fixture = () => [
        msg({ id: 'b', author: 'twitter:x', chat: '#a', time: at(10) }),
        msg({ id: 'a', author: 'twitter:y', chat: '#b', time: at(10) }),
        msg({ id: 'c', author: 'twitter:x', chat: '#a', time: at(0) }),
        msg({ id: 'd', author: 'twitter:y', chat: '#c', time: at(20) }),
        msg({ id: 'e', author: 'twitter:z', chat: '#b', time: at(30) }),
      ];

      it('orders by time, then id', async () => {
        const dataset = await store.importFiles({ name: 'q', files: [file('q.csv', fixture())] });
        expect(await ids(dataset.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
      });

      it('filters by chats and by inclusive time bounds, alone or together', async () => {
        const { id } = await store.importFiles({ name: 'q', files: [file('q.csv', fixture())] });
        expect(await ids(id, { chats: [] })).toEqual(['c', 'a', 'b', 'd', 'e']);
        expect(await ids(id, { chats: ['#a', '#c'] })).toEqual(['c', 'b', 'd']);
        expect(await ids(id, { chats: ['#nowhere'] })).toEqual([]);
        expect(await ids(id, { from: at(10) })).toEqual(['a', 'b', 'd', 'e']);
        expect(await ids(id, { to: at(20) })).toEqual(['c', 'a', 'b', 'd']);
        expect(await ids(id, { from: at(10), to: at(20) })).toEqual(['a', 'b', 'd']);
        expect(await ids(id, { chats: ['#b'], from: at(10), to: at(10) })).toEqual(['a']);
      });

      it('leaves the text out when asked (for the graph analysis), everything else as stored', async () => {
        const { id } = await store.importFiles({ name: 'q', files: [file('q.csv', fixture())] });
        const whole = await store.getMessages(id, { chats: ['#a', '#b'] });
        const lean = await store.getMessages(id, { chats: ['#a', '#b'], text: false });
        expect(whole.map((m) => m.text).every((t) => t.length > 0)).toBe(true);
        expect(lean.map((m) => m.text)).toEqual(['', '', '', '']);
        expect(lean).toEqual(whole.map((m) => ({ ...m, text: '' })));
      });

      it('breaks ties and sorts chats and people in code-point order, whatever the database locale', async () => {
        const t = at(0);
        const messages = ['é', 'a', 'B', '_'].map((id, i) => msg({ id, author: 'twitter:x', chat: ['#b', '#B', '#a', '#ä'][i]!, time: t }));
        const people = ['twitter:b', 'twitter:B', 'twitter:_'].map((key) => ({ key, platform: 'twitter' as const, handle: key.slice(8) }));
        const dataset = await store.importFiles({ name: 'o', files: [file('o.csv', messages, people)] });
        expect(await ids(dataset.id)).toEqual(['B', '_', 'a', 'é']);
        expect(dataset.chats).toEqual(['#B', '#a', '#b', '#ä']);
        expect((await store.getPeople(dataset.id)).map((p) => p.key)).toEqual(['twitter:B', 'twitter:_', 'twitter:b']);
      });

      it('returns times as canonical ISO text ordered by instant, whatever ISO form came in', async () => {
        const whole = msg({ author: 'twitter:a', id: 'whole', time: '2024-03-14T20:00:00Z' });
        const half = msg({ author: 'twitter:a', id: 'half', time: '2024-03-14T20:00:00.500Z' });
        const before = msg({ author: 'twitter:a', id: 'before', time: '2024-03-14T21:59:59.9+02:00' });
        const { id, from, to } = await store.importFiles({ name: 't', files: [file('t.csv', [half, whole, before])] });
        expect([from, to]).toEqual(['2024-03-14T19:59:59.900Z', '2024-03-14T20:00:00.500Z']);
        expect((await store.getMessages(id)).map((m) => [m.id, m.time])).toEqual([
          ['before', '2024-03-14T19:59:59.900Z'],
          ['whole', '2024-03-14T20:00:00.000Z'],
          ['half', '2024-03-14T20:00:00.500Z'],
        ]);
        expect(await ids(id, { from: '2024-03-14T20:00:00Z', to: '2024-03-14T22:00:00.000+02:00' })).toEqual(['whole']);
        await expect(store.getMessages(id, { from: 'yesterday' })).rejects.toThrow();
      });

      it('answers empty lists for an unknown dataset', async () => {
        expect(await store.getMessages('nope')).toEqual([]);
        expect(await store.getPeople('nope')).toEqual([]);
        expect(await store.getDataset('nope')).toBeUndefined();
      });
    });

    describe('reading by person and by page', () => {
      const seed = async () => {
        const messages = [
          msg({ id: 'p1', author: 'twitter:ann', chat: '#a', time: at(1) }),
          msg({ id: 'p2', author: 'twitter:bob', chat: '#a', time: at(2) }),
          msg({ id: 'p3', author: 'twitter:ann', chat: '#b', time: at(3) }),
          msg({ id: 'p4', author: 'twitter:cy', chat: '#a', time: at(3) }),
          msg({ id: 'p5', author: 'twitter:ann', chat: '#b', time: at(5) }),
        ];
        return store.importFiles({ name: 'pages', files: [file('a.csv', messages, [person('ann', { bio: 'hi' }), person('bob')])] });
      };

      it('reads only some authors, or all but some, and at most a limit', async () => {
        const { id } = await seed();
        expect(await ids(id, { authors: ['twitter:ann'] })).toEqual(['p1', 'p3', 'p5']);
        expect(await ids(id, { authors: [] })).toEqual([]);
        expect(await ids(id, { excludeAuthors: ['twitter:ann', 'twitter:cy'] })).toEqual(['p2']);
        expect(await ids(id, { excludeAuthors: [] })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        expect(await ids(id, { limit: 2 })).toEqual(['p1', 'p2']);
      });

      it('pages after a cursor in (time, id, platform) order, ties at one time included', async () => {
        const { id } = await seed();
        expect(await ids(id, { after: { time: at(2), id: 'p2', platform: 'twitter' }, limit: 2 })).toEqual(['p3', 'p4']);
        expect(await ids(id, { after: { time: at(3), id: 'p3', platform: 'twitter' } })).toEqual(['p4', 'p5']);
        expect(await ids(id, { after: { time: at(5), id: 'p5', platform: 'twitter' } })).toEqual([]);
      });

      it('reads chosen profiles, and counts a person’s messages per chat without reading them', async () => {
        const { id } = await seed();
        expect((await store.getPeople(id, ['twitter:ann', 'twitter:nobody'])).map((p) => p.key)).toEqual(['twitter:ann']);
        expect(await store.getPeople(id, [])).toEqual([]);
        expect(await store.getAuthorActivity(id, ['twitter:ann'])).toEqual({
          messages: 3,
          chats: [
            { chat: '#b', messages: 2 },
            { chat: '#a', messages: 1 },
          ],
          firstSeen: at(1),
          lastSeen: at(5),
        });
        expect(await store.getAuthorActivity(id, ['twitter:ann', 'twitter:bob'])).toMatchObject({
          messages: 4,
          chats: [
            { chat: '#a', messages: 2 },
            { chat: '#b', messages: 2 },
          ],
        });
        expect(await store.getAuthorActivity(id, ['twitter:nobody'])).toEqual({ messages: 0, chats: [] });
      });
    });

    describe('datasets', () => {
      it('lists datasets oldest first', async () => {
        const names = ['one', 'two', 'three'];
        for (const name of names) await store.importFiles({ name, files: [] });
        expect((await store.listDatasets()).map((d) => d.name)).toEqual(names);
      });

      it('deletes a dataset with its messages and people, and only it', async () => {
        const files = () => [file('a.csv', [msg({ author: 'twitter:a', id: 'shared' })], [person('a')])];
        const doomed = await store.importFiles({ name: 'doomed', files: files() });
        const kept = await store.importFiles({ name: 'kept', files: files() });
        expect(await store.deleteDataset(doomed.id)).toBe(true);
        expect(await store.deleteDataset(doomed.id)).toBe(false);
        expect(await store.getDataset(doomed.id)).toBeUndefined();
        expect(await store.getMessages(doomed.id)).toEqual([]);
        expect(await store.getPeople(doomed.id)).toEqual([]);
        expect((await store.listDatasets()).map((d: Dataset) => d.id)).toEqual([kept.id]);
        expect(await ids(kept.id)).toEqual(['shared']);
        expect(await store.getPeople(kept.id)).toHaveLength(1);
      });
    });

    describe('context overrides', () => {
      it('sets overrides per person and field, later values winning, and bumps the version', async () => {
        const dataset = await store.importFiles({ name: 'ctx', files: [] });
        await store.setContextOverrides(dataset.id, [
          { key: 'twitter:b', sector: 'public', region: 'GB', source: 'roster', evidence: 'roster line 2' },
          { key: 'twitter:a', region: 'IE', source: 'roster', evidence: 'roster line 1' },
          { key: 'twitter:a', sector: 'law', source: 'edited', evidence: 'set by hand' },
        ]);
        expect((await store.getDataset(dataset.id))!.version).toBe(2);
        await store.setContextOverrides(dataset.id, [{ key: 'twitter:b', sector: 'health', source: 'edited', evidence: 'set by hand' }]);
        expect((await store.getDataset(dataset.id))!.version).toBe(3);
        expect(await store.getContextOverrides(dataset.id)).toEqual([
          { key: 'twitter:a', sector: 'law', source: 'edited', evidence: 'set by hand' },
          { key: 'twitter:a', region: 'IE', source: 'roster', evidence: 'roster line 1' },
          { key: 'twitter:b', sector: 'health', source: 'edited', evidence: 'set by hand' },
          { key: 'twitter:b', region: 'GB', source: 'roster', evidence: 'roster line 2' },
        ]);
      });

      it('refuses an unknown dataset with code not_found, and goes with a deleted dataset', async () => {
        const o = { key: 'twitter:a', sector: 'law', source: 'edited' as const, evidence: 'x' };
        await expect(store.setContextOverrides('nope', [o])).rejects.toMatchObject({ code: 'not_found' });
        const dataset = await store.importFiles({ name: 'ctx', files: [] });
        await store.setContextOverrides(dataset.id, [o]);
        await store.deleteDataset(dataset.id);
        expect(await store.getContextOverrides(dataset.id)).toEqual([]);
        const again = await store.importFiles({ name: 'ctx', files: [] });
        expect(await store.getContextOverrides(again.id)).toEqual([]);
      });
    });

    describe('snapshots', () => {
      const snapshot = (datasetId: string, id: string): StoredSnapshot => ({
        id,
        createdAt: '2024-03-15T09:30:00.123Z',
        datasetId,
        datasetVersion: 1,
        privacy: 'pseudonymous',
        // Odd spacing and key order on purpose: the texts come back exactly as written.
        options: '{ "minWeight":2,"chats":["#a"] }',
        view: '{"mode":"graph" , "colourBy":"community"}',
        payload: `{"z":1,"a":[1.50,"it's \\"quoted\\" 📚"],"nested":{"b":null}}`,
      });

      it('stores a snapshot and reads it back exactly, counted per dataset', async () => {
        const [one, two] = [await store.importFiles({ name: 'one', files: [] }), await store.importFiles({ name: 'two', files: [] })];
        const s = snapshot(one.id, 'snap-1');
        await store.createSnapshot(s);
        await store.createSnapshot(snapshot(one.id, 'snap-2'));
        expect(await store.getSnapshot('snap-1')).toStrictEqual(s);
        expect(await store.getSnapshot('nope')).toBeUndefined();
        expect([await store.countSnapshots(one.id), await store.countSnapshots(two.id)]).toEqual([2, 0]);
      });

      it('refuses a snapshot of an unknown dataset, and a second one with the same id', async () => {
        await expect(store.createSnapshot(snapshot('nope', 'orphan'))).rejects.toThrow();
        const { id } = await store.importFiles({ name: 'd', files: [] });
        await store.createSnapshot(snapshot(id, 'once'));
        await expect(store.createSnapshot({ ...snapshot(id, 'once'), payload: '{}' })).rejects.toThrow();
        expect((await store.getSnapshot('once'))!.payload).toBe(snapshot(id, 'once').payload);
      });

      it('deletes a dataset’s snapshots with it, and only those', async () => {
        const [doomed, kept] = [
          await store.importFiles({ name: 'doomed', files: [] }),
          await store.importFiles({ name: 'kept', files: [] }),
        ];
        await store.createSnapshot(snapshot(doomed.id, 'gone'));
        await store.createSnapshot(snapshot(kept.id, 'stays'));
        await store.deleteDataset(doomed.id);
        expect(await store.getSnapshot('gone')).toBeUndefined();
        expect(await store.countSnapshots(doomed.id)).toBe(0);
        expect(await store.getSnapshot('stays')).toStrictEqual(snapshot(kept.id, 'stays'));
      });
    });

    describe('identities', () => {
      it('keeps alias → canonical links per dataset, replaces a link, bumps the version, goes with the dataset', async () => {
        const { id } = await store.importFiles({ name: 'd', files: [] });
        await store.setIdentities(id, [
          { alias: 'mastodon:ann@glammr.us', canonical: 'twitter:ann' },
          { alias: 'bluesky:ann.bsky.social', canonical: 'twitter:ann' },
        ]);
        await store.setIdentities(id, [{ alias: 'bluesky:ann.bsky.social', canonical: 'twitter:ann_lib' }]);
        expect(await store.getIdentities(id)).toEqual([
          { alias: 'bluesky:ann.bsky.social', canonical: 'twitter:ann_lib' },
          { alias: 'mastodon:ann@glammr.us', canonical: 'twitter:ann' },
        ]);
        expect((await store.getDataset(id))!.version).toBe(3);
        await expect(store.setIdentities('nope', [])).rejects.toMatchObject({ code: 'not_found' });
        await store.deleteDataset(id);
        expect(await store.getIdentities(id)).toEqual([]);
      });
    });

    describe('cached graphs', () => {
      it('keeps a result per version and options, drops older versions, and goes with the dataset', async () => {
        const { id } = await store.importFiles({ name: 'd', files: [] });
        expect(await store.getCachedGraph(id, 1, '{"seed":1}')).toBeUndefined();
        await store.putCachedGraph(id, 1, '{"seed":1}', '{"v":1}');
        await store.putCachedGraph(id, 1, '{"seed":2}', '{"v":1,"s":2}');
        expect(await store.getCachedGraph(id, 1, '{"seed":1}')).toBe('{"v":1}');
        await store.putCachedGraph(id, 2, '{"seed":1}', '{"v":2}');
        expect(await store.getCachedGraph(id, 1, '{"seed":2}')).toBeUndefined();
        expect(await store.getCachedGraph(id, 2, '{"seed":1}')).toBe('{"v":2}');
        await store.deleteDataset(id);
        expect(await store.getCachedGraph(id, 2, '{"seed":1}')).toBeUndefined();
        await store.putCachedGraph(id, 3, '{"seed":1}', '{"v":3}'); // a late write for a deleted dataset is dropped
        expect(await store.getCachedGraph(id, 3, '{"seed":1}')).toBeUndefined();
      });

      /** A store with these result limits, for the test's body; closed after. */
      const withLimits = async (results: Partial<ResultLimits>, body: (limited: Store) => Promise<void>) => {
        const handle = await makeStore({ results });
        try {
          await body(handle.store);
        } finally {
          await handle.cleanup();
        }
      };
      /** Which of the keys (`d:seed`) the store still holds. */
      const held = async (limited: Store, keys: [string, string][]) => {
        const kept: string[] = [];
        for (const [id, key] of keys) if ((await limited.getCachedGraph(id, 1, key)) !== undefined) kept.push(key);
        return kept;
      };

      it('keeps at most maxEntries results over all datasets, the least recently used (put or read) going first', async () => {
        await withLimits({ maxEntries: 3, maxBytes: 1_000_000 }, async (limited) => {
          const a = (await limited.importFiles({ name: 'a', files: [] })).id;
          const b = (await limited.importFiles({ name: 'b', files: [] })).id;
          await limited.putCachedGraph(a, 1, 's1', '{"n":1}');
          await limited.putCachedGraph(a, 1, 's2', '{"n":2}');
          await limited.putCachedGraph(b, 1, 's3', '{"n":3}');
          expect(await limited.getCachedGraph(a, 1, 's1')).toBe('{"n":1}'); // s1 is now the most recently used
          await limited.putCachedGraph(b, 1, 's4', '{"n":4}');
          const all: [string, string][] = [
            [a, 's1'],
            [a, 's2'],
            [b, 's3'],
            [b, 's4'],
          ];
          // Reading back marks them used too, so each check below reads in the order it expects to keep.
          expect(await held(limited, all)).toEqual(['s1', 's3', 's4']);
          await limited.putCachedGraph(a, 1, 's5', '{"n":5}');
          expect(
            await held(limited, [
              [a, 's5'],
              [b, 's4'],
              [b, 's3'],
              [a, 's1'],
            ]),
          ).toEqual(['s5', 's4', 's3']);
        });
      });

      it('keeps at most maxBytes of results (UTF-8), and never keeps one bigger than all the room', async () => {
        await withLimits({ maxEntries: 100, maxBytes: 100 }, async (limited) => {
          const d = (await limited.importFiles({ name: 'd', files: [] })).id;
          const json = (n: number, fill: string) => `{"x":"${fill.repeat(n - 8)}"}`;
          expect(Buffer.byteLength(json(40, 'a'))).toBe(40);
          await limited.putCachedGraph(d, 1, 'a', json(40, 'a'));
          await limited.putCachedGraph(d, 1, 'b', json(40, 'b'));
          await limited.getCachedGraph(d, 1, 'a');
          // 'é' is two bytes in UTF-8: c is 15 characters but 22 bytes, 102 bytes with a and b, so b (least recent) goes.
          await limited.putCachedGraph(d, 1, 'c', `{"x":"${'é'.repeat(7)}"}`);
          expect(
            await held(limited, [
              [d, 'c'],
              [d, 'a'],
              [d, 'b'],
            ]),
          ).toEqual(['c', 'a']);
          await limited.putCachedGraph(d, 1, 'huge', json(101, 'h'));
          expect(
            await held(limited, [
              [d, 'huge'],
              [d, 'c'],
              [d, 'a'],
            ]),
          ).toEqual(['c', 'a']);
        });
      });
    });

    describe('staged imports (beginImport)', () => {
      const report = (name: string, messages: number) => ({
        file: name,
        format: 'csv' as const,
        messages,
        skipped: 0,
        skippedItems: [],
        warnings: [],
      });

      it('stores staged batches at commit only, duplicates once (first staged copy wins), stored counts per file', async () => {
        const staging = store.beginImport({ importId: 'job-1', name: 'Big' });
        const a = [msg({ id: 'x1', author: 'twitter:ann', text: 'first copy' }), msg({ id: 'x2', author: 'twitter:bob' })];
        await staging.stage(0, a);
        await staging.stage(0, [msg({ id: 'x3', author: 'twitter:cy' })]);
        await staging.stage(1, [msg({ id: 'x1', author: 'twitter:ann', text: 'second copy' }), msg({ id: 'x4', author: 'twitter:dee' })]);
        expect(await store.listDatasets()).toEqual([]); // nothing visible before commit
        const dataset = await staging.commit(
          [report('a.jsonl', 3), report('b.jsonl', 2)],
          [person('Ann', { bio: 'law librarian' }), person('Bob')],
        );
        expect(dataset.version).toBe(1);
        expect(dataset.counts).toEqual({ messages: 4, people: 4, chats: 1, sessions: 1 });
        expect(dataset.sources.map((s) => [s.file, s.messages, s.stored])).toEqual([
          ['a.jsonl', 3, 3],
          ['b.jsonl', 2, 1],
        ]);
        const stored = await store.getMessages(dataset.id);
        expect(stored.map((m) => m.id)).toEqual(['x1', 'x2', 'x3', 'x4']);
        expect(stored[0]!.text).toBe('first copy');
        expect((await store.getPeople(dataset.id)).map((p) => [p.key, p.bio ?? null])).toEqual([
          ['twitter:ann', 'law librarian'],
          ['twitter:bob', null],
        ]);
      });

      it('counts a new dataset as importFiles does, whatever the batches and their order', async () => {
        // Out of time order across batches, a duplicate, two chats, gaps of exactly 180 and 181 minutes.
        const messages = [
          msg({ id: 'c1', author: 'twitter:alice', chat: '#uklibchat', time: at(400) }),
          msg({ id: 'c2', author: 'twitter:bob', chat: '#uklibchat', time: at(0) }),
          msg({ id: 'c3', author: 'twitter:carol', chat: '#critlib', time: at(60) }),
          msg({ id: 'c4', author: 'twitter:alice', chat: '#uklibchat', time: at(180) }),
          msg({ id: 'c5', author: 'twitter:dee', chat: '#critlib', time: at(241) }),
          msg({ id: 'c6', author: 'twitter:bob', chat: '#uklibchat', time: at(-5) }),
          // SQLite orders text by UTF-8 bytes: U+FF01 before U+1F600, which JavaScript's sort puts first.
          msg({ id: 'c7', author: 'twitter:bob', chat: '#\u{1F600}chat', time: at(1000) }),
          msg({ id: 'c8', author: 'twitter:bob', chat: '#\uFF01chat', time: at(1000) }),
        ];
        const whole = await store.importFiles({ name: 'whole', files: [file('a.csv', messages)] });
        const staging = store.beginImport({ importId: 'job-counts', name: 'staged' });
        await staging.stage(0, messages.slice(3));
        await staging.stage(0, [...messages.slice(0, 3), messages[0]!]);
        const staged = await staging.commit([report('a.csv', 9)], []);
        // One session: #uklibchat's -5…180; every other sitting is a lone post.
        expect(whole.counts).toEqual({ messages: 8, people: 4, chats: 4, sessions: 1 });
        expect(whole.chats).toEqual(['#critlib', '#uklibchat', '#\uFF01chat', '#\u{1F600}chat']);
        expect(staged.counts).toEqual(whole.counts);
        expect(staged.chats).toEqual(whole.chats);
        expect([staged.from, staged.to]).toEqual([whole.from, whole.to]);
        expect([staged.from, staged.to]).toEqual([at(-5), at(1000)]);
      });

      it('adds to an existing dataset as importFiles does, bumping its version', async () => {
        const first = await store.importFiles({ name: 'March', files: [file('a.csv', [msg({ id: 'k1', author: 'twitter:ann' })])] });
        const staging = store.beginImport({ importId: 'job-2', datasetId: first.id, name: first.name });
        await staging.stage(0, [msg({ id: 'k1', author: 'twitter:ann' }), msg({ id: 'k2', author: 'twitter:bob' })]);
        const after = await staging.commit([report('b.csv', 2)], []);
        expect(after.id).toBe(first.id);
        expect(after.version).toBe(2);
        expect(after.sources.map((s) => s.stored)).toEqual([1, 1]);
        expect(after.counts.messages).toBe(2);
      });

      it('leaves nothing behind when aborted, and keeps imports apart', async () => {
        const dropped = store.beginImport({ importId: 'job-a', name: 'Dropped' });
        const kept = store.beginImport({ importId: 'job-b', name: 'Kept' });
        await dropped.stage(0, [msg({ id: 'd1', author: 'twitter:ann' })]);
        await kept.stage(0, [msg({ id: 'k1', author: 'twitter:bob' })]);
        await dropped.abort();
        const dataset = await kept.commit([report('k.csv', 1)], []);
        expect((await store.getMessages(dataset.id)).map((m) => m.id)).toEqual(['k1']);
        expect((await store.listDatasets()).map((d) => d.name)).toEqual(['Kept']);
      });

      it('fails with not found when the dataset was deleted meanwhile, and stores nothing', async () => {
        const first = await store.importFiles({ name: 'Gone', files: [file('a.csv', [msg({ author: 'twitter:ann' })])] });
        const staging = store.beginImport({ importId: 'job-3', datasetId: first.id, name: first.name });
        await staging.stage(0, [msg({ author: 'twitter:bob' })]);
        await store.deleteDataset(first.id);
        await expect(staging.commit([report('b.csv', 1)], [])).rejects.toMatchObject({ code: 'not_found' });
        await staging.abort();
        expect(await store.listDatasets()).toEqual([]);
      });
    });

    describe('import jobs', () => {
      const job = (id: string, status: ImportJob['status'], updatedAt: string): ImportJob => ({
        id,
        status,
        percent: status === 'done' ? 100 : 40,
        bytesTotal: 1000,
        bytesRead: 400,
        messages: 12,
        name: 'Upload',
        files: [],
        createdAt: '2026-01-01T10:00:00.000Z',
        updatedAt,
      });

      it('writes and reads a job back exactly, replacing it on update', async () => {
        await store.putImportJob(job('j1', 'reading', '2026-01-01T10:00:01.000Z'));
        await store.putImportJob({ ...job('j1', 'reading', '2026-01-01T10:00:02.000Z'), percent: 80, messages: 99 });
        expect(await store.getImportJob('j1')).toEqual({ ...job('j1', 'reading', '2026-01-01T10:00:02.000Z'), percent: 80, messages: 99 });
        expect(await store.getImportJob('nope')).toBeUndefined();
      });

      it('marks unfinished jobs of a stopped process failed, drops their staging, forgets old finished jobs', async () => {
        await store.putImportJob(job('stale', 'reading', '2026-01-01T10:00:00.000Z'));
        await store.putImportJob(job('fresh', 'reading', '2026-01-01T12:00:00.000Z'));
        await store.putImportJob(job('old-done', 'done', '2025-12-01T10:00:00.000Z'));
        await store.beginImport({ importId: 'stale', name: 'Stale' }).stage(0, [msg({ id: 's1', author: 'twitter:ann' })]);
        expect(await store.failInterruptedImports('2026-01-01T11:00:00.000Z', '2025-12-15T00:00:00.000Z')).toBe(1);
        const stale = await store.getImportJob('stale');
        expect([stale?.status, stale?.error?.code, stale?.error?.status]).toEqual(['failed', 'import_interrupted', 503]);
        expect((await store.getImportJob('fresh'))?.status).toBe('reading');
        expect(await store.getImportJob('old-done')).toBeUndefined();
        // The stale job's staged rows are gone: committing under its id stores nothing of them.
        const dataset = await store.beginImport({ importId: 'stale', name: 'Empty' }).commit([], []);
        expect(dataset.counts.messages).toBe(0);
      });
    });
  });
}
