/**
 * A community's busiest period is said no wider than its messages there. On
 * the real Zoom chats (tests/fixtures/real/zoom), saved on 14 March 2024 and
 * viewed beside a real #ubuntu IRC day of 2016, the view's grain is a
 * season, and the Zoom meeting's community was labelled "Mar–May 2024" for a
 * one-hour meeting: it is that day now, said once — by the period when the
 * chat is named by its topic, by the chat when its name is its day. When the
 * whole view is one day, no period sets a community apart and none is said.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { analyze } from '../../server/pipeline/analyze.js';
import { activePeriods } from '../../server/pipeline/community/period.js';
import { GraphPayloadSchema, type Message, type PersonProfile } from '../../shared/index.js';

const root = new URL('../fixtures/real/', import.meta.url).pathname;
const SAVED = Date.parse('2024-03-14T11:00:00Z');

/** Real files read under the names given (a Zoom file dated by when it was saved), analysed together. */
function analyzed(files: { path: string; as: string }[]) {
  const messages: Message[] = [];
  const people = new Map<string, PersonProfile>();
  for (const file of files) {
    const read = readTranscript(new Uint8Array(fs.readFileSync(root + file.path)), { fileName: file.as, modifiedAt: SAVED });
    messages.push(...read.messages);
    for (const p of read.people) people.set(p.key, p);
  }
  const payload = GraphPayloadSchema.parse(
    analyze({ messages, people: [...people.values()], dataset: { id: 'real', name: 'zoom', version: 1 }, backbone: false }, { seed: 1 }),
  );
  return payload.attributes.meta.communities;
}

const UBUNTU_DAY = { path: 'irc/2016-12-19_20.raw.txt', as: '2016-12-19_20.raw.txt' };

describe('the period of a one-day chat in a view of years', () => {
  it('a Zoom meeting named by its topic: the label ends with its day, not its season', () => {
    const communities = analyzed([{ path: 'zoom/test-zoom-chat.txt', as: 'reference desk webinar.txt' }, UBUNTU_DAY]);
    const zoom = communities.filter((c) => c.chats[0]!.chat === 'reference desk webinar');
    expect(zoom).toHaveLength(1);
    expect(zoom[0]!.period).toEqual({
      label: '14 Mar 2024',
      start: '2024-03-14T00:00:00.000Z',
      end: '2024-03-15T00:00:00.000Z',
      share: 1,
      lift: expect.any(Number),
    });
    // Chat, any term (terms.ts's, not pinned here; the meeting's only distinctive word was a participant's first
    // name, "john", which is no topic), then the day: "Mar–May 2024" before.
    expect(zoom[0]!.label).toMatch(/^reference desk webinar · (?:.+ · )?14 Mar 2024$/);
    expect(zoom[0]!.label).not.toMatch(/\bjohn\b/i);
  });

  it("a Zoom meeting named by its day says the day once, in the chat's name", () => {
    const communities = analyzed([{ path: 'zoom/test-zoom-chat.txt', as: 'meeting_saved_chat.txt' }, UBUNTU_DAY]);
    const zoom = communities.filter((c) => c.chats[0]!.chat === 'zoom chat 14 mar 2024');
    expect(zoom.map((c) => c.period?.label)).toEqual(['14 Mar 2024']);
    expect(zoom[0]!.label).toMatch(/^zoom chat 14 mar 2024( · |$)/);
    expect(zoom[0]!.label).not.toContain('14 Mar 2024');
    // No label of the view names a season.
    for (const c of communities) expect(c.label).not.toMatch(/[A-Z][a-z]{2}–[A-Z][a-z]{2} \d{4}/);
  });

  it('an undated Zoom chat (times of day only, no saved date: read as 1 Jan 1970) says no period', () => {
    const messages: Message[] = [];
    const people = new Map<string, PersonProfile>();
    for (const file of [{ path: 'zoom/zoom-chat-1.txt', as: 'meeting_saved_chat.txt' }, UBUNTU_DAY]) {
      const read = readTranscript(new Uint8Array(fs.readFileSync(root + file.path)), { fileName: file.as });
      messages.push(...read.messages);
      for (const p of read.people) people.set(p.key, p);
    }
    const payload = GraphPayloadSchema.parse(
      analyze({ messages, people: [...people.values()], dataset: { id: 'real', name: 'zoom', version: 1 }, backbone: false }, { seed: 1 }),
    );
    const zoom = payload.attributes.meta.communities.filter((c) => c.chats[0]!.chat === 'zoom chat');
    expect(zoom.length).toBeGreaterThan(0);
    for (const c of zoom) expect(c.label).not.toContain('1970');
  });

  it('when the whole view is one day, no label says a period', () => {
    const communities = analyzed([
      { path: 'zoom/test-zoom-chat.txt', as: 'reference desk webinar.txt' },
      { path: 'zoom/zoom-chat-2.txt', as: 'homework help.txt' },
    ]);
    expect(communities.length).toBeGreaterThan(1);
    for (const c of communities) {
      expect(c.period?.label).toBe('14 Mar 2024');
      expect(c.period?.lift).toBeLessThan(1.5);
      expect(c.label).not.toContain('2024');
    }
  });
});

describe('activePeriods', () => {
  const at = (author: string, time: string, i: number): Message =>
    ({ id: `m${i}`, author, time, chat: '#c', platform: 'mastodon', text: 'x', kind: 'post' }) as Message;

  it('says the month when a season-grained period holds days of one month, and the lift is over that month', () => {
    // A view of two years; community 0 posts on 2 and 20 March 2024, everyone else in other months.
    const messages = [
      at('a', '2024-03-02T10:00:00Z', 0),
      at('b', '2024-03-20T10:00:00Z', 1),
      at('c', '2024-04-10T10:00:00Z', 2),
      at('c', '2024-05-10T10:00:00Z', 3),
      at('c', '2022-01-10T10:00:00Z', 4),
    ];
    const membership = new Map([
      ['a', 0],
      ['b', 0],
      ['c', 1],
    ]);
    const { periods } = activePeriods(messages, [], membership, 2);
    expect(periods[0]).toEqual({
      label: 'March 2024',
      start: '2024-03-01T00:00:00.000Z',
      end: '2024-04-01T00:00:00.000Z',
      share: 1,
      lift: 2.5,
    });
    // Community 1's busiest season is Mar–May 2024 (2 of 3), spread over two months: the season stays.
    expect(periods[1]).toMatchObject({ label: 'Mar–May 2024', share: 0.667 });
  });
});
