/**
 * A peers view's key phrases (pipeline/words `personTopics`), read in an
 * analysis process: tagging a big view's messages is seconds of CPU (L:
 * about 20 s), which on the server's own thread would keep the first peers
 * request, and everything else, waiting. The process reads the view's
 * messages from the store as the route does (peers-messages), and answers
 * with the phrases as compact JSON (topics-json).
 */
import type { BuildOptions } from '../../shared/index.js';
import { personTopics } from '../pipeline/words.js';
import type { Store } from '../store/types.js';
import { readPeersMessages, topicMessages, type TopicsCommunity } from './peers-messages.js';
import { encodeTopics } from './topics-json.js';

/** What the route knows of the view beyond its dataset and options, fixed so the process reads what the route would. */
export interface TopicsRequest {
  optedOut: readonly string[];
  links: readonly { alias: string; canonical: string }[];
  /** The view's graph's people. */
  nodes: readonly string[];
  community?: TopicsCommunity;
}

/** `options` resolved (resolveBuildOptions), as for the view's graph. */
export async function computeTopicsJson(
  store: Store,
  dataset: { id: string },
  options: BuildOptions,
  request: TopicsRequest,
): Promise<string> {
  const messages = await readPeersMessages(store, dataset.id, options, new Set(request.optedOut), request.links);
  return encodeTopics(personTopics(topicMessages(messages, new Set(request.nodes), request.community)));
}
