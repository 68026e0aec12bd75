/**
 * Picks the store from the configuration: PostgreSQL when DATABASE_URL is
 * set (several API processes can share it), else the embedded SQLite file
 * under DATA_DIR. Either way the schema is migrated before this resolves.
 */
import { openPostgresStore } from './postgres.js';
import { resultLimitsOf, type ResultLimitSettings } from './result-limits.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export interface StoreConfig extends ResultLimitSettings {
  /** `postgres://…` or `postgresql://…`; empty counts as unset. */
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
}

export type { Store } from './types.js';

export async function openStore(config: StoreConfig): Promise<Store> {
  const url = config.DATABASE_URL;
  const results = resultLimitsOf(config);
  if (!url) return openSqliteStore({ dataDir: config.DATA_DIR, results });
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // Never echo the URL: it usually carries a password.
    throw new Error('store: DATABASE_URL must start with postgres:// or postgresql://');
  }
  return openPostgresStore({ connectionString: url, results });
}
