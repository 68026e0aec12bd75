/**
 * A chat's hosts talk with everyone: like the account named after the chat,
 * they are no one's peer and no one's go-between. On a real chat
 * (#DocNowCommunity, not in the repository) @DocumentingTheNow, who posted
 * Q1–Q8, was the common contact of most reasons.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/pipeline/analyze.js';
import { chatAccounts } from '../../server/pipeline/peers/ties.js';
import { msg } from '../support/messages.js';

const at = (minute: number) => new Date(Date.UTC(2016, 6, 14, 19, minute)).toISOString();

describe('a chat’s own accounts', () => {
  const messages = [
    msg({ id: 'q1', chat: '#docnowcommunity', author: 'twitter:documentingthenow', time: at(1), question: 1 }),
    msg({ id: 'a1', chat: '#docnowcommunity', author: 'twitter:ann', time: at(3), answer: 1 }),
    msg({ id: 'b1', chat: '#docnowcommunity', author: 'twitter:bob', time: at(4), question: 1 }), // answers with "Q1:"
    msg({ id: 'q2', chat: '#docnowcommunity', author: 'twitter:documentingthenow', time: at(10), question: 2 }),
    msg({ id: 'a2', chat: '#docnowcommunity', author: 'twitter:ann', time: at(12), answer: 2 }),
    msg({ id: 'x3', chat: '#docnowcommunity', author: 'twitter:cat', time: at(14), question: 3 }), // one stray number
    msg({ id: 'c1', chat: '#docnowcommunity', author: 'twitter:docnowcommunity', time: at(20) }),
    msg({ id: 'c2', chat: '#docnowcommunity', author: 'twitter:cat', time: at(21), answer: 2 }),
  ];
  const payload = analyze({ messages, people: [], dataset: { id: 'd', name: 'd', version: 1 } }, {});

  it('are the account named after the chat and whoever first asked two or more question numbers', () => {
    expect([...chatAccounts(payload, messages)].sort()).toEqual(['twitter:docnowcommunity', 'twitter:documentingthenow']);
  });

  it('without the messages, only the account named after the chat', () => {
    expect([...chatAccounts(payload)]).toEqual(['twitter:docnowcommunity']);
  });
});
