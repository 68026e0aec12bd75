import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { ircParser, readIrcLog } from '../../../server/ingest/parse/irc.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught as thrown } from '../../support/transcript-error.js';
import { realFixtures } from '../../support/real-fixtures.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');
const parse = (path: string) => ircParser.parse(fixture(path), { fileName: path.split('/').pop()! });
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
const links = (r: ParseResult) => r.messages.map((m) => (m.replyToAuthor ? `${m.author} → ${m.replyToAuthor}` : '-'));

describe('irc on the real #ubuntu log (irclogs.ubuntu.com style, 1,250 lines)', () => {
  const RAW = 'real/irc/2016-12-19_20.raw.txt';
  const result = parse(RAW);

  it('reads 1,184 messages (3 of them actions) from 163 people; 64 nick changes and 2 empty actions skipped', () => {
    expect(summary(result)).toEqual({ messages: 1184, authors: 163, replies: 542, skipped: { 'nick change': 64, 'empty message': 2 } });
    expect(result.messages.filter((m) => m.replyToId)).toHaveLength(540);
    expect(result.messages.filter((m) => m.text.startsWith('/me '))).toHaveLength(3);
    expect(result.warnings).toEqual([]);
    for (const m of result.messages) expect(ParsedMessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of result.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
  });

  it('dates the log from its file name and keeps file order within a minute', () => {
    expect([result.messages[0]!.time, result.messages[1]!.time]).toEqual(['2016-12-19T04:14:00.000Z', '2016-12-19T04:14:00.001Z']);
    expect(result.messages.at(-1)!.time).toBe('2016-12-19T21:59:00.000Z');
    const times = result.messages.map((m) => m.time);
    expect([...times].sort()).toEqual(times);
  });

  it('reads `nick: …` and `nick, …` as replies, and the factoid bot conventions', () => {
    const [first] = result.messages;
    const ziggi = result.messages.find((m) => m.text.startsWith('how to instal adobe flash'))!;
    expect(first).toMatchObject({ author: 'irc:gobbert', kind: 'reply', replyToAuthor: 'irc:ziggi' });
    expect(first!.replyToId).toBeUndefined(); // ziggi had not spoken yet
    const darkblue = result.messages.find((m) => m.text.startsWith('joshua__, the best way'))!;
    expect(darkblue).toMatchObject({ author: 'irc:darkblue', replyToAuthor: 'irc:joshua__' });
    expect(result.messages.find((m) => m.id === darkblue.replyToId)!.text).toBe('how to increase boot speed');
    expect(result.messages.find((m) => m.text === '!mint | ziggi')).toMatchObject({ replyToAuthor: 'irc:ziggi', replyToId: ziggi.id });
    const bot = result.messages.find((m) => m.text === 'pong!')!;
    expect(bot).toMatchObject({ author: 'irc:ubottu', replyToAuthor: 'irc:cfhowlett' });
  });

  it('follows nick changes: one person, keyed by the nick they wrote most under', () => {
    const guest = result.messages.filter((m) => m.author === 'irc:guest');
    expect(guest.length).toBeGreaterThan(0);
    expect(result.people.map((p) => p.key)).not.toContain('irc:rory');
    expect(result.people.map((p) => p.key)).toContain('irc:arrghus');
    expect(result.people.map((p) => p.key)).not.toContain('irc:arrghus2');
  });

  it('maps every message to its file line', () => {
    const log = readIrcLog(fixture(RAW), { fileName: '2016-12-19_20.raw.txt' });
    const lines = fixture(RAW).split('\n');
    expect(log.lineOf.size).toBe(1184);
    for (const m of log.messages.slice(0, 50)) {
      const line = lines[log.lineOf.get(m.id)! - 1]!;
      expect(line.endsWith(m.text.replace(/^\/me /, ''))).toBe(true);
    }
  });
});

describe('irc on hand-made irssi and WeeChat logs', () => {
  it('irssi: dates from "Log opened" and "Day changed", nick changes followed, system lines counted', () => {
    const result = parse('made/irc/irssi-libchat.log');
    expect(summary(result)).toEqual({
      messages: 6,
      authors: 3,
      replies: 5,
      skipped: { 'log date line': 3, join: 1, 'nick change': 2, quit: 1, mode: 1, part: 1 },
    });
    expect(result.messages.map((m) => m.time.slice(0, 16))).toEqual([
      '2016-12-19T23:51',
      '2016-12-19T23:51',
      '2016-12-19T23:53',
      '2016-12-20T00:01',
      '2016-12-20T00:02',
      '2016-12-20T00:03',
    ]);
    expect(result.messages[2]!.text).toBe('/me tries zotero');
    expect(links(result)).toEqual([
      '-',
      'irc:bob → irc:ann',
      'irc:ann → irc:bob',
      'irc:carl → irc:bob',
      'irc:bob → irc:carl',
      'irc:ann → irc:bob',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('WeeChat: tab columns, mode prefixes stripped, `-->`/`<--`/`--` lines skipped, `@nick` mentions', () => {
    const result = parse('made/irc/weechat-libchat.log');
    expect(summary(result)).toEqual({
      messages: 5,
      authors: 3,
      replies: 3,
      skipped: { join: 1, 'nick change': 1, mode: 1, quit: 1, part: 1 },
    });
    expect(result.people.map((p) => p.key)).toEqual(['irc:ann', 'irc:bob', 'irc:carol']);
    // `A1: …` answers the chat's question: left to coAnswer ties, not guessed as a reply.
    expect(links(result)).toEqual(['-', '-', 'irc:bob → irc:ann', 'irc:ann → irc:bob', 'irc:carol → irc:bob']);
    expect(result.messages[4]!.mentions).toEqual(['irc:bob']);
    expect(result.messages[0]!.hashtags).toEqual(['#libchat', '#infolit']);
    expect(result.messages[0]!.time).toBe('2024-03-14T20:00:05.000Z');
  });

  it('ZNC-style seconds, `***` system lines, and a clock that runs past midnight', () => {
    const text = '[23:59:10] <ann> closing up\n[23:59:40] *** Joins: bo (~bo@host)\n[00:00:20] <bo> ann: wait!\n';
    const result = ircParser.parse(text, { fileName: '#libchat_2024-01-31.log' });
    expect(result.messages.map((m) => m.time)).toEqual(['2024-01-31T23:59:10.000Z', '2024-02-01T00:00:20.000Z']);
    expect(result.skipped).toEqual([{ line: 2, reason: 'join' }]);
  });

  it('warns when nothing dates the log, and counts lines it cannot read', () => {
    const result = ircParser.parse('[10:00] <ann> hi\n[10:01] <bo> ann: hello\nsomething else\n', { fileName: 'chan.log' });
    expect(result.messages[0]!.time).toBe('1970-01-01T10:00:00.000Z');
    expect(result.warnings).toEqual(['chan.log: no date in the log or its name; times are on 1970-01-01 (UTC)']);
    expect(result.skipped).toEqual([{ line: 3, reason: 'not an IRC log line' }]);
  });

  it('gives content ids: the same log under another name, same date, reads the same', () => {
    const text = fixture('made/irc/weechat-libchat.log');
    const ids = (name: string) => ircParser.parse(text, { fileName: name }).messages.map((m) => m.id);
    expect(ids('a.log')).toEqual(ids('b.weechatlog'));
  });

  it('throws when the file is not an IRC log, or has no message', () => {
    expect(thrown(() => ircParser.parse('hello\nworld\n', { fileName: 'x.txt' })).code).toBe('unreadable_file');
    expect(thrown(() => ircParser.parse('=== ann is now known as bo\n', { fileName: 'x.txt' })).code).toBe('no_messages');
  });
});

describe('irc detection', () => {
  const real = realFixtures();
  const head = (path: string) => fixture(path).slice(0, 64 * 1024);

  it('scores its own logs at least 0.5, every real dialect included', () => {
    const dialects = real.filter((p) => p.startsWith('irc-dialects/')).map((p) => `real/${p}`);
    expect(dialects).toHaveLength(13);
    for (const path of ['real/irc/2016-12-19_20.raw.txt', 'made/irc/irssi-libchat.log', 'made/irc/weechat-libchat.log', ...dialects]) {
      expect(ircParser.detect(head(path)), path).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('scores every other real fixture 0, the gold annotation file included', () => {
    const others = real.filter((p) => p !== 'irc/2016-12-19_20.raw.txt' && !p.startsWith('irc-dialects/')).map((p) => `real/${p}`);
    expect(new Set(others.map((p) => p.split('/')[1]))).toEqual(
      new Set([
        'bluesky',
        'bluesky-car',
        'irc',
        'mastodon',
        'mastodon-archive',
        'slack',
        'storify',
        'tags-csv',
        'twitter-v1.1',
        'twitter-v2',
        'whatsapp',
        'zoom',
      ]),
    );
    for (const path of [...others, 'made/zoom/GMT20240314-150000_Recording.txt', 'made/whatsapp/us-12h-month-first.txt']) {
      expect(ircParser.detect(head(path)), path).toBe(0);
    }
  });
});
