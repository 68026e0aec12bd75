/**
 * A peers answer is read in an analysis process when the store is a file (as
 * `npm start` and these tests run it): the process reads the view (graph,
 * messages, key phrases, sector evidence), keeps it, and ranks; for an
 * in-memory store all of it runs in the server's own process. The two answer
 * every peers request with the same bytes. Checked on the demo and on a real
 * twarc search export (tests/fixtures/real/twarc-csv/bang_search.csv, 330
 * people, bios read for context) with someone opted out and two accounts
 * linked as one person, against an app over an in-memory store fed the same
 * files; and a view kept in a process never answers for someone who opted
 * out after it was read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { GraphPayloadSchema, PeersSchema, resolveBuildOptions, type GraphPayload } from '../../shared/index.js';
import { buildApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { newImportJob, runImportJob } from '../../server/imports/run-import.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { buildTestApp, type TestApp } from '../support/app.js';

const BANG = path.join(import.meta.dirname, '..', 'fixtures', 'real', 'twarc-csv', 'bang_search.csv');

/** The same files into a store, as an upload reads them. */
async function importBang(store: Store): Promise<string> {
  const files = [{ path: BANG, fileName: path.basename(BANG), size: fs.statSync(BANG).size }];
  const request = { name: 'bang_search', files };
  const dataset = await runImportJob(store, { job: newImportJob(request), ...request });
  return dataset.id;
}

interface Side {
  app: FastifyInstance;
  demo: string;
  bang: string;
}

let pooled: TestApp;
let inMemory: FastifyInstance;
const sides: Record<'pooled' | 'inMemory', Side> = {} as never;
let demoGraph: GraphPayload;
let bangGraph: GraphPayload;
/** Two accounts of the twarc export linked as one person, and someone opted out. */
let link = { alias: '', canonical: '' };
let optedOut = '';

async function prepare(app: FastifyInstance): Promise<Side> {
  const demo = (await loadDemoIfEmpty(app.store))!.id;
  return { app, demo, bang: await importBang(app.store) };
}

beforeAll(async () => {
  pooled = await buildTestApp();
  const store = openSqliteStore({ dataDir: ':memory:' });
  inMemory = await buildApp({
    config: readConfig({}, { DATA_DIR: pooled.dataDir, LOG_LEVEL: 'silent', LOAD_DEMO: false }),
    store,
    clientDir: path.join(pooled.dataDir, 'no-client'),
  });
  sides.pooled = await prepare(pooled.app);
  sides.inMemory = await prepare(inMemory);
  bangGraph = GraphPayloadSchema.parse((await pooled.app.inject(`/api/datasets/${sides.pooled.bang}/graph`)).json());
  // By messages: the sixth and seventh are linked as one person, the eleventh opts out, on both sides.
  const ranked = [...bangGraph.nodes].sort((a, b) => b.attributes.messages - a.attributes.messages || (a.key < b.key ? -1 : 1));
  link = { alias: ranked[6]!.key, canonical: ranked[5]!.key };
  optedOut = ranked[10]!.key;
  for (const side of Object.values(sides)) {
    await side.app.store.setIdentities(side.bang, [link]);
    await side.app.store.setPersonFlag(side.bang, optedOut, 'opt-out', true);
  }
  bangGraph = GraphPayloadSchema.parse((await pooled.app.inject(`/api/datasets/${sides.pooled.bang}/graph`)).json());
  demoGraph = GraphPayloadSchema.parse((await pooled.app.inject(`/api/datasets/${sides.pooled.demo}/graph`)).json());
}, 120_000);
afterAll(async () => {
  await inMemory?.close();
  await pooled?.close();
});

/** The same request to both apps: both 200, the same bytes. */
async function sameAnswer(dataset: 'demo' | 'bang', url: string): Promise<string> {
  const [a, b] = await Promise.all(
    [sides.pooled, sides.inMemory].map((s) => s.app.inject(url.replace(':id', dataset === 'demo' ? s.demo : s.bang))),
  );
  expect(a!.statusCode, a!.body).toBe(200);
  expect(b!.statusCode, b!.body).toBe(200);
  expect(a!.body).toBe(b!.body);
  return a!.body;
}

/** Everyone whose sector or region is known (with `known`) and every `nth` person by key, and the three largest communities. */
function askAbout(graph: GraphPayload, nth: number, known: boolean): { people: string[]; communities: number[] } {
  const isKnown = (a: GraphPayload['nodes'][number]['attributes']) => known && (a.sector !== 'unknown' || a.region !== 'unknown');
  const nodes = [...graph.nodes].sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    people: nodes.filter((n, i) => isKnown(n.attributes) || i % nth === 0).map((n) => n.key),
    communities: [...graph.attributes.meta.communities]
      .sort((a, b) => b.size - a.size || a.id - b.id)
      .slice(0, 3)
      .map((c) => c.id),
  };
}

