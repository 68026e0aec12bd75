/**
 * One graph from the store: read the dataset's messages and people, resolve
 * sector/region (inference, roster, edits) and flags (opt-outs, relays), run
 * the analysis, return the payload's JSON (a big graph's ties thinned to a
 * backbone unless every tie is asked for). Runs in an analysis worker with
 * its own store connection, or in-process for an in-memory store.
 */
import type { BuildOptions, GraphMeta, Message, PersonProfile } from '../../shared/index.js';
import { datasetContexts } from './context-overrides.js';
import { analyze } from '../pipeline/analyze.js';
import type { BackboneOptions } from '../pipeline/backbone.js';
import { LABEL_TEXT_MAX_MESSAGES } from '../pipeline/community/describe.js';
import { payloadJson } from '../pipeline/payload.js';
import { pseudonymize } from '../pipeline/export/index.js';
import { removePeople } from '../pipeline/export/remove-people.js';
import { flaggedKeys } from '../privacy/flagged-people.js';
import type { PseudonymousRequest } from '../privacy/pseudonymous.js';
import type { Store } from '../store/types.js';

/**
 * One person across platforms: every alias key read as its canonical key, in
 * authors, mentions, replies and reposts, so the graph has one node for them.
 * The canonical profile wins; an alias's profile fills in when it has none.
 */
export function mergeIdentities(
  messages: Message[],
  people: PersonProfile[],
  links: readonly { alias: string; canonical: string }[],
): { messages: Message[]; people: PersonProfile[] } {
  if (links.length === 0) return { messages, people };
  const to = new Map(links.map((l) => [l.alias, l.canonical]));
  const canon = (k: string) => to.get(k) ?? k;
  const canonOpt = (k: string | undefined) => (k === undefined ? undefined : canon(k));
  const merged = messages.map((m) => {
    const out: Message = {
      ...m,
      author: canon(m.author),
      mentions: [...new Set(m.mentions.map(canon))].filter((k) => k !== canon(m.author)),
    };
    if (m.replyToAuthor !== undefined) out.replyToAuthor = canonOpt(m.replyToAuthor);
    if (m.repostOf !== undefined) out.repostOf = canonOpt(m.repostOf);
    return out;
  });
  const byKey = new Map<string, PersonProfile>();
  for (const p of people) if (!to.has(p.key)) byKey.set(p.key, p);
  for (const p of people) if (to.has(p.key) && !byKey.has(canon(p.key))) byKey.set(canon(p.key), { ...p, key: canon(p.key) });
  return { messages: merged, people: [...byKey.values()] };
}

export interface ComputedGraph {
  /** The payload as sent (see payloadJson). */
  json: string;
  /** Whether its edges are every tie: true unless a backbone thinned them. */
  everyTie: boolean;
}

/**
 * `backbone`: how a graph too big to draw is thinned (see analyze); `false`
 * keeps every tie. `pseudonymous`: the share's version — laid out with its
 * own seed, then pseudonymised, names scrubbed against everyone the dataset
 * knows (opted-out people included). The dataset's chat schedules apply
 * unless `options` gives its own.
 */
export async function computeGraphJson(
  store: Store,
  dataset: GraphMeta['dataset'],
  options: BuildOptions,
  backbone: Partial<BackboneOptions> | false = {},
  pseudonymous?: PseudonymousRequest,
): Promise<ComputedGraph> {
  // Only community labels read message text (their terms, community/describe.ts). In a dataset past
  // LABEL_TEXT_MAX_MESSAGES, text would cost a third of its memory: it is left out, and labels go without terms.
  const storedDataset = await store.getDataset(dataset.id);
  const messageCount = storedDataset?.counts.messages ?? Infinity;
  // The chats' schedules kept with the dataset, unless the query gave its own (the dataset's version keys the cache).
  if (!options.schedules && storedDataset?.schedules) options = { ...options, schedules: storedDataset.schedules };
  const [stored, storedPeople, flags, links] = await Promise.all([
    store.getMessages(dataset.id, {
      chats: options.chats,
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      text: messageCount <= LABEL_TEXT_MAX_MESSAGES,
    }),
    store.getPeople(dataset.id),
    store.getPersonFlags(dataset.id),
    store.getIdentities(dataset.id),
  ]);
  const { messages, people } = mergeIdentities(stored, storedPeople, links);
  const contexts = await datasetContexts(store, dataset.id, people);
  const flagged = (flag: 'opt-out' | 'relay') => flaggedKeys(flags, links, flag, () => storedPeople.map((p) => p.key));
  const optedOut = flagged('opt-out');
  let payload = analyze(
    {
      messages,
      people,
      dataset,
      sectorOf: contexts.sectorOf,
      regionOf: contexts.regionOf,
      optedOut,
      relays: flagged('relay'),
      backbone,
      ...(pseudonymous ? { layoutSeed: pseudonymous.layoutSeed } : {}),
    },
    options,
  );
  if (pseudonymous) {
    const knownPeople = [...storedPeople, ...[...new Set(stored.map((m) => m.author))].map((key) => ({ key }))];
    payload = pseudonymize(payload, { salt: pseudonymous.salt, k: pseudonymous.k, knownPeople });
  } else if (optedOut.size > 0) {
    // Their messages are out already; others' hashtags that name them (#alicefanclub) go too.
    payload = removePeople(payload, [...storedPeople.filter((p) => optedOut.has(p.key)), ...[...optedOut].map((key) => ({ key }))], {
      renameChats: false,
    });
  }
  return { json: payloadJson(payload), everyTie: payload.attributes.meta.backbone === undefined };
}
