/**
 * A long-lived collection's saves stay small: the posts it has stored are
 * remembered (so a post met again, on another instance or after a restart,
 * is kept once) in a file appended once per run, not in the state saved
 * after every page, which used to carry every hash the collection ever kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { buildCollectApp, type CollectApp } from '../support/collect-app.js';
import { ReplayServer } from '../support/replay-server.js';

const apps: CollectApp[] = [];
let replay: ReplayServer | undefined;
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await replay?.close();
});

it('saves no stored post in the state written after each page, and still keeps every post once across runs and a restart', async () => {
  replay = await ReplayServer.start();
  replay.hiddenNewest = 4;
  const first = await buildCollectApp();
  const states: string[] = [];
  const put = first.app.store.putCollection.bind(first.app.store);
  first.app.store.putCollection = async (c) => (states.push(c.state), put(c));
  const datasetId = await first.dataset();
  const other = replay.baseUrl.replace('127.0.0.1', 'localhost');
  const created = await first.collect(datasetId, { source: 'mastodon', instance: [replay.baseUrl, other], tag: 'mastodon' });
  replay.hiddenNewest = 0;
  await first.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/collections/${created.id}/run` });
  await first.app.collections.idle();
  const twice = await first.get(datasetId, created.id);
  // The same figures as when the hashes lived in the state: 12 then 5 new posts, the second instance's copies duplicates.
  expect(twice.history.map((h) => [h.posts, h.stored, h.leftOut.duplicates])).toEqual([
    [5, 5, 4],
    [12, 12, 12],
  ]);

  const seenFile = path.join(first.dataDir, 'collections', created.id, 'seen-posts.txt');
  const hashes = fs.readFileSync(seenFile, 'utf8').split('\n').filter(Boolean);
  expect(hashes).toHaveLength(17);
  expect(new Set(hashes).size).toBe(17);
  expect(states.length).toBeGreaterThan(10);
  for (const state of states) expect(hashes.filter((h) => state.includes(h))).toEqual([]);

  // Restarted, and its marks lost: the whole timeline comes again on both instances, and nothing is kept twice.
  await first.app.close();
  const stored = openSqliteStore({ dataDir: first.dataDir });
  const record = JSON.parse((await stored.getCollection(created.id))!.state);
  record.marks = {};
  await stored.putCollection({ id: created.id, datasetId, updatedAt: new Date().toISOString(), state: JSON.stringify(record) });
  await stored.close();
  const second = await buildCollectApp({ DATA_DIR: first.dataDir });
  apps.push(second);
  await second.app.inject({ method: 'POST', url: `/api/datasets/${datasetId}/collections/${created.id}/run` });
  await second.app.collections.idle();
  const third = await second.get(datasetId, created.id);
  expect(third.history[0]).toMatchObject({ status: 'done', posts: 0, stored: 0 });
  // Each instance's 16 timeline posts (the 17th is found only in a thread, and no thread is fetched again).
  expect(third.history[0]!.leftOut.duplicates).toBe(32);
  expect(await second.app.store.getMessages(datasetId)).toHaveLength(17);
});
