/**
 * A server stopped while a run is being stored resumes it without loss or
 * double: the states a run saves are captured as a killed process would
 * leave them — all pages fetched and the import not yet started, or the
 * import committed but the run not yet recorded — and a new server on that
 * state finishes the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { StoredCollection } from '../../server/store/types.js';
import { buildCollectApp, type CollectApp } from '../support/collect-app.js';
import { ReplayServer } from '../support/replay-server.js';

const apps: CollectApp[] = [];
let replay: ReplayServer | undefined;
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await replay?.close();
});

interface Captured {
  state: StoredCollection;
  /** The run's page files at that moment, by name. */
  pages: Map<string, string>;
}

/** Runs a collection to its end, keeping each saved state whose run is importing (and the page files then). */
async function captureImporting(): Promise<{ app: CollectApp; datasetId: string; captured: Captured[] }> {
  const app = await buildCollectApp();
  apps.push(app);
  const captured: Captured[] = [];
  const put = app.app.store.putCollection.bind(app.app.store);
  app.app.store.putCollection = async (c) => {
    const record = JSON.parse(c.state) as { id: string; run?: { id: string; phase: string } };
    if (record.run?.phase === 'importing') {
      const dir = path.join(app.dataDir, 'collections', record.id, record.run.id);
      const pages = new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
      captured.push({ state: { ...c }, pages });
    }
    return put(c);
  };
  const datasetId = await app.dataset();
  const done = await app.collect(datasetId, { source: 'mastodon', instance: replay!.baseUrl, tag: 'mastodon' });
  expect(done.history[0]).toMatchObject({ status: 'done', posts: 17, stored: 17 });
  app.app.store.putCollection = put;
  return { app, datasetId, captured };
}

it('resumes a run killed after its pages were fetched and before they were stored: every post stored once', async () => {
  replay = await ReplayServer.start();
  const { captured } = await captureImporting();
  const before = captured.find((c) => !JSON.parse(c.state.state).run.importId)!;
  expect(before).toBeDefined();

  // A new server on a new database holding that state (as the killed process left it) and the page files.
  const second = await buildCollectApp();
  apps.push(second);
  const datasetId = await second.dataset();
  const record = JSON.parse(before.state.state);
  record.datasetId = datasetId;
  await second.app.store.putCollection({ ...before.state, datasetId, state: JSON.stringify(record) });
  const dir = path.join(second.dataDir, 'collections', record.id, record.run.id);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of before.pages) fs.writeFileSync(path.join(dir, name), text);
  const requestsBefore = replay.requests.length;

  await second.app.collections.tick();
  await second.app.collections.idle();
  const resumed = await second.get(datasetId, record.id);
  expect(resumed.history[0]).toMatchObject({ status: 'done', posts: 17, stored: 17 });
  expect(await second.app.store.getMessages(datasetId)).toHaveLength(17);
  expect(replay.requests.length).toBe(requestsBefore); // nothing fetched again
  expect(fs.existsSync(dir)).toBe(false);
});

it('finishes a run killed after its import committed: the run recorded once, nothing stored twice', async () => {
  replay = await ReplayServer.start();
  const { app, datasetId, captured } = await captureImporting();
  const after = captured.find((c) => JSON.parse(c.state.state).run.importId)!;
  expect(after).toBeDefined();
  // A new server on the same database, holding the state the killed process left: import job done, run not recorded.
  const second = await buildCollectApp({ DATA_DIR: app.dataDir });
  apps.push(second);
  await second.app.store.putCollection(after.state);
  const requestsBefore = replay.requests.length;
  await second.app.collections.tick();
  await second.app.collections.idle();
  const finished = await second.get(datasetId, after.state.id);
  expect(finished.history.map((h) => [h.status, h.posts, h.stored])).toEqual([['done', 17, 17]]);
  expect(await second.app.store.getMessages(datasetId)).toHaveLength(17);
  expect((await second.app.store.getDataset(datasetId))!.sources).toHaveLength(1);
  expect(replay.requests.length).toBe(requestsBefore);
});
