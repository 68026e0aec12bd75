/**
 * Graph results in PostgreSQL, shared by every API process (see
 * Store.getCachedGraph), kept within their limits (result-limits.ts) as the
 * SQLite store keeps them: sizes and last uses in graph_result_use, the
 * least recently used dropped past either bound.
 */
import type pg from 'pg';
import type { ResultLimits } from './result-limits.js';
import type { Store } from './types.js';

const KEY = 'dataset_id = $1 AND dataset_version = $2 AND options_key = $3';

export function resultMethods(
  pool: pg.Pool,
  t: (table: string) => string,
  limits: ResultLimits,
): Pick<Store, 'getCachedGraph' | 'putCachedGraph'> {
  const [table, use] = [t('graph_results'), t('graph_result_use')];
  // Schema names are plain identifiers (SCHEMA_NAME), so the qualified name can sit in a string literal.
  const nextUse = `nextval('${t('graph_result_uses')}')`;
  return {
    getCachedGraph: async (id, version, key) => {
      // The read is marked in the same round trip.
      const { rows } = await pool.query<{ json: string }>(
        `WITH touched AS (UPDATE ${use} SET used = ${nextUse} WHERE ${KEY})
         SELECT json FROM ${table} WHERE ${KEY}`,
        [id, version, key],
      );
      return rows[0]?.json;
    },
    putCachedGraph: async (id, version, key, json) => {
      const bytes = Buffer.byteLength(json);
      // One statement: old versions go, this one lands (or nothing, if the dataset was deleted meanwhile, or if
      // it is bigger than all the room: it would push every other out, then go itself) with its size and use.
      await pool.query(
        `WITH old AS (DELETE FROM ${table} WHERE dataset_id = $1 AND dataset_version < $2),
         too_big AS (DELETE FROM ${table} WHERE ${KEY} AND $5::bigint > $6::bigint),
         kept AS (
           INSERT INTO ${table} (dataset_id, dataset_version, options_key, json)
           SELECT $1, $2, $3, $4 WHERE $5::bigint <= $6::bigint AND EXISTS (SELECT 1 FROM ${t('datasets')} WHERE id = $1)
           ON CONFLICT (dataset_id, dataset_version, options_key) DO UPDATE SET json = excluded.json
           RETURNING dataset_id, dataset_version, options_key)
         INSERT INTO ${use} (dataset_id, dataset_version, options_key, bytes, used)
         SELECT dataset_id, dataset_version, options_key, $5, ${nextUse} FROM kept
         ON CONFLICT (dataset_id, dataset_version, options_key) DO UPDATE SET bytes = excluded.bytes, used = excluded.used`,
        [id, version, key, json, bytes, limits.maxBytes],
      );
      // Most recently used first: everything past the first maxEntries, or past maxBytes in all, goes.
      await pool.query(
        `DELETE FROM ${table} r USING (
           SELECT dataset_id, dataset_version, options_key FROM (
             SELECT dataset_id, dataset_version, options_key, row_number() OVER recent AS n, sum(bytes) OVER recent AS total
             FROM ${use} WINDOW recent AS (ORDER BY used DESC, dataset_id, dataset_version, options_key)) ranked
           WHERE n > $1 OR total > $2) gone
         WHERE r.dataset_id = gone.dataset_id AND r.dataset_version = gone.dataset_version AND r.options_key = gone.options_key`,
        [limits.maxEntries, limits.maxBytes],
      );
    },
  };
}