describe('peers answered in an analysis process', () => {
  it('are answered in the pool for a file store, and in-process for an in-memory one', async () => {
    const dataset = (await pooled.app.store.getDataset(sides.pooled.demo))!;
    const people = { optedOut: [], links: [] };
    const ask = { person: 'twitter:preyes', limit: 10 };
    await pooled.app.inject(`/api/datasets/${sides.pooled.demo}/graph`);
    const reply = await pooled.app.graphs.peersInWorker(dataset, resolveBuildOptions({}), people, ask)!;
    expect('answer' in reply.outcome && reply.outcome.answer.peers.length).toBe(10);
    expect(inMemory.graphs.peersInWorker(dataset, resolveBuildOptions({}), people, ask)).toBeUndefined();
  });

  it('answers every eighth demo person and its three largest communities with the same bytes either way', async () => {
    const { people, communities } = askAbout(demoGraph, 8, false);
    expect(people.length).toBeGreaterThan(25);
    for (const key of people) await sameAnswer('demo', `/api/datasets/:id/people/${encodeURIComponent(key)}/peers`);
    for (const c of communities) await sameAnswer('demo', `/api/datasets/:id/communities/${c}/peers?limit=20`);
    const priya = JSON.parse(await sameAnswer('demo', '/api/datasets/:id/people/twitter%3Apreyes/peers'));
    expect(priya.peers.length).toBe(10);
  }, 300_000);

  it('answers the real twarc export the same either way, with someone opted out and two accounts as one', async () => {
    const { people, communities } = askAbout(bangGraph, 4, true);
    expect(people).not.toContain(optedOut);
    let withReasons = 0;
    for (const key of people) {
      const body = JSON.parse(await sameAnswer('bang', `/api/datasets/:id/people/${encodeURIComponent(key)}/peers?limit=20`));
      if (body.peers.some((p: { reasons: string[] }) => p.reasons.some((r) => r.startsWith('you both wrote about')))) withReasons++;
      expect(body.peers.map((p: { key: string }) => p.key)).not.toContain(optedOut);
    }
    expect(withReasons).toBeGreaterThan(0);
    for (const c of communities) await sameAnswer('bang', `/api/datasets/:id/communities/${c}/peers`);
  }, 300_000);

  it('reads a new view once, in one process, for requests that arrive together', async () => {
    const inWorker = vi.spyOn(pooled.app.graphs, 'peersInWorker');
    try {
      // seed 7: a view no test asked for yet (the seed is part of the view's options).
      const people = ['twitter:preyes', 'twitter:keishakelly', 'twitter:rosaj39'];
      const answers = await Promise.all(
        people.map((key) => pooled.app.inject(`/api/datasets/${sides.pooled.demo}/people/${encodeURIComponent(key)}/peers?seed=7`)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      expect(inWorker).toHaveBeenCalledTimes(3);
      const replies = await Promise.all(inWorker.mock.results.map((r) => r.value as ReturnType<typeof pooled.app.graphs.peersInWorker>));
      expect(replies.map((r) => r!.fresh)).toEqual([true, false, false]);
    } finally {
      inWorker.mockRestore();
    }
  }, 300_000);

  it('never answers from a view read before an opt-out: the person is gone at once, the same either way', async () => {
    // seed 11: a view of its own, read and kept by a process before the opt-out.
    const url = (key: string) => `/api/datasets/:id/people/${encodeURIComponent(key)}/peers?seed=11&limit=20`;
    const before = PeersSchema.parse(JSON.parse(await sameAnswer('demo', url('twitter:preyes'))));
    const leaving = before.peers[0]!.key;
    await sameAnswer('demo', url(leaving));
    for (const side of Object.values(sides)) {
      const put = await side.app.inject({ method: 'PUT', url: `/api/datasets/${side.demo}/opt-outs/${encodeURIComponent(leaving)}` });
      expect(put.statusCode, put.body).toBe(200);
    }
    const after = PeersSchema.parse(JSON.parse(await sameAnswer('demo', url('twitter:preyes'))));
    expect(after.peers.map((p) => p.key)).not.toContain(leaving);
    expect(after.peers.length).toBe(20);
    expect(JSON.stringify(after)).not.toContain(leaving);
    for (const side of Object.values(sides)) {
      const gone = await side.app.inject(url(leaving).replace(':id', side.demo));
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toEqual({
        error: { code: 'not_found', message: `person ${leaving} in this view of dataset ${side.demo} not found` },
      });
    }
    const community = after.peers[0]!.community;
    const whole = PeersSchema.parse(
      JSON.parse(await sameAnswer('demo', `/api/datasets/:id/communities/${community}/peers?seed=11&limit=50`)),
    );
    expect(JSON.stringify(whole)).not.toContain(leaving);
  }, 300_000);
});
