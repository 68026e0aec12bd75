/**
 * One chat-health report from the store: the chats' whole history (no time
 * window: first-timers and returns are read against all of it), people and
 * their contexts as the graph resolves them (inference, roster, edits),
 * identities merged, opted-out people's messages left out, relays making no
 * ties; then the pure stage (pipeline/health), pseudonymised when asked.
 * Runs in an analysis worker like a graph, or in-process for an in-memory store.
 */
import type { HealthOptions } from '../../shared/index.js';
import { computeHealth } from '../pipeline/health/index.js';
import { pseudonymizeHealth } from '../pipeline/health/pseudonymize.js';
import { flaggedKeys } from '../privacy/flagged-people.js';
import type { PseudonymousRequest } from '../privacy/pseudonymous.js';
import type { Store } from '../store/types.js';
import { datasetContexts } from './context-overrides.js';
import { mergeIdentities } from './compute-graph.js';

export async function computeHealthJson(
  store: Store,
  datasetId: string,
  options: HealthOptions,
  pseudonymous?: PseudonymousRequest,
): Promise<string> {
  const [dataset, stored, storedPeople, flags, links] = await Promise.all([
    store.getDataset(datasetId),
    store.getMessages(datasetId, { chats: options.chats, text: false }),
    store.getPeople(datasetId),
    store.getPersonFlags(datasetId),
    store.getIdentities(datasetId),
  ]);
  const { messages, people } = mergeIdentities(stored, storedPeople, links);
  const contexts = await datasetContexts(store, datasetId, people);
  const flagged = (flag: 'opt-out' | 'relay') => flaggedKeys(flags, links, flag, () => storedPeople.map((p) => p.key));
  const optedOut = flagged('opt-out');
  const profiles = new Map(people.map((p) => [p.key, p]));
  // The graph's label rule (analyze.ts): display name, else handle, else the key's handle part.
  const nameOf = (key: string) => profiles.get(key)?.name?.trim() || profiles.get(key)?.handle || key.slice(key.indexOf(':') + 1);
  const report = computeHealth(
    {
      messages: optedOut.size ? messages.filter((m) => !optedOut.has(m.author)) : messages,
      nameOf,
      sectorOf: contexts.sectorOf,
      regionOf: contexts.regionOf,
      relays: flagged('relay'),
      ...(dataset?.schedules ? { schedules: dataset.schedules } : {}),
    },
    options,
  );
  if (!pseudonymous) return JSON.stringify(report);
  // Numbered over everyone the dataset knows (as a pseudonymous share of it is), and their names out of chat names.
  const known = people.filter((p) => !optedOut.has(p.key)).map((p) => ({ key: p.key, handle: p.handle, name: p.name }));
  return JSON.stringify(pseudonymizeHealth(report, pseudonymous.salt, known));
}
