/**
 * Coming back is a later occasion: on a real one-day symposium (#auspreserves)
 * the morning and after-lunch bursts were two sessions, and people who
 * simply tweeted again after lunch read as first-timers who came back.
 */
import { describe, expect, it } from 'vitest';
import { cameBack, chatHistories, SAME_OCCASION_MS } from '../../../server/pipeline/health/chat-history.js';
import type { Session } from '../../../server/pipeline/sessions.js';

const session = (id: string, start: string, end: string, members: number[]): Session => ({
  id,
  chat: '#day',
  start,
  end,
  members,
  foundBy: 'burst',
});

describe('came back', () => {
  // Authors by message index: 0 host, 1 eve; the host posts in every session, eve in the morning, after lunch, next week.
  const authors = ['host', 'eve', 'host', 'eve', 'host', 'host', 'eve'];
  const sessions = [
    session('s0', '2018-02-14T23:00:00.000Z', '2018-02-15T00:00:00.000Z', [0]),
    session('morning', '2018-02-15T23:15:00.000Z', '2018-02-16T00:31:00.000Z', [2, 1]),
    session('after lunch', '2018-02-16T01:26:00.000Z', '2018-02-16T01:53:00.000Z', [4, 3]),
    session('next day', '2018-02-17T01:00:00.000Z', '2018-02-17T02:00:00.000Z', [5]),
    session('next week', '2018-02-23T01:00:00.000Z', '2018-02-23T02:00:00.000Z', [6]),
  ];
  const history = chatHistories(sessions, (i) => authors[i]!).get('#day')!;
  const morning = history.sessions[1]!;

  it('does not count the same day’s afternoon as a return; counts later occasions within the window', () => {
    expect(SAME_OCCASION_MS).toBe(12 * 3_600_000);
    // Later occasions: next day and next week (the afternoon, 55 minutes after the morning ended, is not one).
    expect(cameBack(history, morning, 'eve', 3)).toEqual({ cameBack: true, sessionsAfter: 2 });
    // Only one later occasion in the window: the next day, where eve did not post.
    expect(cameBack(history, morning, 'eve', 1)).toEqual({ cameBack: false, sessionsAfter: 1 });
  });
});
