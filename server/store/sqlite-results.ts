/**
 * Graph results in SQLite, per dataset version and options key (see
 * Store.getCachedGraph), kept within their limits (result-limits.ts): each
 * result's size and last use sit in graph_result_use, and a put drops the
 * least recently used past either bound.
 */
import type { Database } from 'better-sqlite3';
import type { ResultLimits } from './result-limits.js';
import type { Store } from './types.js';

type Key = [string, number, string];
const WHERE_KEY = 'dataset_id = ? AND dataset_version = ? AND options_key = ?';
/** One more than the last use: a counter, so two uses in the same millisecond still come in order. */
const NEXT_USE = '(SELECT ifnull(max(used), 0) + 1 FROM graph_result_use)';

export function resultMethods(db: Database, limits: ResultLimits): Pick<Store, 'getCachedGraph' | 'putCachedGraph'> {
  const get = db.prepare<Key, string>(`SELECT json FROM graph_results WHERE ${WHERE_KEY}`).pluck();
  const touch = db.prepare<Key>(`UPDATE graph_result_use SET used = ${NEXT_USE} WHERE ${WHERE_KEY}`);
  const put = db.prepare<[...Key, string]>(
    `INSERT INTO graph_results (dataset_id, dataset_version, options_key, json) VALUES (?, ?, ?, ?)
     ON CONFLICT (dataset_id, dataset_version, options_key) DO UPDATE SET json = excluded.json`,
  );
  const putUse = db.prepare<[...Key, number]>(
    `INSERT INTO graph_result_use (dataset_id, dataset_version, options_key, bytes, used) VALUES (?, ?, ?, ?, ${NEXT_USE})
     ON CONFLICT (dataset_id, dataset_version, options_key) DO UPDATE SET bytes = excluded.bytes, used = excluded.used`,
  );
  const remove = db.prepare<Key>(`DELETE FROM graph_results WHERE ${WHERE_KEY}`);
  const dropOld = db.prepare('DELETE FROM graph_results WHERE dataset_id = ? AND dataset_version < ?');
  const exists = db.prepare<[string], number>('SELECT count(*) FROM datasets WHERE id = ?').pluck();
  // Most recently used first: everything past the first maxEntries, or past maxBytes in all, goes.
  const evict = db.prepare<[number, number]>(
    `DELETE FROM graph_results WHERE (dataset_id, dataset_version, options_key) IN (
       SELECT dataset_id, dataset_version, options_key FROM (
         SELECT dataset_id, dataset_version, options_key, row_number() OVER recent AS n, sum(bytes) OVER recent AS total
         FROM graph_result_use WINDOW recent AS (ORDER BY used DESC, rowid DESC))
       WHERE n > ? OR total > ?)`,
  );
  const putAll = db.transaction((id: string, version: number, key: string, json: string, bytes: number) => {
    if (!exists.get(id)) return; // deleted meanwhile: nothing to cache
    dropOld.run(id, version);
    // One bigger than all the room would push every other out, then go itself.
    if (bytes > limits.maxBytes) return void remove.run(id, version, key);
    put.run(id, version, key, json);
    putUse.run(id, version, key, bytes);
    evict.run(limits.maxEntries, limits.maxBytes);
  });

  /**
   * Marks a read: never waits for another connection's write (an import's commit may hold the lock for
   * seconds, and this runs on the server's event loop). A busy database skips it; recency is a hint.
   */
  const markUsed = (id: string, version: number, key: string) => {
    const wait = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      touch.run(id, version, key);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    } finally {
      db.pragma(`busy_timeout = ${Number(wait)}`);
    }
  };

  return {
    getCachedGraph: async (id, version, key) => {
      const json = get.get(id, version, key);
      if (json !== undefined) markUsed(id, version, key);
      return json;
    },
    putCachedGraph: async (id, version, key, json) => putAll.immediate(id, version, key, json, Buffer.byteLength(json)),
  };
}
