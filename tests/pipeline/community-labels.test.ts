/**
 * Communities that can be told apart (issue 19, item 3). On real exports,
 * every community's label differs from the others' and names terms its
 * members use more than everyone else does (checked here by reading the
 * messages, not through the code under test). On a generated history with
 * a topic vocabulary planted per chat, each planted community's label names
 * its chat and words of that chat's theme. Stability: a planted partition
 * holds under other seeds; a random graph's split does not, and the caption
 * says the view is one community with loose corners. Same seed, same labels.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatSpecs, plantedChats } from '../../data/generator/index.js';
import { THEME_WORDS } from '../../data/generator/topics.js';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { pseudonymize } from '../../server/pipeline/export/pseudonymize.js';
import { removePeople } from '../../server/pipeline/export/remove-people.js';
import { seededRandom } from '../../server/pipeline/rng.js';
import { GraphPayloadSchema, type GraphPayload, type Message } from '../../shared/index.js';
import { messagesOf } from '../support/generated-messages.js';

const root = new URL('../fixtures/real/', import.meta.url).pathname;

function analyzedFile(file: string, seed = 1): { payload: GraphPayload; messages: Message[] } {
  const read = readTranscript(new Uint8Array(fs.readFileSync(root + file)), { fileName: file.split('/').pop()! });
  const payload = analyze(
    { messages: read.messages, people: read.people, dataset: { id: 'real', name: file, version: 1 }, backbone: false },
    { seed },
  );
  return { payload: GraphPayloadSchema.parse(payload), messages: read.messages };
}

/** Share of a group of people who wrote `term` (case-insensitive, whole words) in a message of their own. */
function shareUsing(messages: readonly Message[], people: ReadonlySet<string>, term: string): number {
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
  const users = new Set(messages.filter((m) => m.kind !== 'repost' && people.has(m.author) && pattern.test(m.text)).map((m) => m.author));
  return users.size / Math.max(1, people.size);
}

const REAL = ['tags-csv/siteconf.csv', 'irc/2016-12-19_20.raw.txt', 'twarc-csv/bang_search.csv'];

