/** Person flags in SQLite (see Store.setPersonFlag). */
import type { Database } from 'better-sqlite3';
import { StoreNotFoundError } from './errors.js';
import type { FlaggedPerson, Store } from './types.js';

export function flagMethods(db: Database): Pick<Store, 'setPersonFlag' | 'getPersonFlags'> {
  const add = db.prepare('INSERT OR IGNORE INTO person_flags (dataset_id, key, flag) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM person_flags WHERE dataset_id = ? AND key = ? AND flag = ?');
  const bumpOne = db.prepare('UPDATE datasets SET version = version + 1, updated_at = ? WHERE id = ?');
  const bumpAll = db.prepare('UPDATE datasets SET version = version + 1, updated_at = ?');
  const all = db.prepare<[string], { dataset_id: string; key: string; flag: FlaggedPerson['flag'] }>(
    "SELECT dataset_id, key, flag FROM person_flags WHERE dataset_id IN (?, '*') ORDER BY dataset_id, key, flag",
  );
  const set = db.transaction((datasetId: string, key: string, flag: FlaggedPerson['flag'], on: boolean) => {
    const now = new Date().toISOString();
    if (datasetId === '*') bumpAll.run(now);
    else if (bumpOne.run(now, datasetId).changes === 0) throw new StoreNotFoundError(`dataset ${datasetId} not found`);
    (on ? add : remove).run(datasetId, key, flag);
  });
  return {
    setPersonFlag: async (datasetId, key, flag, on) => set.immediate(datasetId, key, flag, on),
    getPersonFlags: async (datasetId) => all.all(datasetId).map((r) => ({ datasetId: r.dataset_id, key: r.key, flag: r.flag })),
  };
}

/** Identity links in SQLite (see Store.setIdentities). */
export function identityMethods(db: Database): Pick<Store, 'setIdentities' | 'getIdentities'> {
  const upsert = db.prepare(
    'INSERT INTO identities (dataset_id, alias, canonical) VALUES (?, ?, ?) ON CONFLICT (dataset_id, alias) DO UPDATE SET canonical = excluded.canonical',
  );
  const bump = db.prepare('UPDATE datasets SET version = version + 1, updated_at = ? WHERE id = ?');
  const all = db.prepare<[string], { alias: string; canonical: string }>(
    'SELECT alias, canonical FROM identities WHERE dataset_id = ? ORDER BY alias',
  );
  const set = db.transaction((datasetId: string, links: { alias: string; canonical: string }[]) => {
    if (bump.run(new Date().toISOString(), datasetId).changes === 0) throw new StoreNotFoundError(`dataset ${datasetId} not found`);
    for (const l of links) upsert.run(datasetId, l.alias, l.canonical);
  });
  return {
    setIdentities: async (datasetId, links) => set.immediate(datasetId, links),
    getIdentities: async (datasetId) => all.all(datasetId),
  };
}
