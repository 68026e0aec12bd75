import { UndirectedGraph } from 'graphology';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import {
  handleOf,
  GraphPayloadSchema,
  NodeAttributesSchema,
  type GraphPayload,
  type Message,
  type NodeAttributes,
  type PersonProfile,
} from '../../../shared/index.js';
import { analyze } from '../../../server/pipeline/analyze.js';
import { EXPORT_FORMATS, writeExport } from '../../../server/pipeline/export/index.js';
import { xmlEscape } from '../../../server/pipeline/export/graphml.js';
import { pseudonymize } from '../../../server/pipeline/export/pseudonymize.js';
import { msg } from '../../support/messages.js';

// CommonJS default export under NodeNext: what Node hands over is the function itself (see server/pipeline/cjs.ts).
const modularity = modularityModule as unknown as typeof modularityModule.default;

/**
 * Four separate chats, so four communities of 6, 6, 3 and 2. Names are odd
 * words on purpose: the leak scan looks for them as substrings in every file.
 * Chat "Tamsel Orrin" is named after a member (as WhatsApp names a group
 * after a person); one hashtag is someone's handle; the dataset name holds one.
 */
const GROUPS: { chat: string; platform: Message['platform']; handles: string[] }[] = [
  { chat: '#zqa', platform: 'twitter', handles: ['xavqor', 'zelmiq', 'drumvek', 'plixo', 'quorvan', 'yembit'] },
  { chat: '#zqb', platform: 'mastodon', handles: ['vrelk@glammr.us', 'jostrel', 'kwimbo', 'fenzari', 'gluvit', 'hastrom'] },
  { chat: 'Tamsel Orrin', platform: 'whatsapp', handles: ['tamsel', 'brixo', 'wendulo'] },
  { chat: '#zqd', platform: 'twitter', handles: ['snorvi', 'clemtu'] },
];

const PEOPLE: PersonProfile[] = [
  { key: 'twitter:xavqor', platform: 'twitter', handle: 'XavQor', name: 'Xavqor Plumm' },
  { key: 'twitter:zelmiq', platform: 'twitter', handle: 'Zelmiq', name: 'Zelmiq "Z" <&>' },
  { key: 'twitter:plixo', platform: 'twitter', handle: 'plixo', name: '=HYPERLINK("http://plixo")' },
  { key: 'mastodon:vrelk@glammr.us', platform: 'mastodon', handle: 'vrelk@glammr.us', name: 'Vrelk Østby 🦉' },
  { key: 'whatsapp:tamsel', platform: 'whatsapp', handle: 'tamsel', name: 'Tamsel Orrin' },
];

function messages(): Message[] {
  return GROUPS.flatMap(({ chat, platform, handles }, g) =>
    handles.map((handle, i) =>
      msg({
        id: `${g}-${i}`,
        platform,
        chat,
        author: `${platform}:${handle}`,
        time: `2024-03-1${4 + g}T20:${String(10 + i).padStart(2, '0')}:00.000Z`,
        answer: 1,
        hashtags: g === 0 && i === 0 ? [chat, '#zelmiq', '#oerzq'] : [chat],
      }),
    ),
  );
}

const original = analyze(
  { messages: messages(), people: PEOPLE, dataset: { id: 'ds9', name: 'zq export by @xavqor', version: 1 } },
  { seed: 1 },
);
const salted = (salt: string, k?: number) => pseudonymize(original, { salt, ...(k === undefined ? {} : { k }) });

/** Every file a pseudonymised graph can be downloaded as. */
const allFiles = (p: GraphPayload) => EXPORT_FORMATS.map((format) => ({ format, body: writeExport(p, format).body }));

