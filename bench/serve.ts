/**
 * A bench server in a child process of its own (bench/worker.ts task
 * `serve`): the app over a size's store on a free loopback port, until told
 * to stop. In the bench's own process its event loop shared the heap and
 * the collector of everything the earlier sections held (the health probe
 * then saw pauses of 0.6 s that a standalone server does not have).
 */
import fs from 'node:fs';
import { buildApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { loadDemoIfEmpty } from '../server/imports/demo.js';
import { openSqliteStore } from '../server/store/sqlite.js';

export interface ServeArgs {
  dataDir: string;
  clientDir: string;
  /** The child writes the address it listens on here once listening. */
  addressFile: string;
  /** Loads the demo dataset (data/demo) into the store first, as `npm start` does. */
  demo?: boolean;
}

export async function serveWorker(args: ServeArgs, signal: AbortSignal): Promise<{ served: true }> {
  const config = readConfig({}, { DATA_DIR: args.dataDir, LOG_LEVEL: 'silent', LOAD_DEMO: false });
  const store = openSqliteStore({ dataDir: args.dataDir });
  if (args.demo) await loadDemoIfEmpty(store);
  const app = await buildApp({ config, store, clientDir: args.clientDir });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  fs.writeFileSync(args.addressFile, baseUrl);
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  await app.close();
  return { served: true };
}
