/**
 * PostgreSQL schema migrations, numbered by position like the SQLite ones
 * (sqlite-migrations.ts): only ever append; an applied migration is never
 * edited. The schema mirrors SQLite's table for table, so both stores answer
 * alike:
 * - every text column that is ordered or compared is COLLATE "C": byte order,
 *   which is what SQLite's BINARY gives, whatever the database's locale;
 * - times are timestamptz, read back through `iso()` as `toISOString()` text;
 * - message lists are jsonb (arrays keep their order); `sources` and snapshot
 *   parts are json, which keeps the text exactly as written.
 */
import type pg from 'pg';

export const PG_MIGRATIONS: readonly ((t: (table: string) => string) => string)[] = [
  // 1: datasets, messages, people; `seq` is SQLite's rowid: insertion order for ties on created_at.
  (t) => `
  CREATE TABLE ${t('datasets')} (
    id text COLLATE "C" PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    name text COLLATE "C" NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    sources json NOT NULL DEFAULT '[]',
    message_count integer NOT NULL DEFAULT 0,
    people_count integer NOT NULL DEFAULT 0,
    chat_count integer NOT NULL DEFAULT 0,
    session_count integer NOT NULL DEFAULT 0,
    chats jsonb NOT NULL DEFAULT '[]',
    first_time timestamptz,
    last_time timestamptz
  );
  CREATE INDEX datasets_name ON ${t('datasets')} (name);

  CREATE TABLE ${t('messages')} (
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    platform text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL CHECK (id <> ''),
    chat text COLLATE "C" NOT NULL CHECK (chat <> ''),
    time timestamptz NOT NULL,
    author text COLLATE "C" NOT NULL CHECK (author <> ''),
    text text NOT NULL,
    reply_to_id text,
    reply_to_author text,
    mentions jsonb NOT NULL DEFAULT '[]',
    hashtags jsonb NOT NULL DEFAULT '[]',
    kind text NOT NULL CHECK (kind IN ('post', 'reply', 'repost', 'quote')),
    repost_of text,
    question integer CHECK (question > 0),
    answer integer CHECK (answer > 0),
    PRIMARY KEY (dataset_id, platform, id)
  );
  CREATE INDEX messages_chat_time ON ${t('messages')} (dataset_id, chat, time);
  CREATE INDEX messages_time ON ${t('messages')} (dataset_id, time);

  CREATE TABLE ${t('people')} (
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    key text COLLATE "C" NOT NULL CHECK (key <> ''),
    platform text NOT NULL,
    handle text NOT NULL,
    name text,
    bio text,
    location text,
    url text,
    platform_id text,
    PRIMARY KEY (dataset_id, key)
  );
  `,
  // 2: snapshots, immutable once written; they go with their dataset.
  (t) => `
  CREATE TABLE ${t('snapshots')} (
    id text COLLATE "C" PRIMARY KEY,
    created_at timestamptz NOT NULL,
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    dataset_version integer NOT NULL,
    privacy text NOT NULL CHECK (privacy IN ('named', 'pseudonymous')),
    options json NOT NULL,
    view json NOT NULL,
    payload json NOT NULL
  );
  CREATE INDEX snapshots_dataset ON ${t('snapshots')} (dataset_id);
  `,
  // 3: sector/region set by a roster or by hand, per dataset and person (as SQLite's migration 3).
  (t) => `
  CREATE TABLE ${t('context_overrides')} (
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    key text COLLATE "C" NOT NULL,
    sector text,
    sector_source text CHECK (sector_source IN ('roster', 'edited')),
    sector_evidence text,
    region text,
    region_source text CHECK (region_source IN ('roster', 'edited')),
    region_evidence text,
    PRIMARY KEY (dataset_id, key)
  );
  `,
  // 4: analysis results (graph payload JSON) per dataset version and options (as SQLite's migration 4).
  (t) => `
  CREATE TABLE ${t('graph_results')} (
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    dataset_version integer NOT NULL,
    options_key text COLLATE "C" NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (dataset_id, dataset_version, options_key)
  );
  `,
  // 5: person flags: opt-outs and relay accounts; dataset_id '*' is the global list (so no foreign key,
  // and a trigger removes a dataset's flags with it), as SQLite's migration 5.
  (t) => `
  CREATE TABLE ${t('person_flags')} (
    dataset_id text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL,
    flag text NOT NULL CHECK (flag IN ('opt-out', 'relay')),
    PRIMARY KEY (dataset_id, key, flag)
  );
  CREATE FUNCTION ${t('drop_person_flags')}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM ${t('person_flags')} WHERE dataset_id = OLD.id;
    RETURN OLD;
  END $$;
  CREATE TRIGGER person_flags_cleanup AFTER DELETE ON ${t('datasets')} FOR EACH ROW EXECUTE FUNCTION ${t('drop_person_flags')}();
  `,
  // 6: one person across platforms: alias key → canonical key, per dataset (as SQLite's migration 6).
  (t) => `
  CREATE TABLE ${t('identities')} (
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    alias text COLLATE "C" NOT NULL,
    canonical text COLLATE "C" NOT NULL,
    PRIMARY KEY (dataset_id, alias)
  );
  `,
  // 7: import jobs and the staging rows of big imports (as SQLite's migration 7). Staging is UNLOGGED:
  // it is rebuilt by re-running the import, so it need not cost WAL; `seq` keeps insertion order.
  (t) => `
  CREATE TABLE ${t('imports')} (
    id text COLLATE "C" PRIMARY KEY,
    status text NOT NULL,
    updated_at timestamptz NOT NULL,
    job jsonb NOT NULL
  );
  CREATE INDEX imports_status ON ${t('imports')} (status, updated_at);
  CREATE UNLOGGED TABLE ${t('staged_messages')} (
    seq bigserial,
    import_id text COLLATE "C" NOT NULL,
    file_index integer NOT NULL,
    platform text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    chat text COLLATE "C" NOT NULL,
    time timestamptz NOT NULL,
    author text COLLATE "C" NOT NULL,
    text text NOT NULL,
    reply_to_id text COLLATE "C",
    reply_to_author text COLLATE "C",
    mentions jsonb NOT NULL,
    hashtags jsonb NOT NULL,
    kind text NOT NULL,
    repost_of text COLLATE "C",
    question integer,
    answer integer
  );
  CREATE INDEX staged_messages_import ON ${t('staged_messages')} (import_id, file_index, seq);
  `,
  // 8: a new dataset being imported is written in place, hidden until its import commits (as SQLite's 8).
  (t) => `
  ALTER TABLE ${t('datasets')} ADD COLUMN import_id text COLLATE "C";
  `,
  // 9: graph results are bounded, each one's size and last use in a row of its own (as SQLite's 9); `used`
  // comes from a sequence, so every process on the database counts uses on one clock.
  (t) => `
  DELETE FROM ${t('graph_results')};
  CREATE SEQUENCE ${t('graph_result_uses')};
  CREATE TABLE ${t('graph_result_use')} (
    dataset_id text COLLATE "C" NOT NULL,
    dataset_version integer NOT NULL,
    options_key text COLLATE "C" NOT NULL,
    bytes bigint NOT NULL,
    used bigint NOT NULL,
    PRIMARY KEY (dataset_id, dataset_version, options_key),
    FOREIGN KEY (dataset_id, dataset_version, options_key)
      REFERENCES ${t('graph_results')} (dataset_id, dataset_version, options_key) ON DELETE CASCADE
  );
  CREATE INDEX graph_result_use_used ON ${t('graph_result_use')} (used);
  `,
  // Issue 18: a dataset remembers how its tables were read (column mapping, time zone), for files added later.
  (t) => `
  ALTER TABLE ${t('datasets')} ADD COLUMN table_reading jsonb;
  `,
  // Issue 23: live collections (as SQLite's); `seq` keeps creation order.
  (t) => `
  CREATE TABLE ${t('collections')} (
    seq bigserial,
    id text COLLATE "C" PRIMARY KEY,
    dataset_id text COLLATE "C" NOT NULL REFERENCES ${t('datasets')} (id) ON DELETE CASCADE,
    updated_at timestamptz NOT NULL,
    state json NOT NULL
  );
  CREATE INDEX collections_dataset ON ${t('collections')} (dataset_id);
  `,
  // Issue 19: chats' schedules the user gave (as SQLite's).
  (t) => `
  ALTER TABLE ${t('datasets')} ADD COLUMN session_schedules jsonb;
  `,
  // Issue 22: a snapshot may share a session's report (as SQLite's); json keeps its text as written.
  (t) => `
  ALTER TABLE ${t('snapshots')} ADD COLUMN report json;
  `,
];

