/**
 * A chat's schedule given with the graph query (`schedules`, JSON) or a
 * snapshot's options: the scheduled hours are that chat's sessions, the rest
 * of its messages between sessions; a bad schedule is the caller's 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetSchema, GraphPayloadSchema } from '../../shared/index.js';
import { buildTestApp, createDataset, fixture, type TestApp } from '../support/app.js';

let t: TestApp;
let id = '';
beforeAll(async () => {
  t = await buildTestApp();
  id = await createDataset(t, [{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]);
});
afterAll(async () => t.close());

// uklibchat.csv: #uklibchat on Thursday 14 March 2024 from 20:00Z (London is on GMT then).
const FIRST_FIVE_MINUTES = { chat: '#uklibchat', weekday: 'thursday', start: '20:00', timeZone: 'Europe/London', minutes: 5 };
const graph = (schedules?: unknown) =>
  t.app.inject(`/api/datasets/${id}/graph${schedules === undefined ? '' : `?schedules=${encodeURIComponent(JSON.stringify(schedules))}`}`);

describe('session schedules', () => {
  it('makes the scheduled window the chat’s session, the rest between sessions', async () => {
    const found = GraphPayloadSchema.parse((await graph()).json()).attributes.meta;
    const scheduled = GraphPayloadSchema.parse((await graph([FIRST_FIVE_MINUTES])).json()).attributes.meta;
    const uklibchat = (m: typeof found) => m.sessions.filter((s) => s.chat === '#uklibchat');
    expect(uklibchat(found).map((s) => s.foundBy)).toEqual(['gap']);
    expect(uklibchat(scheduled).map((s) => [s.start, s.foundBy, s.messages])).toEqual([['2024-03-14T20:00:00.000Z', 'schedule', 4]]);
    expect(scheduled.counts.betweenSessions).toBe(uklibchat(found)[0]!.messages - 4);
    expect(scheduled.options.schedules).toEqual([FIRST_FIVE_MINUTES]);
    expect(found.options.schedules).toBeUndefined();
  });

  it('takes the same schedule in a snapshot’s options', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/snapshots',
      payload: { datasetId: id, options: { schedules: [FIRST_FIVE_MINUTES] } },
    });
    expect(res.statusCode).toBe(201);
  });

  it('keeps schedules with the dataset (PUT …/schedules): every graph uses them unless its query gives its own', async () => {
    const put = (body: unknown) => t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/schedules`, payload: body as object });
    const set = await put({ schedules: [FIRST_FIVE_MINUTES] });
    expect(set.statusCode).toBe(200);
    expect(DatasetSchema.parse(set.json()).schedules).toEqual([FIRST_FIVE_MINUTES]);
    const meta = GraphPayloadSchema.parse((await graph()).json()).attributes.meta;
    expect(meta.sessions.filter((s) => s.chat === '#uklibchat').map((s) => [s.foundBy, s.messages])).toEqual([['schedule', 4]]);
    expect((await put({ schedules: [{ ...FIRST_FIVE_MINUTES, timeZone: 'BST' }] })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url: '/api/datasets/nope/schedules', payload: { schedules: [] } })).statusCode).toBe(404);
    const cleared = await put({ schedules: [] });
    expect(DatasetSchema.parse(cleared.json()).schedules).toBeUndefined();
    const found = GraphPayloadSchema.parse((await graph()).json()).attributes.meta;
    expect(found.sessions.filter((s) => s.chat === '#uklibchat').map((s) => s.foundBy)).toEqual(['gap']);
  });

  it('answers a schedule it cannot read with 400 naming the field', async () => {
    for (const bad of [[{ ...FIRST_FIVE_MINUTES, timeZone: 'BST' }], [{ ...FIRST_FIVE_MINUTES, weekday: 'thursdays' }], 'not json']) {
      const res = typeof bad === 'string' ? await t.app.inject(`/api/datasets/${id}/graph?schedules=${bad}`) : await graph(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(ApiErrorSchema.parse(res.json()).error.message).toContain('schedules');
    }
  });
});
