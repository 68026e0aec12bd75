/**
 * Where a worker thread finds the store to open its own connection: the
 * SQLite file, or the PostgreSQL URL. An in-memory store has no location;
 * work for it stays in the process that holds it.
 */
import path from 'node:path';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type WorkerStoreLocation = { sqliteFile: string } | { databaseUrl: string };

/** Opens the store at `location`; a worker keeps one per location for its life. */
export function openStoreAt(location: WorkerStoreLocation): Promise<Store> {
  return 'sqliteFile' in location
    ? Promise.resolve(openSqliteStore({ dataDir: path.dirname(location.sqliteFile), fileName: path.basename(location.sqliteFile) }))
    : openPostgresStore({ connectionString: location.databaseUrl, poolSize: 2 });
}