/** Every way a person is named, in every escaping the files use. */
function needles(p: GraphPayload): string[] {
  const names = p.nodes.flatMap((n) => [n.key, handleOf(n.key), handleOf(n.key).split('@')[0]!, n.attributes.handle, n.attributes.label]);
  const escaped = names.flatMap((s) => [s, xmlEscape(s), JSON.stringify(s).slice(1, -1), s.replace(/"/g, '""')]);
  return [...new Set(escaped.map((s) => s.toLowerCase()))];
}

function leaks(files: { format: string; body: string }[], names: string[]): string[] {
  return files.flatMap(({ format, body }) =>
    names.filter((name) => body.toLowerCase().includes(name)).map((name) => `${name} in ${format}`),
  );
}

/** Original node → its pseudonym, matched by layout position (kept as is and unique here). */
function pseudonymOf(p: GraphPayload): Map<string, string> {
  const byPosition = new Map(p.nodes.map((n) => [`${n.attributes.x},${n.attributes.y}`, n.attributes.label]));
  return new Map(original.nodes.map((n) => [n.key, byPosition.get(`${n.attributes.x},${n.attributes.y}`)!]));
}

describe('pseudonymize', () => {
  it('leaves no handle, key or label anywhere in the JSON, GEXF, GraphML or CSVs', () => {
    const names = needles(original);
    // The scan itself works: the real files are full of names.
    expect(leaks(allFiles(original), names).length).toBeGreaterThan(names.length);
    expect(leaks(allFiles(salted('s1')), names)).toEqual([]);
  });

  it('scrubs names out of chat names, session ids and the dataset name, and drops hashtags naming someone', () => {
    const p = salted('s1');
    const tamsel = pseudonymOf(p).get('whatsapp:tamsel')!;
    const meta = p.attributes.meta;
    expect(meta.chats).toEqual(['#zqa', '#zqb', '#zqd', tamsel].sort());
    expect(meta.sessions.map((s) => s.chat).sort()).toEqual(['#zqa', '#zqb', '#zqd', tamsel].sort());
    expect(meta.sessions.find((s) => s.chat === tamsel)?.id).toBe(`${tamsel}@2024-03-16T20:10:00.000Z`);
    expect(meta.dataset).toEqual({ id: '', name: `zq export by @${pseudonymOf(p).get('twitter:xavqor')}`, version: 1 });
    const tags = meta.communities.flatMap((c) => c.topHashtags.map((t) => t.tag));
    expect(tags).toContain('#oerzq');
    expect(tags).not.toContain('#zelmiq');
  });

  it('keeps only the known node fields: a bio, location or text added upstream never passes through', () => {
    const tainted = structuredClone(original) as GraphPayload & { attributes: { meta: Record<string, unknown> } };
    Object.assign(tainted.nodes[0]!.attributes, { bio: 'zq-bio-secret', location: 'zq-location-secret', text: 'zq-text-secret' });
    Object.assign(tainted.attributes.meta, { uploader: 'zq-uploader-secret' });
    const p = pseudonymize(tainted, { salt: 's1' });
    expect(JSON.stringify(p)).not.toMatch(/zq-\w+-secret|"bio"|"location"|"text"/);
    const fields = Object.keys(NodeAttributesSchema.shape).sort();
    for (const n of p.nodes) expect(Object.keys(n.attributes).sort()).toEqual(fields);
  });

  it('gives a valid payload with keys replaced and every edge remapped', () => {
    const p = GraphPayloadSchema.parse(salted('s1'));
    expect(p.nodes.map((n) => n.attributes.label)).toEqual(p.nodes.map((_, i) => `Participant ${i + 1}`));
    expect(p.nodes.find((n) => n.attributes.platform === 'mastodon')?.key).toMatch(/^mastodon:participant-\d+$/);
    expect(p.edges).toHaveLength(original.edges.length);
    const ends = new Set(p.edges.flatMap((e) => [e.source, e.target]));
    expect([...ends].every((key) => p.nodes.some((n) => n.key === key))).toBe(true);
    const sortedWeights = (q: GraphPayload) => q.edges.map((e) => e.attributes.weight).sort();
    expect(sortedWeights(p)).toEqual(sortedWeights(original));
  });

  it('gives every person a profile of figures and categories that at least k people share (k-anonymity)', () => {
    const k = 3;
    // Figures and places that single everyone out, as in a real chat.
    const varied = structuredClone(original);
    varied.nodes.forEach((n, i) =>
      Object.assign(n.attributes, {
        messages: 3 + i * 7,
        sessions: 1 + (i % 4),
        weightedDegree: 0.5 + i,
        welcomes: i % 3,
        region: ['GB', 'US', 'AU'][i % 3],
        sector: i === 0 ? 'law' : n.attributes.sector,
      }),
    );
    const profile = (a: NodeAttributes) => {
      const { label: _l, handle: _h, x: _x, y: _y, ...rest } = a;
      return JSON.stringify(rest);
    };
    const counts = (q: GraphPayload) => {
      const shared = new Map<string, number>();
      for (const n of q.nodes) shared.set(profile(n.attributes), (shared.get(profile(n.attributes)) ?? 0) + 1);
      return shared;
    };
    expect(Math.max(...counts(varied).values())).toBe(1);
    const p = pseudonymize(varied, { salt: 's1', k });
    const shared = counts(p);
    for (const n of p.nodes) {
      const community = p.nodes.filter((m) => m.attributes.community === n.attributes.community).length;
      expect(shared.get(profile(n.attributes)), n.key).toBeGreaterThanOrEqual(Math.min(k, community));
    }
    // Generalised, not invented: a region is the person's own or unknown.
    const regions = new Set(p.nodes.map((n) => n.attributes.region));
    expect([...regions].every((r) => ['GB', 'US', 'AU', 'unknown'].includes(r))).toBe(true);
  });

  it('merges communities smaller than k into one "other" community, numbered last, and updates meta', () => {
    const sizes = (q: GraphPayload) => q.attributes.meta.communities.map((c) => c.size);
    expect(sizes(original)).toEqual([6, 6, 3, 2]);
    const p = salted('s1', 5);
    expect(sizes(p)).toEqual([6, 6, 5]);
    expect(p.attributes.meta.counts.communities).toBe(3);
    for (const c of p.attributes.meta.communities) {
      expect(p.nodes.filter((n) => n.attributes.community === c.id)).toHaveLength(c.size);
      expect(c.topMembers.every((m) => /^Participant \d+$/.test(m.label) && p.nodes.some((n) => n.key === m.key))).toBe(true);
    }
    const other = p.attributes.meta.communities[2]!;
    expect(other.topMembers).toHaveLength(5);
    expect(other.sectors).toEqual([{ value: 'unknown', count: 5 }]);
    expect(other.chats.map((c) => c.messages)).toEqual([3, 2]);
    // The partition changed, so its modularity is recomputed (and checked against graphology's own).
    const merged = p.attributes.meta.modularity;
    expect(merged).toBeLessThan(original.attributes.meta.modularity);
    expect(merged).toBeCloseTo(modularity(UndirectedGraph.from(p), { getNodeCommunity: 'community', getEdgeWeight: 'weight' }), 5);
    // With k = 1 nothing merges and Louvain's figure stands.
    expect(salted('s1', 1).attributes.meta.modularity).toBe(original.attributes.meta.modularity);
    expect(sizes(salted('s1', 1))).toEqual([6, 6, 3, 2]);
  });

  it('numbers people stably: same input and salt, same pseudonyms; another salt, others', () => {
    expect(JSON.stringify(salted('s1'))).toBe(JSON.stringify(salted('s1')));
    const again = analyze(
      { messages: messages().reverse(), people: PEOPLE, dataset: { id: 'ds9', name: 'zq export by @xavqor', version: 1 } },
      { seed: 1 },
    );
    expect(JSON.stringify(pseudonymize(again, { salt: 's1' }))).toBe(JSON.stringify(salted('s1')));
    const a = [...pseudonymOf(salted('s1')).values()];
    expect(new Set(a).size).toBe(original.nodes.length);
    expect([...pseudonymOf(salted('s2')).values()]).not.toEqual(a);
    // Not the alphabetical order of the real keys either.
    expect(a).not.toEqual(original.nodes.map((_, i) => `Participant ${i + 1}`));
  });

  it('refuses to run without a salt or with a k below 1', () => {
    expect(() => pseudonymize(original, { salt: '' })).toThrow(/^pseudonymize: .*salt/);
    expect(() => pseudonymize(original, { salt: 's', k: 0 })).toThrow(/^pseudonymize: k must be a positive integer/);
  });

  it('scales: 5,000 people and 500 chat names take well under a few seconds', () => {
    const big = structuredClone(original);
    const template = big.nodes[0]!;
    big.nodes = Array.from({ length: 5000 }, (_, i) => ({
      key: `twitter:user${i}`,
      attributes: { ...template.attributes, label: `User Number ${i}`, handle: `User${i}`, chats: [`#chat${i % 500}`] },
    }));
    big.edges = big.nodes
      .slice(1)
      .map((n, i) => ({ source: big.nodes[i]!.key, target: n.key, attributes: { ...original.edges[0]!.attributes } }));
    big.attributes.meta.chats = Array.from({ length: 500 }, (_, i) => `#chat${i}`);
    const started = performance.now();
    const p = pseudonymize(big, { salt: 's1' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(p.nodes).toHaveLength(5000);
  });
});
