/**
 * Staged imports and import jobs in SQLite (see Store.beginImport). Each
 * batch is its own short transaction, so the write lock is held for
 * milliseconds while a big file is read. A new dataset is written in place,
 * hidden (`import_id` set) until `commit` reveals it; files added to an
 * existing dataset are staged aside and moved in at `commit` with one
 * INSERT … SELECT per file. Either way the import lands all or nothing.
 */
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  ImportJobSchema,
  SourceResultSchema,
  type Dataset,
  type ImportJob,
  type Message,
  type PersonProfile,
  type SourceResult,
} from '../../shared/index.js';
import { MESSAGE_COLUMNS, MESSAGE_PLACEHOLDERS, messageValues, type MessageValues } from './sqlite-messages.js';
import { ImportTotals, type DatasetTotals } from './import-totals.js';
import { INTERRUPTED_IMPORT } from './errors.js';
import type { ImportStaging, Store } from './types.js';
import type { TableReading } from './rows.js';

export interface ImportHelpers {
  openDataset(
    request: { datasetId?: string | undefined; name: string },
    now: string,
  ): { id: string; version: number; sources: SourceResult[] };
  finishImport(id: string, version: number, sources: SourceResult[], now: string, known?: DatasetTotals): Dataset;
  upsertPerson(datasetId: string, person: PersonProfile): void;
  /** Inserts one message, as `messageValues` gives it (a duplicate is skipped); returns 1 if stored. */
  insertMessage(datasetId: string, values: MessageValues): number;
}

type ImportMethods = Pick<Store, 'beginImport' | 'putImportJob' | 'getImportJob' | 'failInterruptedImports'>;

