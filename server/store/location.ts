/**
 * Where a worker thread finds the store to open its own connection: the
 * SQLite file, or the PostgreSQL URL. An in-memory store has no location;
 * work for it stays in the process that holds it.
 */
import path from 'node:path';
import { openPostgresStore } from './postgres.js';
import type { ResultLimits } from './result-limits.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

/** `results`: the limits the server's own store keeps graph results within, so a worker's writes keep them too. */
export type WorkerStoreLocation = ({ sqliteFile: string } | { databaseUrl: string }) & { results?: Partial<ResultLimits> | undefined };

let opened: { key: string; store: Promise<Store> } | undefined;

/** The store at `location`, opened once per worker thread and kept for its life. */
export function storeAt(location: WorkerStoreLocation): Promise<Store> {
  const key = JSON.stringify(location);
  if (opened?.key !== key) {
    const store =
      'sqliteFile' in location
        ? Promise.resolve(
            openSqliteStore({
              dataDir: path.dirname(location.sqliteFile),
              fileName: path.basename(location.sqliteFile),
              results: location.results,
            }),
          )
        : openPostgresStore({ connectionString: location.databaseUrl, poolSize: 2, results: location.results });
    opened = { key, store };
  }
  return opened.store;
}
