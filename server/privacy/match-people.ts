/**
 * Who in a dataset a typed key names: the person with that key (any
 * spelling), or everyone with that handle when no platform is given, and
 * every identity linked to them. Empty when no one in the dataset has it.
 */
import { personKey, type PersonProfile } from '../../shared/index.js';
import type { Store } from '../store/types.js';
import { identityGroups } from './identity-groups.js';
import type { KeyInput } from './person-keys.js';

async function authored(store: Store, datasetId: string, key: string): Promise<boolean> {
  return (await store.getMessages(datasetId, { authors: [key], text: false, limit: 1 })).length > 0;
}

export async function matchPeople(store: Store, datasetId: string, input: KeyInput): Promise<string[]> {
  const links = await store.getIdentities(datasetId);
  const groupOf = identityGroups(links);
  let candidates: string[];
  let profiles: PersonProfile[];
  if (input.kind === 'key') {
    candidates = groupOf(input.key);
    profiles = await store.getPeople(datasetId, candidates);
  } else {
    profiles = await store.getPeople(datasetId);
    const platforms = [...new Set(profiles.map((p) => p.platform))];
    candidates = [
      ...profiles
        .filter((p) => p.key.slice(p.platform.length + 1) === input.handle || p.handle.toLowerCase() === input.handle)
        .map((p) => p.key),
      ...platforms.map((p) => personKey(p, input.handle)),
    ];
  }
  const withProfile = new Set(profiles.map((p) => p.key));
  const found = new Set<string>();
  for (const key of new Set(candidates)) {
    if (found.has(key)) continue;
    if (withProfile.has(key) || (await authored(store, datasetId, key))) for (const k of groupOf(key)) found.add(k);
  }
  return [...found].sort();
}
