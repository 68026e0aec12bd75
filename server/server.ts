/**
 * Entry point of `npm start`: read the configuration (refusing to listen
 * beyond loopback without ATLAS_TOKEN), open the store, tidy after a
 * stopped process's imports, load the demo into an empty store, listen; on SIGINT/SIGTERM finish in-flight
 * requests and close the database.
 */
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { loadDemoIfEmpty } from './imports/demo.js';
import { claimDataDir } from './runtime/data-dir-claim.js';
import { checkListenSafety } from './runtime/listen-guard.js';
import { openStore } from './store/index.js';
import { removeStaleUploads } from './imports/stale-uploads.js';
import { warmContextIndexes } from './pipeline/context/index.js';

const config = readConfig();
const safety = checkListenSafety(config.HOST, config.ATLAS_TOKEN);
if (!safety.ok) {
  console.error(safety.message);
  process.exit(1);
}
const store = await openStore(config);
const app = await buildApp({ config, store });

// Imports left unfinished by a process that stopped (a crash, a kill) are marked failed and their staged
// rows dropped; another process's running import writes progress far more often than this allows.
// Upload files left behind the same way are removed; finished jobs are kept a week for their reports.
// A SQLite folder no other live server uses has no running import but this process's: all are stopped ones.
const INTERRUPTED_AFTER_MS = 10 * 60_000;
const KEEP_JOBS_MS = 7 * 24 * 3600_000;
const claim = config.DATABASE_URL || config.DATA_DIR === ':memory:' ? undefined : claimDataDir(config.DATA_DIR);
const interruptedBefore = claim?.alone ? Date.now() : Date.now() - INTERRUPTED_AFTER_MS;
const interrupted = await store.failInterruptedImports(
  new Date(interruptedBefore).toISOString(),
  new Date(Date.now() - KEEP_JOBS_MS).toISOString(),
);
if (interrupted > 0) app.log.warn({ interrupted }, 'imports left unfinished by a stopped process were marked failed');
removeStaleUploads(app.uploadDir, INTERRUPTED_AFTER_MS);

// Sector and region read the institution registries: build their indexes before listening, not in a request.
warmContextIndexes();

if (config.LOAD_DEMO) {
  const demo = await loadDemoIfEmpty(store, { maxMessageChars: config.MAX_MESSAGE_CHARS });
  if (demo) app.log.info({ dataset: demo.id, counts: demo.counts }, 'loaded the demo dataset');
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: a repeat (a second stop, or tsx's runner in `npm run dev` relaying the signal its group
  // got too) must still find this handler; tsx ends a process that has none left, mid-close.
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    // A client keeps its connection alive after the answer to an in-flight request; close() would wait
    // for it (up to keepAliveTimeout, 72 s). Drop connections as soon as they fall idle.
    setInterval(() => app.server.closeIdleConnections(), 50).unref();
    app.close().then(
      () => {
        claim?.release();
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
// After the interrupted imports were marked failed: a collection run a stopped process left resumes from its cursor.
if (config.COLLECT_SCHEDULER) app.collections.start();
