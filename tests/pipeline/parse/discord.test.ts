import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { normalizeMessages } from '../../../server/ingest/normalize.js';
import { discordParser } from '../../../server/ingest/parse/discord.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught } from '../../support/transcript-error.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const parse = (text: string, fileName = 'export.json') => discordParser.parse(text, { fileName });
const ParsedSchema = MessageSchema.omit({ chat: true, question: true, answer: true });
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

function counts(r: ParseResult) {
  for (const m of r.messages) ParsedSchema.parse(m);
  for (const p of r.people) PersonProfileSchema.parse(p);
  return {
    messages: r.messages.length,
    authors: new Set(r.messages.map((m) => m.author)).size,
    replies: r.messages.filter((m) => m.kind === 'reply').length,
    repliesToKnownAuthor: r.messages.filter((m) => m.replyToAuthor).length,
    withMentions: r.messages.filter((m) => m.mentions.length > 0).length,
    mentions: r.messages.reduce((n, m) => n + m.mentions.length, 0),
    skipped: r.skipped.length,
  };
}

/** A minimal DiscordChatExporter document around `messages`. */
const exportOf = (messages: unknown[], channel: Record<string, unknown> = { id: '900', type: 'GuildTextChat', name: 'general' }) =>
  JSON.stringify({
    guild: { id: '1', name: 'Guild', iconUrl: '' },
    channel,
    dateRange: { after: null, before: null },
    messages,
    messageCount: messages.length,
  });
const user = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  discriminator: '0000',
  nickname: name,
  isBot: false,
  ...extra,
});
const post = (id: string, author: unknown, content: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'Default',
  timestamp: `2024-03-14T20:0${id.slice(-1)}:00+00:00`,
  content,
  author,
  mentions: [],
  ...extra,
});

describe('discordParser on a guild channel export (made/discord/reference-desk.json)', () => {
  const result = parse(fixture('made/discord/reference-desk.json'), 'reference-desk.json');

  it('reads 9 messages by 5 people, 5 of them replies, and skips a join, a bot and a pin', () => {
    expect(counts(result)).toEqual({
      messages: 9,
      authors: 5,
      replies: 5,
      repliesToKnownAuthor: 3,
      withMentions: 3,
      mentions: 3,
      skipped: 3,
    });
    expect(result.skipped).toEqual([
      { record: 2, reason: 'system message (GuildMemberJoin)' },
      { record: 4, reason: 'bot message by LibBot' },
      { record: 8, reason: 'system message (ChannelPinnedMessage)' },
    ]);
    expect(result.warnings).toEqual(['1 bot message(s) left out']);
  });

  it('reads the first message whole, in the chat "<guild> #<channel>"', () => {
    expect(result.messages[0]).toEqual({
      id: '1217925241003573249',
      platform: 'discord',
      chat: 'Library Collective #reference-desk',
      time: '2024-03-14T20:00:05.412Z',
      author: 'discord:ann.reads',
      text: "Q1: What's one tool you can't live without at the reference desk? 📚 #critlib",
      mentions: [],
      hashtags: ['#critlib'],
      kind: 'post',
    });
  });

  it('names reply targets found in the file, never a bot, and keeps replies to messages outside it', () => {
    expect(result.messages.filter((m) => m.kind === 'reply').map((m) => [m.author, m.replyToId, m.replyToAuthor])).toEqual([
      ['discord:bobthearchivist#4821', '1217925241003573249', 'discord:ann.reads'],
      ['discord:ann.reads', '1217926018874998789', 'discord:zoe.m'],
      ['discord:chen_li', '1217925596839936003', 'discord:bobthearchivist#4821'],
      ['discord:bobthearchivist#4821', '1217925721620480004', undefined], // to LibBot
      ['discord:dana_k', '1205252002938880003', undefined], // before the export's date range
    ]);
  });

  it("drops a reply's automatic ping from mentions unless the text names them; bots are never mentioned", () => {
    const byId = (id: string) => result.messages.find((m) => m.id === id)!;
    expect(byId('1217925596839936003').mentions).toEqual([]); // Bob → Ann, pinged, not named
    expect(byId('1217926233824690182').mentions).toEqual(['discord:zoe.m']); // Ann → "@Zoé Martín"
    expect(byId('1217926018874998789').mentions).toEqual(['discord:ann.reads']); // a plain post naming Ann
    expect(byId('1217927320908595211').mentions).toEqual([]); // "@LibBot"
    expect(byId('1217927873906606093').mentions).toEqual(['discord:eli.w']);
  });

  it('reads a forward as a post with the forwarded text, and an attachment-only message as its file names', () => {
    expect(result.messages.find((m) => m.id === '1217927508050051084')).toMatchObject({
      kind: 'post',
      text: 'Reading list for new reference staff: https://example.org/reading-list',
    });
    expect(result.messages.find((m) => m.id === '1217927508050051084')!.replyToId).toBeUndefined();
    expect(result.messages.find((m) => m.id === '1217927167229296649')!.text).toBe('[desk-setup.jpg]');
  });

  it('keys people by username, legacy discriminators kept, with nicknames as names', () => {
    expect(result.people.map((p) => [p.key, p.handle, p.name])).toEqual([
      ['discord:ann.reads', 'ann.reads', 'Ann Okafor'],
      ['discord:bobthearchivist#4821', 'BobTheArchivist#4821', 'Bob Archer'],
      ['discord:zoe.m', 'zoe.m', 'Zoé Martín'],
      ['discord:chen_li', 'chen_li', 'Chen Li'],
      ['discord:dana_k', 'dana_k', 'Dana Kowalski'],
      ['discord:eli.w', 'eli.w', 'Eli Walker'],
    ]);
    expect(result.people[0]!.platformId).toBe('576679890124800001');
  });

  it('normalizes cleanly: one lower-cased chat, Q1 and three A1 answers', () => {
    const normalized = normalizeMessages(result.messages, { fileName: 'reference-desk.json' });
    expect(normalized.skipped).toEqual([]);
    expect(new Set(normalized.messages.map((m) => m.chat))).toEqual(new Set(['library collective #reference-desk']));
    expect(normalized.messages.filter((m) => m.question === 1)).toHaveLength(1);
    expect(normalized.messages.filter((m) => m.answer === 1).map((m) => m.author)).toEqual([
      'discord:bobthearchivist#4821',
      'discord:zoe.m',
      'discord:chen_li',
    ]);
  });
});