/** The schema version this code writes: the number of migrations. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** Schema names are plain identifiers, so they can be quoted into SQL without escaping. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `table` in `schema` when one is given, else as the connection's search_path finds it. */
export const qualifier = (schema: string | undefined) => (table: string) => (schema ? `"${schema}".${table}` : table);

/** A timestamptz column as `toISOString()` text, independent of the session's TimeZone. */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Any fixed number will do; it only has to differ from other applications' advisory locks. */
const MIGRATION_LOCK = 0x63_68_61_74; // "chat"

/**
 * Applies the pending migrations in one transaction under a transaction-level
 * advisory lock, so several processes starting at once take turns: the later
 * ones wait, then find the version current and apply nothing. DDL is
 * transactional in PostgreSQL, so a failed migration leaves nothing behind.
 * Refuses a schema written by newer code rather than guess at it.
 */
export async function migratePostgres(pool: pg.Pool, schema: string | undefined): Promise<number> {
  const t = qualifier(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Looked up first, as CREATE … IF NOT EXISTS checks the CREATE privilege even when the object exists:
    // so a role with only read/write rights can start once an owner has migrated.
    const found = async (sql: string, value: string) => (await client.query(sql, [value])).rowCount! > 0;
    if (schema && !(await found('SELECT 1 FROM pg_namespace WHERE nspname = $1', schema))) await client.query(`CREATE SCHEMA "${schema}"`);
    if (!(await found('SELECT 1 WHERE to_regclass($1) IS NOT NULL', t('schema_version')))) {
      await client.query(`CREATE TABLE ${t('schema_version')} (version integer NOT NULL)`);
    }
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${t('schema_version')}`);
    const current = rows[0]?.version ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(`store: database schema version ${current} is newer than this code's ${PG_SCHEMA_VERSION}`);
    }
    for (let target = current + 1; target <= PG_SCHEMA_VERSION; target++) await client.query(PG_MIGRATIONS[target - 1]!(t));
    if (rows.length === 0) await client.query(`INSERT INTO ${t('schema_version')} (version) VALUES ($1)`, [PG_SCHEMA_VERSION]);
    else if (current < PG_SCHEMA_VERSION) await client.query(`UPDATE ${t('schema_version')} SET version = $1`, [PG_SCHEMA_VERSION]);
    await client.query('COMMIT');
    return PG_SCHEMA_VERSION;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
