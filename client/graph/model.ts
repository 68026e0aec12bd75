/**
 * The loaded graph and what the explorer derives from it once: categories
 * per colour-by (with counts and colours), PageRank on demand, neighbours.
 * Display never mutates this; sigma's reducers read it.
 */
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { NO_COMMUNITY, type ColourBy, type GraphPayload, type NodeAttributes } from '../../shared/index.js';
import { colourOf, OTHER } from '../design/palette.js';
import { communityColours } from './community-colours.js';

export type ColourByKey = ColourBy;

export interface Category {
  value: string;
  label: string;
  count: number;
  colour: string;
}

export type AtlasNode = NodeAttributes & { [k: string]: unknown };
export type AtlasGraph = Graph<AtlasNode>;

export interface LoadedGraph {
  payload: GraphPayload;
  graph: AtlasGraph;
  categories: Record<ColourByKey, Category[]>;
  categoryOf(node: string, by: ColourByKey): string;
  colourOf(node: string, by: ColourByKey): string;
  sizeOf(node: string, by: 'weightedDegree' | 'messages' | 'pagerank'): number;
}

export const SECTOR_LABELS: Record<string, string> = {
  academic: 'Academic',
  public: 'Public',
  school: 'School',
  health: 'Health',
  law: 'Law',
  government: 'Government',
  national: 'National',
  special: 'Special',
  archives: 'Archives',
  education: 'LIS education',
  vendor: 'Vendor',
  unknown: 'Unknown',
};

const UNKNOWN_LIKE = new Set(['unknown', 'several chats']);

function categoryValue(a: NodeAttributes, by: ColourByKey): string {
  switch (by) {
    case 'community':
      return String(a.community);
    case 'sector':
      return a.sector;
    case 'region':
      return a.region;
    case 'chat':
      return a.chats.length === 1 ? a.chats[0]! : 'several chats';
  }
}

function labelFor(value: string, by: ColourByKey, payload: GraphPayload): string {
  if (by === 'community') {
    if (Number(value) === NO_COMMUNITY) return 'No ties (no community)';
    return `${Number(value) + 1}. ${communityName(payload, Number(value))}`;
  }
  if (by === 'sector') return SECTOR_LABELS[value] ?? value;
  if (by === 'region') return value === 'unknown' ? 'Unknown' : value;
  return value;
}

/**
 * A community's name: its label from what sets it apart (payload version 3: "#critlib · zines, instruction"),
 * else, as before labels, its number and main chat.
 */
export function communityName(payload: GraphPayload, id: number): string {
  const summary = payload.attributes.meta.communities[id];
  if (summary?.label) return summary.label;
  const chat = summary?.chats[0]?.chat;
  return `Community ${id + 1}${chat ? ` (${chat})` : ''}`;
}

/** People a view shows at full dot size; more, and dots shrink (see `crowding`). */
export const CROWD_PEOPLE = 5_000;

/** "community 3", or that the person has no ties and so no community (payload version 2). */
export function communityWords(community: number): string {
  return community === NO_COMMUNITY ? 'no community (no ties)' : `community ${community + 1}`;
}

/**
 * `remembered`: each person's community colour in the view before, so a
 * community keeps its colour across filters (community-colours.ts).
 */
export function loadGraph(payload: GraphPayload, remembered: ReadonlyMap<string, string> = new Map()): LoadedGraph {
  const graph = new Graph({ type: 'undirected' }) as AtlasGraph;
  graph.import(payload as unknown as Parameters<AtlasGraph['import']>[0]);

  const categories = {} as Record<ColourByKey, Category[]>;
  const colourIndex = {} as Record<ColourByKey, Map<string, string>>;
  const communities = communityColours(graph, remembered);
  for (const by of ['community', 'sector', 'region', 'chat'] as const) {
    const counts = new Map<string, number>();
    graph.forEachNode((_n, a) => counts.set(categoryValue(a, by), (counts.get(categoryValue(a, by)) ?? 0) + 1));
    const ordered = [...counts].sort((x, y) =>
      by === 'community'
        ? Number(x[0] === String(NO_COMMUNITY)) - Number(y[0] === String(NO_COMMUNITY)) || Number(x[0]) - Number(y[0])
        : Number(UNKNOWN_LIKE.has(x[0])) - Number(UNKNOWN_LIKE.has(y[0])) || y[1] - x[1] || (x[0] < y[0] ? -1 : 1),
    );
    let next = 0;
    categories[by] = ordered.map(([value, count]) => ({
      value,
      label: labelFor(value, by, payload),
      count,
      colour: by === 'community' ? (communities.get(Number(value)) ?? OTHER) : UNKNOWN_LIKE.has(value) ? OTHER : colourOf(next++),
    }));
    colourIndex[by] = new Map(categories[by].map((c) => [c.value, c.colour]));
  }

  let ranks: { of: Record<string, number>; max: number } | undefined;
  let maxMessages = 1;
  graph.forEachNode((_n, a) => {
    maxMessages = Math.max(maxMessages, a.messages);
  });

  // Past CROWD_PEOPLE people, dots shrink with the square root of the count, so the overview keeps about the
  // same ink instead of one blot (30k people at full size covered the view 13 times over).
  const crowding = Math.min(1, Math.sqrt(CROWD_PEOPLE / Math.max(1, graph.order)));

  return {
    payload,
    graph,
    categories,
    categoryOf: (node, by) => categoryValue(graph.getNodeAttributes(node), by),
    colourOf: (node, by) => colourIndex[by].get(categoryValue(graph.getNodeAttributes(node), by)) ?? OTHER,
    sizeOf(node, by) {
      const a = graph.getNodeAttributes(node);
      if (by === 'weightedDegree') return a.size * crowding;
      if (by === 'messages') return (3 + 12 * Math.sqrt(a.messages / maxMessages)) * crowding;
      if (!ranks) {
        const of = graph.size > 0 ? pagerank(graph, { getEdgeWeight: 'weight' }) : {};
        ranks = { of, max: Object.values(of).reduce((m, r) => Math.max(m, r), 1e-9) };
      }
      return (3 + 12 * Math.sqrt((ranks.of[node] ?? 0) / ranks.max)) * crowding;
    },
  };
}
