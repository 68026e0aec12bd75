/**
 * Peers on a generated history with interests planted across chats: four
 * chats, each its own sector and region, where six people in three chats
 * write about the same topic. The people worth meeting are the planters in
 * the other chats: how many of the first 5 and 10 suggestions share the
 * person's planted interest (at most 4 of 5 and 4 of 10: four planters are
 * beyond them), how many come from outside their community, and whether
 * every reason says something particular.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/index.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { suggestPeers } from '../../server/pipeline/peers.js';
import { msg } from '../support/messages.js';

const CHATS = [
  { chat: '#medlibs', sector: 'health', region: 'GB', local: 'patient leaflets' },
  { chat: '#schoollibs', sector: 'school', region: 'US', local: 'reading logs' },
  { chat: '#publibs', sector: 'public', region: 'AU', local: 'library cards' },
  { chat: '#acadlibs', sector: 'academic', region: 'CA', local: 'research guides' },
];
const TOPICS = ['zine collections', 'wikidata projects', 'seed libraries', 'oral history interviews'];
const FILLER = [
  'great question, it depends on the week',
  'honestly mostly persistence',
  'same here, lots to think about',
  'we are still working it out',
];
const SIZE = 12;

/** Topic t is planted in members 2t+1 and 2t+2 of every chat but chat t. */
const plantedOf = (c: number, i: number): number | undefined => {
  const t = Math.floor((i - 1) / 2);
  return i >= 1 && t < TOPICS.length && t !== c ? t : undefined;
};

function history(): { messages: Message[]; sector: Map<string, string>; region: Map<string, string> } {
  const messages: Message[] = [];
  const sector = new Map<string, string>();
  const region = new Map<string, string>();
  CHATS.forEach(({ chat, sector: s, region: r, local }, c) => {
    const who = (i: number) => `twitter:${chat.slice(1)}${i}`;
    for (let i = 0; i < SIZE; i++) {
      // Two of each chat work in another kind of library in the same country.
      sector.set(who(i), i >= SIZE - 2 ? 'special' : s);
      region.set(who(i), r);
    }
    for (let session = 0; session < 4; session++) {
      const day = `2024-0${session + 1}-${String(10 + c).padStart(2, '0')}`;
      let minute = 0;
      const at = () => `${day}T20:${String(minute++).padStart(2, '0')}:00.000Z`;
      for (let q = 1; q <= 3; q++) {
        messages.push(
          msg({
            id: `${chat}-${session}-q${q}`,
            chat,
            author: `twitter:${chat.slice(1)}mod`,
            time: at(),
            text: `Q${q}: what is new?`,
            question: q,
            hashtags: [chat],
          }),
        );
        for (let i = 0; i < SIZE; i++) {
          const t = plantedOf(c, i);
          const text =
            t !== undefined && q === 2
              ? `A2: our ${TOPICS[t]} keep us busy`
              : q === 1
                ? `A1: ${local}, ${FILLER[(i + session) % FILLER.length]}`
                : `A${q}: ${FILLER[(i + q) % FILLER.length]}`;
          const next = who((i + 1) % SIZE);
          messages.push(
            msg({
              id: `${chat}-${session}-${q}-${i}`,
              chat,
              author: who(i),
              time: at(),
              text,
              answer: q,
              hashtags: [chat],
              ...(q === 3 ? { mentions: [next] } : {}),
            }),
          );
        }
      }
    }
  });
  return { messages, sector, region };
}

const { messages, sector, region } = history();
const payload = analyze(
  {
    messages,
    people: [],
    dataset: { id: 'd', name: 'd', version: 1 },
    sectorOf: (k) => sector.get(k) ?? 'unknown',
    regionOf: (k) => region.get(k) ?? 'unknown',
  },
  {},
);
const nodes = new Map(payload.nodes.map((n) => [n.key, n.attributes]));
const planters = CHATS.flatMap(({ chat }, c) =>
  Array.from({ length: SIZE }, (_, i) => ({ key: `twitter:${chat.slice(1)}${i}`, topic: plantedOf(c, i) })).filter(
    (p) => p.topic !== undefined,
  ),
);
const topicOf = new Map(planters.map((p) => [p.key, p.topic]));
const lists = new Map(planters.map((p) => [p.key, suggestPeers(p.key, payload, messages)]));

/** Mean share of the first k suggestions that share the person's planted interest. */
const shareAt = (k: number) =>
  planters.reduce(
    (s, p) =>
      s +
      lists
        .get(p.key)!
        .slice(0, k)
        .filter((q) => topicOf.get(q.key) === p.topic).length /
        k,
    0,
  ) / planters.length;

describe('peers on planted interests across chats', () => {
  it('finds the people in other chats who write about the same thing', () => {
    expect(planters).toHaveLength(24);
    // Measured 0.8 and 0.4: every planter beyond them in the first five. Before issue 20: 0.4 and 0.4, 4 of 10 from outside.
    expect(shareAt(5)).toBeGreaterThanOrEqual(0.75);
    expect(shareAt(10)).toBeGreaterThanOrEqual(0.38);
  });

  it('names the planted topic as the first reason', () => {
    const p = planters[0]!;
    const first = lists.get(p.key)![0]!;
    expect(topicOf.get(first.key)).toBe(p.topic);
    expect(first.reasons[0]).toBe(`you both wrote about ${TOPICS[p.topic!]}`);
  });

  it('takes at least half from outside the person’s community, and never is beyond through an unknown', () => {
    for (const p of planters) {
      const me = nodes.get(p.key)!;
      const peers = lists.get(p.key)!;
      expect(peers).toHaveLength(10);
      expect(peers.filter((q) => nodes.get(q.key)!.community !== me.community).length, p.key).toBeGreaterThanOrEqual(5);
      for (const q of peers) expect(q.beyond!.length).toBeGreaterThan(0);
    }
  });

  it('never gives every peer of a list the same reason', () => {
    for (const p of planters) {
      const peers = lists.get(p.key)!;
      const everywhere = peers[0]!.reasons.filter((r) => peers.every((q) => q.reasons.includes(r)));
      expect(everywhere, p.key).toEqual([]);
    }
  });
});
