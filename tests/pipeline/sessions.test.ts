import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSessions, countSessionsInOrder, splitSessions } from '../../server/pipeline/sessions.js';

const at = (minutes: number) => new Date(Date.UTC(2024, 2, 14, 20, 0) + minutes * 60_000).toISOString();
const byChatThenTime = <T extends { chat: string; time: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.chat < b.chat ? -1 : a.chat > b.chat ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

describe('sessions', () => {
  it('split a chat where the gap exceeds sessionGapMinutes, per chat', () => {
    const messages = [
      { chat: '#a', time: at(0) },
      { chat: '#a', time: at(60) },
      { chat: '#a', time: at(241) }, // 181 min gap: new session
      { chat: '#b', time: at(30) },
      { chat: '#b', time: at(210) }, // exactly 180: same session
    ];
    const anySize = { minSessionMessages: 1 };
    expect(splitSessions(messages, anySize).map((s) => [s.chat, s.members])).toEqual([
      ['#a', [0, 1]],
      ['#b', [3, 4]],
      ['#a', [2]],
    ]);
    expect(countSessions(messages, anySize)).toBe(3);
    expect(countSessionsInOrder(byChatThenTime(messages), anySize)).toBe(3);
    expect(countSessionsInOrder(byChatThenTime(messages), { ...anySize, sessionGapMinutes: 30 })).toBe(5);
  });

  it('leave a lone post, hours from anything else in its chat, between sessions (minSessionMessages 2)', () => {
    const messages = [
      { chat: '#a', time: at(-3 * 24 * 60) }, // the host's announcement three days before
      { chat: '#a', time: at(0) },
      { chat: '#a', time: at(30) },
      { chat: '#a', time: at(400) }, // an advert carrying the tag, hours later
    ];
    expect(splitSessions(messages).map((s) => s.members)).toEqual([[1, 2]]);
    expect(countSessions(messages)).toBe(1);
    expect(countSessionsInOrder(byChatThenTime(messages))).toBe(1);
  });

  it('counts in order exactly as splitSessions does, on any messages', () => {
    const row = fc.record({ chat: fc.constantFrom('#a', '#b', '#c'), time: fc.integer({ min: 0, max: 3000 }).map(at) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 400 }), (rows, gap) => {
        expect(countSessionsInOrder(byChatThenTime(rows), { sessionGapMinutes: gap })).toBe(
          countSessions(rows, { sessionGapMinutes: gap }),
        );
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('counts in order exactly as splitSessions does on long, bursting days with question series', () => {
    // Up to 400 rows over 20 hours: long sittings, bursts and Qn/An markers from a few authors.
    const row = fc.record({
      chat: fc.constantFrom('#a', '#b'),
      time: fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 300, max: 360 })).map(at),
      author: fc.constantFrom('host', 'ann', 'bob'),
      question: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      answer: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 400 }), (rows) => {
        const sessions = splitSessions(rows);
        expect(countSessionsInOrder(byChatThenTime(rows))).toBe(sessions.length);
        // Every message is in one session at most.
        const members = sessions.flatMap((s) => s.members);
        expect(new Set(members).size).toBe(members.length);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
