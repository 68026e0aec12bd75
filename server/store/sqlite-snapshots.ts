/** Snapshots in SQLite: written once, read by id, counted per dataset. */
import type { Database } from 'better-sqlite3';
import type { Store, StoredSnapshot } from './types.js';

interface SnapshotRow {
  id: string;
  created_at: string;
  dataset_id: string;
  dataset_version: number;
  privacy: 'named' | 'pseudonymous';
  options: string;
  view: string;
  payload: string;
  report: string | null;
}

export function snapshotMethods(db: Database): Pick<Store, 'createSnapshot' | 'getSnapshot' | 'countSnapshots'> {
  const insert = db.prepare(
    `INSERT INTO snapshots (id, created_at, dataset_id, dataset_version, privacy, options, view, payload, report)
     VALUES (@id, @createdAt, @datasetId, @datasetVersion, @privacy, @options, @view, @payload, @report)`,
  );
  const byId = db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE id = ?');
  const count = db.prepare<[string], number>('SELECT count(*) FROM snapshots WHERE dataset_id = ?').pluck();
  return {
    createSnapshot: async (s: StoredSnapshot) => void insert.run({ ...s, report: s.report ?? null }),
    getSnapshot: async (id) => {
      const r = byId.get(id);
      return (
        r && {
          id: r.id,
          createdAt: r.created_at,
          datasetId: r.dataset_id,
          datasetVersion: r.dataset_version,
          privacy: r.privacy,
          options: r.options,
          view: r.view,
          payload: r.payload,
          ...(r.report === null ? {} : { report: r.report }),
        }
      );
    },
    countSnapshots: async (datasetId) => count.get(datasetId) ?? 0,
  };
}
