/**
 * Everyone's sector and region for a dataset: inferred from profiles, with
 * a roster entry (when given) overriding the inference. Unknown stays unknown.
 */
import type { ContextValue, PersonProfile } from '../../../shared/index.js';
import { inferContext } from './index.js';

export interface PersonContext {
  sector: ContextValue;
  region: ContextValue;
}

const UNKNOWN: ContextValue = { value: 'unknown', source: 'unknown', confidence: 0 };

export interface ContextResolver {
  of(key: string): PersonContext;
  sectorOf(key: string): string;
  regionOf(key: string): string;
}

export function resolveContexts(people: readonly PersonProfile[], overrides: ReadonlyMap<string, Partial<PersonContext>> = new Map()): ContextResolver {
  const contexts = new Map<string, PersonContext>();
  for (const p of people) contexts.set(p.key, inferContext(p));
  for (const [key, o] of overrides) contexts.set(key, { ...(contexts.get(key) ?? { sector: UNKNOWN, region: UNKNOWN }), ...o });
  const of = (key: string) => contexts.get(key) ?? { sector: UNKNOWN, region: UNKNOWN };
  return { of, sectorOf: (key) => of(key).sector.value, regionOf: (key) => of(key).region.value };
}
