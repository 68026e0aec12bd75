/**
 * A graph query out of bounds is the caller's 400, never a 500: the query
 * schema takes its bounds from BuildOptionsSchema (one set of bounds), on
 * the graph route and in a snapshot's options alike. Property tests check
 * the two schemas agree on every number, and that no query value makes
 * either route answer 5xx. Replay a failure with FUZZ_SEED=<seed> (printed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, BuildOptionsSchema, GraphPayloadSchema, GraphQuerySchema, SnapshotCreatedSchema } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;

let t: TestApp;
let id = '';
beforeAll(async () => {
  t = await buildTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: 10_000 });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
  });
  id = res.json().id;
});
afterAll(async () => t.close());

const graph = (query: string) => t.app.inject(`/api/datasets/${id}/graph?${query}`);
const snapshot = (options: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/snapshots', payload: { datasetId: id, options } });

function expectBadRequest(res: { statusCode: number; json(): unknown }, field: string) {
  expect(res.statusCode).toBe(400);
  const { error } = ApiErrorSchema.parse(res.json());
  expect(error.code).toBe('invalid_request');
  expect(error.message).toContain(field);
}

describe('graph query bounds', () => {
  it('answers a session gap beyond 30 days with 400, in a URL and in a snapshot', async () => {
    expectBadRequest(await graph('sessionGapMinutes=1e12'), 'sessionGapMinutes');
    expectBadRequest(await snapshot({ sessionGapMinutes: 1e12 }), 'sessionGapMinutes');
    const month = await graph(`sessionGapMinutes=${60 * 24 * 30}`);
    expect(month.statusCode).toBe(200);
    expect(GraphPayloadSchema.parse(month.json()).attributes.meta.options.sessionGapMinutes).toBe(60 * 24 * 30);
  });

  it('takes seeds the RNG can tell apart (0 to 2³²−1) and no others', async () => {
    for (const bad of ['-1', '4294967296', '1e300', '1.5']) expectBadRequest(await graph(`seed=${bad}`), 'seed');
    expectBadRequest(await snapshot({ seed: -1 }), 'seed');
    const top = await graph('seed=4294967295');
    expect(top.statusCode).toBe(200);
    expect(GraphPayloadSchema.parse(top.json()).attributes.meta.options.seed).toBe(4294967295);
    expect(SnapshotCreatedSchema.parse((await snapshot({ seed: 0 })).json()).id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('has the bounds of BuildOptionsSchema on every number it takes', () => {
    const numbers = ['seed', 'resolution', 'sessionGapMinutes', 'minWeight'] as const;
    const valueArb = fc.oneof(
      fc.double(),
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      fc.constantFrom(0, -0, 1e12, 1e300, 2 ** 32, 2 ** 32 - 1, 43_200, 43_201, 10, 10.000001, 5e-324),
    );
    fc.assert(
      fc.property(fc.constantFrom(...numbers), valueArb, (field, value) => {
        const options = BuildOptionsSchema.shape[field].safeParse(value).success;
        expect(GraphQuerySchema.safeParse({ [field]: String(value) }).success, `${field}=${value} in a URL`).toBe(options);
        expect(GraphQuerySchema.safeParse({ [field]: value }).success, `${field}: ${value} in JSON`).toBe(options);
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('never answers 5xx, whatever the query values', async () => {
    const text = fc.oneof(
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom(
        '',
        '1e12',
        '-1e12',
        '1e-320',
        'NaN',
        'Infinity',
        '-0',
        '0x10',
        '1_000',
        ' 5 ',
        'null',
        '[]',
        '%00',
        '2024-03-14',
        '1970-01-01T00:00:00Z',
        '9999-12-31',
        '+275760-09-13T00:00:00.000Z',
      ),
      fc.string({ maxLength: 12 }),
    );
    const fields = ['seed', 'resolution', 'sessionGapMinutes', 'minWeight', 'kinds', 'chats', 'from', 'to', 'sectors', 'regions'];
    const queryArb = fc.dictionary(fc.constantFrom(...fields), text, { maxKeys: 4 });
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        tried++;
        const res = await graph(new URLSearchParams(query).toString());
        expect(res.statusCode, JSON.stringify(query)).toBeLessThan(500);
        if (res.statusCode !== 200) expect(ApiErrorSchema.parse(res.json()).error.code).toBe('invalid_request');
        const numeric = Object.fromEntries(
          Object.entries(query).map(([k, v]) => [
            k,
            ['seed', 'resolution', 'sessionGapMinutes', 'minWeight'].includes(k) && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v,
          ]),
        );
        const created = await snapshot(numeric);
        expect(created.statusCode, JSON.stringify(numeric)).toBeLessThan(500);
      }),
      { seed, numRuns: 150 },
    );
    console.log(`fuzz graph query: ${tried} queries (seed ${seed})`);
  }, 120_000);
});
