/**
 * The embedded SQLite store (better-sqlite3): one file under `dataDir`, in
 * WAL mode so readers never wait on an import, every import one transaction.
 * Statements are prepared once; values only ever travel as bound parameters.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SourceResultSchema } from '../../shared/index.js';
import type { ChatSchedule, Dataset, Message, PersonProfile, SourceResult } from '../../shared/index.js';
import type { DatasetTotals } from './import-totals.js';
import { countSessionsInOrder } from '../pipeline/sessions.js';
import { StoreNotFoundError } from './errors.js';
import { canonicalTime } from './canonical-time.js';
import { migrate } from './sqlite-migrations.js';
import { snapshotMethods } from './sqlite-snapshots.js';
import { contextMethods } from './sqlite-contexts.js';
import { resultMethods } from './sqlite-results.js';
import { resolveResultLimits, type ResultLimits } from './result-limits.js';
import { flagMethods, identityMethods } from './sqlite-flags.js';
import { importMethods } from './sqlite-imports.js';
import { collectionMethods } from './sqlite-collections.js';
import type { ImportRequest, MessageQuery, Store } from './types.js';
import {
  MESSAGE_COLUMNS,
  MESSAGE_PLACEHOLDERS,
  messageSelect,
  messageValues,
  tupleToMessage,
  type MessageTuple,
} from './sqlite-messages.js';
import { toDataset, toPerson, type DatasetRow, type Nullable } from './rows.js';
import { authorActivity } from './author-activity.js';

export const DEFAULT_DB_FILE_NAME = 'chat-atlas.sqlite';

export interface SqliteStoreOptions {
  /** Folder of the database file, created if missing; `:memory:` for a throwaway database. */
  dataDir: string;
  fileName?: string;
  /** How many graph results are kept (default DEFAULT_RESULT_LIMITS). */
  results?: Partial<ResultLimits> | undefined;
}

export interface SqliteStore extends Store {
  /** The database file (`:memory:` for an in-memory store). */
  readonly path: string;
}

export { StoreNotFoundError } from './errors.js';

