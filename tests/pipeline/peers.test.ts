import { describe, expect, it } from 'vitest';
import { PeersSchema } from '../../shared/index.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { suggestPeers, suggestPeersFor } from '../../server/pipeline/peers.js';
import { sharedAnswers } from '../../server/pipeline/peers/reasons.js';
import { msg } from '../support/messages.js';

// #a on 10 Jan: ann (health, GB), bob (health, GB), cat (school, GB), dan (health, US), fay (health, region unknown),
// gus (sector unknown, GB) answer Q1; ann and dan both write about systematic reviews. #b on 11 Jan: cat and eve (law, CA);
// eve also talks with bob.
const MESSAGES = [
  msg({ id: '1', chat: '#a', author: 'twitter:mod', time: '2024-01-10T20:00:00.000Z', text: 'Q1: what are you working on?', question: 1 }),
  msg({
    id: '2',
    chat: '#a',
    author: 'twitter:ann',
    time: '2024-01-10T20:01:00.000Z',
    text: 'A1: systematic reviews for the stroke unit',
    answer: 1,
  }),
  msg({ id: '3', chat: '#a', author: 'twitter:bob', time: '2024-01-10T20:02:00.000Z', text: 'A1: induction sessions', answer: 1 }),
  msg({ id: '4', chat: '#a', author: 'twitter:cat', time: '2024-01-10T20:03:00.000Z', text: 'A1: reading for pleasure week', answer: 1 }),
  msg({
    id: '5',
    chat: '#a',
    author: 'twitter:dan',
    time: '2024-01-10T20:04:00.000Z',
    text: 'A1: systematic reviews, search filters',
    answer: 1,
  }),
  msg({ id: '6', chat: '#a', author: 'twitter:fay', time: '2024-01-10T20:05:00.000Z', text: 'A1: journal club', answer: 1 }),
  msg({ id: '7', chat: '#a', author: 'twitter:gus', time: '2024-01-10T20:06:00.000Z', text: 'A1: a new website', answer: 1 }),
  msg({ id: '8', chat: '#b', author: 'twitter:cat', time: '2024-01-11T20:00:00.000Z', text: 'hello law folks', mentions: ['twitter:eve'] }),
  msg({
    id: '9',
    chat: '#b',
    author: 'twitter:eve',
    time: '2024-01-11T20:01:00.000Z',
    text: 'hi! @bob says hi too',
    mentions: ['twitter:bob'],
  }),
];
const SECTOR: Record<string, string> = {
  'twitter:ann': 'health',
  'twitter:bob': 'health',
  'twitter:cat': 'school',
  'twitter:dan': 'health',
  'twitter:eve': 'law',
  'twitter:fay': 'health',
};
const REGION: Record<string, string> = {
  'twitter:ann': 'GB',
  'twitter:bob': 'GB',
  'twitter:cat': 'GB',
  'twitter:dan': 'US',
  'twitter:eve': 'CA',
  'twitter:gus': 'GB',
};
const payload = analyze(
  {
    messages: MESSAGES,
    people: [],
    dataset: { id: 'd', name: 'd', version: 1 },
    sectorOf: (k) => SECTOR[k] ?? 'unknown',
    regionOf: (k) => REGION[k] ?? 'unknown',
  },
  {},
);

// What each sector was read from: a library role for ann and dan, only a law firm for eve.
const EVIDENCE: Record<string, string> = {
  'twitter:ann': "bio: 'clinical librarian'",
  'twitter:dan': "bio: 'Medical Librarian'",
  'twitter:eve': "bio: 'law firm'",
};

