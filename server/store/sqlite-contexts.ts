/** Sector/region overrides in SQLite; setting them bumps the dataset version (caches key on it). */
import type { Database } from 'better-sqlite3';
import { StoreNotFoundError } from './errors.js';
import type { ContextOverride, Store } from './types.js';
import { toContextOverrides, type ContextRow } from './rows.js';

export function contextMethods(db: Database): Pick<Store, 'setContextOverrides' | 'getContextOverrides'> {
  const upsert = db.prepare(
    `INSERT INTO context_overrides (dataset_id, key, sector, sector_source, sector_evidence, region, region_source, region_evidence)
     VALUES (@datasetId, @key, @sector, @sectorSource, @evidenceS, @region, @regionSource, @evidenceR)
     ON CONFLICT (dataset_id, key) DO UPDATE SET
       sector = COALESCE(excluded.sector, sector), sector_source = COALESCE(excluded.sector_source, sector_source),
       sector_evidence = COALESCE(excluded.sector_evidence, sector_evidence),
       region = COALESCE(excluded.region, region), region_source = COALESCE(excluded.region_source, region_source),
       region_evidence = COALESCE(excluded.region_evidence, region_evidence)`,
  );
  const bump = db.prepare(`UPDATE datasets SET version = version + 1, updated_at = ? WHERE id = ?`);
  const all = db.prepare<[string], ContextRow>('SELECT * FROM context_overrides WHERE dataset_id = ? ORDER BY key');
  const setAll = db.transaction((datasetId: string, overrides: ContextOverride[]) => {
    if (bump.run(new Date().toISOString(), datasetId).changes === 0) throw new StoreNotFoundError(`dataset ${datasetId} not found`);
    for (const o of overrides) {
      upsert.run({
        datasetId,
        key: o.key,
        sector: o.sector ?? null,
        sectorSource: o.sector ? o.source : null,
        evidenceS: o.sector ? o.evidence : null,
        region: o.region ?? null,
        regionSource: o.region ? o.source : null,
        evidenceR: o.region ? o.evidence : null,
      });
    }
  });
  return {
    setContextOverrides: async (datasetId, overrides) => setAll.immediate(datasetId, overrides),
    getContextOverrides: async (datasetId) => all.all(datasetId).flatMap(toContextOverrides),
  };
}
