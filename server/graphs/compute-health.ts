/**
 * One chat-health report from the store: the chats' whole history (no time
 * window: first-timers and returns are read against all of it), people and
 * their contexts as the graph resolves them (inference, roster, edits),
 * identities merged, opted-out people's messages left out, relays making no
 * ties; then the pure stage (pipeline/health), pseudonymised when asked.
 * The whole-history facts are kept in the store's results once per dataset
 * version and selection (chats, sectors, regions, session gap, schedules): a new window
 * (`from`…`to`) or privacy mode derives from them without reading messages.
 * Runs in an analysis worker like a graph, or in-process for an in-memory store.
 */
import type { HealthOptions, HealthReport } from '../../shared/index.js';
import { healthFacts, windowHealth, type HealthFacts, type HealthFactsOptions } from '../pipeline/health/index.js';
import { pseudonymizeHealth } from '../pipeline/health/pseudonymize.js';
import type { Ledger } from '../pipeline/health/remove-people.js';
import { flaggedKeys } from '../privacy/flagged-people.js';
import type { PseudonymousRequest } from '../privacy/pseudonymous.js';
import type { Store } from '../store/types.js';
import { analysisCode } from './analysis-code.js';
import { datasetContexts } from './context-overrides.js';
import { mergeIdentities } from './compute-graph.js';

/**
 * The store's key for a selection's whole-history facts (the window and the privacy mode are not part of it),
 * and the analysis code's digest, as every stored result's (analysis-code.ts).
 */
export function healthFactsKey(options: HealthOptions): string {
  const { chats, sectors, regions, sessionGapMinutes, returnWindow, schedules } = options;
  const selection = { chats, sectors, regions, sessionGapMinutes, returnWindow, ...(schedules ? { schedules } : {}) };
  return `health-facts ${JSON.stringify(selection)} code=${analysisCode()}`;
}

/** What the dataset knows of its people now: merged identities, opt-outs, relays. */
async function peopleOf(store: Store, datasetId: string) {
  const [storedPeople, flags, links] = await Promise.all([
    store.getPeople(datasetId),
    store.getPersonFlags(datasetId),
    store.getIdentities(datasetId),
  ]);
  const flagged = (flag: 'opt-out' | 'relay') => flaggedKeys(flags, links, flag, () => storedPeople.map((p) => p.key));
  return { storedPeople, links, optedOut: flagged('opt-out'), relays: flagged('relay') };
}

async function computeFacts(store: Store, datasetId: string, options: HealthFactsOptions, details = false): Promise<HealthFacts> {
  const [dataset, stored, known] = await Promise.all([
    store.getDataset(datasetId),
    store.getMessages(datasetId, { chats: options.chats, text: false }),
    peopleOf(store, datasetId),
  ]);
  const { messages, people } = mergeIdentities(stored, known.storedPeople, known.links);
  const contexts = await datasetContexts(store, datasetId, people);
  const profiles = new Map(people.map((p) => [p.key, p]));
  // The graph's label rule (analyze.ts): display name, else handle, else the key's handle part.
  const nameOf = (key: string) => profiles.get(key)?.name?.trim() || profiles.get(key)?.handle || key.slice(key.indexOf(':') + 1);
  const { optedOut } = known;
  return healthFacts(
    {
      messages: optedOut.size ? messages.filter((m) => !optedOut.has(m.author)) : messages,
      nameOf,
      sectorOf: contexts.sectorOf,
      regionOf: contexts.regionOf,
      relays: known.relays,
      // The query's schedules, else those kept with the dataset (as a graph's: compute-graph).
      ...((options.schedules ?? dataset?.schedules) ? { schedules: options.schedules ?? dataset?.schedules } : {}),
    },
    options,
    details,
  );
}

/** A selection's facts: from the store's results when this dataset version has them, else computed and kept. */
export async function healthFactsOf(store: Store, datasetId: string, options: HealthOptions): Promise<HealthFacts> {
  const dataset = await store.getDataset(datasetId);
  const key = healthFactsKey(options);
  const kept = dataset && (await store.getCachedGraph(datasetId, dataset.version, key));
  if (kept) return JSON.parse(kept) as HealthFacts;
  const facts = await computeFacts(store, datasetId, options);
  if (dataset) await store.putCachedGraph(datasetId, dataset.version, key, JSON.stringify(facts));
  return facts;
}

export async function computeHealthJson(
  store: Store,
  datasetId: string,
  options: HealthOptions,
  pseudonymous?: PseudonymousRequest,
): Promise<string> {
  // A ledger needs each question's details, which kept facts leave out: read once more (a share is rare), not kept.
  const facts =
    options.ledger && !pseudonymous ? await computeFacts(store, datasetId, options, true) : await healthFactsOf(store, datasetId, options);
  const report = windowHealth(facts, options);
  if (!pseudonymous) return JSON.stringify(options.ledger ? { ...report, ledger: ledgerOf(facts, report) } : report);
  // Numbered over everyone the dataset knows (as a pseudonymous share of it is), and their names out of chat names.
  const { storedPeople, links, optedOut } = await peopleOf(store, datasetId);
  const { people } = mergeIdentities([], storedPeople, links);
  const known = people.filter((p) => !optedOut.has(p.key)).map((p) => ({ key: p.key, handle: p.handle, name: p.name }));
  return JSON.stringify(pseudonymizeHealth(report, pseudonymous.salt, known));
}

/** Who took part in each session of the report, with their groups, and its questions' details (a named report's ledger). */
function ledgerOf(facts: HealthFacts, report: HealthReport): Ledger[] {
  const byId = new Map(facts.sessions.map((s) => [s.health.id, s]));
  return report.sessions.map((s) => {
    const { people, questions = [] } = byId.get(s.id)!;
    return { people: people.map((p) => ({ ...p, sector: facts.groups[p.key]![0], region: facts.groups[p.key]![1] })), questions };
  });
}
