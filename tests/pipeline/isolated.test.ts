/**
 * People with no ties on real chats (issue 19, item 2): on a hashtag's
 * export most people posted once or only retweeted. They are counted apart
 * (`counts.isolated`), in no community (−1), on a ring aside, hidden on
 * request, and never counted or captioned as communities of one. Who has no
 * tie is worked out here from the payload's own edges, not from the code
 * under test; the figures are pinned per file.
 */
import fs from 'node:fs';
import { UndirectedGraph } from 'graphology';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { NODE_CSV_COLUMNS } from '../../server/pipeline/export/csv.js';
import { writeExport } from '../../server/pipeline/export/index.js';
import { pseudonymize } from '../../server/pipeline/export/pseudonymize.js';
import { removePeople } from '../../server/pipeline/export/remove-people.js';
import {
  GraphPayloadSchema,
  GraphQuerySchema,
  NO_COMMUNITY,
  resolveBuildOptions,
  type BuildOptionsInput,
  type GraphPayload,
} from '../../shared/index.js';

// CommonJS default export under NodeNext: what Node hands over is the function itself (see server/pipeline/cjs.ts).
const modularity = modularityModule as unknown as typeof modularityModule.default;

const root = new URL('../fixtures/real/', import.meta.url).pathname;

/** Real exports, with what a reader counts in them: people, people with no tie, communities. */
const REAL = [
  { file: 'tags-csv/siteconf.csv', people: 135, isolated: 66, communities: 10 },
  { file: 'twitter-v1.1/get_mentions.json', people: 15, isolated: 11, communities: 2 },
  { file: 'mastodon/tag_timeline.json', people: 17, isolated: 12, communities: 2 },
  { file: 'twitter-v2/flat.jsonl', people: 28, isolated: 28, communities: 0 },
  { file: 'irc/2016-12-19_20.raw.txt', people: 163, isolated: 52, communities: 10 },
] as const;

const reads = new Map<string, ReturnType<typeof readTranscript>>();
function analyzed(file: string, options: BuildOptionsInput = {}): GraphPayload {
  let read = reads.get(file);
  if (!read) reads.set(file, (read = readTranscript(new Uint8Array(fs.readFileSync(root + file)), { fileName: file.split('/').pop()! })));
  const payload = analyze(
    { messages: read.messages, people: read.people, dataset: { id: 'real', name: file, version: 1 }, backbone: false },
    options,
  );
  return GraphPayloadSchema.parse(payload);
}

/** People on no edge of the payload (every tie is written: backbone off). */
function withoutTies(payload: GraphPayload): Set<string> {
  const tied = new Set(payload.edges.flatMap((e) => [e.source, e.target]));
  return new Set(payload.nodes.map((n) => n.key).filter((key) => !tied.has(key)));
}

