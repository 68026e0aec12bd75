import { describe, expect, it } from 'vitest';
import { peersStatusLine } from '../../../client/peers/status-line.js';

const peer = (key: string) => ({ key, label: key, sector: 'school', region: 'CA', score: 0.5, reasons: ['you both wrote about zines'] });
const me = { forMe: true, name: 'Rhys', filtered: false };

describe('the line above the suggestions', () => {
  it('says a short list is short because only so many share something, and how many were left out', () => {
    const answer = { peers: ['a', 'b', 'c', 'd'].map(peer), candidates: { beyond: 160, relevant: 4, outsideCommunity: 1 } };
    expect(peersStatusLine(answer, me)).toBe(
      'Only 4 people share something with you beyond your corner, most worth meeting first. 156 people in another sector or region have nothing in common with you yet: no topic, conversation, session or contact.',
    );
    expect(
      peersStatusLine(
        { ...answer, peers: [peer('a')], candidates: { beyond: 2, relevant: 1, outsideCommunity: 1 } },
        { ...me, forMe: false },
      ),
    ).toBe(
      'Only 1 person shares something with Rhys beyond Rhys’s corner, most worth meeting first. 1 person in another sector or region has nothing in common with Rhys yet: no topic, conversation, session or contact.',
    );
  });

  it('counts a full list against everyone beyond, and says when no one shares anything', () => {
    const full = {
      peers: Array.from({ length: 10 }, (_, i) => peer(`p${i}`)),
      candidates: { beyond: 177, relevant: 40, outsideCommunity: 30 },
    };
    expect(peersStatusLine(full, me)).toBe('10 people of 177 beyond your context, most worth meeting first.');
    const none = { peers: [], candidates: { beyond: 12, relevant: 0, outsideCommunity: 0 } };
    expect(peersStatusLine(none, me)).toBe(
      'No one in another sector or region shares a topic, a conversation, a session or a contact with you yet (12 people there share none).',
    );
    expect(peersStatusLine(none, { ...me, filtered: true })).toBe(
      'No one there shares a topic, a conversation, a session or a contact with you yet: try another sector or region.',
    );
  });
});
