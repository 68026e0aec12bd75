import { DOMParser } from '@xmldom/xmldom';
import { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { toGexf } from '../../../server/pipeline/export/gexf.js';
import { expectedNodeAttributes, NOT_XML, samplePayload } from './sample.js';

const payload = samplePayload();
const xml = toGexf(payload);

/** `<attribute id=… type=…>` per class, as declared. */
function declaredTypes(text: string, cls: 'node' | 'edge'): Record<string, string> {
  const block = new RegExp(`<attributes class="${cls}">([\\s\\S]*?)</attributes>`).exec(text)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/<attribute id="([^"]+)" title="[^"]+" type="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]));
}

describe('toGexf', () => {
  it('writes well-formed GEXF 1.3 with nothing XML 1.0 forbids', () => {
    const errors: string[] = [];
    new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(NOT_XML.test(xml)).toBe(false);
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('version="1.3"');
  });

  it('declares every column with the type Gephi should use', () => {
    expect(declaredTypes(xml, 'node')).toEqual({
      handle: 'string',
      platform: 'string',
      community: 'integer',
      sector: 'string',
      region: 'string',
      messages: 'integer',
      sessions: 'integer',
      degree: 'integer',
      weightedDegree: 'double',
      chats: 'string',
      participation: 'double',
      sectorsReached: 'integer',
      regionsReached: 'integer',
      welcomes: 'integer',
    });
    expect(declaredTypes(xml, 'edge')).toEqual({
      reply: 'integer',
      mention: 'integer',
      coAnswer: 'integer',
      coSession: 'integer',
      repost: 'integer',
    });
  });

  it("reads back with graphology-gexf's parser: same nodes, edges and typed attributes", () => {
    const graph = parse(UndirectedGraph, xml);
    expect(graph.type).toBe('undirected');
    expect(graph.nodes()).toEqual(payload.nodes.map((n) => n.key));
    const expected = expectedNodeAttributes(payload);
    // Position and size come back from the viz module, with the z the schema requires.
    for (const key of graph.nodes()) expect(graph.getNodeAttributes(key), key).toEqual({ ...expected[key], z: 0 });
    expect(typeof graph.getNodeAttribute('twitter:ann_lib', 'community')).toBe('number');
    expect(graph.getNodeAttribute('twitter:ann_lib', 'weightedDegree')).toBe(3);
    for (const e of payload.edges) expect(graph.getEdgeAttributes(graph.edge(e.source, e.target)!)).toEqual(e.attributes);
  });

  it('puts the dataset, counts, modularity and options in the meta description', () => {
    const graph = parse(UndirectedGraph, xml);
    expect(graph.getAttribute('creator')).toBe('Chat Atlas');
    const description = String(graph.getAttribute('description'));
    expect(description).toContain('"Library chats <2024> & "friends"" (dataset ds1, version 2)');
    expect(description).toContain('3 people, 2 ties, 5 messages in 2 sessions across 2 chats; 2 communities, modularity 0.123456');
    expect(description).toContain(`Build options: ${JSON.stringify(payload.attributes.meta.options)}`);
  });

  it('gives the same bytes for the same payload (edge ids by position, not random keys)', () => {
    expect(toGexf(samplePayload())).toBe(xml);
    expect(xml).toContain('<edge id="e0" source="csv:eve" target="twitter:ann_lib" weight="1.166667">');
  });
});
