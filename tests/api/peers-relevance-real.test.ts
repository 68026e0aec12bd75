/**
 * Peers on real chats must share something with the person: on the real
 * #siteconf 2017 archive (TAGS, 479 tweets; regions from profile locations)
 * and the real #auspreserves day (rtweet 0.6, 60 tweets; sectors and regions
 * from bios), every suggestion for everyone whose context is known has a
 * relevance signal the graph shows (a tie, a contact in common, a topic both
 * wrote about), and its reasons say it. Strangers who share nothing but
 * another country or sector are left out, and the list says so by being
 * shorter. A sector is said only as far as its evidence goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphPayloadSchema, PeersSchema, type GraphPayload, type Peers } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

/** A reason that says what links the two (peers/reasons.ts); a chat not joined or a context alone does not. */
const LINK =
  /^you both wrote about |^you both answered Q\d+ |^you both talk with |^you and .+ have talked |^you were both in the |^.+ talks with .+(?: and \d+ more of the people you talk with|, as you do)$/;

interface Chat {
  id: string;
  graph: GraphPayload;
  answers: Map<string, Peers>;
}

let t: TestApp;
const chats = new Map<string, Chat>();

async function load(name: string, ...path: string[]): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: path.at(-1)!, content: fixture(...path) }]),
  });
  const id = res.json().id as string;
  const graph = GraphPayloadSchema.parse((await t.app.inject(`/api/datasets/${id}/graph`)).json());
  const answers = new Map<string, Peers>();
  for (const n of graph.nodes) {
    if (n.attributes.sector === 'unknown' && n.attributes.region === 'unknown') continue;
    const url = `/api/datasets/${id}/people/${encodeURIComponent(n.key)}/peers`;
    answers.set(n.key, PeersSchema.parse((await t.app.inject(url)).json()));
  }
  chats.set(name, { id, graph, answers });
}

beforeAll(async () => {
  t = await buildTestApp();
  await load('siteconf', 'real', 'tags-csv', 'siteconf.csv');
  await load('auspreserves', 'real', 'rtweet-csv', 'auspreserves-2018-02-16.csv');
}, 120_000);
afterAll(async () => t.close());

function figures(name: string) {
  const { graph, answers } = chats.get(name)!;
  const ties = new Map<string, Set<string>>();
  for (const e of graph.edges)
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const)
      ties.set(a, (ties.get(a) ?? new Set()).add(b));
  let suggestions = 0;
  let unlinked = 0;
  let unsaid = 0;
  let strangers = 0;
  let short = 0;
  let halfOutsideMissed = 0;
  for (const [key, answer] of answers) {
    const mine = ties.get(key) ?? new Set<string>();
    strangers += answer.candidates!.beyond - answer.candidates!.relevant!;
    if (answer.peers.length < 10) short++;
    // At least half from outside the person's community whenever there are such candidates (issue 20).
    const outside = answer.peers.filter((p) => !p.sameCommunity).length;
    if (outside < Math.min(Math.ceil(answer.peers.length / 2), answer.candidates!.outsideCommunity)) halfOutsideMissed++;
    for (const p of answer.peers) {
      suggestions++;
      const theirs = ties.get(p.key) ?? new Set<string>();
      const linked = mine.has(p.key) || [...theirs].some((z) => mine.has(z)) || (p.topics ?? []).length > 0;
      if (!linked) unlinked++;
      if (!p.reasons.some((r) => LINK.test(r))) unsaid++;
      if ((p.topics ?? []).length > 0) expect(p.reasons[0]).toBe(`you both wrote about ${p.topics!.join(' and ')}`);
    }
  }
  return { asked: answers.size, suggestions, unlinked, unsaid, strangers, short, halfOutsideMissed };
}

describe('peers on real chats share something with the person', () => {
  it('#siteconf 2017: every suggestion has a tie, a contact or a topic in common, and says which', () => {
    const f = figures('siteconf');
    expect(f).toMatchObject({ unlinked: 0, unsaid: 0, halfOutsideMissed: 0 });
    // Measured: 93 people with a known region, 222 suggestions; 3,011 people beyond them who share nothing with them
    // were left out, so 89 of the 93 lists are shorter than ten.
    expect(f.asked).toBeGreaterThanOrEqual(90);
    expect(f.suggestions).toBeGreaterThanOrEqual(200);
    expect(f.strangers).toBeGreaterThanOrEqual(3000);
    expect(f.short).toBeGreaterThanOrEqual(80);
  });

  it('#auspreserves: every suggestion has a tie, a contact or a topic in common, and says which', () => {
    const f = figures('auspreserves');
    expect(f).toMatchObject({ unlinked: 0, unsaid: 0, halfOutsideMissed: 0 });
    // Measured: 18 people with a known context, 46 suggestions, 46 strangers left out.
    expect(f.asked).toBeGreaterThanOrEqual(15);
    expect(f.suggestions).toBeGreaterThanOrEqual(40);
    expect(f.strangers).toBeGreaterThanOrEqual(30);
  });

  it('#auspreserves: says "works in … libraries" only when a library role is stated, else what the evidence says', async () => {
    const { id, answers } = chats.get('auspreserves')!;
    const said = new Map<string, string>();
    for (const answer of answers.values()) for (const p of answer.peers) said.set(p.key, p.reasons.at(-1)!);
    for (const [key, reason] of said) {
      const person = (await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent(key)}`)).json();
      if (/ libraries\b| a national library\b/.test(reason.split(';')[0]!)) {
        expect(person.sector.evidence, key).toMatch(/librar/i);
      }
    }
    // "Research data specialist at the University of Melbourne": academic, but no library role stated (was "works in
    // academic libraries"); "Digital Archive program manager" at Public Record Office Victoria: an archival role.
    expect(said.get('twitter:peterneish')).toBe('Peter Neish is at a university or college, also in Australia; you work in archives');
    expect(said.get('twitter:osoneill')).toBe('owen oneill works in archives, also in Australia; you are at a university or college');
  });
});
