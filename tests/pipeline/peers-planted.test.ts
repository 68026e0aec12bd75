/**
 * Peers on a generated history with interests planted across chats: four
 * chats, each its own sector and region, where six people in three chats
 * write about the same topic. The people worth meeting are the planters in
 * the other chats: how many of the first 5 and 10 suggestions share the
 * person's planted interest (at most 4 of 5 and 4 of 10: four planters are
 * beyond them), how many come from outside their community, and whether
 * every reason says something particular.
 */
import { describe, expect, it } from 'vitest';
import { plantedEvaluation, TOPICS } from '../support/planted-interests.js';

const { payload, planters, topicOf, lists, shareAt } = plantedEvaluation();
const nodes = new Map(payload.nodes.map((n) => [n.key, n.attributes]));
describe('peers on planted interests across chats', () => {
  it('finds the people in other chats who write about the same thing', () => {
    expect(planters).toHaveLength(24);
    // Measured 0.8 and 0.4: every planter beyond them in the first five. Before issue 20: 0.4 and 0.4, 4 of 10 from outside.
    expect(shareAt(5)).toBeGreaterThanOrEqual(0.75);
    expect(shareAt(10)).toBeGreaterThanOrEqual(0.38);
  });

  it('names the planted topic as the first reason', () => {
    const p = planters[0]!;
    const first = lists.get(p.key)![0]!;
    expect(topicOf.get(first.key)).toBe(p.topic);
    expect(first.reasons[0]).toBe(`you both wrote about ${TOPICS[p.topic!]}`);
  });

  it('takes at least half from outside the person’s community, and never is beyond through an unknown', () => {
    for (const p of planters) {
      const me = nodes.get(p.key)!;
      const peers = lists.get(p.key)!;
      // Six share something with each planter: the four planters of their topic elsewhere, and the two of their own
      // chat in another sector (a session and questions in common). The others beyond them share nothing: left out.
      expect(peers).toHaveLength(6);
      expect(peers.filter((q) => nodes.get(q.key)!.community !== me.community).length, p.key).toBeGreaterThanOrEqual(3);
      for (const q of peers) expect(q.beyond!.length).toBeGreaterThan(0);
    }
  });

  it('never gives every peer of a list the same reason', () => {
    for (const p of planters) {
      const peers = lists.get(p.key)!;
      const everywhere = peers[0]!.reasons.filter((r) => peers.every((q) => q.reasons.includes(r)));
      expect(everywhere, p.key).toEqual([]);
    }
  });
});
