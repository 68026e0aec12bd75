/**
 * Snapshots in PostgreSQL: written once, read by id, counted per dataset.
 * The JSON parts are `json` columns (validated, text kept as written) read
 * back `::text`, so a payload is served byte for byte as it was stored.
 */
import type pg from 'pg';
import { iso } from './postgres-migrations.js';
import type { Store, StoredSnapshot } from './types.js';

export function snapshotMethods(
  pool: pg.Pool,
  t: (table: string) => string,
): Pick<Store, 'createSnapshot' | 'getSnapshot' | 'countSnapshots'> {
  const snapshots = t('snapshots');
  return {
    createSnapshot: async (s: StoredSnapshot) =>
      void (await pool.query(
        `INSERT INTO ${snapshots} (id, created_at, dataset_id, dataset_version, privacy, options, view, payload, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [s.id, s.createdAt, s.datasetId, s.datasetVersion, s.privacy, s.options, s.view, s.payload, s.report ?? null],
      )),
    getSnapshot: async (id) => {
      const { rows } = await pool.query<StoredSnapshot & { report: string | null }>(
        `SELECT id, ${iso('created_at')} AS "createdAt", dataset_id AS "datasetId", dataset_version AS "datasetVersion",
           privacy, options::text AS options, view::text AS view, payload::text AS payload, report::text AS report
         FROM ${snapshots} WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return undefined;
      const { report, ...rest } = row;
      return report === null ? rest : { ...rest, report };
    },
    countSnapshots: async (datasetId) =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${snapshots} WHERE dataset_id = $1`, [datasetId])).rows[0]!.n,
  };
}
