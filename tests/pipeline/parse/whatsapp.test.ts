import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { inferDateOrder, whatsappParser } from '../../../server/ingest/parse/whatsapp.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught as thrown } from '../../support/transcript-error.js';
import { READ_FORMAT_DIRS, realFixtures } from '../../support/real-fixtures.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');
const parse = (path: string) => whatsappParser.parse(fixture(path), { fileName: path.split('/').pop()! });
const ParsedMessageSchema = MessageSchema.omit({ chat: true, question: true, answer: true });

function summary(result: ParseResult) {
  const skipped: Record<string, number> = {};
  for (const s of result.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
  const byAuthor: Record<string, number> = {};
  for (const m of result.messages) byAuthor[m.author] = (byAuthor[m.author] ?? 0) + 1;
  return { messages: result.messages.length, byAuthor, replies: result.messages.filter((m) => m.kind === 'reply').length, skipped };
}
const links = (r: ParseResult) => r.messages.filter((m) => m.replyToAuthor).map((m) => `${m.author} → ${m.replyToAuthor}`);

describe('whatsapp on a real iOS export (_chat.txt: [dd.mm.yy, HH:MM:SS], mixed CRLF/LF)', () => {
  const result = parse('real/whatsapp/_chat.txt');

  it('reads 48 messages (Loris 29, John 12, Emily 7) and skips the 4 system lines', () => {
    expect(summary(result)).toEqual({
      messages: 48,
      byAuthor: { 'whatsapp:john': 12, 'whatsapp:loris': 29, 'whatsapp:emily': 7 },
      replies: 0,
      skipped: { 'system message': 4 },
    });
    expect(result.skipped.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    for (const m of result.messages) expect(ParsedMessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of result.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
  });

  it('keeps multi-line messages whole, without carriage returns, and media placeholders as messages', () => {
    expect(result.messages.some((m) => m.text.includes('\r'))).toBe(false);
    expect(result.messages.find((m) => m.text.startsWith('Come on'))!.text).toBe("Come on...\ndon't be so mysterious and show us!");
    expect(result.messages.find((m) => m.text.startsWith('POLL:'))!.text.split('\n')).toHaveLength(7);
    expect(result.messages.filter((m) => m.text.startsWith('<attached: '))).toHaveLength(4);
    expect(result.warnings).toEqual(['4 message(s) are media placeholders (<attached: …>, <Media omitted>): kept, as taking part']);
  });

  it('reads day-first dates as UTC wall-clock time', () => {
    expect([result.messages[0]!.time, result.messages.at(-1)!.time]).toEqual(['2019-06-20T15:58:53.000Z', '2019-06-20T16:45:28.000Z']);
  });
});

describe('whatsapp on a real Android export (test_ddmmyy_24hrs.txt: dd/mm/yy, HH:MM - )', () => {
  const result = parse('real/whatsapp/test_ddmmyy_24hrs.txt');

  it('reads 7 messages from 5 people, skipping "created group" and "You were added"', () => {
    expect(summary(result)).toEqual({
      messages: 7,
      byAuthor: {
        'whatsapp:john doe': 3,
        'whatsapp:jahn doe': 1,
        'whatsapp:john-john doe': 1,
        'whatsapp:john doe 🤓': 1,
        'whatsapp:🤓': 1,
      },
      replies: 0,
      skipped: { 'system message': 2 },
    });
    expect(result.skipped.map((s) => s.line)).toEqual([6, 7]);
    expect(result.warnings).toEqual([]);
  });

  it('reads `Name:.`, colons in the text, multi-line messages and day-first dates', () => {
    expect(result.messages.map((m) => m.text).slice(1, 4)).toEqual([
      '.',
      'Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.',
      'Lorem ipsum : dolor sit amet.',
    ]);
    expect(result.messages.map((m) => m.time.slice(0, 16))).toEqual([
      '2019-01-01T11:25',
      '2019-01-20T11:23',
      '2019-01-30T20:49',
      '2020-06-10T15:55',
      '2021-12-10T10:10',
      '2021-12-20T12:10',
      '2021-12-30T22:01',
    ]);
  });
});

describe('whatsapp on hand-made locales', () => {
  it('US: month-first 12-hour clock with narrow no-break spaces; 12 AM is midnight', () => {
    const result = parse('made/whatsapp/us-12h-month-first.txt');
    expect(summary(result)).toEqual({
      messages: 5,
      byAuthor: { 'whatsapp:ann lee': 2, 'whatsapp:bob ray': 2, 'whatsapp:+1 555 010 2000': 1 },
      replies: 2,
      skipped: { 'system message': 5 },
    });
    expect(result.messages.map((m) => m.time)).toEqual([
      '2024-01-05T09:05:00.000Z',
      '2024-01-05T09:06:00.000Z',
      '2024-01-05T12:30:00.000Z',
      '2024-01-15T00:05:00.000Z',
      '2024-01-15T20:45:00.000Z',
    ]);
    // The subject change holds a colon inside quotes: still a system line, not a message by `Ann changed the subject…`.
    expect(result.skipped.map((s) => s.line)).toEqual([1, 2, 3, 10, 11]);
    expect(links(result)).toEqual(['whatsapp:bob ray → whatsapp:ann lee', 'whatsapp:ann lee → whatsapp:+1 555 010 2000']);
    expect(result.messages[3]!.mentions).toEqual(['whatsapp:+1 555 010 2000']);
    expect(result.messages[4]!.text).toBe('<Media omitted>');
  });

  it('Spanish iOS: `p. m.` with no-break spaces, LRM-marked system lines of the group skipped, media and deletions kept', () => {
    const result = parse('made/whatsapp/es-ios-12h.txt');
    expect(summary(result)).toEqual({
      messages: 6,
      byAuthor: { 'whatsapp:ana': 2, 'whatsapp:luis': 4 },
      replies: 3,
      skipped: { 'system message': 2 },
    });
    expect(result.people.map((p) => p.name)).toEqual(['Ana', 'Luis']);
    expect(result.messages.map((m) => m.time.slice(0, 19))).toEqual([
      '2024-03-15T14:05:10',
      '2024-03-15T14:05:40',
      '2024-03-15T14:06:00',
      '2024-03-15T14:06:30',
      '2024-03-16T11:15:00',
      '2024-03-16T11:16:00',
    ]);
    expect(result.messages.map((m) => m.text).slice(2)).toEqual([
      'imagen omitida',
      '<adjunto: 00000012-PHOTO-2024-03-15-14-06-30.jpg>',
      'Luis, trae el libro\npor favor',
      'Se eliminó este mensaje.',
    ]);
    expect(links(result)).toEqual(['whatsapp:luis → whatsapp:ana', 'whatsapp:ana → whatsapp:luis', 'whatsapp:luis → whatsapp:ana']);
  });

  it('German Android: dd.mm.yy, 24-hour; an exact repeat is a second message with its own id', () => {
    const result = parse('made/whatsapp/de-24h.txt');
    expect(summary(result)).toEqual({
      messages: 5,
      byAuthor: { 'whatsapp:anna schmidt': 2, 'whatsapp:ben wolf': 3 },
      replies: 2,
      skipped: { 'system message': 2 },
    });
    const [, first, second] = result.messages;
    expect([first!.text, second!.text]).toEqual(['Morgen Anna', 'Morgen Anna']);
    expect(first!.id).not.toBe(second!.id);
    expect([first!.time, second!.time]).toEqual(['2024-03-14T09:06:00.000Z', '2024-03-14T09:06:00.001Z']);
    expect(result.messages[0]!.hashtags).toEqual(['#katalogisierung']);
    expect(result.messages.at(-1)!.time).toBe('2024-03-15T18:30:00.000Z');
  });
});

describe('whatsapp date order and layout', () => {
  it('infers day or month first from the whole file, and says when it cannot', () => {
    expect(
      inferDateOrder([
        ['03', '06', '18'],
        ['13', '06', '18'],
      ]),
    ).toEqual({ order: 'dmy', sure: true });
    expect(
      inferDateOrder([
        ['06', '03', '18'],
        ['06', '13', '18'],
      ]),
    ).toEqual({ order: 'mdy', sure: true });
    expect(inferDateOrder([['2018', '06', '13']])).toEqual({ order: 'ymd', sure: true });
    // No field above 12: the field that falls back when the month turns is the day.
    expect(
      inferDateOrder([
        ['12', '01', '24'],
        ['02', '02', '24'],
      ]),
    ).toEqual({ order: 'dmy', sure: true });
    expect(
      inferDateOrder([
        ['01', '12', '24'],
        ['02', '01', '24'],
      ]),
    ).toEqual({ order: 'mdy', sure: true });
    expect(
      inferDateOrder([
        ['03', '06', '18'],
        ['04', '06', '18'],
      ]),
    ).toEqual({ order: 'dmy', sure: false });
  });

  it('warns when day and month cannot be told apart, and reads day first', () => {
    const result = whatsappParser.parse('03/06/18, 10:00 - Ann: hi\n04/06/18, 10:01 - Bo: hello', { fileName: 'chat.txt' });
    expect(result.messages[0]!.time).toBe('2018-06-03T10:00:00.000Z');
    expect(result.warnings).toEqual(["chat.txt: no day above 12, so day and month can't be told apart; read as day first"]);
  });

  it('reads a year-first layout and keeps date-like continuation lines in the message', () => {
    const result = whatsappParser.parse(
      '[2019/01/20, 11:23:00] Ann: log follows\n2016-04-29 10:30:00 - server: restarted\n[2019/01/20, 11:24:00] Bo: ok',
      { fileName: 'c.txt' },
    );
    expect(result.messages.map((m) => m.text)).toEqual(['log follows\n2016-04-29 10:30:00 - server: restarted', 'ok']);
    expect(result.messages[0]!.time).toBe('2019-01-20T11:23:00.000Z');
  });

  it('skips an impossible date without failing the file', () => {
    const result = whatsappParser.parse('31/02/24, 10:00 - Ann: hi\n01/03/24, 10:01 - Bo: hello', { fileName: 'c.txt' });
    expect(result.messages.map((m) => m.author)).toEqual(['whatsapp:bo']);
    expect(result.skipped).toEqual([{ line: 1, reason: 'unreadable date "31/02/24"' }]);
  });

  it('throws for a file with no message line, or only system lines', () => {
    expect(thrown(() => whatsappParser.parse('hello\nworld', { fileName: 'x.txt' })).code).toBe('unreadable_file');
    expect(
      thrown(() => whatsappParser.parse('01/01/24, 10:00 - Ann created group "x"\n01/01/24, 10:00 - Ann added Bo', { fileName: 'x.txt' }))
        .code,
    ).toBe('no_messages');
  });
});

describe('whatsapp detection', () => {
  const real = realFixtures();
  const head = (path: string) => fixture(path).slice(0, 64 * 1024);

  it('scores its own files at least 0.5', () => {
    for (const path of [
      'real/whatsapp/_chat.txt',
      'real/whatsapp/test_ddmmyy_24hrs.txt',
      'made/whatsapp/us-12h-month-first.txt',
      'made/whatsapp/es-ios-12h.txt',
      'made/whatsapp/de-24h.txt',
    ]) {
      expect(whatsappParser.detect(head(path)), path).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('scores every other real fixture 0 (and the hand-made IRC and Zoom logs)', () => {
    const others = real.filter((p) => !p.startsWith('whatsapp/')).map((p) => `real/${p}`);
    expect(new Set(others.map((p) => p.split('/')[1]))).toEqual(new Set(READ_FORMAT_DIRS.filter((d) => d !== 'whatsapp')));
    for (const path of [...others, 'made/irc/weechat-libchat.log', 'made/irc/irssi-libchat.log', 'made/zoom/old-layout-2024-03-14.txt']) {
      expect(whatsappParser.detect(head(path)), path).toBe(0);
    }
  });
});