describe('people with no ties on real chats', () => {
  for (const want of REAL) {
    it(`${want.file}: ${want.isolated} of ${want.people} people counted apart, no community of one`, () => {
      const payload = analyzed(want.file);
      const meta = payload.attributes.meta;
      const alone = withoutTies(payload);
      expect(payload.nodes).toHaveLength(want.people);
      expect(alone.size).toBe(want.isolated);
      expect(meta.counts.isolated).toBe(alone.size);

      // In no community exactly when they have no tie.
      for (const n of payload.nodes) expect(n.attributes.community === NO_COMMUNITY, n.key).toBe(alone.has(n.key));

      // Communities are the real ones: numbered 0…k−1 from the largest, none of one person, as the nodes say.
      const sizes = new Map<number, number>();
      for (const n of payload.nodes)
        if (n.attributes.community !== NO_COMMUNITY) sizes.set(n.attributes.community, (sizes.get(n.attributes.community) ?? 0) + 1);
      expect(meta.counts.communities).toBe(want.communities);
      expect(meta.communities.map((c) => c.id)).toEqual([...Array(want.communities).keys()]);
      expect(meta.communities.map((c) => c.size)).toEqual([...sizes.keys()].sort((a, b) => a - b).map((c) => sizes.get(c)));
      expect(meta.communities.every((c, i) => c.size >= 2 && (i === 0 || c.size <= meta.communities[i - 1]!.size))).toBe(true);

      // Modularity is that of the partition of the people with ties alone: no one without a tie weighs in it.
      if (payload.edges.length > 0) {
        const tied = new UndirectedGraph();
        for (const n of payload.nodes) if (!alone.has(n.key)) tied.addNode(n.key, { community: n.attributes.community });
        for (const e of payload.edges) tied.addEdge(e.source, e.target, { weight: e.attributes.weight });
        expect(meta.modularity).toBeCloseTo(modularity(tied, { getNodeCommunity: 'community', getEdgeWeight: 'weight' }), 5);
      }

      // The caption counts them apart and lists no community of one.
      if (want.communities === 0) expect(meta.caption).toContain('No one has a tie, so there are no communities.');
      else if (want.isolated > 0) expect(meta.caption).toContain(`${want.isolated} people with no ties are set apart, in no community.`);
      expect(meta.caption).not.toMatch(/\(1 people/);
    });
  }

  it('puts them on a ring outside everyone with a tie (siteconf)', () => {
    const payload = analyzed('tags-csv/siteconf.csv');
    const alone = withoutTies(payload);
    const tied = payload.nodes.filter((n) => !alone.has(n.key));
    const cx = tied.reduce((s, n) => s + n.attributes.x, 0) / tied.length;
    const cy = tied.reduce((s, n) => s + n.attributes.y, 0) / tied.length;
    const distance = (n: GraphPayload['nodes'][number]) => Math.hypot(n.attributes.x - cx, n.attributes.y - cy);
    const reach = Math.max(...tied.map(distance));
    const ring = payload.nodes.filter((n) => alone.has(n.key)).map(distance);
    expect(ring).toHaveLength(66);
    expect(Math.min(...ring)).toBeGreaterThan(reach * 1.05);
    expect(Math.max(...ring)).toBeLessThan(reach * 1.25);
  });

  it('leaves them out with isolated=hide, moving no one else and changing no other figure', () => {
    const shown = analyzed('tags-csv/siteconf.csv');
    const hidden = analyzed('tags-csv/siteconf.csv', { isolated: 'hide' });
    expect(hidden.nodes).toEqual(shown.nodes.filter((n) => n.attributes.community !== NO_COMMUNITY));
    expect(hidden.nodes).toHaveLength(69);
    expect(hidden.edges).toEqual(shown.edges);
    const { counts, caption, options, ...rest } = hidden.attributes.meta;
    const { counts: shownCounts, caption: _c, options: shownOptions, ...shownRest } = shown.attributes.meta;
    expect(rest).toEqual(shownRest);
    expect(counts).toEqual({ ...shownCounts, nodes: 69 });
    expect(counts.isolated).toBe(66);
    expect(options).toEqual({ ...shownOptions, isolated: 'hide' });
    expect(caption).toMatch(
      /^69 people in 1 chat \(19 sessions, 436 messages\) with 389 ties\. 66 people with no ties are left out\. Largest communities: 1 \(18 people/,
    );
  });

  it('gives the same bytes for the same data, options and seed', () => {
    expect(JSON.stringify(analyzed('twitter-v1.1/get_mentions.json', { isolated: 'hide' }))).toBe(
      JSON.stringify(analyzed('twitter-v1.1/get_mentions.json', { isolated: 'hide' })),
    );
  });

  it('lays out a chat where no one has a tie as an even disc, no one on top of another', () => {
    const payload = analyzed('whatsapp/test_ddmmyy_24hrs.txt');
    expect(payload.attributes.meta.counts).toMatchObject({ nodes: 5, edges: 0, communities: 0, isolated: 5 });
    expect(payload.attributes.meta.caption).toContain('No one has a tie, so there are no communities.');
    const at = payload.nodes.map((n) => [n.attributes.x, n.attributes.y] as const);
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++) expect(Math.hypot(at[i]![0] - at[j]![0], at[i]![1] - at[j]![1])).toBeGreaterThan(5);
  });
});

describe('the isolated option', () => {
  it('reads show by default, hide from the query, and refuses anything else', () => {
    expect(resolveBuildOptions().isolated).toBe('show');
    expect(resolveBuildOptions(GraphQuerySchema.parse({ isolated: 'hide' })).isolated).toBe('hide');
    expect(GraphQuerySchema.parse({ isolated: '' }).isolated).toBeUndefined();
    expect(GraphQuerySchema.safeParse({ isolated: 'maybe' }).success).toBe(false);
  });
});

describe('exports and shares with people who have no ties (siteconf)', () => {
  const payload = analyzed('tags-csv/siteconf.csv');
  const alone = withoutTies(payload);
  const file = (format: Parameters<typeof writeExport>[1], p = payload) => String(writeExport(p, format).body);
  const occurrences = (text: string, part: string) => text.split(part).length - 1;

  it('write community -1 for each of them and count them apart in GEXF, GraphML, CSV and SVG', () => {
    const csv = file('nodes-csv').split('\r\n');
    const communityColumn = NODE_CSV_COLUMNS.indexOf('community');
    expect(communityColumn).toBe(4);
    // key, label, handle and platform are quoted text before it: the fifth cell of a row is the community.
    const rowCommunity = (row: string) => row.match(/^(?:"(?:[^"]|"")*",){4}(-?\d+),/)?.[1];
    const byKey = new Map(csv.slice(1, -1).map((row) => [JSON.parse(row.slice(0, row.indexOf('",') + 1)) as string, rowCommunity(row)]));
    for (const n of payload.nodes) expect(byKey.get(n.key), n.key).toBe(alone.has(n.key) ? '-1' : String(n.attributes.community));

    const graphml = file('graphml');
    expect(graphml).toContain('<data key="g_isolatedCount">66</data>');
    expect(graphml).toContain('<data key="g_communityCount">10</data>');
    expect(occurrences(graphml, '<data key="n_community">-1</data>')).toBe(66);

    const gexf = file('gexf');
    expect(gexf).toContain('10 communities, modularity 0.544268; 66 people with no ties, in no community (community -1).');
    expect(occurrences(gexf, '<attvalue for="community" value="-1"/>')).toBe(66);

    const svg = file('svg');
    expect(svg).toContain('Communities (10)</text>');
    expect(svg).toContain('>66 people with no ties</text>');
    expect(svg).not.toMatch(/Community \d+ \(1\)/);
    expect(occurrences(svg, 'fill="#9a9a9a"><title>')).toBeGreaterThanOrEqual(66);
  });

  it('keep them in no community in a pseudonymous share, and no small group of them becomes "other"', () => {
    const shared = GraphPayloadSchema.parse(pseudonymize(payload, { salt: 'isolated-test', k: 5 }));
    const meta = shared.attributes.meta;
    const none = shared.nodes.filter((n) => n.attributes.community === NO_COMMUNITY);
    expect(none).toHaveLength(66);
    // k-anonymous among themselves: everyone without a tie still reads 0 ties.
    expect(none.every((n) => n.attributes.degree === 0 && n.attributes.weightedDegree === 0)).toBe(true);
    expect(meta.counts.isolated).toBe(66);
    expect(meta.counts.communities).toBe(meta.communities.length);
    const sizes = meta.communities.map((c) => shared.nodes.filter((n) => n.attributes.community === c.id).length);
    expect(meta.communities.map((c) => c.size)).toEqual(sizes);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(135 - 66);
    expect(meta.caption).toContain('66 people with no ties are set apart, in no community.');
  });

  it('recount them when someone is taken out of a stored view', () => {
    const lone = [...alone].sort()[0]!;
    const tied = payload.nodes.find((n) => !alone.has(n.key))!.key;
    const left = removePeople(payload, [{ key: lone }, { key: tied }]);
    expect(left.attributes.meta.counts).toMatchObject({ nodes: 133, isolated: 65, communities: 10 });
    expect(left.attributes.meta.caption).toContain('65 people with no ties are set apart');
  });
});
