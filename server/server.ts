/**
 * Entry point of `npm start`: read the configuration (refusing to listen
 * beyond loopback without ATLAS_TOKEN), open the store, load
 * the demo into an empty store, listen; on SIGINT/SIGTERM finish in-flight
 * requests and close the database.
 */
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { loadDemoIfEmpty } from './demo.js';
import { checkListenSafety } from './listen-guard.js';
import { openStore } from './store/index.js';

const config = readConfig();
const safety = checkListenSafety(config.HOST, config.ATLAS_TOKEN);
if (!safety.ok) {
  console.error(safety.message);
  process.exit(1);
}
const store = await openStore(config);
const app = await buildApp({ config, store });

if (config.LOAD_DEMO) {
  const demo = await loadDemoIfEmpty(store);
  if (demo) app.log.info({ dataset: demo.id, counts: demo.counts }, 'loaded the demo dataset');
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    // A client keeps its connection alive after the answer to an in-flight request; close() would wait
    // for it (up to keepAliveTimeout, 72 s). Drop connections as soon as they fall idle.
    setInterval(() => app.server.closeIdleConnections(), 50).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
