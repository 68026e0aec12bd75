/** A real server on a free loopback port, with the demo loaded, serving the client built by the global setup. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp } from '../../server/app.js';
import { readConfig, type Config } from '../../server/config.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

/**
 * `demo: false` starts with an empty store (the first-run view). E2E_CLIENT_DIR serves another build of the
 * client (e.g. an older commit's, to see a new test fail on it).
 */
export async function startDemoServer(
  overrides: Partial<Config> = {},
  { demo = true }: { demo?: boolean } = {},
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const clientDir = process.env.E2E_CLIENT_DIR ?? inject('clientDir');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) throw new Error('the client is not built (vitest global setup builds it)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-e2e-'));
  const store = openSqliteStore({ dataDir });
  if (demo) await loadDemoIfEmpty(store);
  const app = await buildApp({ config: readConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...overrides }), store, clientDir });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
