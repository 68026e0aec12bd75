/**
 * The messages a peers view reads, the same in the route and in the analysis
 * process that reads and keeps the view (peers-view, compute-peers): the view's
 * chats and dates without anyone who opted out (their words are no one's to
 * share, not even as "words you both use"; their handle in others' words is
 * scrubbed, their key dropped from mentions), one person across platforms
 * under one key. And which of them a view's key phrases are read from.
 */
import type { BuildOptions, Message } from '../../shared/index.js';
import { makeScrubber, nameVariants } from '../pipeline/export/name-scrubber.js';
import { communityMessages } from '../pipeline/peers/community.js';
import type { Store } from '../store/types.js';
import { mergeIdentities } from './compute-graph.js';

/** Opted-out people's handles in others' words, replaced as the messages route does. */
function optedOutScrubber(optedOut: ReadonlySet<string>): (text: string) => string {
  if (optedOut.size === 0) return (text) => text;
  const handles = new Map<string, string>();
  for (const k of optedOut) for (const name of nameVariants(k)) handles.set(`@${name}`, '@[someone who opted out]');
  return makeScrubber(handles);
}

export async function readPeersMessages(
  store: Store,
  datasetId: string,
  options: BuildOptions,
  optedOut: ReadonlySet<string>,
  links: readonly { alias: string; canonical: string }[],
): Promise<Message[]> {
  const messages = await store.getMessages(datasetId, {
    chats: options.chats,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    excludeAuthors: [...optedOut],
  });
  const scrub = optedOutScrubber(optedOut);
  return mergeIdentities(messages, [], links).messages.map((m) => ({
    ...m,
    text: scrub(m.text),
    mentions: m.mentions.filter((k) => !optedOut.has(k)),
  }));
}

/** A community read as one person (peers/community.ts): its members, written as its one key. */
export interface TopicsCommunity {
  key: string;
  members: readonly string[];
}

/**
 * What a view's key phrases are read from: the messages of the graph's people (`nodes`); for a community, with
 * its members as one author, so their words are weighed against everyone else's as a person's are.
 */
export function topicMessages(messages: readonly Message[], nodes: ReadonlySet<string>, community?: TopicsCommunity): Message[] {
  if (!community) return messages.filter((m) => nodes.has(m.author));
  return communityMessages(messages, new Set(community.members), community.key).filter(
    (m) => m.author === community.key || nodes.has(m.author),
  );
}
