/**
 * The question habit read with its context (sessions/questions.ts): the
 * host's `Q3 …` asks, a participant's `Q3: …` and anyone's `A3 …` answer;
 * a host's series inside a busy day makes a session of its own.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../server/pipeline/build-graph.js';
import { splitSessions } from '../../../server/pipeline/sessions.js';
import { readSessionQuestions } from '../../../server/pipeline/sessions/questions.js';
import { resolveBuildOptions } from '../../../shared/index.js';
import { msg } from '../../support/messages.js';

const at = (minutes: number) => new Date(Date.UTC(2015, 3, 1, 1, 0) + minutes * 60_000).toISOString();
let n = 0;
const post = (author: string, minute: number, marker: { question?: number; answer?: number } = {}, kind: 'post' | 'repost' = 'post') =>
  msg({ id: String(++n), author: `twitter:${author}`, time: at(minute), chat: '#critlib', kind, ...marker });

/** A one-hour chat: the host asks Q1–Q3; ann answers `Q1:`/`Q2:`, bob `A1`/`A2`, cat `Q2:`; a retweet of Q1. */
const CHAT = [
  post('host', 0, { question: 1 }),
  post('ann', 2, { question: 1 }),
  post('bob', 3, { answer: 1 }),
  post('cat', 4, { question: 1 }, 'repost'),
  post('host', 15, { question: 2 }),
  post('ann', 16, { question: 2 }),
  post('cat', 18, { question: 2 }),
  post('bob', 19, { answer: 2 }),
  post('host', 30, { question: 3 }),
  post('host', 40, { question: 3 }), // the host repeating Q3 asks nothing new
];

describe('readSessionQuestions', () => {
  it('tells the host’s questions from participants’ `Q3:` answers', () => {
    const questions = readSessionQuestions(CHAT, { members: CHAT.map((_, i) => i) });
    expect(questions.map((q) => [q.number, q.askedBy, q.askedAt, q.message, q.answers])).toEqual([
      [1, 'twitter:host', at(0), 0, [1, 2]],
      [2, 'twitter:host', at(15), 4, [5, 6, 7]],
      [3, 'twitter:host', at(30), 8, []],
    ]);
  });

  it('keeps answers to a question the session does not hold, with no asker', () => {
    const late = [post('ann', 0, { answer: 4 }), post('bob', 1, { question: 4 }), post('cat', 2, { question: 4 })];
    // bob posted Q4 first: read as the question (the one who first posts a number asks it), cat's Q4 an answer.
    expect(readSessionQuestions(late, { members: [0, 1, 2] }).map((q) => [q.number, q.askedBy, q.answers])).toEqual([
      [4, 'twitter:bob', [0, 2]],
    ]);
    expect(readSessionQuestions([post('ann', 0, { answer: 5 })], { members: [0] })).toEqual([
      { number: 5, askedAt: undefined, askedBy: undefined, message: undefined, answers: [0] },
    ]);
  });

  it('ties those who answered the same question, whichever habit they used, and not the host', () => {
    const graph = buildGraph(CHAT, splitSessions(CHAT), resolveBuildOptions({ kinds: ['coAnswer'] }));
    const pairs = Array.from({ length: graph.size }, (_, t) => [...graph.extremities(t), graph.edgeAttributes(t).coAnswer]);
    expect(pairs).toEqual([
      ['twitter:ann', 'twitter:bob', 2],
      ['twitter:ann', 'twitter:cat', 1],
      ['twitter:bob', 'twitter:cat', 1],
    ]);
  });
});

describe('question series in a busy day', () => {
  it('makes the host’s series and its answers a session, the rest of the day between sessions', () => {
    // A day of stray posts every 25 minutes (never 3 hours quiet) from 12:00 to 23:00 UTC, too sparse to burst,
    // and the chat's hour at 01:00 the next night: the CHAT above, 10 messages.
    const day = Array.from({ length: 28 }, (_, i) => post(`stray${i % 5}`, -780 + i * 25));
    const night = Array.from({ length: 8 }, (_, i) => post(`late${i}`, 90 + i * 25));
    const messages = [...day, ...CHAT, ...night];
    const sessions = splitSessions(messages);
    expect(sessions.map((s) => [s.start, s.end, s.foundBy])).toEqual([[at(0), at(40), 'questions']]);
    expect(sessions[0]!.members).toEqual(CHAT.map((_, i) => day.length + i));
  });

  it('needs two questions: a lone `Q1` in a busy day is a stray', () => {
    const day = Array.from({ length: 28 }, (_, i) => post(`stray${i % 5}`, i * 25));
    const messages = [...day, post('someone', 300, { question: 1 }), post('other', 305, { answer: 1 })];
    expect(splitSessions(messages)).toEqual([]);
  });
});
