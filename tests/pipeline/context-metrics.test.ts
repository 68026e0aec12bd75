import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../shared/index.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { computeBridges } from '../../server/pipeline/bridges.js';
import { buildGraph } from '../../server/pipeline/build-graph.js';
import { splitSessions } from '../../server/pipeline/sessions.js';
import { findWelcomers } from '../../server/pipeline/welcomers.js';
import { msg } from '../support/messages.js';

/** Two chats; `bridge` talks in both; session 2 of #a brings newcomer `new1`, whom `a1` welcomes. */
const MESSAGES = [
  msg({ id: '1', chat: '#a', author: 'twitter:a1', time: '2024-01-10T20:00:00.000Z', mentions: ['twitter:a2'] }),
  msg({ id: '2', chat: '#a', author: 'twitter:a2', time: '2024-01-10T20:01:00.000Z', kind: 'reply', replyToAuthor: 'twitter:a1' }),
  msg({ id: '3', chat: '#a', author: 'twitter:bridge', time: '2024-01-10T20:02:00.000Z', mentions: ['twitter:a1'] }),
  msg({ id: '4', chat: '#b', author: 'twitter:b1', time: '2024-01-11T20:00:00.000Z', mentions: ['twitter:b2'] }),
  msg({ id: '5', chat: '#b', author: 'twitter:b2', time: '2024-01-11T20:01:00.000Z' }),
  msg({ id: '6', chat: '#b', author: 'twitter:bridge', time: '2024-01-11T20:02:00.000Z', mentions: ['twitter:b1'] }),
  msg({ id: '7', chat: '#a', author: 'twitter:a1', time: '2024-02-10T20:00:00.000Z' }),
  msg({ id: '8', chat: '#a', author: 'twitter:new1', time: '2024-02-10T20:01:00.000Z' }),
  msg({ id: '9', chat: '#a', author: 'twitter:a1', time: '2024-02-10T20:02:00.000Z', kind: 'reply', replyToId: '8' }),
  msg({ id: '10', chat: '#a', author: 'twitter:new2', time: '2024-02-10T20:03:00.000Z' }),
];

const SECTOR: Record<string, string> = {
  'twitter:a1': 'health',
  'twitter:a2': 'health',
  'twitter:b1': 'school',
  'twitter:b2': 'public',
  'twitter:bridge': 'academic',
};
const REGION: Record<string, string> = { 'twitter:a1': 'GB', 'twitter:a2': 'IE', 'twitter:b1': 'US', 'twitter:b2': 'US' };
const sectorOf = (k: string) => SECTOR[k] ?? 'unknown';
const regionOf = (k: string) => REGION[k] ?? 'unknown';

describe('bridges (participation coefficient)', () => {
  it('is 0 for ties inside one community and 1 − Σ share² across them', () => {
    const options = resolveBuildOptions({ kinds: ['reply', 'mention'] });
    const graph = buildGraph(MESSAGES, splitSessions(MESSAGES, options), options);
    const membership = new Map([
      ['twitter:a1', 0],
      ['twitter:a2', 0],
      ['twitter:new1', 0],
      ['twitter:new2', 0],
      ['twitter:b1', 1],
      ['twitter:b2', 1],
      ['twitter:bridge', 2],
    ]);
    const bridges = computeBridges(graph, membership, sectorOf, regionOf);
    // bridge: one mention into community 0, one into community 1 → 1 − (½² + ½²) = 0.5.
    expect(bridges.get('twitter:bridge')).toEqual({ participation: 0.5, sectorsReached: 2, regionsReached: 2, communitiesReached: 2 });
    // a2's only tie is a1, in its own community.
    expect(bridges.get('twitter:a2')).toEqual({ participation: 0, sectorsReached: 1, regionsReached: 1, communitiesReached: 1 });
    expect(bridges.get('twitter:new2')).toEqual({ participation: 0, sectorsReached: 0, regionsReached: 0, communitiesReached: 0 });
  });
});

describe('newcomers and welcomers', () => {
  it('counts first-timers per session and who welcomed them', () => {
    const sessions = splitSessions(MESSAGES);
    const { bySession, welcomes } = findWelcomers(MESSAGES, sessions);
    expect([...bySession.values()]).toEqual([
      { firstTimers: 0, welcomed: 0 }, // #a's first session on record
      { firstTimers: 0, welcomed: 0 }, // #b's first session on record
      { firstTimers: 2, welcomed: 1 }, // new1 welcomed by a1's reply, new2 not
    ]);
    expect([...welcomes]).toEqual([['twitter:a1', 1]]);
  });

  it('reaches the payload: session figures, welcomers, bridges and a caption', () => {
    const payload = analyze(
      { messages: MESSAGES, people: [], dataset: { id: 'd', name: 'd', version: 1 }, sectorOf, regionOf },
      { kinds: ['reply', 'mention'] },
    );
    const meta = payload.attributes.meta;
    expect(meta.sessions.map((s) => [s.chat, s.firstTimers, s.firstTimersWelcomed])).toEqual([
      ['#a', 0, 0],
      ['#b', 0, 0],
      ['#a', 2, 1],
    ]);
    expect(meta.welcomers).toEqual([{ key: 'twitter:a1', label: 'a1', welcomes: 1 }]);
    expect(meta.bridges[0]?.key).toBe('twitter:bridge');
    expect(payload.nodes.find((n) => n.key === 'twitter:a1')!.attributes.welcomes).toBe(1);
    expect(meta.caption).toMatch(
      /^7 people in 2 chats \(3 sessions, 10 messages\) with \d+ ties\. 1 person with no ties is set apart, in no community\. Largest communities: .+ Bridging most: bridge \(ties into 2 communities, 2 sectors, 2 regions\)/,
    );
  });
});
