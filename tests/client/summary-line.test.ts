import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../client/ui/summary-line.js';

const meta = (sessions: number, betweenSessions: number) => ({
  counts: { nodes: 31, edges: 13, communities: 5, isolated: 0, messages: 51, sessions, chats: 1, betweenSessions },
  modularity: 0.61,
});
const none = { minWeight: 0, drawn: 13 };

describe('the summary line', () => {
  it('says messages outside every session apart', () => {
    expect(summaryLine(meta(2, 0) as never, none)).toBe(
      '31 people, 13 ties, 5 communities (modularity 0.61), 51 messages in 2 sessions of 1 chat',
    );
    expect(summaryLine(meta(2, 20) as never, none)).toBe(
      '31 people, 13 ties, 5 communities (modularity 0.61), 51 messages in 1 chat, 31 of them in 2 sessions',
    );
    expect(summaryLine(meta(0, 51) as never, none)).toBe(
      '31 people, 13 ties, 5 communities (modularity 0.61), 51 messages in 1 chat, none in a session (no hour of the chat stands out)',
    );
  });
});
