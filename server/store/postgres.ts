/**
 * The PostgreSQL store (pg): the same behaviour as the SQLite store, for
 * several API processes sharing one database. Every import is one
 * transaction; rows go in as column arrays through `unnest`, a batch per
 * statement, so a 100k-message file is a few dozen round trips rather than
 * 100k. Values only ever travel as bound parameters.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SourceResultSchema } from '../../shared/index.js';
import type { ChatSchedule, Dataset, Message, PersonProfile, SourceResult } from '../../shared/index.js';
import { countChatSessions } from '../pipeline/sessions.js';
import { iso, migratePostgres, qualifier, SCHEMA_NAME } from './postgres-migrations.js';
import { contextMethods } from './postgres-contexts.js';
import { resultMethods } from './postgres-results.js';
import { resolveResultLimits, type ResultLimits } from './result-limits.js';
import { flagMethods, identityMethods } from './postgres-flags.js';
import { snapshotMethods } from './postgres-snapshots.js';
import { importMethods } from './postgres-imports.js';
import { collectionMethods } from './postgres-collections.js';
import { StoreNotFoundError } from './errors.js';
import { canonicalTime } from './canonical-time.js';
import type { MessageQuery, Store } from './types.js';
import { authorActivity } from './author-activity.js';
import { mergeProfiles } from '../ingest/profiles.js';
import { IMPORT_BATCH_ROWS, messageColumns } from './postgres-messages.js';
import { toDataset, toPerson, type DatasetRow, type Nullable } from './rows.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Schema of the tables, created if missing; default: the connection's search_path (usually `public`). */
  schema?: string;
  /** Connections in this process's pool. */
  poolSize?: number;
  /** How many graph results are kept (default DEFAULT_RESULT_LIMITS); every process on the database should agree. */
  results?: Partial<ResultLimits> | undefined;
}

const datasetColumns = (a = '') =>
  `${a}id, ${a}name, ${a}version, ${iso(`${a}created_at`)} AS created_at, ${iso(`${a}updated_at`)} AS updated_at,
   ${a}sources, ${a}message_count, ${a}people_count, ${a}chat_count, ${a}session_count, ${a}chats,
   ${iso(`${a}first_time`)} AS first_time, ${iso(`${a}last_time`)} AS last_time, ${a}table_reading, ${a}session_schedules`;
/** The columns of a message; without `text`, '' stands in for it. */
const messageSelect = (
  text: boolean,
) => `id, platform, chat, ${iso('time')} AS time, author, ${text ? 'text' : `'' AS text`}, reply_to_id AS "replyToId",
  reply_to_author AS "replyToAuthor", mentions, hashtags, kind, repost_of AS "repostOf", question, answer`;
