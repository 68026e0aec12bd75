import { describe, expect, it } from 'vitest';
import { GraphPayloadSchema } from '../../shared/index.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { payloadJson } from '../../server/pipeline/payload.js';
import { detectCommunities } from '../../server/pipeline/communities.js';
import { buildGraph } from '../../server/pipeline/build-graph.js';
import { splitSessions } from '../../server/pipeline/sessions.js';
import { resolveBuildOptions } from '../../shared/index.js';
import { msg, TINY } from '../support/messages.js';

const dataset = { id: 'test', name: 'test', version: 1 };

/** Two chats of six people each, everyone answering every question: two obvious communities. */
function twoChats() {
  const out = [];
  for (const [chat, prefix, day] of [
    ['#a', 'a', 14],
    ['#b', 'b', 15],
  ] as const) {
    for (let q = 1; q <= 3; q++) {
      for (let p = 0; p < 6; p++) {
        out.push(
          msg({
            id: `${chat}-${q}-${p}`,
            chat,
            author: `twitter:${prefix}${p}`,
            time: `2024-03-${day}T20:${String(q * 10 + p).padStart(2, '0')}:00.000Z`,
            answer: q,
            hashtags: [chat],
          }),
        );
      }
    }
  }
  out.push(
    msg({ id: 'visit', chat: '#b', author: 'twitter:a0', time: '2024-03-15T20:59:00.000Z', mentions: ['twitter:b1'], hashtags: ['#b'] }),
  );
  return out;
}

describe('analyze', () => {
  it('gives byte-identical payloads for the same input and seed', () => {
    const a = JSON.stringify(analyze({ messages: twoChats(), people: [], dataset }, { seed: 42 }));
    const b = JSON.stringify(analyze({ messages: [...twoChats()].reverse(), people: [], dataset }, { seed: 42 }));
    expect(a).toBe(b);
  });

  it('parses with the shared schema and finds the two chats', () => {
    const payload = GraphPayloadSchema.parse(analyze({ messages: twoChats(), people: [], dataset }, { seed: 1 }));
    const byCommunity = new Map<number, string[]>();
    for (const n of payload.nodes)
      byCommunity.set(n.attributes.community, [...(byCommunity.get(n.attributes.community) ?? []), n.key.slice(8)]);
    expect([...byCommunity.values()].map((keys) => keys.map((k) => k[0]).join(''))).toEqual(['aaaaaa', 'bbbbbb']);
    expect(payload.attributes.meta.counts).toEqual({
      nodes: 12,
      edges: 36,
      messages: 37,
      sessions: 2,
      betweenSessions: 0,
      chats: 2,
      communities: 2,
      isolated: 0,
    });
    expect(payload.attributes.meta.modularity).toBeGreaterThan(0.4);
    for (const n of payload.nodes) {
      expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
    }
  });

  it('labels people by profile name, else handle', () => {
    const payload = analyze({
      messages: TINY,
      people: [{ key: 'twitter:ann', platform: 'twitter', handle: 'Ann_Lib', name: 'Ann Smith' }],
      dataset,
    });
    const ann = payload.nodes.find((n) => n.key === 'twitter:ann')!;
    expect([ann.attributes.label, ann.attributes.handle]).toEqual(['Ann Smith', 'Ann_Lib']);
    expect(payload.nodes.find((n) => n.key === 'twitter:bob')!.attributes.label).toBe('bob');
  });

  it('copes with a graph without ties', () => {
    const payload = analyze({ messages: [TINY[0]!], people: [], dataset });
    expect(payload.nodes).toHaveLength(1);
    expect(payload.edges).toEqual([]);
    expect(payload.attributes.meta.modularity).toBe(0);
  });
});

describe('analyze: the backbone of a big graph', () => {
  const whole = analyze({ messages: twoChats(), people: [], dataset, backbone: false }, { seed: 1 });
  const thinned = analyze({ messages: twoChats(), people: [], dataset, backbone: { maxEdges: 10 } }, { seed: 1 });

  it('writes at most maxEdges ties, says so in meta and the caption, and keeps everyone', () => {
    expect(thinned.edges.length).toBeLessThanOrEqual(10);
    expect(thinned.attributes.meta.backbone).toEqual({
      method: 'disparity',
      alpha: 1,
      maxEdges: 10,
      edgesTotal: 36,
      edgesShown: thinned.edges.length,
    });
    expect(thinned.attributes.meta.counts.edges).toBe(36);
    expect(thinned.attributes.meta.caption).toContain(`draws the ${thinned.edges.length} most significant of the 36 ties`);
    expect(thinned.nodes.map((n) => n.key)).toEqual(whole.nodes.map((n) => n.key));
    const reached = new Set(thinned.edges.flatMap((e) => [e.source, e.target]));
    expect(reached.size).toBe(12);
    // Every tie written is one of the graph's, with its attributes.
    const all = new Map(whole.edges.map((e) => [`${e.source} ${e.target}`, e.attributes]));
    for (const e of thinned.edges) expect(e.attributes).toEqual(all.get(`${e.source} ${e.target}`));
  });

  it('finds communities and measures people on every tie', () => {
    expect(thinned.nodes.map((n) => n.attributes)).toEqual(whole.nodes.map((n) => n.attributes));
    const { backbone: _b, caption: _c, ...meta } = thinned.attributes.meta;
    const { caption: _w, ...wholeMeta } = whole.attributes.meta;
    expect(meta).toEqual(wholeMeta);
  });

  it('leaves a graph within the cap byte for byte as it was', () => {
    const byDefault = JSON.stringify(analyze({ messages: twoChats(), people: [], dataset }, { seed: 1 }));
    expect(byDefault).toBe(JSON.stringify(whole));
    expect(whole.attributes.meta.backbone).toBeUndefined();
  });
});

describe('payloadJson', () => {
  it('leaves tie counts of 0 out, and the schema reads the same payload back', () => {
    const payload = analyze({ messages: twoChats(), people: [], dataset }, { seed: 1 });
    const text = payloadJson(payload);
    const sent = JSON.parse(text) as { edges: { attributes: Record<string, number> }[] };
    expect(sent.edges[0]!.attributes).toEqual({ weight: payload.edges[0]!.attributes.weight, coAnswer: 3, coSession: 1 });
    expect(text).not.toMatch(/"(reply|mention|coAnswer|coSession|repost)":0[,}]/);
    expect(GraphPayloadSchema.parse(sent)).toEqual(payload);
    expect(text.length).toBeLessThan(JSON.stringify(payload).length);
  });
});

describe('detectCommunities', () => {
  it('is deterministic for a seed and numbers communities by size', () => {
    const options = resolveBuildOptions();
    const messages = twoChats().concat(
      // A latecomer who answers: taking part, so tied to everyone in the session.
      msg({ id: 'x', chat: '#b', author: 'twitter:b9', time: '2024-03-15T20:59:30.000Z', hashtags: ['#b'], answer: 1 }),
    );
    const graph = buildGraph(messages, splitSessions(messages, options), options);
    expect(graph.size).toBe(43);
    const runs = [1, 1, 1].map(() => JSON.stringify([...detectCommunities(graph, { seed: 5 }).membership]));
    expect(new Set(runs).size).toBe(1);
    const { membership, count } = detectCommunities(graph, { seed: 5 });
    const sizes = Array.from({ length: count }, (_, c) => [...membership.values()].filter((x) => x === c).length);
    expect(sizes).toEqual([7, 6]);
    expect(membership.get('twitter:b9')).toBe(0);
  });
});
