import { spawnSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { toGraphml, xmlEscape } from '../../../server/pipeline/export/graphml.js';
import { expectedNodeAttributes, NOT_XML, samplePayload } from './sample.js';

const payload = samplePayload();
const xml = toGraphml(payload);

function declaredKeys(text: string, scope: 'graph' | 'node' | 'edge'): Record<string, string> {
  const keys = [...text.matchAll(/<key id="[^"]+" for="(\w+)" attr\.name="([^"]+)" attr\.type="(\w+)"\/>/g)];
  return Object.fromEntries(keys.filter((m) => m[1] === scope).map((m) => [m[2], m[3]]));
}

/** networkx's reading of the file, each value with its Python type; null when python3 or networkx is missing. */
function readWithNetworkx(text: string): {
  directed: boolean;
  graph: Record<string, [string, unknown]>;
  nodes: [string, Record<string, [string, unknown]>][];
  edges: [string, string, Record<string, [string, unknown]>][];
} | null {
  const script = [
    'import sys, json, io',
    'import networkx as nx',
    'G = nx.read_graphml(io.BytesIO(sys.stdin.buffer.read()))',
    't = lambda d: {k: [type(v).__name__, v] for k, v in d.items() if not isinstance(v, dict)}',
    'print(json.dumps({"directed": G.is_directed(), "graph": t(G.graph), "nodes": [[n, t(d)] for n, d in G.nodes(data=True)], "edges": [[u, v, t(d)] for u, v, d in G.edges(data=True)]}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (run.error || /No module named/.test(run.stderr ?? '')) return null;
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}
const networkx = readWithNetworkx(xml);

describe('toGraphml', () => {
  it('writes well-formed GraphML with nothing XML 1.0 forbids', () => {
    const errors: string[] = [];
    new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    expect(NOT_XML.test(xml)).toBe(false);
    expect(xml).toContain('<graph id="G" edgedefault="undirected">');
  });

  it('declares a typed key for every node, edge and graph attribute', () => {
    expect(declaredKeys(xml, 'node')).toEqual({
      label: 'string',
      handle: 'string',
      platform: 'string',
      community: 'int',
      sector: 'string',
      region: 'string',
      x: 'double',
      y: 'double',
      size: 'double',
      messages: 'int',
      sessions: 'int',
      degree: 'int',
      weightedDegree: 'double',
      chats: 'string',
      participation: 'double',
      sectorsReached: 'int',
      regionsReached: 'int',
      welcomes: 'int',
    });
    expect(declaredKeys(xml, 'edge')).toEqual({
      weight: 'double',
      reply: 'int',
      mention: 'int',
      coAnswer: 'int',
      coSession: 'int',
      repost: 'int',
    });
    expect(declaredKeys(xml, 'graph')).toEqual({
      name: 'string',
      datasetId: 'string',
      datasetVersion: 'int',
      payloadVersion: 'int',
      modularity: 'double',
      communityCount: 'int',
      isolatedCount: 'int',
      messageCount: 'int',
      sessionCount: 'int',
      chats: 'string',
      options: 'string',
    });
  });

  it("reads back with graphology-graphml's parser: same nodes, edges, typed attributes and graph facts", () => {
    const graph = parse(UndirectedGraph, xml);
    expect(graph.type).toBe('undirected');
    expect(graph.nodes()).toEqual(payload.nodes.map((n) => n.key));
    const expected = expectedNodeAttributes(payload);
    for (const key of graph.nodes()) expect(graph.getNodeAttributes(key), key).toEqual(expected[key]);
    for (const e of payload.edges) expect(graph.getEdgeAttributes(graph.edge(e.source, e.target)!)).toEqual(e.attributes);
    const meta = payload.attributes.meta;
    expect(graph.getAttributes()).toMatchObject({
      id: 'G',
      name: meta.dataset.name,
      datasetId: 'ds1',
      datasetVersion: 2,
      payloadVersion: 1,
      modularity: 0.123456,
      communityCount: 2,
      isolatedCount: 0,
      chats: '#tlchat;#uklibchat',
    });
    expect(JSON.parse(String(graph.getAttribute('options')))).toEqual(meta.options);
  });

  it.skipIf(networkx === null)('reads back with networkx read_graphml as an undirected graph with int, float and str columns', () => {
    const nx = networkx!;
    expect(nx.directed).toBe(false);
    expect(nx.graph.name).toEqual(['str', payload.attributes.meta.dataset.name]);
    expect(nx.graph.modularity).toEqual(['float', 0.123456]);
    expect(nx.graph.datasetVersion).toEqual(['int', 2]);
    const ann = Object.fromEntries(nx.nodes)['twitter:ann_lib']!;
    expect(ann.label).toEqual(['str', 'Ann <"Lib"> & Co 🦉']);
    expect(ann.community).toEqual(['int', 0]);
    expect(ann.weightedDegree).toEqual(['float', 3]);
    expect(ann.chats).toEqual(['str', '#uklibchat;#tlchat']);
    expect(nx.edges).toHaveLength(2);
    const edge = nx.edges.find(([u, v]) => [u, v].sort().join() === 'mastodon:bea@glammr.us,twitter:ann_lib')!;
    expect(edge[2]).toEqual({
      weight: ['float', 1.833333],
      reply: ['int', 1],
      mention: ['int', 0],
      coAnswer: ['int', 1],
      coSession: ['int', 1],
      repost: ['int', 0],
    });
  });
});

describe('xmlEscape', () => {
  it('escapes markup and quotes, keeps whitespace as references, drops what XML 1.0 forbids', () => {
    expect(xmlEscape(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(xmlEscape('line\none\ttab\rcr')).toBe('line&#10;one&#9;tab&#13;cr');
    expect(xmlEscape('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\u0085g')).toBe('abcdefg');
    expect(xmlEscape('🦉 Ωmega 中文')).toBe('🦉 Ωmega 中文');
  });
});
