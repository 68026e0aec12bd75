/**
 * Chat health's selection (issue 22, item 3): a window (`from`…`to`) is a
 * choice of sessions from the whole-history facts, read once per dataset
 * version and selection; `sectors` and `regions` count only their people,
 * while first-timers and welcomes stay those of the whole chat.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphPayloadSchema,
  HealthSeriesSchema,
  SessionHealthSchema,
  SessionListSchema,
  type SessionFigures,
  type SessionHealth,
} from '../../shared/index.js';
import { analysisCode } from '../../server/graphs/analysis-code.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { buildTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let demo = '';
let list: SessionFigures[] = [];
const get = async <T>(url: string, parse: (x: unknown) => T): Promise<T> => {
  const res = await t.app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return parse(res.json());
};
const sessionsOf = (q: string) => get(`/api/datasets/${demo}/sessions?${q}`, (x) => SessionListSchema.parse(x).sessions);
const seriesOf = (q: string) => get(`/api/datasets/${demo}/health?${q}`, (x) => HealthSeriesSchema.parse(x));
const sessionOf = (id: string, q = '') =>
  get(`/api/datasets/${demo}/sessions/${encodeURIComponent(id)}?${q}`, (x) => SessionHealthSchema.parse(x));
const overlaps = (s: SessionFigures, from: string, to: string) => s.end >= from && s.start <= to;

/** The store's results for the demo, by kind (`health-facts …`, `health {…}`). */
function resultKeys(): string[] {
  const db = new Database(path.join(t.dataDir, 'chat-atlas.sqlite'), { readonly: true });
  try {
    return db.prepare<[string], string>('SELECT options_key FROM graph_results WHERE dataset_id = ?').pluck().all(demo);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  demo = (await loadDemoIfEmpty(t.app.store))!.id;
  list = await sessionsOf('');
}, 120_000);
afterAll(async () => t.close());

describe('chat health windows', () => {
  it('derives each window from one read of the whole history, with the same figures as the whole', async () => {
    const whole = await seriesOf('');
    const windows = [
      [list[3]!.start, list[10]!.end],
      [list[0]!.start, list[0]!.end],
      [list.at(-5)!.start, list.at(-1)!.end],
    ] as const;
    for (const [from, to] of windows) {
      const q = `from=${from}&to=${to}`;
      const shown = list.filter((s) => overlaps(s, from, to));
      expect(shown.length).toBeGreaterThan(0);
      expect(await sessionsOf(q)).toEqual(shown);
      const series = await seriesOf(q);
      expect(series.series).toEqual(whole.series.filter((p) => shown.some((s) => s.id === p.session)));
      // Returns, tallied by hand from the sessions' own first-timers.
      const firstTimers = (await Promise.all(shown.map((s) => sessionOf(s.id)))).flatMap((s) => s.firstTimers);
      const known = firstTimers.filter((f) => f.sessionsAfter > 0);
      const tally = (welcomed: boolean) => ({
        firstTimers: known.filter((f) => f.welcomed === welcomed).length,
        cameBack: known.filter((f) => f.welcomed === welcomed && f.cameBack).length,
      });
      expect(series.returns).toEqual({ welcomed: tally(true), notWelcomed: tally(false) });
    }
    // One set of facts for the selection (no chats, no filter), one report per window asked for.
    const keys = resultKeys();
    expect(keys.filter((k) => k.startsWith('health-facts '))).toEqual([
      `health-facts {"chats":[],"sectors":[],"regions":[],"sessionGapMinutes":180,"returnWindow":3} code=${analysisCode()}`,
    ]);
    expect(keys.filter((k) => k.startsWith('health {'))).toHaveLength(1 + windows.length);
  });

  it('serves a new window from the kept facts, without splitting the messages again', async () => {
    // The kept facts say the first session had 999 people: a new window that shows it must say so too.
    const db = new Database(path.join(t.dataDir, 'chat-atlas.sqlite'));
    const key = resultKeys().find((k) => k.startsWith('health-facts '))!;
    const row = db.prepare<[string, string], string>('SELECT json FROM graph_results WHERE dataset_id = ? AND options_key = ?').pluck();
    const kept = row.get(demo, key)!;
    const facts = JSON.parse(kept) as { sessions: { health: SessionHealth }[] };
    facts.sessions[0]!.health.participants = 999;
    const write = db.prepare('UPDATE graph_results SET json = ? WHERE dataset_id = ? AND options_key = ?');
    write.run(JSON.stringify(facts), demo, key);
    try {
      const first = list[0]!;
      const [shown] = await sessionsOf(`from=${first.start}&to=${first.start}`);
      expect([shown!.id, shown!.participants]).toEqual([first.id, 999]);
    } finally {
      write.run(kept, demo, key);
      db.close();
    }
  });
});

describe('chat health filters, as the graph’s', () => {
  const sectorOf = new Map<string, string>();
  const regionOf = new Map<string, string>();
  beforeAll(async () => {
    const graph = await get(`/api/datasets/${demo}/graph`, (x) => GraphPayloadSchema.parse(x));
    for (const n of graph.nodes) {
      sectorOf.set(n.key, n.attributes.sector);
      regionOf.set(n.key, n.attributes.region);
    }
  });

  it.each([
    ['sectors', sectorOf],
    ['regions', regionOf],
  ] as const)('`%s` counts only their people; first-timers and welcomes stay those of the whole chat', async (filter, groupOf) => {
    const whole = await seriesOf('');
    // The group with most people over the sessions, and the sessions' own count of it.
    const totals = new Map<string, number>();
    for (const p of whole.series) for (const g of p[filter]) totals.set(g.value, (totals.get(g.value) ?? 0) + g.people);
    const [group] = [...totals].filter(([g]) => g !== 'unknown').sort((a, b) => b[1] - a[1])[0]!;
    const peopleIn = (p: (typeof whole.series)[number]) => p[filter].find((g) => g.value === group)?.people ?? 0;

    const filtered = await sessionsOf(`${filter}=${group}`);
    const expected = whole.series.filter((p) => peopleIn(p) > 0);
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(whole.series.length);
    expect(filtered.map((s) => [s.id, s.participants])).toEqual(expected.map((p) => [p.session, peopleIn(p)]));

    // A session's first-timers: the whole chat's, those of the group only, welcomed and back as they were.
    const checked = filtered.filter((s) => s.newcomers > 0).slice(0, 4);
    expect(checked.length).toBeGreaterThan(0);
    for (const s of checked) {
      const [all, mine] = await Promise.all([sessionOf(s.id), sessionOf(s.id, `${filter}=${group}`)]);
      expect(mine.firstTimers).toEqual(all.firstTimers.filter((f) => groupOf.get(f.person.key) === group));
      expect(mine[filter]).toEqual([{ value: group, people: s.participants }]);
      for (const q of mine.questions) {
        const everyone = all.questions.find((x) => x.number === q.number)!;
        expect(q.answeredBy).toEqual(everyone.answeredBy.filter((p) => groupOf.get(p.key) === group));
        expect(q.askedAt).toBe(everyone.askedAt);
      }
    }
    const series = await seriesOf(`${filter}=${group}`);
    const matrix = series.mixing[filter === 'sectors' ? 'sector' : 'region'];
    expect(matrix.groups).toEqual([group]);
    expect(matrix.observed[0]![0]).toBe(matrix.ties);
    expect(matrix.ties).toBeGreaterThan(0);
  });

  it('refuses a filter the graph refuses, in JSON', async () => {
    const res = await t.app.inject(`/api/datasets/${demo}/sessions?from=yesterday`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/from/);
  });
});
