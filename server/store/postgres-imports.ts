/**
 * Staged imports and import jobs in PostgreSQL (see Store.beginImport), as
 * in SQLite: batches go into an UNLOGGED staging table in short statements,
 * and `commit` moves them into the dataset in one transaction. Jobs live in
 * the database, so any process on it can report one's progress.
 */
import type pg from 'pg';
import {
  ImportJobSchema,
  SourceResultSchema,
  type Dataset,
  type ImportJob,
  type PersonProfile,
  type SourceResult,
} from '../../shared/index.js';
import { INTERRUPTED_IMPORT } from './errors.js';
import { IMPORT_BATCH_ROWS, messageColumns } from './postgres-messages.js';
import type { Store } from './types.js';

export interface PostgresImportHelpers {
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  openDataset(
    client: pg.PoolClient,
    request: { datasetId?: string | undefined; name: string },
  ): Promise<{ id: string; version: number; sources: SourceResult[] }>;
  finishImport(
    client: pg.PoolClient,
    id: string,
    version: number,
    sources: SourceResult[],
    people: readonly PersonProfile[],
  ): Promise<Dataset>;
}

const COLUMNS =
  'platform, id, chat, time, author, text, reply_to_id, reply_to_author, mentions, hashtags, kind, repost_of, question, answer';

export function importMethods(
  pool: pg.Pool,
  t: (table: string) => string,
  helpers: PostgresImportHelpers,
): Pick<Store, 'beginImport' | 'putImportJob' | 'getImportJob' | 'failInterruptedImports'> {
  const [staged, messages, imports] = [t('staged_messages'), t('messages'), t('imports')];
  const sql = {
    stage: `INSERT INTO ${staged} (import_id, file_index, ${COLUMNS})
      SELECT $1, $2::int, * FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[],
        $10::text[], $11::jsonb[], $12::jsonb[], $13::text[], $14::text[], $15::int[], $16::int[])`,
    // `seq` order is staging order: the first staged copy of a duplicated message wins, as in importFiles.
    moveFile: `INSERT INTO ${messages} (dataset_id, ${COLUMNS})
      SELECT $1, ${COLUMNS} FROM ${staged} WHERE import_id = $2 AND file_index = $3 ORDER BY seq
      ON CONFLICT (dataset_id, platform, id) DO NOTHING`,
    dropStaged: `DELETE FROM ${staged} WHERE import_id = $1`,
    putJob: `INSERT INTO ${imports} (id, status, updated_at, job) VALUES ($1, $2, $3, $4)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, job = excluded.job`,
    getJob: `SELECT job FROM ${imports} WHERE id = $1`,
    unfinished: `SELECT job FROM ${imports} WHERE status NOT IN ('done', 'failed') AND updated_at < $1 FOR UPDATE SKIP LOCKED`,
    forget: `DELETE FROM ${imports} WHERE status IN ('done', 'failed') AND updated_at < $1`,
  };
  const jobValues = (job: ImportJob) => [job.id, job.status, job.updatedAt, JSON.stringify(job)];

  return {
    beginImport: (request) => ({
      stage: async (fileIndex, batch) => {
        for (let i = 0; i < batch.length; i += IMPORT_BATCH_ROWS) {
          const [, ...columns] = messageColumns('', batch.slice(i, i + IMPORT_BATCH_ROWS));
          await pool.query(sql.stage, [request.importId, fileIndex, ...columns]);
        }
      },
      commit: (files, people) =>
        helpers.transaction(async (client) => {
          const { id, version, sources } = await helpers.openDataset(client, request);
          if (request.table && (request.table.mapping || request.table.timezone)) {
            await client.query(`UPDATE ${t('datasets')} SET table_reading = $1::jsonb WHERE id = $2`, [JSON.stringify(request.table), id]);
          }
          for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
            const stored = (await client.query(sql.moveFile, [id, request.importId, fileIndex])).rowCount ?? 0;
            sources.push(SourceResultSchema.parse({ ...files[fileIndex]!, stored }));
          }
          await client.query(sql.dropStaged, [request.importId]);
          return helpers.finishImport(client, id, version, sources, people);
        }),
      abort: async () => void (await pool.query(sql.dropStaged, [request.importId])),
    }),
    putImportJob: async (job) => void (await pool.query(sql.putJob, jobValues(job))),
    getImportJob: async (id) => {
      const row = (await pool.query<{ job: unknown }>(sql.getJob, [id])).rows[0];
      return row && ImportJobSchema.parse(row.job);
    },
    failInterruptedImports: (before, forgetBefore) =>
      helpers.transaction(async (client) => {
        const stale = (await client.query<{ job: unknown }>(sql.unfinished, [before])).rows.map((r) => ImportJobSchema.parse(r.job));
        const now = new Date().toISOString();
        for (const job of stale) {
          await client.query(sql.dropStaged, [job.id]);
          await client.query(sql.putJob, jobValues({ ...job, status: 'failed', updatedAt: now, error: INTERRUPTED_IMPORT }));
        }
        await client.query(sql.forget, [forgetBefore]);
        return stale.length;
      }),
  };
}
