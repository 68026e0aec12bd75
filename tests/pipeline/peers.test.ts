import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/pipeline/analyze.js';
import { suggestPeers } from '../../server/pipeline/peers.js';
import { msg } from '../support/messages.js';

// #a on 10 Jan: ann (health, GB), bob (health, GB), cat (school, GB), dan (health, US) answer Q1;
// ann and dan both write about systematic reviews. #b on 11 Jan: cat and eve (law, CA); eve also talks with bob.
const MESSAGES = [
  msg({ id: '1', chat: '#a', author: 'twitter:mod', time: '2024-01-10T20:00:00.000Z', text: 'Q1: what are you working on?', question: 1 }),
  msg({ id: '2', chat: '#a', author: 'twitter:ann', time: '2024-01-10T20:01:00.000Z', text: 'A1: systematic reviews for the stroke unit', answer: 1 }),
  msg({ id: '3', chat: '#a', author: 'twitter:bob', time: '2024-01-10T20:02:00.000Z', text: 'A1: induction sessions', answer: 1 }),
  msg({ id: '4', chat: '#a', author: 'twitter:cat', time: '2024-01-10T20:03:00.000Z', text: 'A1: reading for pleasure week', answer: 1 }),
  msg({ id: '5', chat: '#a', author: 'twitter:dan', time: '2024-01-10T20:04:00.000Z', text: 'A1: systematic reviews, search filters', answer: 1 }),
  msg({ id: '6', chat: '#b', author: 'twitter:cat', time: '2024-01-11T20:00:00.000Z', text: 'hello law folks', mentions: ['twitter:eve'] }),
  msg({ id: '7', chat: '#b', author: 'twitter:eve', time: '2024-01-11T20:01:00.000Z', text: 'hi! @bob says hi too', mentions: ['twitter:bob'] }),
];
const SECTOR: Record<string, string> = { 'twitter:ann': 'health', 'twitter:bob': 'health', 'twitter:cat': 'school', 'twitter:dan': 'health', 'twitter:eve': 'law' };
const REGION: Record<string, string> = { 'twitter:ann': 'GB', 'twitter:bob': 'GB', 'twitter:cat': 'GB', 'twitter:dan': 'US', 'twitter:eve': 'CA' };
const payload = analyze(
  { messages: MESSAGES, people: [], dataset: { id: 'd', name: 'd', version: 1 }, sectorOf: (k) => SECTOR[k] ?? 'unknown', regionOf: (k) => REGION[k] ?? 'unknown' },
  {},
);

describe('suggestPeers', () => {
  const peers = suggestPeers('twitter:ann', payload, MESSAGES);

  it('never suggests someone in both the same sector and the same region', () => {
    expect(peers.map((p) => p.key)).not.toContain('twitter:bob');
    for (const p of peers) expect(p.sector === 'health' && p.region === 'GB').toBe(false);
    expect(peers.map((p) => p.key).sort()).toEqual(['twitter:cat', 'twitter:dan', 'twitter:eve', 'twitter:mod']);
  });

  it('ranks the closest first and says why in sentences', () => {
    expect(peers[0]!.key).toBe('twitter:dan');
    // The shared chat goes unsaid when the first reason already names it.
    expect(peers[0]!.reasons).toEqual([
      'you both answered Q1 in #a on 10 January 2024',
      '3 people you talk with talk with them',
      'you both write about systematic reviews',
      'dan works in health libraries (US)',
    ]);
    for (const p of peers) expect(p.reasons.length).toBeGreaterThan(0);
  });

  it('explains a tie through common neighbours when they never met', () => {
    const eve = peers.find((p) => p.key === 'twitter:eve')!;
    // bob (whom eve mentioned) and cat (who talked with eve in #b) are ann's ties too.
    expect(eve.reasons).toEqual(['2 people you talk with talk with them', 'eve works in law libraries (CA)']);
  });

  it('filters by sector or region and limits the list', () => {
    expect(suggestPeers('twitter:ann', payload, MESSAGES, { sector: 'law' }).map((p) => p.key)).toEqual(['twitter:eve']);
    expect(suggestPeers('twitter:ann', payload, MESSAGES, { region: 'US' }).map((p) => p.key)).toEqual(['twitter:dan']);
    expect(suggestPeers('twitter:ann', payload, MESSAGES, { limit: 2 })).toHaveLength(2);
    expect(suggestPeers('twitter:nobody', payload, MESSAGES)).toEqual([]);
  });
});
