/**
 * The PostgreSQL store: the shared Store contract against a real server
 * (tests/support/postgres.ts starts a throwaway one), then what only a shared
 * database has: several stores (processes) at once, concurrent imports,
 * concurrent migrations. Without a server the suite is skipped and says
 * why, except under CI, where a skip would hide the backend, so it fails.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { IMPORT_BATCH_ROWS } from '../../server/store/postgres-messages.js';
import { PG_SCHEMA_VERSION } from '../../server/store/postgres-migrations.js';
import type { Store } from '../../server/store/types.js';
import { startTestPostgres } from '../support/postgres.js';
import { describeStoreContract, file, msg, person } from './store-contract.js';

const available = await startTestPostgres();
const url = available.ok ? available.server.url : '';
const admin = available.ok ? new pg.Pool({ connectionString: url, max: 2 }) : undefined;
afterAll(async () => {
  await admin?.end();
  if (available.ok) await available.server.stop();
});

/** A schema of its own per store, so every test starts empty and files may share one server. */
const newSchema = () => `t_${randomBytes(6).toString('hex')}`;
const dropSchema = async (schema: string) => void (await admin!.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
const sample = () => [file('a.csv', [msg({ author: 'twitter:a' }), msg({ author: 'twitter:b' })], [person('a'), person('b')])];
const count = async (sql: string, values: unknown[] = []) => Number((await admin!.query(sql, values)).rows[0].n);

if (!available.ok && process.env.CI) {
  describe('postgres store', () => {
    it('has a PostgreSQL server to test against (CI must not skip this backend)', () => {
      throw new Error(available.reason);
    });
  });
} else if (!available.ok) {
  console.warn(`postgres store tests skipped: ${available.reason}`);
}

const suite = available.ok ? describe : describe.skip;
suite(available.ok ? 'postgres' : `postgres (skipped: ${available.reason})`, () => {
  describeStoreContract('postgres', async (options) => {
    const schema = newSchema();
    const store = await openPostgresStore({ connectionString: url, schema, ...options });
    return { store, cleanup: async () => (await store.close(), await dropSchema(schema)) };
  });

  describe('postgres store, shared by several processes', () => {
    const opened: Store[] = [];
    const schemas: string[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      for (const schema of schemas.splice(0)) await dropSchema(schema);
    });
    const schemaFor = () => {
      const schema = newSchema();
      schemas.push(schema);
      return schema;
    };
    const open = async (schema: string) => {
      const store = await openPostgresStore({ connectionString: url, schema });
      opened.push(store);
      return store;
    };

    it('lets two stores on one database see each other’s imports at once', async () => {
      const schema = schemaFor();
      const [a, b] = [await open(schema), await open(schema)];
      const dataset = await a.importFiles({ name: 'shared', files: sample() });
      expect(await b.getDataset(dataset.id)).toStrictEqual(dataset);
      const next = await b.importFiles({ datasetId: dataset.id, name: 'shared', files: [file('b.csv', [msg({ author: 'twitter:c' })])] });
      expect(next.version).toBe(2);
      expect(await a.getDataset(dataset.id)).toStrictEqual(next);
      expect(await a.getMessages(dataset.id)).toHaveLength(3);
    });

    it('lands concurrent imports into one dataset one after the other, as versions 2 and 3, counting exactly', async () => {
      const schema = schemaFor();
      const [a, b] = [await open(schema), await open(schema)];
      const base = await a.importFiles({ name: 'busy', files: [] });
      const shared = Array.from({ length: 3000 }, (_, i) => msg({ author: `twitter:s${i % 50}` }));
      const own = (who: string) => Array.from({ length: 2000 }, (_, i) => msg({ author: `twitter:${who}${i % 50}` }));
      const imports = await Promise.all([
        a.importFiles({ datasetId: base.id, name: 'busy', files: [file('a.csv', [...shared, ...own('a')])] }),
        b.importFiles({ datasetId: base.id, name: 'busy', files: [file('b.csv', [...shared, ...own('b')])] }),
      ]);
      expect(imports.map((d) => d.version).sort()).toEqual([2, 3]);
      const last = (await a.getDataset(base.id))!;
      expect(last.version).toBe(3);
      expect(last.counts.messages).toBe(7000);
      // Whichever came second found the shared messages already there.
      expect(last.sources.map((s) => s.stored).sort()).toEqual([2000, 5000]);
    });

    it('makes an import wait for another writer of the dataset to commit, then build on its version', async () => {
      const schema = schemaFor();
      const store = await open(schema);
      const dataset = await store.importFiles({ name: 'locked', files: sample() });
      const holder = await admin!.connect();
      try {
        await holder.query('BEGIN');
        // Another process mid-import: it holds the row and has bumped the version, not yet committed.
        await holder.query(`UPDATE "${schema}".datasets SET version = version + 1 WHERE id = $1`, [dataset.id]);
        let done = false;
        const waiting = store.importFiles({ datasetId: dataset.id, name: 'locked', files: [] }).then((d) => ((done = true), d));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(done).toBe(false);
        await holder.query('COMMIT');
        expect((await waiting).version).toBe(3);
      } finally {
        holder.release();
      }
    });

    it('lets a snapshot of a dataset be made while an import into it is under way', async () => {
      const schema = schemaFor();
      const store = await open(schema);
      const dataset = await store.importFiles({ name: 'busy', files: sample() });
      // Hold the import up after it has locked its dataset row: another session keeps the messages table from inserts.
      const blocker = await admin!.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query(`LOCK TABLE "${schema}".messages IN SHARE MODE`);
        const importing = store.importFiles({
          datasetId: dataset.id,
          name: 'busy',
          files: [file('more.csv', [msg({ author: 'twitter:c' })])],
        });
        const waiting = `SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = '"${schema}".messages'::regclass`;
        while ((await count(waiting)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        const snapshot = {
          id: 'during',
          createdAt: dataset.createdAt,
          datasetId: dataset.id,
          datasetVersion: 1,
          privacy: 'named' as const,
          options: '{}',
          view: '{}',
          payload: '{}',
        };
        const made = store.createSnapshot(snapshot).then(() => 'made');
        expect(await Promise.race([made, new Promise((resolve) => setTimeout(() => resolve('blocked'), 1000))])).toBe('made');
        await blocker.query('COMMIT');
        expect((await importing).version).toBe(2);
      } finally {
        await blocker.query('ROLLBACK').catch(() => {});
        blocker.release();
      }
    });

    it('counts stored messages exactly across batch boundaries', async () => {
      const store = await open(schemaFor());
      const messages = Array.from({ length: IMPORT_BATCH_ROWS * 2 + 7 }, () => msg({ author: 'twitter:bulk' }));
      // Repeats of earlier messages land in later batches and in the same batch.
      const withRepeats = [...messages, messages[0]!, messages[IMPORT_BATCH_ROWS]!, messages[messages.length - 1]!];
      const dataset = await store.importFiles({ name: 'bulk', files: [file('big.csv', withRepeats)] });
      expect(dataset.sources[0]).toMatchObject({ messages: withRepeats.length, stored: messages.length });
      expect(dataset.counts.messages).toBe(messages.length);
      expect((await store.getMessages(dataset.id)).map((m) => m.id)).toEqual(messages.map((m) => m.id));
    });

    it('migrates once when several processes start at once, and re-opening changes nothing', async () => {
      const schema = schemaFor();
      await Promise.all([0, 1, 2, 3].map(() => open(schema)));
      const version = () => admin!.query(`SELECT version FROM "${schema}".schema_version`).then((r) => r.rows);
      expect(await version()).toEqual([{ version: PG_SCHEMA_VERSION }]);
      const dataset = await opened[0]!.importFiles({ name: 'kept', files: sample() });
      const again = await open(schema);
      expect(await again.getDataset(dataset.id)).toStrictEqual(dataset);
      expect(await version()).toEqual([{ version: PG_SCHEMA_VERSION }]);
    });

    it('refuses a schema written by newer code, and a schema name that is not a plain identifier', async () => {
      const schema = schemaFor();
      await open(schema);
      await admin!.query(`UPDATE "${schema}".schema_version SET version = version + 1`);
      await expect(openPostgresStore({ connectionString: url, schema })).rejects.toThrow(/newer/);
      await expect(openPostgresStore({ connectionString: url, schema: 'x"; DROP SCHEMA public; --' })).rejects.toThrow(/schema name/);
    });

    // Needs to log in as a new role without a password: only on the throwaway (trust) cluster.
    it.skipIf(process.env.TEST_DATABASE_URL)('runs as a role that may read and write but not create, once migrated', async () => {
      const schema = schemaFor();
      await open(schema);
      const role = `r_${randomBytes(6).toString('hex')}`;
      await admin!.query(`CREATE ROLE ${role} LOGIN; GRANT USAGE ON SCHEMA "${schema}" TO ${role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`);
      try {
        const asRole = new URL(url);
        asRole.username = role;
        const store = await openPostgresStore({ connectionString: asRole.href, schema });
        const dataset = await store.importFiles({ name: 'least privilege', files: sample() });
        expect(await store.deleteDataset(dataset.id)).toBe(true);
        await store.close();
      } finally {
        await admin!.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
      }
    });

    it('cascades a delete to the message, people and snapshot rows', async () => {
      const schema = schemaFor();
      const store = await open(schema);
      const [doomed, kept] = [
        await store.importFiles({ name: 'doomed', files: sample() }),
        await store.importFiles({ name: 'kept', files: sample() }),
      ];
      for (const d of [doomed, kept]) {
        await store.createSnapshot({
          id: `s-${d.id}`,
          createdAt: d.createdAt,
          datasetId: d.id,
          datasetVersion: 1,
          privacy: 'named',
          options: '{}',
          view: '{}',
          payload: '{}',
        });
      }
      await store.deleteDataset(doomed.id);
      const rows = (id: string) =>
        Promise.all(
          ['messages', 'people', 'snapshots'].map((t) => count(`SELECT count(*) AS n FROM "${schema}".${t} WHERE dataset_id = $1`, [id])),
        );
      expect(await rows(doomed.id)).toEqual([0, 0, 0]);
      expect(await rows(kept.id)).toEqual([2, 2, 1]);
    });

    it('closes more than once without complaint', async () => {
      const store = await open(schemaFor());
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });

  describe('openStore', () => {
    it('opens PostgreSQL for a DATABASE_URL, honouring a search_path given in it', async () => {
      const schema = newSchema();
      await admin!.query(`CREATE SCHEMA "${schema}"`);
      try {
        const withPath = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
        const store = await openStore({ DATABASE_URL: withPath, DATA_DIR: '/nonexistent' });
        const dataset = await store.importFiles({ name: 'via url', files: sample() });
        await store.close();
        expect(await count(`SELECT count(*) AS n FROM "${schema}".messages WHERE dataset_id = $1`, [dataset.id])).toBe(2);
      } finally {
        await dropSchema(schema);
      }
    });
  });
});

describe('openStore without PostgreSQL', () => {
  it('opens SQLite under DATA_DIR when DATABASE_URL is unset or empty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-store-'));
    try {
      for (const DATABASE_URL of [undefined, '']) {
        const store = await openStore({ DATABASE_URL, DATA_DIR: dir });
        expect((store as Store & { path?: string }).path).toBe(path.join(dir, 'chat-atlas.sqlite'));
        await store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a DATABASE_URL that is not postgres://, without echoing it', async () => {
    const rejected = openStore({ DATABASE_URL: 'mysql://user:s3cret@host/db', DATA_DIR: '/nonexistent' });
    await expect(rejected).rejects.toThrow(/postgres:\/\//);
    await expect(rejected).rejects.not.toThrow(/s3cret/);
  });
});