const PROFILE_FIELDS = ['handle', 'name', 'bio', 'location', 'url', 'platform_id'];

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`store: not a plain schema name: ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, application_name: 'chat-atlas' });
  // An idle connection the server drops (restart, failover) emits here; without a listener the process dies.
  // The pool discards that connection and the next query opens a fresh one.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const t = qualifier(schema);
  const [datasets, messages, people] = [t('datasets'), t('messages'), t('people')];

  const sql = {
    insertDataset: `INSERT INTO ${datasets} (id, name, version, created_at, updated_at)
      SELECT $1, $2, 1, now, now FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS now) AS n`,
    // A second import into the same dataset waits here until the first commits, then reads its version.
    // NO KEY UPDATE, not UPDATE: foreign-key checks (a snapshot made meanwhile) need not wait for the import.
    lockDataset: `SELECT version, sources FROM ${datasets} WHERE id = $1 FOR NO KEY UPDATE`,
    insertMessages: `INSERT INTO ${messages} (dataset_id, platform, id, chat, time, author, text, reply_to_id,
        reply_to_author, mentions, hashtags, kind, repost_of, question, answer)
      SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
        $9::text[], $10::jsonb[], $11::jsonb[], $12::text[], $13::text[], $14::int[], $15::int[])
      ON CONFLICT (dataset_id, platform, id) DO NOTHING`,
    // Same merge rule as SQLite: a newer non-empty value wins, else the old one, else the new (possibly empty) one.
    upsertPeople: `INSERT INTO ${people} AS p (dataset_id, key, platform, ${PROFILE_FIELDS.join(', ')})
      SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
      ON CONFLICT (dataset_id, key) DO UPDATE SET
        ${PROFILE_FIELDS.map((f) => `${f} = COALESCE(NULLIF(excluded.${f}, ''), p.${f}, excluded.${f})`).join(', ')}`,
    // Counts come from the stored rows, so duplicates and earlier imports are accounted for. Sessions ($4) are
    // counted in Node by the pipeline's own rule (countChatSessions) from each chat's times, one array per chat,
    // and its few question-marked rows.
    chatTimes: `SELECT chat, array_agg(round(extract(epoch FROM time) * 1000)::float8 ORDER BY time) AS ms
      FROM ${messages} WHERE dataset_id = $1 GROUP BY chat`,
    chatMarkers: `SELECT chat, round(extract(epoch FROM time) * 1000)::float8 AS ms, author, question, answer
      FROM ${messages} WHERE dataset_id = $1 AND kind <> 'repost' AND (question IS NOT NULL OR answer IS NOT NULL)`,
    finishImport: `WITH m AS MATERIALIZED (SELECT chat, time, author FROM ${messages} WHERE dataset_id = $1),
        totals AS (SELECT count(*)::int AS messages, count(DISTINCT author)::int AS people, min(time) AS first, max(time) AS last FROM m),
        chats AS (SELECT count(*)::int AS n, coalesce(jsonb_agg(chat ORDER BY chat), '[]') AS list FROM (SELECT DISTINCT chat FROM m) AS c)
      UPDATE ${datasets} AS d SET version = $2::int, sources = $3::json,
        updated_at = CASE WHEN $2::int = 1 THEN d.created_at ELSE date_trunc('milliseconds', clock_timestamp()) END,
        message_count = totals.messages, people_count = totals.people, chat_count = chats.n, session_count = $4::int,
        chats = chats.list, first_time = totals.first, last_time = totals.last
      FROM totals, chats WHERE d.id = $1 RETURNING ${datasetColumns('d.')}`,
    datasetById: `SELECT ${datasetColumns()} FROM ${datasets} WHERE id = $1`,
    datasetByName: `SELECT ${datasetColumns()} FROM ${datasets} WHERE name = $1 ORDER BY created_at, seq LIMIT 1`,
    datasets: `SELECT ${datasetColumns()} FROM ${datasets} ORDER BY created_at, seq`,
    people: `SELECT key, platform, handle, name, bio, location, url, platform_id AS "platformId"
      FROM ${people} WHERE dataset_id = $1 ORDER BY key`,
    peopleByKey: `SELECT key, platform, handle, name, bio, location, url, platform_id AS "platformId"
      FROM ${people} WHERE dataset_id = $1 AND key = ANY($2::text[]) ORDER BY key`,
  };

  /** BEGIN … COMMIT on one pooled connection; ROLLBACK on any error, and a connection that cannot roll back is dropped. */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** The dataset an import writes to, locked: the existing one (StoreNotFoundError if gone) or a new one. */
  async function openDataset(client: pg.PoolClient, request: { datasetId?: string | undefined; name: string }) {
    if (request.datasetId !== undefined) {
      // jsonb: the sources come back parsed.
      const { rows } = await client.query<{ version: number; sources: SourceResult[] }>(sql.lockDataset, [request.datasetId]);
      if (!rows[0]) throw new StoreNotFoundError(`store: no dataset with id ${JSON.stringify(request.datasetId)}`);
      return { id: request.datasetId, version: rows[0].version + 1, sources: rows[0].sources };
    }
    const id = randomBytes(12).toString('base64url');
    await client.query(sql.insertDataset, [id, request.name]);
    return { id, version: 1, sources: [] as SourceResult[] };
  }

  /** Merges the people in, recomputes the counts, writes the version and sources. */
  async function finishImport(
    client: pg.PoolClient,
    id: string,
    version: number,
    sources: SourceResult[],
    people: readonly PersonProfile[],
  ) {
    // One upsert cannot touch a row twice, so a key's profiles are merged here first, by the same rule.
    const profiles = mergeProfiles(people);
    for (let i = 0; i < profiles.length; i += IMPORT_BATCH_ROWS) {
      await client.query(sql.upsertPeople, peopleColumns(id, profiles.slice(i, i + IMPORT_BATCH_ROWS)));
    }
    const finished = await client.query<DatasetRow>(sql.finishImport, [
      id,
      version,
      JSON.stringify(sources),
      await countStoredSessions(client, id),
    ]);
    return toDataset(finished.rows[0]!);
  }

  /** The dataset's sessions by the pipeline's rule, chat by chat (as SQLite's countSessionsInOrder). */
  async function countStoredSessions(client: pg.PoolClient, id: string, given?: ChatSchedule[]): Promise<number> {
    const schedules =
      given ??
      (await client.query<{ s: ChatSchedule[] | null }>(`SELECT session_schedules AS s FROM ${datasets} WHERE id = $1`, [id])).rows[0]?.s ??
      [];
    const marked = new Map<string, { ms: number; author: string; question: number | undefined; answer: number | undefined }[]>();
    const markers = await client.query<{ chat: string; ms: number; author: string; question: number | null; answer: number | null }>(
      sql.chatMarkers,
      [id],
    );
    for (const r of markers.rows) {
      const list = marked.get(r.chat) ?? [];
      list.push({ ms: r.ms, author: r.author, question: r.question ?? undefined, answer: r.answer ?? undefined });
      marked.set(r.chat, list);
    }
    let sessions = 0;
    for (const r of (await client.query<{ chat: string; ms: number[] }>(sql.chatTimes, [id])).rows)
      sessions += countChatSessions(r.chat, Float64Array.from(r.ms), marked.get(r.chat) ?? [], { schedules });
    return sessions;
  }

  const dataset = async (text: string, values: unknown[]) => {
    const row = (await pool.query<DatasetRow>(text, values)).rows[0];
    return row && toDataset(row);
  };
  let closed = false;

  return {
    setSessionSchedules: (id, schedules) =>
      transaction(async (client) => {
        const sessions = await countStoredSessions(client, id, schedules);
        const row = await client.query<DatasetRow>(
          `UPDATE ${datasets} SET session_schedules = $2::jsonb, session_count = $3::int, version = version + 1,
             updated_at = date_trunc('milliseconds', clock_timestamp()) WHERE id = $1 RETURNING ${datasetColumns()}`,
          [id, schedules.length ? JSON.stringify(schedules) : null, sessions],
        );
        return row.rows[0] && toDataset(row.rows[0]);
      }),
    importFiles: (request) =>
      transaction(async (client) => {
        const { id, version, sources } = await openDataset(client, request);
        for (const file of request.files) {
          let stored = 0;
          for (let i = 0; i < file.messages.length; i += IMPORT_BATCH_ROWS) {
            stored +=
              (await client.query(sql.insertMessages, messageColumns(id, file.messages.slice(i, i + IMPORT_BATCH_ROWS)))).rowCount ?? 0;
          }
          sources.push(SourceResultSchema.parse({ ...file.result, stored }));
        }
        return finishImport(
          client,
          id,
          version,
          sources,
          request.files.flatMap((f) => f.people),
        );
      }),
    listDatasets: async () => (await pool.query<DatasetRow>(sql.datasets)).rows.map(toDataset),
    getDataset: (id) => dataset(sql.datasetById, [id]),
    findDatasetByName: (name) => dataset(sql.datasetByName, [name]),
    deleteDataset: async (id) => ((await pool.query(`DELETE FROM ${datasets} WHERE id = $1`, [id])).rowCount ?? 0) > 0,
    getMessages: async (datasetId, query: MessageQuery = {}) => {
      // Built from fixed fragments only; the values are parameters.
      const where = ['dataset_id = $1'];
      const values: unknown[] = [datasetId];
      const param = (value: unknown) => `$${values.push(value)}`;
      const add = (fragment: string, value: unknown) => where.push(fragment.replace('?', param(value)));
      if (query.chats !== undefined && query.chats.length > 0) add('chat = ANY(?::text[])', query.chats);
      if (query.from !== undefined) add('time >= ?::timestamptz', canonicalTime(query.from));
      if (query.to !== undefined) add('time <= ?::timestamptz', canonicalTime(query.to));
      if (query.authors !== undefined) add('author = ANY(?::text[])', query.authors);
      if (query.excludeAuthors !== undefined && query.excludeAuthors.length > 0) add('NOT (author = ANY(?::text[]))', query.excludeAuthors);
      if (query.after !== undefined) {
        const { time, id, platform } = query.after;
        where.push(`(time, id, platform) > (${param(canonicalTime(time))}::timestamptz, ${param(id)}, ${param(platform)})`);
      }
      const limit = query.limit === undefined ? '' : ` LIMIT ${param(query.limit)}`;
      const sqlText = `SELECT ${messageSelect(query.text !== false)} FROM ${messages} WHERE ${where.join(' AND ')} ORDER BY time, id, platform${limit}`;
      return (await pool.query<Nullable<Message>>(sqlText, values)).rows.map(toMessage);
    },
    getPeople: async (datasetId, keys) =>
      (
        await (keys === undefined
          ? pool.query<Nullable<PersonProfile>>(sql.people, [datasetId])
          : pool.query<Nullable<PersonProfile>>(sql.peopleByKey, [datasetId, keys]))
      ).rows.map(toPerson),
    getAuthorActivity: async (datasetId, authors) =>
      authorActivity(
        (
          await pool.query<{ chat: string; messages: string; first: string; last: string }>(
            `SELECT chat, COUNT(*) AS messages, ${iso('MIN(time)')} AS first, ${iso('MAX(time)')} AS last
             FROM ${messages} WHERE dataset_id = $1 AND author = ANY($2::text[]) GROUP BY chat`,
            [datasetId, authors],
          )
        ).rows,
      ),
    ...snapshotMethods(pool, t),
    ...contextMethods(pool, transaction, t),
    ...resultMethods(pool, t, resolveResultLimits(options.results)),
    ...flagMethods(pool, transaction, t),
    ...identityMethods(pool, transaction, t),
    ...collectionMethods(pool, t),
    ...importMethods(pool, t, { transaction, openDataset, finishImport }),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function peopleColumns(datasetId: string, batch: PersonProfile[]): unknown[] {
  const fields = (p: PersonProfile) => [p.key, p.platform, p.handle, p.name, p.bio, p.location, p.url, p.platformId];
  const rows = batch.map(fields);
  return [datasetId, ...Array.from({ length: 8 }, (_, c) => rows.map((r) => r[c] ?? null))];
}

/** Absent optional fields are left out, not null or undefined, so results parse and compare cleanly. */
function toMessage(r: Nullable<Message>): Message {
  const m: Message = {
    id: r.id,
    platform: r.platform,
    chat: r.chat,
    time: r.time,
    author: r.author,
    text: r.text,
    mentions: r.mentions,
    hashtags: r.hashtags,
    kind: r.kind,
  };
  if (r.replyToId !== null) m.replyToId = r.replyToId;
  if (r.replyToAuthor !== null) m.replyToAuthor = r.replyToAuthor;
  if (r.repostOf !== null) m.repostOf = r.repostOf;
  if (r.question !== null) m.question = r.question;
  if (r.answer !== null) m.answer = r.answer;
  return m;
}
