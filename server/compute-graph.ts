/**
 * One graph from the store: read the dataset's messages and people, resolve
 * sector/region (inference, roster, edits) and flags (opt-outs, relays), run
 * the analysis, return the payload's JSON. Runs in an analysis worker with
 * its own store connection, or in-process for an in-memory store.
 */
import type { BuildOptions, GraphMeta } from '../shared/index.js';
import { datasetContexts } from './context-overrides.js';
import { analyze } from './pipeline/analyze.js';
import type { Store } from './store/types.js';

export async function computeGraphJson(store: Store, dataset: GraphMeta['dataset'], options: BuildOptions): Promise<string> {
  const [messages, people, flags] = await Promise.all([
    store.getMessages(dataset.id, { chats: options.chats, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) }),
    store.getPeople(dataset.id),
    store.getPersonFlags(dataset.id),
  ]);
  const contexts = await datasetContexts(store, dataset.id, people);
  const flagged = (flag: string) => new Set(flags.filter((f) => f.flag === flag).map((f) => f.key));
  const payload = analyze(
    { messages, people, dataset, sectorOf: contexts.sectorOf, regionOf: contexts.regionOf, optedOut: flagged('opt-out'), relays: flagged('relay') },
    options,
  );
  return JSON.stringify(payload);
}
