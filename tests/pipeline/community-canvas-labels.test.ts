/**
 * Community names on the canvas (community/canvas-label.ts), on real chats. Uploaded together, a busy IRC day and
 * eight small real chats give ten communities whose whole labels all begin "irc log 19 dec 2016": on the canvas
 * that shared chat is left out and said once over them, while the small chats keep theirs (there the chat is what
 * tells them apart). A lone word alone is no name: a community with only lone words is named by who it gathers
 * around. Canvas names differ from each other, as labels do, and an opted-out person leaves them too.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { canvasLabels, type CanvasLabel } from '../../server/pipeline/community/canvas-label.js';
import type { LabelFacts } from '../../server/pipeline/community/label.js';
import { removePeople } from '../../server/pipeline/export/remove-people.js';
import { GraphPayloadSchema, type GraphPayload, type Message } from '../../shared/index.js';
import { IRC_DAY, REAL_MIX as MIX } from '../support/real-mix.js';

const root = new URL('../fixtures/real/', import.meta.url).pathname;

function analyzedFiles(files: readonly string[]): GraphPayload {
  const messages: Message[] = [];
  const people: ReturnType<typeof readTranscript>['people'] = [];
  for (const file of files) {
    const read = readTranscript(new Uint8Array(fs.readFileSync(root + file)), { fileName: file.split('/').pop()! });
    messages.push(...read.messages);
    people.push(...read.people);
  }
  return GraphPayloadSchema.parse(
    analyze({ messages, people, dataset: { id: 'real', name: 'real', version: 1 }, backbone: false }, { seed: 1 }),
  );
}

const canvasOf = (payload: GraphPayload) =>
  new Map(payload.attributes.meta.communities.map((c) => [c.label!, { label: c.canvasLabel, omits: c.canvasOmitsChat }]));

describe('canvas names on a real mix where one chat dominates', () => {
  const payload = analyzedFiles(MIX);
  const communities = payload.attributes.meta.communities;
  const canvas = canvasOf(payload);

  it('leaves out the chat most communities share, and says which chat they leave out', () => {
    const irc = communities.filter((c) => c.label!.startsWith('irc log 19 dec 2016'));
    expect(irc).toHaveLength(10);
    for (const c of irc) {
      expect(c.canvasOmitsChat, c.label).toBe('irc log 19 dec 2016');
      expect(c.canvasLabel, c.label).not.toContain('irc log');
    }
    // Two topics fit where the chat was.
    expect(canvas.get('irc log 19 dec 2016 · boot speed, windows machine')).toEqual({
      label: 'boot speed, windows machine',
      omits: 'irc log 19 dec 2016',
    });
    expect(canvas.get('irc log 19 dec 2016 · network installer, alternate iso')!.label).toBe('network installer, alternate iso');
    expect(canvas.get('irc log 19 dec 2016 · #python, programming issue')!.label).toBe('#python, programming issue');
  });

  it('keeps the chat where it is what tells a community apart', () => {
    expect(canvas.get('#docnowcommunity · social media archiving, social media archives · July 2016')).toEqual({
      label: '#docnowcommunity · social media archiving',
      omits: undefined,
    });
    expect(canvas.get('#mastodon · 21 Apr 2017')).toEqual({ label: '#mastodon · 21 Apr 2017', omits: undefined });
    expect(canvas.get('#aect19 · Dec–Feb 2020')).toEqual({ label: '#aect19 · Dec–Feb 2020', omits: undefined });
    // Beside a chat, a lone word gives way to what is the community's own: its sector, else its period.
    expect(canvas.get('get_mentions · india · academic · December 2015')!.label).toBe('get_mentions · academic');
    expect(canvas.get('whatsapp chat parser example · feature, show · 20 Jun 2019')!.label).toBe(
      'whatsapp chat parser example · 20 Jun 2019',
    );
  });

  it('names a community of lone words by whom it gathers around, not by a lone word', () => {
    // "data" and "file" are words of any help channel; Ben64 is who the seven talk with.
    expect(canvas.get('irc log 19 dec 2016 · data, file')!.label).toBe('around Ben64 · data');
    // A lone word after a topic goes: "unity tweak", not "unity tweak, size".
    expect(canvas.get('irc log 19 dec 2016 · unity tweak, size')!.label).toBe('unity tweak');
    // Two people who share no term: the chat they would share says nothing either.
    expect(canvas.get('irc log 19 dec 2016')!.label).toBe('around CarlFK');
  });

  it('gives every community a canvas name, no two alike, each no longer than its label', () => {
    const names = communities.map((c) => c.canvasLabel!);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    for (const c of communities)
      if (!c.canvasLabel!.startsWith('around ')) expect(c.canvasLabel!.length).toBeLessThanOrEqual(c.label!.length);
  });

  it('takes an opted-out member out of a canvas name too', () => {
    const ben = payload.nodes.find((n) => n.attributes.label === 'Ben64')!;
    const left = removePeople(payload, [{ key: ben.key, name: 'Ben64' }]);
    const after = left.attributes.meta.communities.find((c) => c.label === 'irc log 19 dec 2016 · data, file')!;
    expect(after.canvasLabel).toBe('around a participant · data');
    expect(JSON.stringify(left.attributes.meta.communities)).not.toContain('Ben64');
  });
});

describe('canvas names on one real chat', () => {
  it('the #ubuntu day alone: no chat to leave out, topics without their lone words', () => {
    const payload = analyzedFiles([IRC_DAY]);
    const communities = payload.attributes.meta.communities;
    expect(communities.every((c) => c.canvasOmitsChat === undefined)).toBe(true);
    expect(communities.map((c) => [c.label, c.canvasLabel])).toEqual([
      ['#ubuntu, chroot', '#ubuntu'],
      ['ubuntu server, apt update', 'ubuntu server, apt update'],
      ['boot speed, windows machine', 'boot speed, windows machine'],
      ['ubuntu mate, usb boot', 'ubuntu mate, usb boot'],
      ['git checkout, ppa', 'git checkout'],
      ['unity tweak, size', 'unity tweak'],
      ['data, state', 'around Ben64 · data'],
      ['network installer, alternate iso', 'network installer, alternate iso'],
      ['#python, programming issue', '#python, programming issue'],
      ['around CarlFK', 'around CarlFK'],
    ]);
  });

  it("a community's own sector, region and period name it where it has no topic (twarc bang_search)", () => {
    const communities = analyzedFiles(['twarc-csv/bang_search.csv']).attributes.meta.communities;
    expect(communities.map((c) => c.canvasLabel)).toEqual(['academic, GB · 9 Mar 2020', 'GB · 1 Mar 2020', 'US · 1 Mar 2020']);
  });
});

describe('canvas names on two real hashtag archives where one holds every community', () => {
  const payload = analyzedFiles(['rtweet-csv/vala2018-2018-02-13.csv', 'rtweet-csv/auspreserves-2018-02-16.csv']);
  const communities = payload.attributes.meta.communities;
  const canvas = canvasOf(payload);

  it('#vala2018 is said once, and each name keeps what is its own', () => {
    expect(communities.every((c) => c.label!.startsWith('#vala2018 · ') && c.canvasOmitsChat === '#vala2018')).toBe(true);
    expect(communities.some((c) => c.canvasLabel!.includes('#vala2018'))).toBe(false);
    expect(new Set(communities.map((c) => c.canvasLabel)).size).toBe(communities.length);
    expect(canvas.get('#vala2018 · #s13, creating communities')!.label).toBe('#s13, creating communities');
    // Two named topics would not fit in a chat's room (32 characters): the first alone.
    expect(canvas.get('#vala2018 · digital literacy, digitising journals · academic, GB')!.label).toBe('digital literacy');
    // No topic, sector, region or period of its own: named by whom it gathers around.
    expect(canvas.get('#vala2018 · with EBSCOAustralia')!.label).toBe('around EBSCOAustralia');
  });

  it('two pairs that would both read "12 Feb 2018" keep the rest of their labels, without the chat', () => {
    expect(canvas.get('#vala2018 · 12 Feb 2018 · with AusGLAMBlogs')!.label).toBe('12 Feb 2018 · with AusGLAMBlogs');
    expect(canvas.get('#vala2018 · 12 Feb 2018 · with 023forrefugees')!.label).toBe('12 Feb 2018 · with 023forrefugees');
  });
});

describe('which chat is left out', () => {
  const facts = (id: number, chat: string, size: number, terms: string[]): LabelFacts => ({
    id,
    size,
    chats: [{ chat, messages: 10 }],
    terms: terms.map((term, i) => ({ term, members: 3, score: 10 - i })),
    sectors: [],
    regions: [],
    period: undefined,
    topMember: `m${id}`,
  });
  const view = { chats: 2, sectors: new Map(), regions: new Map() };
  const run = (cs: LabelFacts[]): CanvasLabel[] =>
    canvasLabels(
      cs,
      view,
      cs.map((c) => `${c.chats[0]!.chat} · ${c.terms.map((t) => t.term).join(', ')} (${c.id})`),
    );

  it('none when two chats have as many communities each: there the chat tells them apart', () => {
    const out = run([
      facts(0, '#a', 5, ['open access']),
      facts(1, '#a', 5, ['book club']),
      facts(2, '#b', 5, ['open data']),
      facts(3, '#b', 5, ['zine fest']),
    ]);
    expect(out.map((x) => x.label)).toEqual(['#a · open access', '#a · book club', '#b · open data', '#b · zine fest']);
    expect(out.every((x) => x.omitsChat === undefined)).toBe(true);
  });

  it('communities too small for the canvas do not count towards most', () => {
    // Three of five share #a, but two of those have two members: #a is one of three named communities, not most.
    const out = run([
      facts(0, '#a', 5, ['open access']),
      facts(1, '#b', 5, ['book club']),
      facts(2, '#c', 5, ['open data']),
      facts(3, '#a', 2, ['zine fest']),
      facts(4, '#a', 2, ['story time']),
    ]);
    expect(out.every((x) => x.omitsChat === undefined)).toBe(true);
  });

  it("ends with different names even when whole labels meet (a chat named like the labeller's own suffix)", () => {
    // labelCommunities can hand two communities the same whole label when a chat's name ends "(2)" as its suffixes do;
    // the canvas then numbers them (this looped forever before).
    const same = (id: number, chat: string) => ({ ...facts(id, chat, 5, []), topMember: undefined });
    const cs = [same(0, 'ops'), same(1, 'ops'), same(2, 'ops · with Sam (2)'), same(3, 'x'), same(4, 'y')];
    const out = canvasLabels(cs, { chats: 5, sectors: new Map(), regions: new Map() }, [
      'ops · with Sam (1)',
      'ops · with Sam (2)',
      'ops · with Sam (2)',
      'x',
      'y',
    ]);
    expect(new Set(out.map((x) => x.label)).size).toBe(5);
  });

  it('names that would clash without the chat take another topic, then the whole label without the chat', () => {
    const out = run([
      facts(0, '#a', 5, ['#oa', '#ill', '#story']),
      facts(1, '#a', 5, ['#oa', '#ill', '#zine']),
      facts(2, '#a', 5, ['#oa', '#ill', '#zine', '#x']),
      facts(3, '#b', 5, ['open data']),
    ]);
    expect(out.map((x) => x.label)).toEqual(['#oa, #ill, #story', '#oa, #ill, #zine (1)', '#oa, #ill, #zine, #x (2)', '#b · open data']);
    expect(out.map((x) => x.omitsChat)).toEqual(['#a', '#a', '#a', undefined]);
  });
});