describe('community labels on real chats', () => {
  for (const file of REAL) {
    it(`${file}: labels differ, and name terms members use more than the others`, () => {
      const { payload, messages } = analyzedFile(file);
      const communities = payload.attributes.meta.communities;
      expect(communities.length).toBeGreaterThan(1);
      const labels = communities.map((c) => c.label);
      expect(new Set(labels).size).toBe(labels.length);
      const writers = new Set(messages.filter((m) => m.kind !== 'repost').map((m) => m.author));
      let checked = 0;
      for (const c of communities) {
        const members = new Set(payload.nodes.filter((n) => n.attributes.community === c.id).map((n) => n.key));
        const others = new Set([...writers].filter((k) => !members.has(k)));
        for (const t of c.terms.slice(0, 2)) {
          // A term's members are counted from their own words; more of them use it than of everyone else.
          expect(t.members, `${c.label}: ${t.term}`).toBeGreaterThanOrEqual(2);
          const term = t.term.startsWith('#') ? t.term : t.term.replace(/s$/, '');
          expect(shareUsing(messages, members, term), `${c.label}: ${t.term}`).toBeGreaterThan(shareUsing(messages, others, term));
          checked++;
        }
        // A label carries its terms when the community has some (named topics before lone words, see label.ts).
        if (c.terms.length)
          expect(
            c.terms.some((t) => c.label!.includes(t.term)),
            c.label,
          ).toBe(true);
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('siteconf: the largest communities read as their topics, not as "mostly" the one chat', () => {
    const { payload } = analyzedFile('tags-csv/siteconf.csv');
    const meta = payload.attributes.meta;
    const terms = meta.communities.slice(0, 3).map((c) => c.terms.map((t) => t.term));
    // Three topics of a teacher-education conference, each in one community: social media, STEM, open access.
    expect(terms.filter((t) => t.includes('#socialmediaed'))).toHaveLength(1);
    expect(terms.filter((t) => t.includes('#stem'))).toHaveLength(1);
    expect(terms.filter((t) => t.includes('open access'))).toHaveLength(1);
    expect(meta.caption).toMatch(/Largest communities: 1 \(\d+ people, [^)]*(#socialmediaed|#stem|open access)/);
    expect(meta.caption).not.toContain('mostly');
  });

  it('the same seed gives the same labels, terms and stability', () => {
    const a = analyzedFile('irc/2016-12-19_20.raw.txt').payload.attributes.meta;
    const b = analyzedFile('irc/2016-12-19_20.raw.txt').payload.attributes.meta;
    expect(b.communities).toEqual(a.communities);
    expect(b.partition).toEqual(a.partition);
  });
});

describe('labels name no one who is taken out', () => {
  const { payload } = analyzedFile('tags-csv/siteconf.csv');
  const named = payload.attributes.meta.communities.find((c) => c.label!.startsWith('around '))!;
  const person = named.topMembers[0]!;

  it('a label naming its best-connected member loses the name when they opt out', () => {
    expect(named.label).toBe(`around ${person.label}`);
    const left = removePeople(payload, [{ key: person.key, name: person.label }]);
    const after = left.attributes.meta.communities.find((c) => c.id === named.id)!;
    expect(after.label).toBe('around a participant');
    expect(JSON.stringify(left.attributes.meta.communities)).not.toContain(person.label);
  });

  it('a pseudonymous share carries no labels, terms or sessions', () => {
    const shared = pseudonymize(payload, { salt: 'test-salt', k: 1 });
    for (const c of shared.attributes.meta.communities) {
      expect(c.label).toBeUndefined();
      expect(c.terms).toEqual([]);
      expect(c.activeSessions).toEqual([]);
    }
    expect(shared.attributes.meta.partition).toEqual(payload.attributes.meta.partition);
  });
});

describe('community labels on planted chats', () => {
  const { model, trueChat } = plantedChats({ seed: 7, chats: 5, peoplePerChat: { min: 25, max: 35 }, sessions: 6, visitorRate: 0.08 });
  const payload = analyze({
    messages: messagesOf(model),
    people: [],
    dataset: { id: 'planted', name: 'planted', version: 1 },
    backbone: false,
  });
  const meta = payload.attributes.meta;
  const themes = new Map(chatSpecs(5).map((s) => [s.hashtag, s.theme]));

  it("each planted chat's community is labelled with its hashtag and words of its own theme", () => {
    for (const chat of model.chats) {
      // The community holding most of the chat's home members.
      const votes = new Map<number, number>();
      for (const n of payload.nodes)
        if (trueChat[n.key] === chat.hashtag) votes.set(n.attributes.community, (votes.get(n.attributes.community) ?? 0) + 1);
      const id = [...votes].sort((a, b) => b[1] - a[1])[0]![0];
      const c = meta.communities[id]!;
      expect(c.label!.startsWith(`${chat.hashtag} · `), c.label).toBe(true);
      const words = THEME_WORDS[themes.get(chat.hashtag)!];
      const vocabulary = [...words.topics, ...words.audiences, ...words.stakeholders, words.workplace, ...words.tools]
        .join(' ')
        .toLowerCase();
      const own = c.terms.slice(0, 3).filter((t) => vocabulary.includes(t.term.toLowerCase()));
      expect(own.length, `${c.label}: ${c.terms.map((t) => t.term).join(', ')}`).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(meta.communities.map((c) => c.label)).size).toBe(meta.communities.length);
  });

  it('the planted partition holds under other seeds, and the caption lists it', () => {
    expect(meta.partition).toMatchObject({ runs: 4, loose: false });
    expect(meta.partition!.stability).toBeGreaterThanOrEqual(0.9);
    expect(meta.communities.every((c) => c.stability! >= 0.75)).toBe(true);
    expect(meta.caption).toContain('Largest communities: 1 (');
    expect(meta.caption).toContain('Under 4 other seeds the communities are 100 % alike.');
  });
});

describe('a random graph', () => {
  // 80 people mentioning random others, one message every five hours: ties of one kind, no structure planted.
  const random = seededRandom(3);
  const people = Array.from({ length: 80 }, (_, i) => `twitter:p${i}`);
  const messages: Message[] = [];
  for (let i = 0; i < 320; i++) {
    const [a, b] = [people[Math.floor(random() * 80)]!, people[Math.floor(random() * 80)]!];
    if (a === b) continue;
    const time = new Date(Date.UTC(2024, 0, 1) + i * 5 * 3_600_000).toISOString();
    messages.push({
      id: `m${i}`,
      platform: 'twitter',
      chat: '#c',
      author: a,
      time,
      text: `hi @${b.slice(8)}`,
      mentions: [b],
      hashtags: ['#c'],
      kind: 'post',
    });
  }
  const meta = analyze(
    { messages, people: [], dataset: { id: 'random', name: 'random', version: 1 }, backbone: false },
    { kinds: ['mention'] },
  ).attributes.meta;

  it('splits differently under other seeds, and the caption calls it one community with loose corners', () => {
    expect(meta.counts.communities).toBeGreaterThan(2);
    expect(meta.partition!.stability).toBeLessThan(0.6);
    expect(meta.partition!.loose).toBe(true);
    expect(meta.caption).toContain('read as one community with loose corners');
    // The legend and canvas still show the groups: the caption says what they are rather than that none is listed.
    expect(meta.caption).toContain('the groups shown are corners of it, not communities apart, and the caption names none.');
    expect(meta.caption).toContain('it changes with the seed');
    expect(meta.caption).not.toContain('Largest communities');
  });
});
