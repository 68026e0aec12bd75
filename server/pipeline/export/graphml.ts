/**
 * GraphML writer: typed `<key>` declarations (int/double/string) for every
 * node and edge attribute and a few graph-level facts, for networkx
 * `read_graphml`, Cytoscape, Gephi and graphology-graphml's parser.
 * graphology-graphml 0.5 only parses, so this writes by hand; it also hosts
 * the XML escaping and the typed column lists the GEXF writer shares.
 */
import type { EdgeAttributes, GraphPayload, NodeAttributes } from '../../../shared/index.js';

export type ColumnType = 'int' | 'double' | 'string';

/** Every node attribute, typed. `chats` is a list, written `;`-joined: neither format has a list type every reader takes. */
export const NODE_COLUMNS = [
  ['label', 'string'],
  ['handle', 'string'],
  ['platform', 'string'],
  ['community', 'int'],
  ['sector', 'string'],
  ['region', 'string'],
  ['x', 'double'],
  ['y', 'double'],
  ['size', 'double'],
  ['messages', 'int'],
  ['sessions', 'int'],
  ['degree', 'int'],
  ['weightedDegree', 'double'],
  ['chats', 'string'],
  ['participation', 'double'],
  ['sectorsReached', 'int'],
  ['regionsReached', 'int'],
  ['welcomes', 'int'],
] as const satisfies readonly (readonly [keyof NodeAttributes, ColumnType])[];

export const EDGE_COLUMNS = [
  ['weight', 'double'],
  ['reply', 'int'],
  ['mention', 'int'],
  ['coAnswer', 'int'],
  ['coSession', 'int'],
  ['repost', 'int'],
] as const satisfies readonly (readonly [keyof EdgeAttributes, ColumnType])[];

// A payload field added later must be exported (or left out) on purpose: these fail to compile until the lists cover it.
type Unlisted<T, L extends readonly (readonly [string, ColumnType])[]> = Exclude<keyof T, L[number][0]>;
const nodeColumnsComplete: [Unlisted<NodeAttributes, typeof NODE_COLUMNS>] extends [never] ? true : never = true;
const edgeColumnsComplete: [Unlisted<EdgeAttributes, typeof EDGE_COLUMNS>] extends [never] ? true : never = true;
void nodeColumnsComplete;
void edgeColumnsComplete;

/** Separator of list values (`chats`) in one text cell. */
export const LIST_SEPARATOR = ';';

/** A node or edge attribute as cell text: numbers as JavaScript prints them (a valid xs:double), lists joined. */
export function cellText(value: string | number | readonly string[]): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE, U+FFFF), plus the C1 controls it discourages: a name
 * pasted with one of them must not make the whole file unreadable.
 */
const NOT_XML = /[^\t\n\r\x20-\x7E\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // As references, so attribute-value normalisation does not turn them into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text safe in both XML content and a double-quoted attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
}

const GRAPH_KEYS = [
  ['name', 'string'],
  ['datasetId', 'string'],
  ['datasetVersion', 'int'],
  ['payloadVersion', 'int'],
  ['modularity', 'double'],
  ['communityCount', 'int'],
  // People with no ties: in no community (their `community` is −1), so not in communityCount.
  ['isolatedCount', 'int'],
  ['messageCount', 'int'],
  ['sessionCount', 'int'],
  ['chats', 'string'],
  ['options', 'string'],
] as const;

/** Key ids are prefixed by class: GraphML ids are document-wide, and `chats` is both a graph and a node attribute. */
function keyLine(scope: 'graph' | 'node' | 'edge', name: string, type: ColumnType): string {
  return `  <key id="${scope[0]}_${name}" for="${scope}" attr.name="${name}" attr.type="${type}"/>`;
}

function dataLine(indent: string, scope: 'graph' | 'node' | 'edge', name: string, value: string): string {
  return `${indent}<data key="${scope[0]}_${name}">${xmlEscape(value)}</data>`;
}

export function toGraphml(payload: GraphPayload): string {
  const { meta } = payload.attributes;
  const graphValues: Record<(typeof GRAPH_KEYS)[number][0], string> = {
    name: meta.dataset.name,
    datasetId: meta.dataset.id,
    datasetVersion: String(meta.dataset.version),
    payloadVersion: String(meta.payloadVersion),
    modularity: String(meta.modularity),
    communityCount: String(meta.counts.communities),
    // `?? 0`: a stored snapshot's payload of version 1 has no such count (no one was set apart then).
    isolatedCount: String(meta.counts.isolated ?? 0),
    messageCount: String(meta.counts.messages),
    sessionCount: String(meta.counts.sessions),
    chats: meta.chats.join(LIST_SEPARATOR),
    options: JSON.stringify(meta.options),
  };

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...GRAPH_KEYS.map(([name, type]) => keyLine('graph', name, type)),
    ...NODE_COLUMNS.map(([name, type]) => keyLine('node', name, type)),
    ...EDGE_COLUMNS.map(([name, type]) => keyLine('edge', name, type)),
    '  <graph id="G" edgedefault="undirected">',
    // Graph data must come first: graphology-graphml stops reading graph data at the first node.
    ...GRAPH_KEYS.map(([name]) => dataLine('    ', 'graph', name, graphValues[name])),
  ];
  for (const { key, attributes } of payload.nodes) {
    lines.push(`    <node id="${xmlEscape(key)}">`);
    for (const [name] of NODE_COLUMNS) lines.push(dataLine('      ', 'node', name, cellText(attributes[name])));
    lines.push('    </node>');
  }
  // No edge ids: optional in GraphML, and networkx would turn them into an `id` attribute.
  for (const { source, target, attributes } of payload.edges) {
    lines.push(`    <edge source="${xmlEscape(source)}" target="${xmlEscape(target)}">`);
    for (const [name] of EDGE_COLUMNS) lines.push(dataLine('      ', 'edge', name, cellText(attributes[name])));
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
