/**
 * A community as one person (server/pipeline/peers/community.ts), on the
 * planted-interest history (tests/support/planted-interests.ts): its members
 * fold into one node with their most common known sector and region, their
 * ties to each outsider summed, their messages under its key; the peers of
 * that node are all outsiders, led by someone who writes about a topic
 * planted among its members.
 */
import { describe, expect, it } from 'vitest';
import { suggestPeersFor } from '../../server/pipeline/peers.js';
import { communityAsPerson, communityKey } from '../../server/pipeline/peers/community.js';
import { plantedEvaluation, TOPICS } from '../support/planted-interests.js';

const { payload, messages } = plantedEvaluation();
const medlibs = payload.nodes.find((n) => n.key === 'twitter:medlibs0')!.attributes.community;
const members = new Set(payload.nodes.filter((n) => n.attributes.community === medlibs).map((n) => n.key));
const whole = communityAsPerson(payload, messages, medlibs)!;

describe('a community as one person', () => {
  it('folds the members into one node with their most common known sector and region', () => {
    expect(members.size).toBeGreaterThan(10);
    expect(whole.key).toBe(communityKey(medlibs));
    const node = whole.payload.nodes.find((n) => n.key === whole.key)!.attributes;
    expect(node).toMatchObject({ label: `Community ${medlibs + 1}`, sector: 'health', region: 'GB', community: medlibs });
    expect(whole.regionShare).toBe(1);
    expect(whole.sectorShare).toBeGreaterThan(0.5);
    expect(whole.payload.nodes).toHaveLength(payload.nodes.length - members.size + 1);
    expect(whole.payload.nodes.some((n) => members.has(n.key))).toBe(false);
  });

  it('sums the members’ ties to each outsider into one tie, and keeps ties between outsiders', () => {
    const toOutsiders = new Map<string, number>();
    let between = 0;
    for (const e of payload.edges) {
      const [s, t] = [members.has(e.source), members.has(e.target)];
      if (s !== t) {
        const other = s ? e.target : e.source;
        toOutsiders.set(other, (toOutsiders.get(other) ?? 0) + e.attributes.weight);
      } else if (!s) between++;
    }
    const mine = whole.payload.edges.filter((e) => e.source === whole.key || e.target === whole.key);
    expect(mine).toHaveLength(toOutsiders.size);
    for (const e of mine) expect(e.attributes.weight).toBeCloseTo(toOutsiders.get(e.target)!, 9);
    expect(whole.payload.edges).toHaveLength(toOutsiders.size + between);
  });

  it('says the members’ messages as its own, and finds outsiders who write about what they planted', () => {
    const said = messages.filter((m) => members.has(m.author)).length;
    expect(whole.messages.filter((m) => m.author === whole.key)).toHaveLength(said);
    const answer = suggestPeersFor(whole.key, whole.payload, whole.messages);
    expect(answer.peers).toHaveLength(10);
    for (const p of answer.peers) {
      expect(members.has(p.key)).toBe(false);
      expect(p.beyond!.length).toBeGreaterThan(0);
    }
    expect(answer.peers[0]!.reasons[0]).toMatch(new RegExp(`^you both wrote about (${TOPICS.join('|')})\\b`));
  });

  it('is undefined for a community the view does not have', () => {
    expect(communityAsPerson(payload, messages, 99)).toBeUndefined();
    expect(communityAsPerson(payload, messages, -1)).toBeUndefined();
  });
});
