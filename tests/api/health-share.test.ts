/**
 * A session's report shared as a snapshot (issue 22, item 5): the figures
 * as the health API gives them when shared, frozen beside the session's own
 * graph, read-only at the snapshot's link; pseudonymous when asked; the
 * ledger it keeps for opt-outs never served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionHealthSchema, SessionListSchema, SnapshotCreatedSchema, SnapshotSchema, type SessionFigures } from '../../shared/index.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { buildTestApp, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let demo = '';
let session: SessionFigures;
const share = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/snapshots', payload: body });
const liveSession = async (id: string, query = '') =>
  SessionHealthSchema.parse((await t.app.inject(`/api/datasets/${demo}/sessions/${encodeURIComponent(id)}${query}`)).json());
const snapshot = async (id: string) => {
  const res = await t.app.inject(`/api/snapshots/${id}`);
  return { body: res.body, snap: SnapshotSchema.parse(res.json()) };
};

beforeAll(async () => {
  t = await buildTestApp();
  demo = (await loadDemoIfEmpty(t.app.store))!.id;
  const list = SessionListSchema.parse((await t.app.inject(`/api/datasets/${demo}/sessions`)).json()).sessions;
  // A session with first-timers and questions, not its chat's first.
  session = list.find((s) => s.newcomers > 1 && s.questionsAsked > 2 && s.number > 2)!;
}, 120_000);
afterAll(async () => t.close());

describe('a shared session report', () => {
  it('is the health API’s report of the session, with the session’s own graph, opening in the health view', async () => {
    const live = await liveSession(session.id);
    const res = await share({ datasetId: demo, report: { session: session.id } });
    expect(res.statusCode).toBe(201);
    const created = SnapshotCreatedSchema.parse(res.json());
    expect(created.url).toBe(`/s/${created.id}`);
    const { snap, body } = await snapshot(created.id);
    expect(snap.report).toEqual(live);
    expect(snap.view.mode).toBe('health');
    expect(snap.options).toEqual({ chats: [session.chat], from: session.start, to: session.end });
    // The graph is the session's: its people are the report's participants.
    expect(snap.payload.nodes.length).toBe(live.participants);
    expect(snap.payload.attributes.meta.sessions.map((s) => s.id)).toEqual([session.id]);
    // Who took part is kept to count again after an opt-out, never served.
    expect(body).not.toMatch(/"ledger"|"people":\[\{"key"/);
  });

  it('stays as shared when the chat changes: a newcomer added to the session later is not in it', async () => {
    const before = await liveSession(session.id);
    const created = SnapshotCreatedSchema.parse((await share({ datasetId: demo, report: { session: session.id } })).json());
    const late = new Date(Date.parse(session.start) + 60_000).toISOString();
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/datasets/${demo}/files`,
      ...multipart([{ filename: 'late.csv', content: `id,author,text,time,chat\n1,late_newbie,hello all,${late},${session.chat}\n` }]),
    });
    expect(added.statusCode).toBe(201);
    const after = await liveSession(session.id);
    expect([after.participants, after.newcomers]).toEqual([before.participants + 1, before.newcomers + 1]);
    expect((await snapshot(created.id)).snap.report).toEqual(before);
  });

  it('names nobody when pseudonymous: the figures of the pseudonymous health API', async () => {
    const live = await liveSession(session.id, '?privacy=pseudonymous');
    const created = SnapshotCreatedSchema.parse(
      (await share({ datasetId: demo, privacy: 'pseudonymous', report: { session: session.id } })).json(),
    );
    const { snap, body } = await snapshot(created.id);
    expect(snap.report).toEqual(live);
    expect(snap.datasetId).toBeUndefined();
    expect(snap.report!.firstTimers.every((f) => /^Participant \d+$/.test(f.person.name))).toBe(true);
    const named = await liveSession(session.id);
    for (const f of named.firstTimers) expect(body).not.toContain(f.person.key);
    for (const q of named.questions) for (const p of q.answeredBy) expect(body).not.toContain(`"${p.key}"`);
  });

  it('answers 404 for a session the dataset does not have, 400 for a malformed one', async () => {
    const missing = await share({ datasetId: demo, report: { session: `${session.chat}@2001-01-01T00:00:00.000Z` } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('2001-01-01');
    expect((await share({ datasetId: demo, report: { session: 'no-at-sign' } })).statusCode).toBe(404);
    expect((await share({ datasetId: demo, report: { session: '' } })).statusCode).toBe(400);
  });
});
