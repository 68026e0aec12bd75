/**
 * SQLite schema migrations, numbered by position: migration N brings a
 * database from `PRAGMA user_version = N-1` to N. Only ever append to the
 * list; an applied migration is never edited, or existing databases drift.
 */
import type { Database } from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: datasets, messages, people. Times are canonical ISO UTC strings
  // (`toISOString`), so text order is time order. Lists are JSON text.
  // The datasets row caches counts, chats and bounds at import time so
  // listing datasets never rescans messages.
  `
  CREATE TABLE datasets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sources)),
    message_count INTEGER NOT NULL DEFAULT 0,
    people_count INTEGER NOT NULL DEFAULT 0,
    chat_count INTEGER NOT NULL DEFAULT 0,
    session_count INTEGER NOT NULL DEFAULT 0,
    chats TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chats)),
    first_time TEXT,
    last_time TEXT
  );
  CREATE INDEX datasets_name ON datasets (name);

  CREATE TABLE messages (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    id TEXT NOT NULL CHECK (id <> ''),
    chat TEXT NOT NULL CHECK (chat <> ''),
    time TEXT NOT NULL,
    author TEXT NOT NULL CHECK (author <> ''),
    text TEXT NOT NULL,
    reply_to_id TEXT,
    reply_to_author TEXT,
    mentions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mentions)),
    hashtags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hashtags)),
    kind TEXT NOT NULL CHECK (kind IN ('post', 'reply', 'repost', 'quote')),
    repost_of TEXT,
    question INTEGER CHECK (question > 0),
    answer INTEGER CHECK (answer > 0),
    PRIMARY KEY (dataset_id, platform, id)
  );
  CREATE INDEX messages_chat_time ON messages (dataset_id, chat, time);
  CREATE INDEX messages_time ON messages (dataset_id, time);

  CREATE TABLE people (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (key <> ''),
    platform TEXT NOT NULL,
    handle TEXT NOT NULL,
    name TEXT,
    bio TEXT,
    location TEXT,
    url TEXT,
    platform_id TEXT,
    PRIMARY KEY (dataset_id, key)
  );
  `,
  // 2: snapshots, immutable once written; they go with their dataset.
  `
  CREATE TABLE snapshots (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    dataset_version INTEGER NOT NULL,
    privacy TEXT NOT NULL CHECK (privacy IN ('named', 'pseudonymous')),
    options TEXT NOT NULL CHECK (json_valid(options)),
    view TEXT NOT NULL CHECK (json_valid(view)),
    payload TEXT NOT NULL CHECK (json_valid(payload))
  );
  CREATE INDEX snapshots_dataset ON snapshots (dataset_id);
  `,
  // 3: sector/region set by a roster or by hand, per dataset and person.
  `
  CREATE TABLE context_overrides (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    sector TEXT,
    sector_source TEXT CHECK (sector_source IN ('roster', 'edited')),
    sector_evidence TEXT,
    region TEXT,
    region_source TEXT CHECK (region_source IN ('roster', 'edited')),
    region_evidence TEXT,
    PRIMARY KEY (dataset_id, key)
  );
  `,
  // 4: analysis results (graph payload JSON) per dataset version and options.
  `
  CREATE TABLE graph_results (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    dataset_version INTEGER NOT NULL,
    options_key TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (dataset_id, dataset_version, options_key)
  );
  `,
  // 5: person flags: opt-outs and relay accounts; dataset_id '*' is the global list (so no foreign key,
  // and a trigger removes a dataset's flags with it).
  `
  CREATE TABLE person_flags (
    dataset_id TEXT NOT NULL,
    key TEXT NOT NULL,
    flag TEXT NOT NULL CHECK (flag IN ('opt-out', 'relay')),
    PRIMARY KEY (dataset_id, key, flag)
  );
  CREATE TRIGGER person_flags_cleanup AFTER DELETE ON datasets BEGIN
    DELETE FROM person_flags WHERE dataset_id = old.id;
  END;
  `,
  // 6: one person across platforms: alias key → canonical key, per dataset.
  `
  CREATE TABLE identities (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (dataset_id, alias)
  );
  `,
  // 7: import jobs (the job as JSON; status and updated_at beside it to find unfinished ones) and the
  // staging rows of big imports, moved into messages at commit. Staged rows keep insertion order by rowid.
  `
  CREATE TABLE imports (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    job TEXT NOT NULL CHECK (json_valid(job))
  );
  CREATE INDEX imports_status ON imports (status, updated_at);
  CREATE TABLE staged_messages (
    import_id TEXT NOT NULL,
    file_index INTEGER NOT NULL,
    platform TEXT NOT NULL,
    id TEXT NOT NULL,
    chat TEXT NOT NULL,
    time TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    reply_to_id TEXT,
    reply_to_author TEXT,
    mentions TEXT NOT NULL,
    hashtags TEXT NOT NULL,
    kind TEXT NOT NULL,
    repost_of TEXT,
    question INTEGER,
    answer INTEGER
  );
  CREATE INDEX staged_messages_import ON staged_messages (import_id, file_index);
  `,
  // 8: a new dataset being imported is written in place, hidden until its import commits: `import_id`
  // names the import while it runs and is NULL for every visible dataset.
  `
  ALTER TABLE datasets ADD COLUMN import_id TEXT;
  `,
  // 9: graph results are bounded (see result-limits.ts): each one's size and last use, kept in a small row
  // of its own, as marking a read in the result's row would rewrite its megabytes. Results from before are
  // dropped, not measured (an unbounded cache may hold gigabytes): they are computed again when asked for.
  `
  DELETE FROM graph_results;
  CREATE TABLE graph_result_use (
    dataset_id TEXT NOT NULL,
    dataset_version INTEGER NOT NULL,
    options_key TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (dataset_id, dataset_version, options_key),
    FOREIGN KEY (dataset_id, dataset_version, options_key) REFERENCES graph_results (dataset_id, dataset_version, options_key) ON DELETE CASCADE
  );
  CREATE INDEX graph_result_use_used ON graph_result_use (used);
  `,
  // Issue 18: a dataset remembers how its tables were read (column mapping, time zone), for files added later.
  `
  ALTER TABLE datasets ADD COLUMN table_reading TEXT;
  `,
  // Issue 23: live collections from Mastodon and Bluesky, their state (cursors, history, encrypted credentials) as JSON.
  `
  CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    updated_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (json_valid(state))
  );
  CREATE INDEX collections_dataset ON collections (dataset_id);
  `,
  // Issue 19: chats' schedules the user gave, as JSON (their sessions are the scheduled hours).
  `
  ALTER TABLE datasets ADD COLUMN session_schedules TEXT;
  `,
  // Issue 22: a snapshot may share a session's report (Chat health), frozen as JSON beside the session's graph.
  `
  ALTER TABLE snapshots ADD COLUMN report TEXT CHECK (report IS NULL OR json_valid(report));
  `,
];

/** The schema version this code writes: the number of migrations. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the pending migrations, each in its own IMMEDIATE transaction so
 * two processes opening the same file at once cannot both apply one: the
 * second waits on the write lock, then re-reads `user_version` and skips.
 * Refuses a database written by a newer schema rather than guess at it.
 */
export function migrate(db: Database): number {
  const readVersion = () => db.pragma('user_version', { simple: true }) as number;
  const initial = readVersion();
  if (initial > SCHEMA_VERSION) {
    throw new Error(`store: database schema version ${initial} is newer than this code's ${SCHEMA_VERSION}`);
  }
  for (let target = initial + 1; target <= SCHEMA_VERSION; target++) {
    const sql = MIGRATIONS[target - 1]!;
    db.transaction(() => {
      if (readVersion() >= target) return;
      db.exec(sql);
      // PRAGMA takes no bound parameters; `target` is our own integer.
      db.pragma(`user_version = ${target}`);
    }).immediate();
  }
  return readVersion();
}
