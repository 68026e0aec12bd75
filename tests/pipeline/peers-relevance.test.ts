/**
 * A peer must share something with the person (peers/relevance.ts): a
 * different country alone, as a hashtag's one-post follow-bait account has,
 * is no reason to meet; one real topic in common is.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/pipeline/analyze.js';
import { suggestPeersFor } from '../../server/pipeline/peers.js';
import { relevanceSignals } from '../../server/pipeline/peers/relevance.js';
import { msg } from '../support/messages.js';

// #a, one evening: ann and bob (health, GB) talk; spam (NG) posts one advert carrying the tag. #b, another day: zed
// (law, CA) writes about systematic reviews as ann does; joe (law, CA) writes about something else.
const at = (minute: number, day = '10') => `2024-01-${day}T20:${String(minute).padStart(2, '0')}:00.000Z`;
const MESSAGES = [
  msg({ id: '1', chat: '#a', author: 'twitter:ann', time: at(0), text: 'our systematic reviews service is busy', hashtags: ['#a'] }),
  msg({
    id: '2',
    chat: '#a',
    author: 'twitter:bob',
    time: at(1),
    text: '@ann how many a week?',
    mentions: ['twitter:ann'],
    hashtags: ['#a'],
  }),
  msg({ id: '3', chat: '#a', author: 'twitter:ann', time: at(2), text: '@bob about five', mentions: ['twitter:bob'], hashtags: ['#a'] }),
  msg({ id: '4', chat: '#a', author: 'twitter:spam', time: at(3), text: 'GET 77 FOLLOWERS EVERY HOUR #a', hashtags: ['#a'] }),
  msg({ id: '5', chat: '#a', author: 'twitter:bob', time: at(4), text: 'nice, thanks', hashtags: ['#a'] }),
  msg({ id: '6', chat: '#b', author: 'twitter:zed', time: at(0, '11'), text: 'systematic reviews for the bar exam', hashtags: ['#b'] }),
  msg({ id: '7', chat: '#b', author: 'twitter:joe', time: at(1, '11'), text: 'the coffee machine broke again', hashtags: ['#b'] }),
];
const SECTOR: Record<string, string> = { 'twitter:ann': 'health', 'twitter:bob': 'health', 'twitter:zed': 'law', 'twitter:joe': 'law' };
const REGION: Record<string, string> = {
  'twitter:ann': 'GB',
  'twitter:bob': 'GB',
  'twitter:spam': 'NG',
  'twitter:zed': 'CA',
  'twitter:joe': 'CA',
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

describe('peers worth meeting', () => {
  it('suggests someone with a topic in common, never someone with nothing but another country or sector', () => {
    const answer = suggestPeersFor('twitter:ann', payload, MESSAGES);
    // spam (NG), zed and joe (law, CA) are beyond ann's context; only zed shares something with her.
    expect(answer.candidates).toEqual({ beyond: 3, relevant: 1, outsideCommunity: 1 });
    expect(answer.peers.map((p) => p.key)).toEqual(['twitter:zed']);
    expect(answer.peers[0]!.reasons).toEqual([
      'you both wrote about systematic reviews',
      'takes part in #b, where you have not been',
      'zed works in law and is in Canada; you work in health care in the United Kingdom',
    ]);
  });

  it('counts a topic only above the floor, and a tie or a contact in common by itself', () => {
    const none = { tie: false, commonContacts: 0, topics: [] as string[], similarity: 0 };
    expect(relevanceSignals(none)).toEqual([]);
    expect(relevanceSignals({ ...none, topics: ['zine collections'], similarity: 0.04 })).toEqual([]);
    expect(relevanceSignals({ ...none, topics: ['zine collections'], similarity: 0.05 })).toEqual(['topic']);
    // A similar vocabulary with no topic that reads as one ("admin") links no one.
    expect(relevanceSignals({ ...none, similarity: 0.5 })).toEqual([]);
    expect(relevanceSignals({ ...none, tie: true, commonContacts: 2 })).toEqual(['tie', 'contact']);
  });
});
