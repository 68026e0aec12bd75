import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { isReaction, zoomParser } from '../../../server/ingest/parse/zoom.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught as thrown } from '../../support/transcript-error.js';
import { READ_FORMAT_DIRS, realFixtures } from '../../support/real-fixtures.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');
const parse = (path: string) => zoomParser.parse(fixture(path), { fileName: path.split('/').pop()! });
const ParsedMessageSchema = MessageSchema.omit({ chat: true, question: true, answer: true });

function summary(result: ParseResult) {
  const skipped: Record<string, number> = {};
  for (const s of result.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
  return {
    messages: result.messages.length,
    authors: new Set(result.messages.map((m) => m.author)).size,
    replies: result.messages.filter((m) => m.kind === 'reply').length,
    skipped,
  };
}
const links = (r: ParseResult) => r.messages.filter((m) => m.replyToAuthor).map((m) => `${m.author} → ${m.replyToAuthor}`);

describe('zoom on the newer local layout with threads, reactions and a DM (test-zoom-chat.txt)', () => {
  const result = parse('real/zoom/test-zoom-chat.txt');

  it('reads 5 messages from 5 people; 9 reactions and 1 direct message skipped', () => {
    expect(summary(result)).toEqual({ messages: 5, authors: 5, replies: 3, skipped: { reaction: 9, 'direct message': 1 } });
    expect(result.warnings).toEqual(['test-zoom-chat.txt: no date in the file name; times are on 1970-01-01 (UTC)']);
    for (const m of result.messages) expect(ParsedMessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of result.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
  });

  it('never imports the direct message', () => {
    expect(JSON.stringify(result)).not.toContain('Please mute');
    expect(result.people.map((p) => p.key)).not.toContain('zoom:open mike');
  });

  it('resolves `Replying to "…"` to the latest earlier message starting with the quote', () => {
    const [good, , , hello] = result.messages;
    expect(result.messages.map((m) => m.text)).toEqual([
      'Good morning folks',
      'Hi John',
      'Hello there, John!',
      'Hello world, this message is longer than 20 characters!',
      'Hello there, Jack!',
    ]);
    expect(result.messages.filter((m) => m.kind === 'reply').map((m) => m.replyToId)).toEqual([good!.id, good!.id, hello!.id]);
    expect(links(result)).toEqual([
      'zoom:alice balice → zoom:john doe',
      'zoom:jane smith → zoom:john doe',
      'zoom:diane smith → zoom:jack doe',
    ]);
    expect(result.messages[0]!.time).toBe('1970-01-01T10:01:00.000Z');
  });
});

describe('zoom dated by when its file was saved (a name without a date; the browser sends File.lastModified)', () => {
  const saved = (path: string, modifiedAt: number) => zoomParser.parse(fixture(path), { fileName: 'meeting_saved_chat.txt', modifiedAt });

  it('takes the day that puts the last entry (10:04:07) nearest the saving time, and says so', () => {
    const result = saved('real/zoom/test-zoom-chat.txt', Date.parse('2024-03-14T10:05:00Z'));
    expect(result.messages.map((m) => m.time)[0]).toBe('2024-03-14T10:01:00.000Z');
    expect(result.warnings).toEqual([
      'meeting_saved_chat.txt: no date in the file name; the chat is dated 2024-03-14, the day the file was last saved (name the file "YYYY-MM-DD …" to set it)',
    ]);
  });

  it('keeps the local date when the saver was hours from UTC (Tokyo 10:05 on the 14th is 01:05 UTC)', () => {
    expect(saved('real/zoom/test-zoom-chat.txt', Date.parse('2024-03-14T01:05:00Z')).messages[0]!.time).toBe('2024-03-14T10:01:00.000Z');
    // New York 10:05 on the 14th is 14:05 UTC.
    expect(saved('real/zoom/test-zoom-chat.txt', Date.parse('2024-03-14T14:05:00Z')).messages[0]!.time).toBe('2024-03-14T10:01:00.000Z');
  });

  it('counts a meeting past midnight back to the day it began', () => {
    const result = saved('made/zoom/old-layout-2024-03-14.txt', Date.parse('2024-03-15T00:02:00Z'));
    expect(result.messages.map((m) => m.time.slice(0, 16))).toEqual([
      '2024-03-14T23:58',
      '2024-03-14T23:58',
      '2024-03-14T23:59',
      '2024-03-15T00:00',
      '2024-03-15T00:01',
      '2024-03-15T00:01',
    ]);
  });

  it('a date in the name wins; no saving time (or a meaningless one) leaves 1970 with the warning', () => {
    const named = zoomParser.parse(fixture('made/zoom/old-layout-2024-03-14.txt'), {
      fileName: 'old-layout-2024-03-14.txt',
      modifiedAt: Date.parse('2025-01-01T00:00:00Z'),
    });
    expect(named.messages[0]!.time).toBe('2024-03-14T23:58:01.000Z');
    expect(named.warnings).toEqual([]);
    const zero = saved('real/zoom/test-zoom-chat.txt', 0);
    expect(zero.messages[0]!.time).toBe('1970-01-01T10:01:00.000Z');
    expect(zero.warnings).toEqual(['meeting_saved_chat.txt: no date in the file name; times are on 1970-01-01 (UTC)']);
  });
});

describe('zoom on the cloud-recording layout (zoom-chat-1.txt)', () => {
  const result = parse('real/zoom/zoom-chat-1.txt');
  it('reads 8 messages from 4 people; "Hello Tom!" is inferred as a reply', () => {
    expect(summary(result)).toEqual({ messages: 8, authors: 4, replies: 1, skipped: {} });
    expect(links(result)).toEqual(['zoom:anny → zoom:tom']);
    expect(result.messages.map((m) => m.time.slice(11, 19))).toEqual([
      '01:07:16',
      '01:09:00',
      '01:10:30',
      '01:11:10',
      '01:11:34',
      '01:17:15',
      '01:18:14',
      '01:19:42',
    ]);
  });
});

describe('zoom on the classic local layout with tab-indented bodies (zoom-chat-2.txt)', () => {
  const result = parse('real/zoom/zoom-chat-2.txt');
  it('reads 10 messages from 7 people, multi-line bodies whole; greetings to Teacher are replies', () => {
    expect(summary(result)).toEqual({ messages: 10, authors: 7, replies: 2, skipped: {} });
    expect(result.messages[0]!.text).toBe("For yesterday's homework, I found all my answers in here\nhttps://www.google.com");
    expect(links(result)).toEqual(['zoom:joe → zoom:teacher', 'zoom:hanna → zoom:teacher']);
  });
});

describe('zoom on hand-made files', () => {
  it('old one-line layout: skips every private message, body and all; dates from the file name, past midnight', () => {
    const result = parse('made/zoom/old-layout-2024-03-14.txt');
    expect(summary(result)).toEqual({ messages: 6, authors: 3, replies: 3, skipped: { 'direct message': 3 } });
    expect(JSON.stringify(result)).not.toContain('SECRET');
    expect(result.people.map((p) => p.key).sort()).toEqual(['zoom:ann lee', 'zoom:bob ray', 'zoom:cat diaz']);
    expect(result.messages.map((m) => m.time)).toEqual([
      '2024-03-14T23:58:01.000Z',
      '2024-03-14T23:58:30.000Z',
      '2024-03-14T23:59:02.000Z',
      '2024-03-15T00:00:15.000Z',
      '2024-03-15T00:01:10.000Z',
      '2024-03-15T00:01:30.000Z',
    ]);
    expect(result.messages[3]!.text).toBe('A1 we run drop-in sessions\nand a zine table');
    expect(links(result)).toEqual(['zoom:bob ray → zoom:ann lee', 'zoom:cat diaz → zoom:bob ray', 'zoom:bob ray → zoom:cat diaz']);
    expect(result.messages[4]!.mentions).toEqual(['zoom:bob ray']);
    expect(result.messages[0]!.hashtags).toEqual(['#critlib']);
    expect(result.warnings).toEqual([]);
  });

  it('newer layout: thread reply with its text on later lines, reactions skipped, "add me…" kept, pronouns out of the key', () => {
    const result = parse('made/zoom/new-layout-threads-2024-05-02.txt');
    expect(summary(result)).toEqual({ messages: 6, authors: 3, replies: 2, skipped: { reaction: 3, 'direct message': 1 } });
    expect(JSON.stringify(result)).not.toContain('SECRET');
    expect(result.messages.map((m) => m.text)).toEqual([
      'Good afternoon! Today: cataloguing zines',
      'Thanks Ann, excited for this',
      'Do we use LCSH for zines?\nor something else?',
      'Mostly the Zine Thesaurus',
      'agreed',
      'add me to the mailing list please',
    ]);
    expect(links(result)).toEqual(['zoom:raj iyer → zoom:ann lee', 'zoom:ann lee → zoom:mo chen']);
    expect(result.people.find((p) => p.key === 'zoom:ann lee')).toEqual({
      key: 'zoom:ann lee',
      platform: 'zoom',
      handle: 'Ann Lee',
      name: 'Ann Lee (she/her)',
    });
    expect(result.warnings).toEqual(['1 reply(ies) quote a message not in the file: read as plain messages']);
  });

  it('cloud layout: times count from the GMT start in the file name; a direct message is skipped', () => {
    const result = parse('made/zoom/GMT20240314-150000_Recording.txt');
    expect(summary(result)).toEqual({ messages: 4, authors: 3, replies: 1, skipped: { 'direct message': 1 } });
    expect(result.messages.map((m) => m.time)).toEqual([
      '2024-03-14T15:00:12.000Z',
      '2024-03-14T15:00:40.000Z',
      '2024-03-14T15:00:55.000Z',
      '2024-03-14T15:02:00.000Z',
    ]);
    expect(result.messages[3]!.text).toBe('long message\nwith a second line');
    expect(links(result)).toEqual(['zoom:ann lee → zoom:bob ray']);
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });
});

describe('zoom ids, reactions, errors', () => {
  const text = '10:00:00 From  Ann  to  Everyone:\n\thi\n10:00:00 From  Ann  to  Everyone:\n\thi\n10:00:00 From  Bo  to  Everyone:\n\tyo\n';

  it('ids come from content, not the file name; exact repeats get their own ids; file order survives a shared second', () => {
    const a = zoomParser.parse(text, { fileName: '2024-03-14 10.00.00 Meeting/meeting_saved_chat.txt' });
    const b = zoomParser.parse(text, { fileName: 'copy of 2024-03-14.txt' });
    expect(a.messages.map((m) => m.id)).toEqual(b.messages.map((m) => m.id));
    expect(new Set(a.messages.map((m) => m.id)).size).toBe(3);
    expect(a.messages.map((m) => m.time)).toEqual(['2024-03-14T10:00:00.000Z', '2024-03-14T10:00:00.001Z', '2024-03-14T10:00:00.002Z']);
  });

  it('tells reactions from messages that start with "add"', () => {
    expect(isReaction('add 👍🏽')).toBe(true);
    expect(isReaction('remove ☝️')).toBe(true);
    expect(isReaction('Reacted to "Good morning" with 👋')).toBe(true);
    expect(isReaction('add me to the list')).toBe(false);
    expect(isReaction('remove the duplicates first')).toBe(false);
  });

  it('throws when the file is not a Zoom chat, or holds only private messages', () => {
    expect(thrown(() => zoomParser.parse('just some notes\nabout a meeting\n', { fileName: 'notes.txt' })).code).toBe('unreadable_file');
    const dms = '10:00:00 From  Ann to Bo(Direct Message):\n\tpsst\n';
    const error = thrown(() => zoomParser.parse(dms, { fileName: 'dm.txt' }));
    expect(error.code).toBe('no_messages');
    expect(error.message).not.toContain('psst');
  });
});

describe('zoom detection', () => {
  const real = realFixtures();
  const head = (path: string) => fixture(path).slice(0, 64 * 1024);

  it('scores its own files at least 0.5', () => {
    for (const path of [
      ...real.filter((p) => p.startsWith('zoom/')).map((p) => `real/${p}`),
      'made/zoom/old-layout-2024-03-14.txt',
      'made/zoom/new-layout-threads-2024-05-02.txt',
      'made/zoom/GMT20240314-150000_Recording.txt',
    ]) {
      expect(zoomParser.detect(head(path)), path).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('scores every other real fixture 0', () => {
    const others = real.filter((p) => !p.startsWith('zoom/'));
    expect(new Set(others.map((p) => p.split('/')[0]))).toEqual(new Set(READ_FORMAT_DIRS.filter((d) => d !== 'zoom')));
    for (const path of others) expect(zoomParser.detect(head(`real/${path}`)), path).toBe(0);
  });
});
