/** Graph results in PostgreSQL, shared by every API process (see Store.getCachedGraph). */
import type pg from 'pg';
import type { Store } from './types.js';

export function resultMethods(pool: pg.Pool, t: (table: string) => string): Pick<Store, 'getCachedGraph' | 'putCachedGraph'> {
  const table = t('graph_results');
  return {
    getCachedGraph: async (id, version, key) => {
      const { rows } = await pool.query<{ json: string }>(`SELECT json FROM ${table} WHERE dataset_id = $1 AND dataset_version = $2 AND options_key = $3`, [id, version, key]);
      return rows[0]?.json;
    },
    putCachedGraph: async (id, version, key, json) => {
      // One statement: old versions go, this one lands (or nothing, if the dataset was deleted meanwhile).
      await pool.query(
        `WITH old AS (DELETE FROM ${table} WHERE dataset_id = $1 AND dataset_version < $2)
         INSERT INTO ${table} (dataset_id, dataset_version, options_key, json)
         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM ${t('datasets')} WHERE id = $1)
         ON CONFLICT (dataset_id, dataset_version, options_key) DO UPDATE SET json = excluded.json`,
        [id, version, key, json],
      );
    },
  };
}
