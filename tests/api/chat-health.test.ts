/**
 * The organiser's routes (issue 22) on the demo dataset and a real TAGS
 * archive: the same figures in the list, the session's own view, the series
 * and their CSVs; first-timers read against the whole history whatever the
 * window; opt-outs gone; pseudonymous names; 404 for an unknown session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSeriesSchema, SessionHealthSchema, SessionListSchema, type SessionFigures } from '../../shared/index.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { splitSessions } from '../../server/pipeline/sessions.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let demo = '';
let list: SessionFigures[] = [];
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

/** A long CSV (`section,key,measure,value`) as `section|key|measure` → value. */
function readLong(csv: string): Map<string, string> {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  return new Map(
    lines.map((l) => {
      const cells = [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
      return [cells.slice(0, 3).join('|'), cells[3]!];
    }),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  demo = (await loadDemoIfEmpty(t.app.store))!.id;
  list = SessionListSchema.parse((await get(`/api/datasets/${demo}/sessions`)).json()).sessions;
}, 120_000);
afterAll(async () => t.close());

describe('chat health routes on the demo', () => {
  it('lists every session of every chat with figures that add up', async () => {
    const dataset = (await get(`/api/datasets/${demo}`)).json() as { counts: { messages: number; sessions: number } };
    expect(list.length).toBe(dataset.counts.sessions);
    expect(list.reduce((n, s) => n + s.messages, 0)).toBe(dataset.counts.messages);
    for (const s of list) {
      expect(s.newcomers + s.returning).toBe(s.number === 1 ? 0 : s.participants);
      expect(s.newcomerNames).toHaveLength(s.newcomers);
      expect(s.newcomersWelcomed).toBeLessThanOrEqual(s.newcomers);
    }
    expect(list.some((s) => s.newcomers > 0)).toBe(true);
  });

  it('gives the same figures in the list, the session’s own view, the series and each CSV', async () => {
    const csvList = (await get(`/api/datasets/${demo}/sessions?format=csv`)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csvList[0]).toBe(
      'id,chat,number,start,end,messages,participants,newcomers,returning,questions_asked,questions_answered,newcomers_welcomed,newcomers_came_back,newcomer_names',
    );
    expect(csvList).toHaveLength(list.length + 1);
    const series = HealthSeriesSchema.parse((await get(`/api/datasets/${demo}/health`)).json());
    const seriesCsv = readLong((await get(`/api/datasets/${demo}/health`, { accept: 'text/csv' })).body);
    for (const s of list.filter((_, i) => i % 9 === 0)) {
      const url = `/api/datasets/${demo}/sessions/${encodeURIComponent(s.id)}`;
      const one = SessionHealthSchema.parse((await get(url)).json());
      expect({
        ...one,
        questions: undefined,
        unanswered: undefined,
        firstTimers: undefined,
        sectors: undefined,
        regions: undefined,
        localTimes: undefined,
      }).toEqual({
        ...s,
        questions: undefined,
        unanswered: undefined,
        firstTimers: undefined,
        sectors: undefined,
        regions: undefined,
        localTimes: undefined,
      });
      expect(one.firstTimers.filter((f) => f.welcomed)).toHaveLength(s.newcomersWelcomed);
      expect(one.questions.filter((q) => q.answerers > 0)).toHaveLength(s.questionsAnswered);
      const csv = readLong((await get(`${url}?format=csv`)).body);
      expect(Number(csv.get(`session|${s.id}|participants`))).toBe(s.participants);
      expect(Number(csv.get(`session|${s.id}|newcomers_welcomed`))).toBe(s.newcomersWelcomed);
      for (const q of one.questions) expect(Number(csv.get(`question|Q${q.number}|answerers`))).toBe(q.answerers);
      // First-timers by key (two may share a display name), each with their name.
      for (const f of one.firstTimers) {
        expect(csv.get(`first-timer|${f.person.key}|name`)).toBe(f.person.name);
        expect(csv.get(`first-timer|${f.person.key}|welcomed`)).toBe(f.welcomed ? 'yes' : 'no');
      }
      const point = series.series.find((p) => p.session === s.id)!;
      expect([point.participants, point.newcomers, point.returning]).toEqual([s.participants, s.newcomers, s.returning]);
      expect(Number(seriesCsv.get(`series|${s.id}|newcomers`))).toBe(s.newcomers);
    }
    expect(Number(seriesCsv.get(`returns|welcomed|first_timers`))).toBe(series.returns.welcomed.firstTimers);
  });

  it('reads a session’s first-timers against the whole history, whatever the window', async () => {
    const s = list.find((x) => x.newcomers > 0 && x.number > 2)!;
    const windowed = SessionListSchema.parse(
      (await get(`/api/datasets/${demo}/sessions?chats=${encodeURIComponent(s.chat)}&from=${s.start}&to=${s.end}`)).json(),
    ).sessions;
    expect(windowed).toEqual([s]);
  });

  it('answers 404 in JSON for a session it does not know, 404 for an unknown dataset', async () => {
    const res = await get(`/api/datasets/${demo}/sessions/${encodeURIComponent('#nochat@2020-01-01T00:00:00.000Z')}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await get('/api/datasets/nope/health')).statusCode).toBe(404);
    expect((await get(`/api/datasets/${demo}/sessions?format=xml`)).statusCode).toBe(400);
  });

  it('names nobody in pseudonymous mode, with the same figures', async () => {
    const s = list.find((x) => x.newcomers > 1)!;
    const url = `/api/datasets/${demo}/sessions/${encodeURIComponent(s.id)}`;
    const named = SessionHealthSchema.parse((await get(url)).json());
    const pseudo = SessionHealthSchema.parse((await get(`${url}?privacy=pseudonymous`)).json());
    expect(pseudo.newcomerNames.every((n) => /^Participant \d+$/.test(n))).toBe(true);
    const body = JSON.stringify(pseudo);
    for (const f of named.firstTimers) expect(body).not.toContain(f.person.key);
    expect({ ...pseudo, firstTimers: 0, questions: 0, newcomerNames: 0 }).toEqual({
      ...named,
      firstTimers: 0,
      questions: 0,
      newcomerNames: 0,
    });
  });

  it('leaves out someone who opted out, everywhere', async () => {
    const s = list.find((x) => x.newcomers > 0)!;
    const one = SessionHealthSchema.parse((await get(`/api/datasets/${demo}/sessions/${encodeURIComponent(s.id)}`)).json());
    const gone = one.firstTimers[0]!.person;
    expect((await t.app.inject({ method: 'PUT', url: `/api/datasets/${demo}/opt-outs/${encodeURIComponent(gone.key)}` })).statusCode).toBe(
      200,
    );
    try {
      const after = SessionListSchema.parse((await get(`/api/datasets/${demo}/sessions`)).json()).sessions.find((x) => x.id === s.id)!;
      expect(after.newcomers).toBe(s.newcomers - 1);
      expect(after.newcomerNames).not.toContain(gone.name);
      const all = (await get(`/api/datasets/${demo}/sessions/${encodeURIComponent(s.id)}?format=csv`)).body;
      expect(all).not.toContain(gone.name);
    } finally {
      await t.app.inject({ method: 'DELETE', url: `/api/datasets/${demo}/opt-outs/${encodeURIComponent(gone.key)}` });
    }
  });
});

describe('chat health on a real archive (TAGS, #siteconf)', () => {
  it('counts participants and first-timers as the archive’s own messages give them', async () => {
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/real/tags-csv/siteconf.csv'));
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'siteconf.csv', content: csv }], { name: 'siteconf' }),
    });
    expect(upload.statusCode).toBe(201);
    const id = (upload.json() as { id: string }).id;
    const sessions = SessionListSchema.parse((await get(`/api/datasets/${id}/sessions`)).json()).sessions;
    // Worked out here from the stored messages: each chat's sessions in order, authors seen before.
    const messages = await t.app.store.getMessages(id);
    const expected = splitSessions(messages);
    expect(sessions.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    const seen = new Map<string, Set<string>>();
    let newcomers = 0;
    for (const [i, e] of expected.entries()) {
      const authors = new Set(e.members.map((m) => messages[m]!.author));
      const before = seen.get(e.chat);
      const fresh = before ? [...authors].filter((a) => !before.has(a)).length : 0;
      newcomers += fresh;
      expect([sessions[i]!.participants, sessions[i]!.messages, sessions[i]!.newcomers]).toEqual([authors.size, e.members.length, fresh]);
      seen.set(e.chat, new Set([...(before ?? []), ...authors]));
    }
    expect(sessions.length).toBeGreaterThan(3);
    expect(newcomers).toBeGreaterThan(20);
  });
});