describe('discordParser on a thread exported with --markdown false (made/discord/cataloguing-thread-markdown.json)', () => {
  const result = parse(fixture('made/discord/cataloguing-thread-markdown.json'));

  it('reads 3 messages by 3 people into the parent channel, and skips a rename', () => {
    expect(counts(result)).toEqual({
      messages: 3,
      authors: 3,
      replies: 1,
      repliesToKnownAuthor: 1,
      withMentions: 3,
      mentions: 4,
      skipped: 1,
    });
    expect(result.skipped).toEqual([{ record: 3, reason: 'system message (ChannelNameChange)' }]);
    expect(new Set(result.messages.map((m) => m.chat))).toEqual(new Set(['Library Collective #reference-desk']));
  });

  it('renders user, channel, emoji and time markup; an unknown user stays as written', () => {
    expect(result.messages.map((m) => m.text)).toEqual([
      'Anyone know the RDA practice for :zine: zines? cc @Ann Okafor @Zoé Martín',
      '@Chen Li yes! Start with the guide pinned in #reference-desk, and join the call 2024-03-15T20:00:00.000Z',
      '@Ann Okafor thanks, and <@1100000000000000099> might know too',
    ]);
    // `#reference-desk` is a channel link, not a hashtag.
    expect(result.messages.flatMap((m) => m.hashtags)).toEqual([]);
  });

  it('keeps a pinged reply target the text names, and a `<@id>` that mentions[] left out', () => {
    expect(result.messages.map((m) => m.mentions)).toEqual([
      ['discord:ann.reads', 'discord:zoe.m'],
      ['discord:chen_li'],
      ['discord:ann.reads'],
    ]);
    expect(result.messages[1]!.replyToAuthor).toBe('discord:chen_li');
  });
});

describe('discordParser on what it must refuse or skip', () => {
  const ann = user('11', 'ann');

  it('refuses a direct-message export as a whole', () => {
    for (const type of ['DirectTextChat', 'DirectGroupTextChat']) {
      const e = caught(() => parse(exportOf([post('101', ann, 'hi')], { id: '5', type, name: 'ann' }), 'dm.json'));
      expect(e.code).toBe('no_messages');
      expect(e.message).toBe(`dm.json: a Discord direct-message export (${type}); Chat Atlas never imports direct messages`);
    }
  });

  it('skips bad records and reads the rest', () => {
    const result = parse(
      exportOf([
        42,
        post('102', undefined, 'no author'),
        post('103', ann, 'fine'),
        post('104', user('12', ''), 'nameless'),
        { ...post('105', ann, 'when?'), timestamp: 'soon' },
      ]),
    );
    expect(result.messages.map((m) => m.id)).toEqual(['103']);
    expect(result.skipped).toEqual([
      { record: 1, reason: 'not a Discord message (no id or author)' },
      { record: 2, reason: 'not a Discord message (no id or author)' },
      { record: 4, reason: 'author without a name' },
      { record: 5, reason: 'unreadable timestamp "soon"' },
    ]);
    expect(result.messages[0]!.chat).toBe('Guild #general');
  });

  it('says no_messages when only bots and system messages are left', () => {
    const bot = user('13', 'LibBot', { isBot: true });
    const e = caught(() =>
      parse(exportOf([post('106', bot, 'beep'), { ...post('107', ann, 'Joined the server.'), type: 'GuildMemberJoin' }]), 'bots.json'),
    );
    expect(e.code).toBe('no_messages');
    expect(e.message).toBe('bots.json: no messages by people in this Discord export; first problem: bot message by LibBot');
  });

  it('answers unreadable_file for JSON that is not an export, or JSON Lines', () => {
    expect(caught(() => parse('{"messages": []}', 'x.json')).code).toBe('unreadable_file');
    expect(caught(() => parse('{"guild":{}}\n{"guild":{}}\n', 'x.jsonl')).code).toBe('unreadable_file');
  });
});

describe('discordParser.detect', () => {
  it('claims DiscordChatExporter exports', () => {
    for (const f of walk(join(FIXTURES, 'made/discord')))
      expect(discordParser.detect(readFileSync(f, 'utf8').slice(0, 65536)), f).toBeGreaterThanOrEqual(0.5);
  });

  it('scores 0 on every real fixture and on the Teams fixtures', () => {
    const files = [...walk(join(FIXTURES, 'real')), ...walk(join(FIXTURES, 'made/teams'))];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files)
      expect(
        discordParser.detect(
          readFileSync(f, 'utf8')
            .replace(/^\uFEFF/, '')
            .slice(0, 65536),
        ),
        f,
      ).toBe(0);
  });
});
