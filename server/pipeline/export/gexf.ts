/**
 * GEXF 1.3 writer for Gephi (0.9.3 and later; Gephi Lite and graphology-gexf
 * read it too). Written by hand rather than with graphology-gexf's writer:
 * that one infers each column's type from the values (weightedDegree becomes
 * `integer` when every weight happens to be whole), names edges with
 * graphology's random keys (so equal payloads would not give equal bytes) and
 * drops non-scalar graph attributes such as `meta`.
 */
import type { GraphPayload } from '../../../shared/index.js';
import { EDGE_COLUMNS, NODE_COLUMNS, cellText, xmlEscape, type ColumnType } from './graphml.js';

const GEXF_TYPES: Record<ColumnType, string> = { int: 'integer', double: 'double', string: 'string' };

/** Drawn through the viz module (Gephi's own position and size), not as data columns. */
const VIZ = new Set(['x', 'y', 'size']);
/** The node's `label` attribute, not a column. */
const NODE_DATA = NODE_COLUMNS.filter(([name]) => name !== 'label' && !VIZ.has(name));
/** The edge's `weight` attribute is what Gephi uses as weight; the per-kind counts are columns. */
const EDGE_DATA = EDGE_COLUMNS.filter(([name]) => name !== 'weight');

/** GEXF `<meta>` has only creator, keywords and description: the dataset, counts and options go in the description. */
function metaDescription(meta: GraphPayload['attributes']['meta']): string {
  const { dataset, counts } = meta;
  return (
    `Co-participation graph of "${dataset.name}" (dataset ${dataset.id}, version ${dataset.version}): ` +
    `${counts.nodes} people, ${counts.edges} ties, ${counts.messages} messages in ${counts.sessions} sessions across ${counts.chats} chats; ` +
    `${counts.communities} communities, modularity ${meta.modularity}; ` +
    // `?? 0`: a stored snapshot's payload of version 1 has no such count (no one was set apart then).
    `${counts.isolated ?? 0} people with no ties, in no community (community -1)${meta.options.isolated === 'hide' ? ', left out' : ''}. ` +
    `Chats: ${meta.chats.join(', ') || 'none'}. Build options: ${JSON.stringify(meta.options)}. Payload version ${meta.payloadVersion}.`
  );
}

function declare(scope: 'node' | 'edge', columns: readonly (readonly [string, ColumnType])[]): string[] {
  return [
    `    <attributes class="${scope}">`,
    ...columns.map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${GEXF_TYPES[type]}"/>`),
    '    </attributes>',
  ];
}

function attvalues(values: [string, string][]): string[] {
  return [
    '        <attvalues>',
    ...values.map(([name, value]) => `          <attvalue for="${name}" value="${xmlEscape(value)}"/>`),
    '        </attvalues>',
  ];
}

export function toGexf(payload: GraphPayload): string {
  const { meta } = payload.attributes;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>Chat Atlas</creator>',
    '    <keywords>co-participation, chat, communities</keywords>',
    `    <description>${xmlEscape(metaDescription(meta))}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    ...declare('node', NODE_DATA),
    ...declare('edge', EDGE_DATA),
    `    <nodes count="${payload.nodes.length}">`,
  ];
  for (const { key, attributes: a } of payload.nodes) {
    lines.push(
      `      <node id="${xmlEscape(key)}" label="${xmlEscape(a.label)}">`,
      ...attvalues(NODE_DATA.map(([name]) => [name, cellText(a[name])])),
      // z is required by the viz schema; the layout is flat.
      `        <viz:position x="${a.x}" y="${a.y}" z="0"/>`,
      `        <viz:size value="${a.size}"/>`,
      '      </node>',
    );
  }
  lines.push('    </nodes>', `    <edges count="${payload.edges.length}">`);
  // Ids by position: stable for equal payloads (the payload's edges carry no keys).
  payload.edges.forEach(({ source, target, attributes: a }, i) => {
    lines.push(
      `      <edge id="e${i}" source="${xmlEscape(source)}" target="${xmlEscape(target)}" weight="${a.weight}">`,
      ...attvalues(EDGE_DATA.map(([name]) => [name, cellText(a[name])])),
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
