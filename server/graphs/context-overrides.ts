/**
 * A dataset's sector and region for everyone: inference from profiles, then
 * roster entries, then hand edits (the most specific word wins).
 */
import type { ContextValue, PersonProfile } from '../../shared/index.js';
import { resolveContexts, type ContextResolver, type PersonContext } from '../pipeline/context/resolve.js';
import type { ContextOverride, Store } from '../store/types.js';

const RANK = { roster: 1, edited: 2 } as const;

export function overridesByKey(overrides: readonly ContextOverride[]): Map<string, Partial<PersonContext>> {
  const out = new Map<string, Partial<PersonContext>>();
  for (const o of overrides) {
    const current = out.get(o.key) ?? {};
    const value = (v: string): ContextValue => ({ value: v, source: o.source, confidence: 1, evidence: o.evidence });
    if (o.sector && (!current.sector || RANK[o.source] >= RANK[current.sector.source as keyof typeof RANK]))
      current.sector = value(o.sector);
    if (o.region && (!current.region || RANK[o.source] >= RANK[current.region.source as keyof typeof RANK]))
      current.region = value(o.region);
    out.set(o.key, current);
  }
  return out;
}

export async function datasetContexts(store: Store, datasetId: string, people: readonly PersonProfile[]): Promise<ContextResolver> {
  return resolveContexts(people, overridesByKey(await store.getContextOverrides(datasetId)));
}
