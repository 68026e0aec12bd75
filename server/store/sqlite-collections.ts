/** Live collections in SQLite (see Store.putCollection): one row per collection, its state as JSON text. */
import type { Database } from 'better-sqlite3';
import type { Store, StoredCollection } from './types.js';

type Row = { id: string; dataset_id: string; updated_at: string; state: string };
const fromRow = (r: Row): StoredCollection => ({ id: r.id, datasetId: r.dataset_id, updatedAt: r.updated_at, state: r.state });

export function collectionMethods(db: Database): Pick<Store, 'putCollection' | 'getCollection' | 'listCollections' | 'deleteCollection'> {
  // Only while the dataset exists: a collection running as its dataset is deleted must not fail on the key.
  const put = db.prepare(
    `INSERT INTO collections (id, dataset_id, updated_at, state)
     SELECT @id, @datasetId, @updatedAt, @state WHERE EXISTS (SELECT 1 FROM datasets WHERE id = @datasetId)
     ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state`,
  );
  const one = db.prepare<[string], Row>('SELECT * FROM collections WHERE id = ?');
  const ofDataset = db.prepare<[string], Row>('SELECT * FROM collections WHERE dataset_id = ? ORDER BY rowid');
  const all = db.prepare<[], Row>('SELECT * FROM collections ORDER BY rowid');
  const remove = db.prepare<[string]>('DELETE FROM collections WHERE id = ?');
  return {
    putCollection: async (c) => put.run(c).changes > 0,
    getCollection: async (id) => {
      const row = one.get(id);
      return row && fromRow(row);
    },
    listCollections: async (datasetId) => (datasetId === undefined ? all.all() : ofDataset.all(datasetId)).map(fromRow),
    deleteCollection: async (id) => remove.run(id).changes > 0,
  };
}