export function importMethods(db: Database, helpers: ImportHelpers): ImportMethods {
  const stageOne = db.prepare(
    `INSERT INTO staged_messages (import_id, file_index, ${MESSAGE_COLUMNS}) VALUES (?, ?, ${MESSAGE_PLACEHOLDERS})`,
  );
  // Rowid order is staging order: the first staged copy of a duplicated message wins, as in importFiles.
  const moveFile = db.prepare(
    `INSERT INTO messages (dataset_id, ${MESSAGE_COLUMNS})
     SELECT @datasetId, ${MESSAGE_COLUMNS} FROM staged_messages
     WHERE import_id = @importId AND file_index = @fileIndex ORDER BY rowid
     ON CONFLICT (dataset_id, platform, id) DO NOTHING`,
  );
  const dropStaged = db.prepare<[string]>('DELETE FROM staged_messages WHERE import_id = ?');
  const insertHidden = db.prepare(
    'INSERT INTO datasets (id, name, version, created_at, updated_at, import_id) VALUES (@id, @name, 1, @now, @now, @importId)',
  );
  const reveal = db.prepare<[string]>('UPDATE datasets SET import_id = NULL WHERE id = ?');
  const setTableReading = db.prepare<[string, string]>('UPDATE datasets SET table_reading = ? WHERE id = ?');
  const keepReading = (id: string, table: TableReading | undefined) => {
    if (table && (table.mapping || table.timezone)) setTableReading.run(JSON.stringify(table), id);
  };
  const dropHidden = db.prepare<[string]>('DELETE FROM datasets WHERE import_id = ?');
  const putJob = db.prepare('INSERT OR REPLACE INTO imports (id, status, updated_at, job) VALUES (@id, @status, @updatedAt, @job)');
  const getJob = db.prepare<[string], string>('SELECT job FROM imports WHERE id = ?').pluck();
  const unfinished = db
    .prepare<[string], string>("SELECT job FROM imports WHERE status NOT IN ('done', 'failed') AND updated_at < ?")
    .pluck();
  const forget = db.prepare<[string]>("DELETE FROM imports WHERE status IN ('done', 'failed') AND updated_at < ?");

  const stageBatch = db.transaction((importId: string, fileIndex: number, messages: Parameters<ImportStaging['stage']>[1]) => {
    for (const m of messages) stageOne.run(importId, fileIndex, ...messageValues(m));
  });

  const commitAll = db.transaction(
    (
      request: { importId: string; datasetId?: string | undefined; name: string; table?: TableReading | undefined },
      files: readonly Omit<SourceResult, 'stored'>[],
      people: readonly PersonProfile[],
      now: string,
    ) => {
      const { id, version, sources } = helpers.openDataset(request, now);
      keepReading(id, request.table);
      files.forEach((file, fileIndex) => {
        const stored = moveFile.run({ datasetId: id, importId: request.importId, fileIndex }).changes;
        sources.push(SourceResultSchema.parse({ ...file, stored }));
      });
      for (const p of people) helpers.upsertPerson(id, p);
      dropStaged.run(request.importId);
      return helpers.finishImport(id, version, sources, now);
    },
  );

  const writeJob = (job: ImportJob) => putJob.run({ id: job.id, status: job.status, updatedAt: job.updatedAt, job: JSON.stringify(job) });

  /** A new dataset, written in place while hidden: no copy at commit. */
  const newDatasetImport = (request: { importId: string; name: string; table?: TableReading | undefined }): ImportStaging => {
    let datasetId: string | undefined;
    const stored: number[] = [];
    const totals = new ImportTotals();
    const dataset = (now: string) => {
      if (datasetId === undefined) {
        datasetId = randomBytes(12).toString('base64url');
        insertHidden.run({ id: datasetId, name: request.name, now, importId: request.importId });
      }
      return datasetId;
    };
    // Returns the values of the messages it stored (not the duplicates of earlier ones), counted once the batch commits.
    const insertBatch = db.transaction((messages: readonly Message[]) => {
      const id = dataset(new Date().toISOString());
      const kept: MessageValues[] = [];
      for (const m of messages) {
        const values = messageValues(m);
        if (helpers.insertMessage(id, values) === 1) kept.push(values);
      }
      return kept;
    });
    const storeBatch = (fileIndex: number, messages: readonly Message[]) => {
      const kept = insertBatch.immediate(messages);
      stored[fileIndex] = (stored[fileIndex] ?? 0) + kept.length;
      // The values hold the time as stored (canonical), so it is worked out once per message.
      for (const v of kept) totals.add(v[2], v[4], v[3], { kind: v[10], question: v[12], answer: v[13] });
    };
    const commitAll = db.transaction((files: readonly Omit<SourceResult, 'stored'>[], people: readonly PersonProfile[], now: string) => {
      const id = dataset(now);
      reveal.run(id);
      keepReading(id, request.table);
      const sources = files.map((file, i) => SourceResultSchema.parse({ ...file, stored: stored[i] ?? 0 }));
      for (const p of people) helpers.upsertPerson(id, p);
      return helpers.finishImport(id, 1, sources, now, totals.totals());
    });
    return {
      stage: async (fileIndex, messages) => storeBatch(fileIndex, messages),
      commit: async (files, people) => commitAll.immediate(files, people, new Date().toISOString()),
      abort: async () => void dropHidden.run(request.importId),
    };
  };

  return {
    beginImport: (request) =>
      request.datasetId === undefined
        ? newDatasetImport(request)
        : {
            stage: async (fileIndex, messages) => void stageBatch.immediate(request.importId, fileIndex, messages),
            commit: async (files, people) => commitAll.immediate(request, files, people, new Date().toISOString()),
            abort: async () => void dropStaged.run(request.importId),
          },
    putImportJob: async (job) => void writeJob(job),
    getImportJob: async (id) => {
      const json = getJob.get(id);
      return json === undefined ? undefined : ImportJobSchema.parse(JSON.parse(json));
    },
    failInterruptedImports: async (before, forgetBefore) => {
      const stale = unfinished.all(before).map((json) => ImportJobSchema.parse(JSON.parse(json)));
      const now = new Date().toISOString();
      db.transaction(() => {
        for (const job of stale) {
          dropStaged.run(job.id);
          dropHidden.run(job.id);
          writeJob({ ...job, status: 'failed', updatedAt: now, error: INTERRUPTED_IMPORT });
        }
        forget.run(forgetBefore);
      }).immediate();
      return stale.length;
    },
  };
}
