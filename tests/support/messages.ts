/** Tiny hand-made transcripts for pipeline tests, as Messages. */
import type { Message } from '../../shared/index.js';

export function msg(partial: Partial<Message> & Pick<Message, 'id' | 'author' | 'time'>): Message {
  return { platform: 'twitter', chat: '#c', text: '', mentions: [], hashtags: ['#c'], kind: 'post', ...partial };
}

/**
 * Session 1 (#c, 20:00): mod asks Q1; ann, bob and cat answer A1; bob
 * mentions ann; cat replies to ann (and @-addresses her); ann reposts bob.
 * Session 2 (#c, 01:00 next day, 5 h later): dan mentions ann, ann answers.
 */
export const TINY: Message[] = [
  msg({ id: '1', author: 'twitter:mod', time: '2024-03-14T20:00:00.000Z', text: 'Q1: what brought you here?', question: 1 }),
  msg({ id: '2', author: 'twitter:ann', time: '2024-03-14T20:02:00.000Z', text: 'A1: the journal club', answer: 1 }),
  msg({
    id: '3',
    author: 'twitter:bob',
    time: '2024-03-14T20:03:00.000Z',
    text: 'A1 - same as @ann',
    answer: 1,
    mentions: ['twitter:ann'],
  }),
  msg({
    id: '4',
    author: 'twitter:cat',
    time: '2024-03-14T20:05:00.000Z',
    text: '@ann A1) me too',
    answer: 1,
    kind: 'reply',
    replyToId: '2',
    mentions: ['twitter:ann'],
  }),
  msg({
    id: '5',
    author: 'twitter:ann',
    time: '2024-03-14T20:06:00.000Z',
    text: 'RT @bob: A1 - same as @ann',
    kind: 'repost',
    repostOf: 'twitter:bob',
    mentions: ['twitter:bob'],
  }),
  msg({ id: '6', author: 'twitter:dan', time: '2024-03-15T01:00:00.000Z', text: 'hello @ann', mentions: ['twitter:ann'] }),
  msg({ id: '7', author: 'twitter:ann', time: '2024-03-15T01:01:00.000Z', text: 'hi!' }),
];
