/**
 * Sector/region overrides in PostgreSQL, as sqlite-contexts.ts keeps them:
 * setting them bumps the dataset version (caches key on it), in the same
 * transaction, so no process can cache a graph of the new version without them.
 */
import type pg from 'pg';
import { StoreNotFoundError } from './errors.js';
import type { ContextOverride, Store } from './types.js';
import { toContextOverrides, type ContextRow } from './rows.js';

type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

const GROUPS = ['sector', 'region'] as const;

export function contextMethods(
  pool: pg.Pool,
  transaction: Transaction,
  t: (table: string) => string,
): Pick<Store, 'setContextOverrides' | 'getContextOverrides'> {
  const table = t('context_overrides');
  const columns = ['sector', 'sector_source', 'sector_evidence', 'region', 'region_source', 'region_evidence'];
  // A given value replaces the stored one, an absent (null) one keeps it: the SQLite upsert's rule.
  const upsert = `INSERT INTO ${table} AS o (dataset_id, key, ${columns.join(', ')})
    SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
    ON CONFLICT (dataset_id, key) DO UPDATE SET ${columns.map((c) => `${c} = COALESCE(excluded.${c}, o.${c})`).join(', ')}`;
  // The row lock this takes also queues the change behind any import into the dataset, and vice versa.
  const bump = `UPDATE ${t('datasets')} SET version = version + 1, updated_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = $1`;

  return {
    setContextOverrides: (datasetId, overrides) =>
      transaction(async (client) => {
        if ((await client.query(bump, [datasetId])).rowCount === 0) throw new StoreNotFoundError(`dataset ${datasetId} not found`);
        // One statement cannot update a row twice: a person's overrides are folded first by the same rule.
        const byKey = new Map<string, (string | null)[]>();
        for (const o of overrides) {
          const values = GROUPS.flatMap((g) => [o[g] ?? null, o[g] ? o.source : null, o[g] ? o.evidence : null]);
          const before = byKey.get(o.key);
          byKey.set(o.key, before ? values.map((v, c) => v ?? before[c] ?? null) : values);
        }
        const keys = [...byKey.keys()];
        const rows = [...byKey.values()];
        if (keys.length > 0) await client.query(upsert, [datasetId, keys, ...columns.map((_, c) => rows.map((r) => r[c]))]);
      }),
    getContextOverrides: async (datasetId) => {
      const { rows } = await pool.query<ContextRow>(`SELECT key, ${columns.join(', ')} FROM ${table} WHERE dataset_id = $1 ORDER BY key`, [
        datasetId,
      ]);
      return rows.flatMap(toContextOverrides);
    },
  };
}
