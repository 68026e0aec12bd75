/** Person flags in PostgreSQL (see Store.setPersonFlag), as sqlite-flags.ts keeps them. */
import type pg from 'pg';
import { StoreNotFoundError } from './errors.js';
import type { FlaggedPerson, Store } from './types.js';

type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export function flagMethods(
  pool: pg.Pool,
  transaction: Transaction,
  t: (table: string) => string,
): Pick<Store, 'setPersonFlag' | 'getPersonFlags'> {
  const table = t('person_flags');
  const now = "date_trunc('milliseconds', clock_timestamp())";
  return {
    setPersonFlag: (datasetId, key, flag, on) =>
      transaction(async (client) => {
        if (datasetId === '*') await client.query(`UPDATE ${t('datasets')} SET version = version + 1, updated_at = ${now}`);
        else if (
          (await client.query(`UPDATE ${t('datasets')} SET version = version + 1, updated_at = ${now} WHERE id = $1`, [datasetId]))
            .rowCount === 0
        ) {
          throw new StoreNotFoundError(`dataset ${datasetId} not found`);
        }
        if (on)
          await client.query(`INSERT INTO ${table} (dataset_id, key, flag) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
            datasetId,
            key,
            flag,
          ]);
        else await client.query(`DELETE FROM ${table} WHERE dataset_id = $1 AND key = $2 AND flag = $3`, [datasetId, key, flag]);
      }),
    getPersonFlags: async (datasetId) => {
      const { rows } = await pool.query<{ dataset_id: string; key: string; flag: FlaggedPerson['flag'] }>(
        `SELECT dataset_id, key, flag FROM ${table} WHERE dataset_id IN ($1, '*') ORDER BY dataset_id, key, flag`,
        [datasetId],
      );
      return rows.map((r) => ({ datasetId: r.dataset_id, key: r.key, flag: r.flag }));
    },
  };
}

/** Identity links in PostgreSQL (see Store.setIdentities). */
export function identityMethods(
  pool: pg.Pool,
  transaction: Transaction,
  t: (table: string) => string,
): Pick<Store, 'setIdentities' | 'getIdentities'> {
  const table = t('identities');
  return {
    setIdentities: (datasetId, links) =>
      transaction(async (client) => {
        const bumped = await client.query(
          `UPDATE ${t('datasets')} SET version = version + 1, updated_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = $1`,
          [datasetId],
        );
        if (bumped.rowCount === 0) throw new StoreNotFoundError(`dataset ${datasetId} not found`);
        const byAlias = new Map(links.map((l) => [l.alias, l.canonical]));
        if (byAlias.size === 0) return;
        await client.query(
          `INSERT INTO ${table} (dataset_id, alias, canonical) SELECT $1, * FROM unnest($2::text[], $3::text[])
           ON CONFLICT (dataset_id, alias) DO UPDATE SET canonical = excluded.canonical`,
          [datasetId, [...byAlias.keys()], [...byAlias.values()]],
        );
      }),
    getIdentities: async (datasetId) =>
      (
        await pool.query<{ alias: string; canonical: string }>(
          `SELECT alias, canonical FROM ${table} WHERE dataset_id = $1 ORDER BY alias`,
          [datasetId],
        )
      ).rows,
  };
}
