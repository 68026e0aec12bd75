/**
 * The Chat health report follows the chats' schedules kept with the dataset,
 * as the graph does: once `PUT …/schedules` gives #uklibchat its first five
 * minutes, `GET …/sessions` lists that window as the chat's session (with the
 * graph's message count); cleared, the session found before comes back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GraphPayloadSchema, SessionListSchema } from '../../shared/index.js';
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
const put = (schedules: unknown[]) => t.app.inject({ method: 'PUT', url: `/api/datasets/${id}/schedules`, payload: { schedules } });
const healthSessions = async () =>
  SessionListSchema.parse((await t.app.inject(`/api/datasets/${id}/sessions?chats=%23uklibchat`)).json()).sessions.map((s) => [
    s.start,
    s.messages,
  ]);
const graphSessions = async () =>
  GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json())
    .attributes.meta.sessions.filter((s) => s.chat === '#uklibchat')
    .map((s) => [s.start, s.messages]);

it('lists a scheduled chat’s sessions as the graph does, and the found ones again once the schedule is cleared', async () => {
  const found = await healthSessions();
  expect(found).toEqual(await graphSessions());
  expect((await put([FIRST_FIVE_MINUTES])).statusCode).toBe(200);
  expect(await healthSessions()).toEqual([['2024-03-14T20:00:00.000Z', 4]]);
  expect(await graphSessions()).toEqual([['2024-03-14T20:00:00.000Z', 4]]);
  expect((await put([])).statusCode).toBe(200);
  expect(await healthSessions()).toEqual(found);
});

it('takes the schedules a query gives, as the graph does, over none kept with the dataset', async () => {
  const query = `schedules=${encodeURIComponent(JSON.stringify([FIRST_FIVE_MINUTES]))}`;
  const sessions = SessionListSchema.parse(
    (await t.app.inject(`/api/datasets/${id}/sessions?chats=%23uklibchat&${query}`)).json(),
  ).sessions;
  expect(sessions.map((s) => [s.start, s.end, s.messages])).toEqual([['2024-03-14T20:00:00.000Z', '2024-03-14T20:05:00.000Z', 4]]); // the scheduled five minutes
  const graph = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph?${query}`)).json());
  expect(graph.attributes.meta.sessions.filter((s) => s.chat === '#uklibchat').map((s) => [s.start, s.messages])).toEqual([
    ['2024-03-14T20:00:00.000Z', 4],
  ]);
  // Without it, the sessions found again (nothing is kept with the dataset now).
  expect(await healthSessions()).not.toEqual([['2024-03-14T20:00:00.000Z', 4]]);
  const bad = await t.app.inject(`/api/datasets/${id}/sessions?schedules=${encodeURIComponent('[{"chat":"#uklibchat"}]')}`);
  expect(bad.statusCode).toBe(400);
});
