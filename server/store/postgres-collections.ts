/** Live collections in PostgreSQL (see Store.putCollection), as sqlite-collections.ts keeps them. */
import type pg from 'pg';
import { iso } from './postgres-migrations.js';
import type { Store, StoredCollection } from './types.js';

type Row = { id: string; dataset_id: string; updated_at: string; state: string };
const fromRow = (r: Row): StoredCollection => ({ id: r.id, datasetId: r.dataset_id, updatedAt: r.updated_at, state: r.state });

export function collectionMethods(
  pool: pg.Pool,
  t: (table: string) => string,
): Pick<Store, 'putCollection' | 'getCollection' | 'listCollections' | 'deleteCollection'> {
  const [table, datasets] = [t('collections'), t('datasets')];
  // `state::text` gives the JSON back exactly as written (json, not jsonb, keeps it).
  const columns = `id, dataset_id, ${iso('updated_at')} AS updated_at, state::text AS state`;
  return {
    putCollection: async (c) =>
      ((
        await pool.query(
          `INSERT INTO ${table} (id, dataset_id, updated_at, state)
           SELECT $1, $2, $3, $4::json WHERE EXISTS (SELECT 1 FROM ${datasets} WHERE id = $2)
           ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state`,
          [c.id, c.datasetId, c.updatedAt, c.state],
        )
      ).rowCount ?? 0) > 0,
    getCollection: async (id) => {
      const { rows } = await pool.query<Row>(`SELECT ${columns} FROM ${table} WHERE id = $1`, [id]);
      return rows[0] && fromRow(rows[0]);
    },
    listCollections: async (datasetId) => {
      const { rows } =
        datasetId === undefined
          ? await pool.query<Row>(`SELECT ${columns} FROM ${table} ORDER BY seq`)
          : await pool.query<Row>(`SELECT ${columns} FROM ${table} WHERE dataset_id = $1 ORDER BY seq`, [datasetId]);
      return rows.map(fromRow);
    },
    deleteCollection: async (id) => ((await pool.query(`DELETE FROM ${table} WHERE id = $1`, [id])).rowCount ?? 0) > 0,
  };
}
