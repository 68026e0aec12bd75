/**
 * GraphPayload assembly: graphology's serialization shape, written out in a
 * fixed order (nodes by key, edges by endpoints) with rounded numbers and no
 * generated edge keys, so equal inputs give byte-identical JSON.
 */
import {
  PAYLOAD_VERSION,
  handleOf,
  platformOf,
  type BuildOptions,
  type GraphMeta,
  type GraphPayload,
  type SessionSummary,
} from '../../shared/index.js';
import type { CoParticipationGraph } from './build-graph.js';
import type { CommunityResult } from './communities.js';
import type { Positions } from './layout.js';
import { round, type Metrics } from './metrics.js';

export interface PayloadInput {
  graph: CoParticipationGraph;
  communities: CommunityResult;
  metrics: Metrics;
  positions: Positions;
  sessions: SessionSummary[];
  messageCount: number;
  chats: string[];
  options: BuildOptions;
  dataset: GraphMeta['dataset'];
  labelOf: (key: string) => string;
  displayHandleOf: (key: string) => string;
  sectorOf: (key: string) => string;
  regionOf: (key: string) => string;
}

/** Node size on screen: 3 to 15 by the square root of weighted degree, so hubs stand out without hiding others. */
function sizeFor(weightedDegree: number, max: number): number {
  return round(3 + 12 * Math.sqrt(max > 0 ? weightedDegree / max : 0));
}

export function toGraphPayload(input: PayloadInput): GraphPayload {
  const { graph, metrics, positions, communities } = input;
  let maxWeighted = 0;
  for (const m of metrics.people.values()) maxWeighted = Math.max(maxWeighted, m.weightedDegree);

  const nodes: GraphPayload['nodes'] = graph.nodes().sort().map((key) => {
    const attributes = graph.getNodeAttributes(key);
    const personal = metrics.people.get(key)!;
    const p = positions.get(key) ?? { x: 0, y: 0 };
    return {
      key,
      attributes: {
        label: input.labelOf(key),
        handle: input.displayHandleOf(key) || handleOf(key),
        platform: platformOf(key),
        community: communities.membership.get(key) ?? 0,
        sector: input.sectorOf(key),
        region: input.regionOf(key),
        x: round(p.x),
        y: round(p.y),
        size: sizeFor(personal.weightedDegree, maxWeighted),
        messages: attributes.messages,
        sessions: attributes.sessions,
        degree: personal.degree,
        weightedDegree: round(personal.weightedDegree),
        chats: attributes.chats,
      },
    };
  });

  const edges: GraphPayload['edges'] = [];
  graph.forEachEdge((_edge, a, source, target) => {
    const [s, t] = source < target ? [source, target] : [target, source];
    edges.push({
      source: s,
      target: t,
      attributes: { weight: round(a.weight), reply: a.reply, mention: a.mention, coAnswer: a.coAnswer, coSession: a.coSession, repost: a.repost },
    });
  });
  edges.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));

  const meta: GraphMeta = {
    payloadVersion: PAYLOAD_VERSION,
    dataset: input.dataset,
    options: input.options,
    counts: {
      nodes: nodes.length,
      edges: edges.length,
      messages: input.messageCount,
      sessions: input.sessions.length,
      chats: input.chats.length,
      communities: communities.count,
    },
    modularity: round(communities.modularity),
    communities: metrics.communities,
    sessions: input.sessions,
    chats: input.chats,
  };
  return {
    attributes: { meta },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes,
    edges,
  };
}