/** Merge rule for a profile field: a newer non-empty value wins, else keep the old one, else the new (possibly empty) one. */
const merged = (column: string) => `${column} = COALESCE(NULLIF(excluded.${column}, ''), people.${column}, excluded.${column})`;

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const memory = options.dataDir === ':memory:';
  const file = memory ? ':memory:' : path.join(options.dataDir, options.fileName ?? DEFAULT_DB_FILE_NAME);
  if (!memory) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power
    // loss can drop the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const sql = {
    // A dataset whose import has not committed (import_id set) is nobody's to see yet.
    datasetById: db.prepare<[string], DatasetRow>('SELECT * FROM datasets WHERE id = ? AND import_id IS NULL'),
    datasetByName: db.prepare<[string], DatasetRow>(
      'SELECT * FROM datasets WHERE name = ? AND import_id IS NULL ORDER BY created_at, rowid LIMIT 1',
    ),
    datasets: db.prepare<[], DatasetRow>('SELECT * FROM datasets WHERE import_id IS NULL ORDER BY created_at, rowid'),
    insertDataset: db.prepare('INSERT INTO datasets (id, name, version, created_at, updated_at) VALUES (@id, @name, 1, @now, @now)'),
    updateDataset: db.prepare(
      `UPDATE datasets SET version = @version, updated_at = @now, sources = @sources,
         message_count = @messages, people_count = @people, chat_count = @chatCount, session_count = @sessions,
         chats = @chats, first_time = @from, last_time = @to
       WHERE id = @id`,
    ),
    deleteDataset: db.prepare<[string]>('DELETE FROM datasets WHERE id = ?'),
    schedulesOf: db.prepare<[string], string | null>('SELECT session_schedules FROM datasets WHERE id = ?').pluck(),
    setSchedules: db.prepare<[string | null, string, number, string]>(
      'UPDATE datasets SET session_schedules = ?, updated_at = ?, version = version + 1, session_count = ? WHERE id = ?',
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (dataset_id, ${MESSAGE_COLUMNS}) VALUES (?, ${MESSAGE_PLACEHOLDERS})
       ON CONFLICT (dataset_id, platform, id) DO NOTHING`,
    ),
    upsertPerson: db.prepare(
      `INSERT INTO people (dataset_id, key, platform, handle, name, bio, location, url, platform_id)
       VALUES (@datasetId, @key, @platform, @handle, @name, @bio, @location, @url, @platformId)
       ON CONFLICT (dataset_id, key) DO UPDATE SET
         ${['handle', 'name', 'bio', 'location', 'url', 'platform_id'].map(merged).join(', ')}`,
    ),
    people: db.prepare<[string], Nullable<PersonProfile>>(
      `SELECT key, platform, handle, name, bio, location, url, platform_id AS platformId
       FROM people WHERE dataset_id = ? ORDER BY key`,
    ),
    totals: db.prepare<[string], { messages: number; people: number; from: string | null; to: string | null }>(
      `SELECT COUNT(*) AS messages, COUNT(DISTINCT author) AS people, MIN(time) AS "from", MAX(time) AS "to"
       FROM messages WHERE dataset_id = ?`,
    ),
    chats: db.prepare<[string], string>('SELECT DISTINCT chat FROM messages WHERE dataset_id = ? ORDER BY chat').pluck(),
    // In the (dataset_id, chat, time) index's order; author, kind and the Q/A numbers for the question series.
    chatTimes: db.prepare<
      [string],
      { chat: string; time: string; author: string; kind: string; question: number | null; answer: number | null }
    >('SELECT chat, time, author, kind, question, answer FROM messages WHERE dataset_id = ? ORDER BY chat, time'),
  };

  // One statement per filter shape, built from fixed fragments only; rows come back raw (arrays in
  // messageSelect's order) and one at a time: a million row objects held at once took four times as long.
  const messageQueries = new Map<string, Database.Statement<[Record<string, unknown>], MessageTuple>>();
  const messageQuery = (shape: MessageQueryShape) => {
    const name = Object.values(shape).map(Number).join('');
    let statement = messageQueries.get(name);
    if (!statement) {
      const where = ['dataset_id = @datasetId'];
      if (shape.chats) where.push('chat IN (SELECT value FROM json_each(@chats))');
      if (shape.from) where.push('time >= @from');
      if (shape.to) where.push('time <= @to');
      if (shape.authors) where.push('author IN (SELECT value FROM json_each(@authors))');
      if (shape.excludeAuthors) where.push('author NOT IN (SELECT value FROM json_each(@excludeAuthors))');
      if (shape.after) where.push('(time, id, platform) > (@afterTime, @afterId, @afterPlatform)');
      statement = db
        .prepare<[Record<string, unknown>], MessageTuple>(
          `SELECT ${messageSelect(shape.text)} FROM messages WHERE ${where.join(' AND ')} ORDER BY time, id, platform${shape.limit ? ' LIMIT @limit' : ''}`,
        )
        .raw(true);
      messageQueries.set(name, statement);
    }
    return statement;
  };
  const peopleByKey = db.prepare<[string, string], Nullable<PersonProfile>>(
    `SELECT key, platform, handle, name, bio, location, url, platform_id AS platformId
     FROM people WHERE dataset_id = ? AND key IN (SELECT value FROM json_each(?)) ORDER BY key`,
  );
  const activity = db.prepare<[string, string], { chat: string; messages: number; first: string; last: string }>(
    `SELECT chat, COUNT(*) AS messages, MIN(time) AS first, MAX(time) AS last
     FROM messages WHERE dataset_id = ? AND author IN (SELECT value FROM json_each(?)) GROUP BY chat`,
  );

  /** The dataset an import writes to: the existing one (StoreNotFoundError if gone) or a new one. */
  const openDataset = (request: { datasetId?: string | undefined; name: string }, now: string) => {
    const row = request.datasetId === undefined ? undefined : sql.datasetById.get(request.datasetId);
    const existing = row && toDataset(row);
    if (request.datasetId !== undefined && !existing) {
      throw new StoreNotFoundError(`store: no dataset with id ${JSON.stringify(request.datasetId)}`);
    }
    const id = existing?.id ?? randomBytes(12).toString('base64url');
    if (!existing) sql.insertDataset.run({ id, name: request.name, now });
    return { id, version: existing ? existing.version + 1 : 1, sources: existing ? existing.sources : [] };
  };

  // Counts are recomputed from the stored rows, so duplicates and earlier imports are accounted for.
  // (A new dataset's import keeps them as it goes and passes them in: the same figures without the reading.)
  /** The dataset's sessions by the pipeline's rule and the chats' schedules it keeps. */
  const countStoredSessions = (id: string, schedules = JSON.parse(sql.schedulesOf.get(id) ?? '[]') as ChatSchedule[]) =>
    countSessionsInOrder(sql.chatTimes.iterate(id), { schedules });
  const finishImport = (id: string, version: number, sources: SourceResult[], now: string, known?: DatasetTotals): Dataset => {
    const totals = known ?? { ...sql.totals.get(id)!, chats: sql.chats.all(id), sessions: countStoredSessions(id) };
    sql.updateDataset.run({
      id,
      now,
      version,
      sources: JSON.stringify(sources),
      messages: totals.messages,
      people: totals.people,
      sessions: totals.sessions,
      chatCount: totals.chats.length,
      chats: JSON.stringify(totals.chats),
      from: totals.from,
      to: totals.to,
    });
    return toDataset(sql.datasetById.get(id)!);
  };

  const importAll = db.transaction((request: ImportRequest, now: string): Dataset => {
    const { id, version, sources } = openDataset(request, now);
    for (const file of request.files) {
      let stored = 0;
      for (const m of file.messages) stored += sql.insertMessage.run(id, ...messageValues(m)).changes;
      for (const p of file.people) sql.upsertPerson.run(personParams(id, p));
      sources.push(SourceResultSchema.parse({ ...file.result, stored }));
    }
    return finishImport(id, version, sources, now);
  });

  const setSchedules = db.transaction((id: string, schedules: ChatSchedule[]): Dataset | undefined => {
    if (!sql.datasetById.get(id)) return undefined;
    const json = schedules.length ? JSON.stringify(schedules) : null;
    sql.setSchedules.run(json, new Date().toISOString(), countStoredSessions(id, schedules), id);
    return toDataset(sql.datasetById.get(id)!);
  });

  return {
    path: file,
    setSessionSchedules: async (id, schedules) => setSchedules.immediate(id, schedules),
    // IMMEDIATE takes the write lock up front: a deferred transaction that
    // reads the version and then writes could fail on a concurrent writer.
    importFiles: async (request) => importAll.immediate(request, new Date().toISOString()),
    listDatasets: async () => sql.datasets.all().map(toDataset),
    getDataset: async (id) => {
      const row = sql.datasetById.get(id);
      return row && toDataset(row);
    },
    findDatasetByName: async (name) => {
      const row = sql.datasetByName.get(name);
      return row && toDataset(row);
    },
    deleteDataset: async (id) => sql.deleteDataset.run(id).changes > 0,
    getMessages: async (datasetId, query: MessageQuery = {}) => {
      const has = (list: readonly string[] | undefined) => list !== undefined && list.length > 0;
      const shape: MessageQueryShape = {
        chats: has(query.chats),
        from: query.from !== undefined,
        to: query.to !== undefined,
        text: query.text !== false,
        authors: query.authors !== undefined,
        excludeAuthors: has(query.excludeAuthors),
        after: query.after !== undefined,
        limit: query.limit !== undefined,
      };
      const params = {
        datasetId,
        chats: shape.chats ? JSON.stringify(query.chats) : null,
        from: query.from === undefined ? null : canonicalTime(query.from),
        to: query.to === undefined ? null : canonicalTime(query.to),
        authors: JSON.stringify(query.authors ?? []),
        excludeAuthors: JSON.stringify(query.excludeAuthors ?? []),
        afterTime: query.after ? canonicalTime(query.after.time) : null,
        afterId: query.after?.id ?? null,
        afterPlatform: query.after?.platform ?? null,
        limit: query.limit ?? null,
      };
      const messages: Message[] = [];
      for (const tuple of messageQuery(shape).iterate(params)) messages.push(tupleToMessage(tuple));
      return messages;
    },
    getPeople: async (datasetId, keys) =>
      (keys === undefined ? sql.people.all(datasetId) : peopleByKey.all(datasetId, JSON.stringify(keys))).map(toPerson),
    getAuthorActivity: async (datasetId, authors) => authorActivity(activity.all(datasetId, JSON.stringify(authors))),
    ...snapshotMethods(db),
    ...contextMethods(db),
    ...resultMethods(db, resolveResultLimits(options.results)),
    ...flagMethods(db),
    ...identityMethods(db),
    ...collectionMethods(db),
    ...importMethods(db, {
      openDataset,
      finishImport,
      upsertPerson: (id, p) => sql.upsertPerson.run(personParams(id, p)),
      insertMessage: (id, values) => sql.insertMessage.run(id, ...values).changes,
    }),
    close: async () => void (db.open && db.close()),
  };
}

/** Which filters a message query has: one prepared statement per shape. */
interface MessageQueryShape {
  chats: boolean;
  from: boolean;
  to: boolean;
  text: boolean;
  authors: boolean;
  excludeAuthors: boolean;
  after: boolean;
  limit: boolean;
}

function personParams(datasetId: string, p: PersonProfile) {
  const { key, platform, handle } = p;
  const { name = null, bio = null, location = null, url = null, platformId = null } = p;
  return { datasetId, key, platform, handle, name, bio, location, url, platformId };
}
