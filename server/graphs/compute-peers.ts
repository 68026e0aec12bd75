/**
 * A whole peers answer (peers-answer), read in an analysis process: reading a
 * big view's messages, its key phrases and its people's context, and ranking
 * them, is seconds of CPU (L: about 10 s each request, 40 s the first) that
 * on the server's own thread would keep every other request waiting. The
 * process keeps the last views it answered (peers-view), so the next person's
 * peers in the same view are only a ranking; the pool sends a view's requests
 * to the process that holds it. The server sends who asks and the view's
 * key, and gets back the answer's JSON, a few kilobytes.
 */
import { withTieCounts, type BuildOptions, type GraphMeta, type GraphPayloadInput } from '../../shared/index.js';
import type { BackboneOptions } from '../pipeline/backbone.js';
import { personTopics } from '../pipeline/words.js';
import type { Store } from '../store/types.js';
import { computeGraphJson } from './compute-graph.js';
import { answerPeers, type PeersAsk, type PeersOutcome } from './peers-answer.js';
import { PeersViewCache, peersViewKey, readPeersView, type PeersViewPeople } from './peers-view.js';

/** What the route knows of the view beyond its dataset and options, fixed so the process reads what the route would. */
export interface PeersRequest extends PeersViewPeople {
  /** The store's key of the view's graph (GraphCache.resultKey: options, backbone, analysis code). */
  graphKey: string;
  ask: PeersAsk;
}

/** The answer's JSON; `fresh`: this request read the view (it was not kept in this process). */
export interface PeersReply {
  outcome: PeersOutcome;
  fresh: boolean;
}

/**
 * Two views, a million and a half messages at most between them: a view of L holds its million messages and
 * their phrases, a gigabyte or more of this process's heap.
 */
const views = new PeersViewCache({ views: 2, messages: 1_500_000 });

/** `options` resolved (resolveBuildOptions), as for the view's graph; `backbone` as the graph's (to compute it if the store lost it). */
export async function computePeersJson(
  store: Store,
  dataset: GraphMeta['dataset'],
  options: BuildOptions,
  backbone: Partial<BackboneOptions> | false,
  request: PeersRequest,
): Promise<string> {
  const key = peersViewKey(dataset, options, request, request.graphKey);
  views.dropOlder(dataset);
  const { view, fresh } = views.get(key, async () => {
    // The server asked for the graph first, so a process stored it; computed here only if the store lost it.
    let json = await store.getCachedGraph(dataset.id, dataset.version, request.graphKey);
    if (json === undefined) {
      json = (await computeGraphJson(store, dataset, options, backbone)).json;
      await store.putCachedGraph(dataset.id, dataset.version, request.graphKey, json);
    }
    const payload = withTieCounts(JSON.parse(json) as GraphPayloadInput);
    return readPeersView(store, dataset.id, options, request, payload, async (messages) => personTopics(messages));
  });
  const outcome = await answerPeers(await view, dataset.id, request.ask);
  return JSON.stringify({ outcome, fresh } satisfies PeersReply);
}
