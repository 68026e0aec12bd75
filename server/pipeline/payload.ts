/**
 * GraphPayload assembly: graphology's serialization shape, written out in a
 * fixed order (nodes by key, edges by endpoints) with rounded numbers and no
 * generated edge keys, so equal inputs give byte-identical JSON. A big
 * graph's edges are its backbone (see backbone.ts); everything else, counts
 * included, is about every tie. `payloadJson` is the text as sent.
 *
 * People with no ties carry NO_COMMUNITY; with `options.isolated` 'hide'
 * they are left out of `nodes` after everything was computed with them, so
 * hiding them moves no one else and changes no figure but `counts.nodes`.
 */
import {
  NO_COMMUNITY,
  PAYLOAD_VERSION,
  TIE_KINDS,
  handleOf,
  platformOf,
  type BuildOptions,
  type EdgeAttributes,
  type GraphMeta,
  type GraphPayload,
  type SessionSummary,
} from '../../shared/index.js';
import type { BackboneResult } from './backbone.js';
import type { CoParticipationGraph } from './co-participation-graph.js';
import type { CommunityResult } from './communities.js';
import type { Positions } from './layout.js';
import type { BridgeMetrics } from './bridges.js';
import { writeCaption } from './caption.js';
import { round, type Metrics } from './metrics.js';

export interface PayloadInput {
  graph: CoParticipationGraph;
  communities: CommunityResult;
  metrics: Metrics;
  /** Whether the split holds (community/describe.ts); absent, the meta has none (as before version 3). */
  partition?: GraphMeta['partition'];
  positions: Positions;
  sessions: SessionSummary[];
  messageCount: number;
  /** Messages in no session (sessions.ts): counted, making reply and mention ties only. */
  betweenSessions: number;
  chats: string[];
  options: BuildOptions;
  dataset: GraphMeta['dataset'];
  labelOf: (key: string) => string;
  displayHandleOf: (key: string) => string;
  sectorOf: (key: string) => string;
  regionOf: (key: string) => string;
  bridges: Map<string, BridgeMetrics>;
  welcomes: Map<string, number>;
  /** The ties to write when the graph is too big to draw whole; absent: every tie. */
  backbone?: BackboneResult | undefined;
}

/** How many people the meta lists as bridges and welcomers. */
export const TOP_PEOPLE = 10;

/** Node size on screen: 3 to 15 by the square root of weighted degree, so hubs stand out without hiding others. */
function sizeFor(weightedDegree: number, max: number): number {
  return round(3 + 12 * Math.sqrt(max > 0 ? weightedDegree / max : 0));
}

export function toGraphPayload(input: PayloadInput): GraphPayload {
  const { graph, metrics, positions, communities } = input;
  let maxWeighted = 0;
  for (const m of metrics.people.values()) maxWeighted = Math.max(maxWeighted, m.weightedDegree);

  const hidden = new Set(input.options.isolated === 'hide' ? communities.isolated : []);
  const nodes: GraphPayload['nodes'] = graph
    .nodes()
    .filter((key) => !hidden.has(key))
    .sort()
    .map((key) => {
      const attributes = graph.getNodeAttributes(key);
      const personal = metrics.people.get(key)!;
      const p = positions.get(key) ?? { x: 0, y: 0 };
      return {
        key,
        attributes: {
          label: input.labelOf(key),
          handle: input.displayHandleOf(key) || handleOf(key),
          platform: platformOf(key),
          community: communities.membership.get(key) ?? NO_COMMUNITY,
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
          participation: input.bridges.get(key)?.participation ?? 0,
          sectorsReached: input.bridges.get(key)?.sectorsReached ?? 0,
          regionsReached: input.bridges.get(key)?.regionsReached ?? 0,
          welcomes: input.welcomes.get(key) ?? 0,
        },
      };
    });

  const edges: GraphPayload['edges'] = [];
  const backbone = input.backbone;
  const ties = backbone ? backbone.edges : Array.from({ length: graph.size }, (_, t) => t);
  for (const tie of ties) {
    const a = graph.edgeAttributes(tie);
    const [source, target] = graph.extremities(tie);
    const [s, t] = source < target ? [source, target] : [target, source];
    edges.push({ source: s, target: t, attributes: { ...a, weight: round(a.weight) } });
  }
  edges.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));

  const meta: GraphMeta = {
    payloadVersion: PAYLOAD_VERSION,
    dataset: input.dataset,
    options: input.options,
    counts: {
      nodes: nodes.length,
      edges: graph.size,
      messages: input.messageCount,
      sessions: input.sessions.length,
      betweenSessions: input.betweenSessions,
      chats: input.chats.length,
      communities: communities.count,
      isolated: communities.isolated.length,
    },
    ...(backbone ? { backbone: backbone.meta } : {}),
    modularity: round(communities.modularity),
    ...(input.partition ? { partition: input.partition } : {}),
    communities: metrics.communities,
    sessions: input.sessions,
    chats: input.chats,
    bridges: [...input.bridges]
      .filter(([, b]) => b.participation > 0)
      .sort((a, b) => b[1].participation - a[1].participation || b[1].sectorsReached - a[1].sectorsReached || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_PEOPLE)
      .map(([key, b]) => ({
        key,
        label: input.labelOf(key),
        participation: b.participation,
        communitiesReached: b.communitiesReached,
        sectorsReached: b.sectorsReached,
        regionsReached: b.regionsReached,
      })),
    welcomers: [...input.welcomes]
      .filter(([key, n]) => n > 0 && graph.hasNode(key) && !hidden.has(key))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_PEOPLE)
      .map(([key, welcomes]) => ({ key, label: input.labelOf(key), welcomes })),
    caption: '',
  };
  meta.caption = writeCaption(meta);
  if (backbone) {
    const n = (x: number) => x.toLocaleString('en-GB');
    meta.caption += ` The map draws the ${n(backbone.meta.edgesShown)} most significant of the ${n(backbone.meta.edgesTotal)} ties (disparity filter); communities and measures use them all.`;
  }
  return {
    attributes: { meta },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes,
    edges,
  };
}

/** Edge attributes as sent: the tie counts of 0 left out (the schema reads them back as 0). */
function sentAttributes(a: EdgeAttributes): Partial<EdgeAttributes> {
  const out: Partial<EdgeAttributes> = { weight: a.weight };
  for (const kind of TIE_KINDS) if (a[kind] !== 0) out[kind] = a[kind];
  return out;
}

/**
 * The payload's JSON as the server sends and stores it: most ties are of one
 * or two kinds, and their zero counts were a fifth of an edge's bytes (155 →
 * 121 bytes per edge on the bench's 550k-tie graph). Equal payloads give
 * equal text.
 */
export function payloadJson(payload: GraphPayload): string {
  return JSON.stringify({ ...payload, edges: payload.edges.map((e) => ({ ...e, attributes: sentAttributes(e.attributes) })) });
}
