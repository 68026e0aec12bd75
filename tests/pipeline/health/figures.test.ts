/**
 * Chat health figures on hand-made sessions whose every number is worked out
 * by hand: time to first answer, replies among answerers, unanswered
 * questions, first-timers and returns, mixing against random, local hours.
 */
import { describe, expect, it } from 'vitest';
import { computeHealth } from '../../../server/pipeline/health/index.js';
import { localTimes } from '../../../server/pipeline/health/local-times.js';
import { mixingMatrix } from '../../../server/pipeline/health/mixing.js';
import { msg, TINY } from '../../support/messages.js';

const named = { nameOf: (k: string) => k.slice('twitter:'.length), sectorOf: () => 'unknown', regionOf: () => 'unknown' };

describe('chat health figures', () => {
  it('times the first answer, counts replies among answerers and asks of the tiny chat', () => {
    const report = computeHealth({ messages: TINY, ...named });
    expect(report.sessions.map((s) => [s.number, s.participants, s.newcomers, s.returning])).toEqual([
      [1, 4, 0, 0],
      [2, 2, 1, 1],
    ]);
    const [q1] = report.sessions[0]!.questions;
    // Asked 20:00 by mod; ann 20:02, bob 20:03, cat 20:05 replying to ann's A1; ann's repost answers nothing.
    expect(q1).toEqual({
      number: 1,
      askedAt: '2024-03-14T20:00:00.000Z',
      askedBy: { key: 'twitter:mod', name: 'mod' },
      answerers: 3,
      answeredBy: ['ann', 'bob', 'cat'].map((n) => ({ key: `twitter:${n}`, name: n })),
      answers: 3,
      firstAnswerSeconds: 120,
      repliesAmongAnswerers: 1,
    });
    // dan's first session; he mentions ann, nobody answers him; no session after to come back to.
    expect(report.sessions[1]!.firstTimers).toEqual([
      { person: { key: 'twitter:dan', name: 'dan' }, welcomed: false, welcomedBy: [], cameBack: false, sessionsAfter: 0 },
    ]);
    expect(report.returns).toEqual({ welcomed: { firstTimers: 0, cameBack: 0 }, notWelcomed: { firstTimers: 0, cameBack: 0 } });
  });

  it('lists unanswered questions, and answers to a question not on record without an ask time', () => {
    const messages = [
      msg({ id: '1', author: 'twitter:mod', time: '2024-05-01T19:00:00.000Z', question: 1 }),
      msg({ id: '2', author: 'twitter:mod', time: '2024-05-01T19:10:00.000Z', question: 2 }),
      msg({ id: '3', author: 'twitter:ann', time: '2024-05-01T19:12:00.000Z', answer: 2 }),
      msg({ id: '4', author: 'twitter:mod', time: '2024-05-01T19:13:00.000Z', answer: 2 }),
      msg({ id: '5', author: 'twitter:bob', time: '2024-05-01T19:20:00.000Z', answer: 3 }),
    ];
    const [session] = computeHealth({ messages, ...named }).sessions;
    expect(session!.questions.map((q) => [q.number, q.answerers, q.firstAnswerSeconds, q.askedAt])).toEqual([
      [1, 0, undefined, '2024-05-01T19:00:00.000Z'],
      [2, 1, 120, '2024-05-01T19:10:00.000Z'],
      [3, 1, undefined, undefined],
    ]);
    expect(session!.unanswered).toEqual([1]);
    expect([session!.questionsAsked, session!.questionsAnswered]).toEqual([3, 2]);
  });

  it('reads a participant’s `Q2:` as an answer to the host’s Q2 (session detection’s question reading)', () => {
    const messages = [
      msg({ id: '1', author: 'twitter:mod', time: '2024-05-01T19:00:00.000Z', question: 1 }),
      msg({ id: '2', author: 'twitter:mod', time: '2024-05-01T19:10:00.000Z', question: 2 }),
      msg({ id: '3', author: 'twitter:ann', time: '2024-05-01T19:11:30.000Z', question: 2 }),
      msg({ id: '4', author: 'twitter:bob', time: '2024-05-01T19:12:00.000Z', answer: 2 }),
    ];
    const [session] = computeHealth({ messages, ...named }).sessions;
    expect(session!.questions.map((q) => [q.number, q.askedBy?.name, q.answeredBy.map((p) => p.name), q.firstAnswerSeconds])).toEqual([
      [1, 'mod', [], undefined],
      [2, 'mod', ['ann', 'bob'], 90],
    ]);
    expect(session!.unanswered).toEqual([1]);
  });

  it('counts a welcomed first-timer who came back two sessions later, within the window of three', () => {
    const day = (d: number, h = 20) => `2024-06-${String(d).padStart(2, '0')}T${h}:00:00.000Z`;
    const messages = [
      msg({ id: '1', author: 'twitter:mod', time: day(1) }),
      msg({ id: '1b', author: 'twitter:mod', time: day(1, 21) }), // a session holds two messages at least
      msg({ id: '2', author: 'twitter:mod', time: day(2) }),
      msg({ id: '3', author: 'twitter:eve', time: day(2, 21) }),
      msg({ id: '4', author: 'twitter:mod', time: day(2, 22), kind: 'reply', replyToId: '3' }),
      msg({ id: '5', author: 'twitter:mod', time: day(3) }),
      msg({ id: '5b', author: 'twitter:mod', time: day(3, 21) }),
      msg({ id: '6', author: 'twitter:eve', time: day(4) }),
      msg({ id: '7', author: 'twitter:fay', time: day(4, 21), kind: 'repost', mentions: ['twitter:eve'], repostOf: 'twitter:eve' }),
    ];
    const report = computeHealth({ messages, ...named });
    expect(report.sessions[1]!.firstTimers).toEqual([
      {
        person: { key: 'twitter:eve', name: 'eve' },
        welcomed: true,
        welcomedBy: [{ key: 'twitter:mod', name: 'mod' }],
        cameBack: true,
        sessionsAfter: 2,
      },
    ]);
    // fay's repost names eve but speaks to no one: not a welcome; fay has no later session yet.
    expect(report.sessions[3]!.firstTimers.map((f) => [f.person.name, f.welcomed, f.sessionsAfter])).toEqual([['fay', false, 0]]);
    expect(report.returns.welcomed).toEqual({ firstTimers: 1, cameBack: 1 });
    const narrow = computeHealth({ messages, ...named }, { returnWindow: 1 });
    expect(narrow.sessions[1]!.firstTimers[0]!.cameBack).toBe(false);
  });

  it('sets ties between groups against random mixing (Newman 2003)', () => {
    const group: Record<string, string> = { a: 'x', b: 'x', c: 'y', d: 'y' };
    const m = mixingMatrix(
      [
        ['a', 'b'],
        ['c', 'd'],
        ['a', 'c'],
      ],
      (k) => group[k]!,
    );
    // Tie ends: x 3, y 3, T = 3: within x expected 9/12, across 9/6; r = (2/3 − 1/2)/(1 − 1/2).
    expect(m).toEqual({
      groups: ['x', 'y'],
      observed: [
        [1, 1],
        [1, 1],
      ],
      expected: [
        [0.75, 1.5],
        [1.5, 0.75],
      ],
      ties: 3,
      assortativity: 0.333,
    });
    expect(mixingMatrix([], () => 'x')).toEqual({ groups: [], observed: [], expected: [], ties: 0 });
  });

  it('gives a session’s start in each region’s local time, principal zones for the big countries', () => {
    // 14 March 2024 20:00 UTC: London still on GMT, New York already on EDT.
    expect(localTimes('2024-03-14T20:00:00.000Z', ['GB', 'US', 'IN', 'ZZ'])).toEqual([
      { region: 'GB', times: ['20:00'] },
      { region: 'US', times: ['13:00', '14:00', '15:00', '16:00'] },
      { region: 'IN', times: ['01:30'] },
    ]);
  });
});
