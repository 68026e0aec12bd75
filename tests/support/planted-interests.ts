/**
 * A generated history with interests planted across chats (issue 20's
 * evaluation): four chats, each its own sector and region, where six people
 * in three chats write about the same topic. The people worth meeting are
 * the planters in the other chats. Used by tests/pipeline/peers-planted.test.ts
 * and the bench's peers rows (bench/peers.ts).
 */
import type { Message } from '../../shared/index.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { suggestPeers } from '../../server/pipeline/peers.js';
import { msg } from './messages.js';

export const CHATS = [
  { chat: '#medlibs', sector: 'health', region: 'GB', local: 'patient leaflets' },
  { chat: '#schoollibs', sector: 'school', region: 'US', local: 'reading logs' },
  { chat: '#publibs', sector: 'public', region: 'AU', local: 'library cards' },
  { chat: '#acadlibs', sector: 'academic', region: 'CA', local: 'research guides' },
];
export const TOPICS = ['zine collections', 'wikidata projects', 'seed libraries', 'oral history interviews'];
const FILLER = [
  'great question, it depends on the week',
  'honestly mostly persistence',
  'same here, lots to think about',
  'we are still working it out',
];
export const SIZE = 12;

/** Topic t is planted in members 2t+1 and 2t+2 of every chat but chat t. */
export const plantedOf = (c: number, i: number): number | undefined => {
  const t = Math.floor((i - 1) / 2);
  return i >= 1 && t < TOPICS.length && t !== c ? t : undefined;
};

export function plantedHistory(): { messages: Message[]; sector: Map<string, string>; region: Map<string, string> } {
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

/** The analysed history, each planter's ten suggestions, and the share of the first k that share their planted interest. */
export function plantedEvaluation() {
  const { messages, sector, region } = plantedHistory();
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
  return { messages, payload, planters, topicOf, lists, shareAt };
}
