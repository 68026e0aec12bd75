/**
 * Deeply nested JSON bodies (plugins/json-body.ts) are refused before they
 * are parsed: a 9.9 MB `[[[…]]]` on POST /api/snapshots blocked the event
 * loop for 4 s before its 400, and the same nesting inside `options` was a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, SnapshotCreatedSchema } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
let datasetId = '';
beforeAll(async () => {
  t = await buildTestApp();
  datasetId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
    })
  ).json().id;
});
afterAll(async () => t.close());

const post = (url: string, payload: string, method: 'POST' | 'PUT' = 'POST') =>
  t.app.inject({ method, url, payload, headers: { 'content-type': 'application/json' } });
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function expectTooDeep(res: { statusCode: number; json(): unknown }) {
  expect(res.statusCode).toBe(400);
  const { error } = ApiErrorSchema.parse(res.json());
  expect(error.code).toBe('too_deep');
  expect(error.message).toContain('more than 32 levels deep');
}

describe('deeply nested JSON bodies', () => {
  it('refuses 9.9 MB of nested brackets before parsing them (too_deep: the scan answered, not JSON.parse), and a snapshot body that size for its size', async () => {
    const depth = 4_950_000;
    // Parsing alone took 2 s of blocked event loop (4 s with validation); the depth scan answers first.
    expectTooDeep(await post(`/api/datasets/${datasetId}/identities`, nested(depth), 'PUT'));
    const snapshot = await post('/api/snapshots', nested(depth));
    expect([snapshot.statusCode, snapshot.json().error.code]).toEqual([413, 'too_large']);
  });

  it('refuses the nesting inside a valid-looking snapshot (it was a 500), and in any JSON body', async () => {
    const inOptions = `{"datasetId":"${datasetId}","options":{"chats":${nested(100_000)}}}`;
    expectTooDeep(await post('/api/snapshots', inOptions));
    expectTooDeep(await post(`/api/datasets/${datasetId}/identities`, `{"links":${nested(33)}}`, 'PUT'));
    expectTooDeep(await post('/api/snapshots', '{"a":'.repeat(40) + '1' + '}'.repeat(40)));
  });

  it('counts only real nesting, and still refuses __proto__ keys and malformed JSON as before', async () => {
    // Brackets and an escaped quote inside strings are text: a real snapshot with them is stored.
    const view = { colourBy: 'community', hidden: ['['.repeat(60) + '"\\]'], camera: { x: 0.5, y: 0.5, ratio: 1 } };
    const created = await post('/api/snapshots', JSON.stringify({ datasetId, options: { chats: ['{{{'] }, view }));
    expect(created.statusCode).toBe(201);
    expect(SnapshotCreatedSchema.parse(created.json()).id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // 32 levels in all pass the scan (the unknown id is then a 404); 33 do not.
    const around = (depth: number) => `{"datasetId":"${'['.repeat(40)}","x":${nested(depth)}}`;
    expect((await post('/api/snapshots', around(31))).statusCode).toBe(404);
    expectTooDeep(await post('/api/snapshots', around(32)));

    const poisoned = await post('/api/snapshots', `{"datasetId":"${datasetId}","__proto__":{"polluted":true}}`);
    expect(poisoned.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const malformed = await post('/api/snapshots', '{"datasetId":');
    expect(malformed.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(malformed.json()).error.code).toBe('invalid_request');
  });
});
