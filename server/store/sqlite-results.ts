/** Graph results in SQLite, per dataset version and options key (see Store.getCachedGraph). */
import type { Database } from 'better-sqlite3';
import type { Store } from './types.js';

export function resultMethods(db: Database): Pick<Store, 'getCachedGraph' | 'putCachedGraph'> {
  const get = db.prepare<[string, number, string], string>('SELECT json FROM graph_results WHERE dataset_id = ? AND dataset_version = ? AND options_key = ?').pluck();
  const put = db.prepare('INSERT OR REPLACE INTO graph_results (dataset_id, dataset_version, options_key, json) VALUES (?, ?, ?, ?)');
  const dropOld = db.prepare('DELETE FROM graph_results WHERE dataset_id = ? AND dataset_version < ?');
  const exists = db.prepare<[string], number>('SELECT count(*) FROM datasets WHERE id = ?').pluck();
  const putAll = db.transaction((id: string, version: number, key: string, json: string) => {
    if (!exists.get(id)) return; // deleted meanwhile: nothing to cache
    dropOld.run(id, version);
    put.run(id, version, key, json);
  });
  return {
    getCachedGraph: async (id, version, key) => get.get(id, version, key),
    putCachedGraph: async (id, version, key, json) => putAll.immediate(id, version, key, json),
  };
}
