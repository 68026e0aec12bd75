/**
 * What every peers request of one view reads, read once and kept: the view's
 * graph, its messages (peers-messages: without anyone who opted out, one
 * person across platforms under one key), its key phrases (for a community,
 * its members' as one person's) and its people's sector evidence. An
 * analysis process keeps the last few views it answered (compute-peers); the
 * route keeps them for an in-memory store, whose views are read in-process.
 *
 * A view is keyed by the dataset's version (an import, an opt-out, an
 * identity link or a context edit bumps it), the view's options, who is opted
 * out, the identity links and the graph's result key (which holds the
 * analysis code's digest): a view read before an opt-out is never asked for
 * again once the opt-out lands.
 */
import type { BuildOptions, GraphPayload, Message } from '../../shared/index.js';
import type { Topics } from '../pipeline/words.js';
import type { Store } from '../store/types.js';
import { readPeersMessages, topicMessages, type TopicsCommunity } from './peers-messages.js';
import { readSectorEvidence } from './sector-evidence.js';

/** A person's sector evidence, when it says how their sector (the graph's) was read. */
export type SectorEvidence = (key: string) => string | undefined;

export interface PeersView {
  payload: GraphPayload;
  messages: Message[];
  /** The view's key phrases; with `community`, its members' words as one person's, weighed against everyone else's. */
  topics(community?: TopicsCommunity): Promise<Topics>;
  sectorEvidence(): Promise<SectorEvidence>;
}

/** Who a view leaves out and who it counts as one: what the route read from the store beside the dataset. */
export interface PeersViewPeople {
  optedOut: readonly string[];
  links: readonly { alias: string; canonical: string }[];
}

export function peersViewKey(
  dataset: { id: string; version: number },
  options: BuildOptions,
  people: PeersViewPeople,
  graphKey: string,
): string {
  return JSON.stringify([dataset.id, dataset.version, options, [...people.optedOut].sort(), people.links, graphKey]);
}

/** Communities' phrases kept per view beyond the view's own: each is a reading of every message. */
const COMMUNITY_TOPICS_KEPT = 8;

/**
 * A view over its graph's payload. `readTopics`: personTopics in an analysis process, personTopicsYielding on
 * the server's event loop.
 */
export async function readPeersView(
  store: Store,
  datasetId: string,
  options: BuildOptions,
  people: PeersViewPeople,
  payload: GraphPayload,
  readTopics: (messages: readonly Message[]) => Promise<Topics>,
): Promise<PeersView> {
  const messages = await readPeersMessages(store, datasetId, options, new Set(people.optedOut), people.links);
  const nodes = new Set(payload.nodes.map((n) => n.key));
  const topics = new Map<string, Promise<Topics>>();
  let evidence: Promise<SectorEvidence> | undefined;
  return {
    payload,
    messages,
    topics(community) {
      const key = community?.key ?? '';
      let reading = topics.get(key);
      if (!reading) {
        reading = readTopics(topicMessages(messages, nodes, community));
        topics.set(key, reading);
        reading.catch(() => topics.get(key) === reading && topics.delete(key));
        // The view's own phrases stay; the least recent community's go first.
        const communities = [...topics.keys()].filter((k) => k !== '');
        if (communities.length > COMMUNITY_TOPICS_KEPT) topics.delete(communities[0]!);
      } else {
        topics.delete(key);
        topics.set(key, reading);
      }
      return reading;
    },
    sectorEvidence() {
      evidence ??= readSectorEvidence(store, datasetId, { links: people.links, nodes: [...nodes] }).then((readings) => {
        // The graph's own sector decides; the evidence only how it is said.
        const sectors = new Map(payload.nodes.map((n) => [n.key, n.attributes.sector]));
        return (key: string) => {
          const s = readings.get(key);
          return s && s.sector === sectors.get(key) ? s.evidence : undefined;
        };
      });
      return evidence;
    },
  };
}

/**
 * The last few views read, as promises (requests arriving meanwhile wait for the one reading; a failed one is
 * not kept), least recent first. `messages` bounds their messages together: a big view pushes older ones out.
 */
export class PeersViewCache {
  private readonly views = new Map<string, Promise<PeersView>>();
  private readonly sizes = new Map<string, number>();

  constructor(private readonly limits: { views: number; messages: number }) {}

  /** `fresh`: whether this call started the reading. */
  get(key: string, read: () => Promise<PeersView>): { view: Promise<PeersView>; fresh: boolean } {
    const hit = this.views.get(key);
    if (hit) {
      this.views.delete(key);
      this.views.set(key, hit);
      return { view: hit, fresh: false };
    }
    const view = read();
    this.views.set(key, view);
    view.then(
      (v) => {
        if (this.views.get(key) !== view) return;
        this.sizes.set(key, v.messages.length);
        this.trim();
      },
      () => {
        if (this.views.get(key) === view) this.forget(key);
      },
    );
    this.trim();
    return { view, fresh: true };
  }

  /** The views of a dataset's older versions (peersViewKey's first two items): never asked for again. */
  dropOlder(dataset: { id: string; version: number }): void {
    for (const key of [...this.views.keys()]) {
      const [id, version] = JSON.parse(key) as [string, number];
      if (id === dataset.id && version < dataset.version) this.forget(key);
    }
  }

  private trim(): void {
    while (this.views.size > this.limits.views) this.forget(this.views.keys().next().value!);
    let total = [...this.sizes.values()].reduce((a, b) => a + b, 0);
    for (const key of [...this.views.keys()].slice(0, -1)) {
      if (total <= this.limits.messages) break;
      total -= this.sizes.get(key) ?? 0;
      this.forget(key);
    }
  }

  private forget(key: string): void {
    this.views.delete(key);
    this.sizes.delete(key);
  }
}