describe('suggestPeers', () => {
  const peers = suggestPeersFor('twitter:ann', payload, MESSAGES, {}, { sectorEvidence: (k) => EVIDENCE[k] }).peers;

  it('is beyond only through a known different sector or region: never the same in both, never through an unknown', () => {
    // bob: same sector and region; fay: same sector, region unknown; gus: sector unknown, same region; mod: nothing known.
    expect(peers.map((p) => p.key).sort()).toEqual(['twitter:cat', 'twitter:dan', 'twitter:eve']);
    expect(Object.fromEntries(peers.map((p) => [p.key, p.beyond]))).toEqual({
      'twitter:cat': ['sector'],
      'twitter:dan': ['region'],
      'twitter:eve': ['sector', 'region'],
    });
  });

  it('puts the strongest, most specific reasons first, and says how the context differs', () => {
    const dan = peers.find((p) => p.key === 'twitter:dan')!;
    expect(dan.reasons).toEqual([
      'you both wrote about systematic reviews',
      'you both answered Q1 in #a on 10 January 2024',
      'dan works in health libraries too, in the United States; you are in the United Kingdom',
    ]);
    expect(dan.topics).toEqual(['systematic reviews']);
    expect(dan.said).toEqual([
      {
        id: '5',
        chat: '#a',
        time: '2024-01-10T20:04:00.000Z',
        excerpt: 'A1: systematic reviews, search filters',
        topic: 'systematic reviews',
      },
    ]);
    expect(dan.profileUrl).toBe('https://x.com/dan');
    expect(dan.alreadyTalk).toBe(true);
  });

  it('names a contact in common and a chat the person has not joined, and says a sector only as far as its evidence goes', () => {
    const eve = peers.find((p) => p.key === 'twitter:eve')!;
    // eve talks with bob and cat, who were in ann's session; a law firm is law, not a law library.
    expect(eve.reasons).toEqual([
      'eve talks with bob and 1 more of the people you talk with',
      'takes part in #b, where you have not been',
      'eve works in law and is in Canada; you work in health libraries in the United Kingdom',
    ]);
    // Without evidence the sector is said as a field, never as a library.
    expect(
      suggestPeers('twitter:ann', payload, MESSAGES)
        .find((p) => p.key === 'twitter:dan')!
        .reasons.at(-1),
    ).toBe('dan works in health care too, in the United States; you are in the United Kingdom');
  });

  it('says when the person’s own region is unknown, and suggests by the sector alone', () => {
    const fay = suggestPeersFor('twitter:fay', payload, MESSAGES);
    expect(fay.known).toEqual(['sector']);
    expect(fay.note).toMatch(/^Your region is unknown/);
    // Not ann, bob or dan (health too), whatever their region; not gus or mod (sector unknown).
    expect(fay.peers.map((p) => p.key).sort()).toEqual(['twitter:cat', 'twitter:eve']);
    expect(PeersSchema.parse({ person: 'twitter:fay', sector: 'health', region: 'unknown', ...fay }).peers).toHaveLength(2);
    expect(suggestPeersFor('twitter:mod', payload, MESSAGES)).toMatchObject({
      known: [],
      peers: [],
      note: expect.stringMatching(/sector and region are unknown/),
    });
  });

  it('filters by sector or region and limits the list', () => {
    expect(suggestPeers('twitter:ann', payload, MESSAGES, { sector: 'law' }).map((p) => p.key)).toEqual(['twitter:eve']);
    expect(suggestPeers('twitter:ann', payload, MESSAGES, { region: 'US' }).map((p) => p.key)).toEqual(['twitter:dan']);
    expect(suggestPeers('twitter:ann', payload, MESSAGES, { limit: 2 })).toHaveLength(2);
    expect(suggestPeers('twitter:nobody', payload, MESSAGES)).toEqual([]);
  });
});

describe('sharedAnswers', () => {
  // The host asks Q1 and Q2; ann answers Q2 the usual way, bob with the question's own marker ("Q2: …").
  const chat = [
    msg({ id: '1', author: 'twitter:host', time: '2024-02-06T20:00:00.000Z', text: 'Q1 Where do you work?', question: 1 }),
    msg({ id: '2', author: 'twitter:host', time: '2024-02-06T20:10:00.000Z', text: 'Q2 What do you weed first?', question: 2 }),
    msg({ id: '3', author: 'twitter:ann', time: '2024-02-06T20:12:00.000Z', text: 'A2 reference books', answer: 2 }),
    msg({ id: '4', author: 'twitter:bob', time: '2024-02-06T20:13:00.000Z', text: 'Q2: old reference books', question: 2 }),
  ];

  it("reads a participant's Q2: as an answer, as the graph does", () => {
    expect([...sharedAnswers(chat, 'twitter:ann')]).toEqual([['twitter:bob', 'you both answered Q2 in #c on 6 February 2024']]);
    expect([...sharedAnswers(chat, 'twitter:host')]).toEqual([]);
  });
});
