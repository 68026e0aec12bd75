/**
 * An analysis process keeps the peers views it read (graphs/compute-peers), so
 * the pool sends a view's requests to the process that holds it: with two
 * processes free, three requests for one view arriving together are one
 * reading and two rankings; without the affinity, two at once go to two
 * processes and each reads the view. On the demo, in a SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../shared/index.js';
import { AnalysisPool } from '../../server/graphs/analysis-pool.js';
import type { PeersReply, PeersRequest } from '../../server/graphs/compute-peers.js';
import { peersViewKey } from '../../server/graphs/peers-view.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { DEFAULT_DB_FILE_NAME, openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';

let dataDir = '';
let store: Store;
let pool: AnalysisPool;
let dataset = { id: '', name: '', version: 0 };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-affinity-'));
  store = openSqliteStore({ dataDir });
  const demo = (await loadDemoIfEmpty(store))!;
  dataset = { id: demo.id, name: demo.name, version: demo.version };
  pool = new AnalysisPool(2);
}, 120_000);
afterAll(async () => {
  await pool?.close();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One person's peers in the demo's view with `seed`, as GraphCache.peersInWorker asks; `affinity` as it names the view, or none. */
async function askPeers(seed: number, person: string, withAffinity: boolean): Promise<PeersReply> {
  const options = resolveBuildOptions({ seed });
  const graphKey = `${JSON.stringify(options)} ties=all test`;
  const peers: PeersRequest = { optedOut: [], links: [], graphKey, ask: { person, limit: 10 } };
  const { body } = await pool.run(
    {
      location: { sqliteFile: path.join(dataDir, DEFAULT_DB_FILE_NAME) },
      dataset,
      options,
      backbone: false,
      peers,
      resultKey: `peers ${graphKey}`,
    },
    withAffinity ? peersViewKey(dataset, options, peers, graphKey) : undefined,
  );
  return JSON.parse(body.toString('utf8')) as PeersReply;
}

const people = ['twitter:preyes', 'twitter:keishakelly', 'twitter:rosaj39'];

describe('peers views in the analysis pool', () => {
  it('sends the requests of one view to the process that reads it: one reading for three requests', async () => {
    const replies = await Promise.all(people.map((p) => askPeers(21, p, true)));
    expect(replies.map((r) => r.fresh)).toEqual([true, false, false]);
    expect(replies.map((r) => ('answer' in r.outcome ? r.outcome.answer.person : r.outcome.notFound))).toEqual(people);
  }, 300_000);

  it('without the affinity, two requests at once are read by two processes', async () => {
    const replies = await Promise.all(people.slice(0, 2).map((p) => askPeers(22, p, false)));
    expect(replies.map((r) => r.fresh)).toEqual([true, true]);
  }, 300_000);
});
