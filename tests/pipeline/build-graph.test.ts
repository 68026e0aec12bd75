import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../shared/index.js';
import { buildGraph } from '../../server/pipeline/build-graph.js';
import { splitSessions } from '../../server/pipeline/sessions.js';
import { TINY } from '../support/messages.js';

function edgesOf(options = resolveBuildOptions()) {
  const graph = buildGraph(TINY, splitSessions(TINY, options), options);
  const edges: Record<string, Record<string, number>> = {};
  graph.forEachEdge((_e, a, s, t) => {
    const [x, y] = [s, t].sort().map((k) => k.split(':')[1]);
    edges[`${x}-${y}`] = { ...a, weight: Math.round(a.weight * 1e6) / 1e6 };
  });
  return { graph, edges };
}

describe('buildGraph', () => {
  it('has exactly one node per author, reposters included', () => {
    const { graph } = edgesOf();
    expect(graph.nodes().sort()).toEqual(['twitter:ann', 'twitter:bob', 'twitter:cat', 'twitter:dan', 'twitter:mod']);
    expect(graph.getNodeAttributes('twitter:ann')).toEqual({ messages: 3, sessions: 2, chats: ['#c'] });
  });

  it('counts replies, mentions, co-answers and co-sessions with Newman weights', () => {
    const { edges } = edgesOf();
    const third = Math.round((1 / 3) * 1e6) / 1e6;
    expect(edges).toEqual({
      'ann-bob': { weight: 1.833333, reply: 0, mention: 1, coAnswer: 1, coSession: 1, repost: 0 },
      'ann-cat': { weight: 1.833333, reply: 1, mention: 0, coAnswer: 1, coSession: 1, repost: 0 },
      'bob-cat': { weight: 0.833333, reply: 0, mention: 0, coAnswer: 1, coSession: 1, repost: 0 },
      'ann-mod': { weight: third, reply: 0, mention: 0, coAnswer: 0, coSession: 1, repost: 0 },
      'bob-mod': { weight: third, reply: 0, mention: 0, coAnswer: 0, coSession: 1, repost: 0 },
      'cat-mod': { weight: third, reply: 0, mention: 0, coAnswer: 0, coSession: 1, repost: 0 },
      'ann-dan': { weight: 2, reply: 0, mention: 1, coAnswer: 0, coSession: 1, repost: 0 },
    });
  });

  it('adds reposts only when the repost kind is on, at its own weight', () => {
    const { edges } = edgesOf(resolveBuildOptions({ kinds: ['reply', 'mention', 'coAnswer', 'coSession', 'repost'] }));
    expect(edges['ann-bob']).toEqual({ weight: 2.333333, reply: 0, mention: 1, coAnswer: 1, coSession: 1, repost: 1 });
  });

  it('keeps only the chosen kinds and drops edges under minWeight', () => {
    const { edges } = edgesOf(resolveBuildOptions({ kinds: ['reply', 'mention'] }));
    expect(Object.keys(edges).sort()).toEqual(['ann-bob', 'ann-cat', 'ann-dan']);
    expect(edges['ann-cat']).toEqual({ weight: 1, reply: 1, mention: 0, coAnswer: 0, coSession: 0, repost: 0 });
    const strong = edgesOf(resolveBuildOptions({ minWeight: 1 })).edges;
    expect(Object.keys(strong).sort()).toEqual(['ann-bob', 'ann-cat', 'ann-dan']);
  });

  it('moves a kept tie down over the ones left out before it, with all its counts, and keeps no spare room', () => {
    const options = resolveBuildOptions({ minWeight: 0.5 });
    const { graph, edges } = edgesOf(options);
    // ann-mod (1/3) is left out before bob-cat (0.83), which takes its place; bob-mod and cat-mod go too.
    expect(
      Array.from({ length: graph.size }, (_, t) =>
        graph
          .extremities(t)
          .map((k) => k.slice(8))
          .join('-'),
      ),
    ).toEqual(['ann-bob', 'ann-cat', 'ann-dan', 'bob-cat']);
    expect(edges['bob-cat']).toEqual({ weight: 0.833333, reply: 0, mention: 0, coAnswer: 1, coSession: 1, repost: 0 });
    expect(edges['ann-dan']).toEqual({ weight: 2, reply: 0, mention: 1, coAnswer: 0, coSession: 1, repost: 0 });
    expect(Object.values(graph.ties).map((column) => column.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('resolves a reply to its author through the replied message id', () => {
    const noAuthor = TINY.map((m) => (m.id === '4' ? { ...m, replyToAuthor: undefined } : m));
    const options = resolveBuildOptions({ kinds: ['reply'] });
    const graph = buildGraph(noAuthor, splitSessions(noAuthor, options), options);
    expect(graph.size).toBe(1);
    expect(graph.getEdgeAttribute('twitter:ann', 'twitter:cat', 'reply')).toBe(1);
  });
});

describe('splitSessions', () => {
  it('starts a new session after a gap longer than the threshold', () => {
    expect(splitSessions(TINY).map((s) => [s.id, s.members.length])).toEqual([
      ['#c@2024-03-14T20:00:00.000Z', 5],
      ['#c@2024-03-15T01:00:00.000Z', 2],
    ]);
    // Without the 5-hour quiet the day is one 5-hour sitting: past sittingMaxMinutes, with no burst or question
    // series in it, it holds no session; allowed that long, it is one.
    expect(splitSessions(TINY, { sessionGapMinutes: 600 })).toHaveLength(0);
    expect(splitSessions(TINY, { sessionGapMinutes: 600, sittingMaxMinutes: 600 }).map((s) => s.foundBy)).toEqual(['gap']);
  });

  it('keeps chats apart even at the same time', () => {
    const two = [TINY[0]!, { ...TINY[1]!, chat: '#other' }];
    expect(splitSessions(two, { minSessionMessages: 1 }).map((s) => s.chat)).toEqual(['#c', '#other']);
    expect(splitSessions(two)).toEqual([]); // a lone post is no session
  });
});
