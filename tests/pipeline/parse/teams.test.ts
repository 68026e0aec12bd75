import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { normalizeMessages } from '../../../server/ingest/normalize.js';
import { teamsParser } from '../../../server/ingest/parse/teams.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught } from '../../support/transcript-error.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const parse = (text: string, fileName = 'messages.json') => teamsParser.parse(text, { fileName });
const ParsedSchema = MessageSchema.omit({ chat: true, question: true, answer: true });
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));

const ANN = 'teams:3f0b6a52-8c1d-4e7a-b2f9-6d4c8e1a0b37';
const BOB = 'teams:a81c2e94-5d3b-47f0-9e6a-0c2b4d8f1e53';
const ZOE = 'teams:e6d4b1a8-2f9c-4b3e-8d7a-5c1e9f0b2d46';
const CHEN = 'teams:7b2f9e40-c6a1-4d58-b3e7-1f0a8c2d9e65';
const DANA = 'teams:d03a7c5e-9b41-4f6d-a2c8-8e5b1d7f3a92';
const ELI = 'teams:1c9e5f7a-3d2b-4a80-9f6e-b7d0c4a2e819';

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

type Json = Record<string, unknown>;
const channelPage = JSON.parse(fixture('made/teams/channel-messages.json')) as { value: Json[] };
const chatPage = JSON.parse(fixture('made/teams/chat-messages.json')) as { value: Json[] };

describe('teamsParser on a channel messages page with expanded replies (made/teams/channel-messages.json)', () => {
  const result = parse(fixture('made/teams/channel-messages.json'), 'channel-messages.json');

  it('reads 6 messages by 5 people, 4 of them replies, and skips a deleted message, a bot and a system event', () => {
    expect(counts(result)).toEqual({
      messages: 6,
      authors: 5,
      replies: 4,
      repliesToKnownAuthor: 4,
      withMentions: 3,
      mentions: 4,
      skipped: 3,
    });
    // Records count messages in file order, each root's replies right after it.
    expect(result.skipped).toEqual([
      { record: 6, reason: 'deleted message' },
      { record: 7, reason: 'bot or app message by Polly' },
      { record: 9, reason: 'systemEventMessage: not a message' },
    ]);
    expect(result.warnings).toEqual(['1 bot or app message(s) left out']);
  });

  it('reads a root post whole: subject, HTML to text, `<at>` mentions as @names', () => {
    expect(result.messages.find((m) => m.id === '1710446400117')).toEqual({
      id: '1710446400117',
      platform: 'teams',
      chat: 'Reference Desk',
      time: '2024-03-14T20:00:00.117Z',
      author: ANN,
      text: "Q1: Tools you can't live without\n\nWhat's one tool you can't live without at the desk? 📚 Ideas welcome, @Bob Archer and @Zoé.",
      mentions: [BOB, ZOE],
      hashtags: [],
      kind: 'post',
    });
  });

  it('links channel replies to their root and its author, and keeps emoji and accents', () => {
    expect(result.messages.filter((m) => m.kind === 'reply').map((m) => [m.author, m.replyToId, m.replyToAuthor, m.text])).toEqual([
      [ANN, '1710447000905', DANA, 'Thanks Dana!'],
      [BOB, '1710446400117', ANN, 'A1: Zotero, every single day 👍'],
      [ZOE, '1710446400117', ANN, 'A1 : le catalogue collectif, évidemment ! Merci @Ann Okafor'],
      [CHEN, '1710446400117', ANN, 'A1: Zotero here too, and a good coffee ☕'],
    ]);
  });

  it('names the chat from the channel-renamed event', () => {
    expect(new Set(result.messages.map((m) => m.chat))).toEqual(new Set(['Reference Desk']));
  });

  it('keys people by Azure AD id with the display name as handle and name', () => {
    expect(result.people.map((p) => [p.key, p.handle, p.name])).toEqual([
      [DANA, 'Dana Kowalski', 'Dana Kowalski'],
      [ANN, 'Ann Okafor', 'Ann Okafor'],
      [BOB, 'Bob Archer', 'Bob Archer'],
      [ZOE, 'Zoé Martín', 'Zoé Martín'],
      [CHEN, 'Chen Li', 'Chen Li'],
      [ELI, 'Eli Walker', 'Eli Walker'], // only mentioned
    ]);
    expect(result.people[0]!.platformId).toBe('d03a7c5e-9b41-4f6d-a2c8-8e5b1d7f3a92');
  });

  it('normalizes cleanly: Q1 from the subject, three A1 answers, #critlib kept', () => {
    const normalized = normalizeMessages(result.messages, { fileName: 'channel-messages.json' });
    expect(normalized.skipped).toEqual([]);
    expect(normalized.messages.filter((m) => m.question === 1).map((m) => m.author)).toEqual([ANN]);
    expect(normalized.messages.filter((m) => m.answer === 1).map((m) => m.author)).toEqual([BOB, ZOE, CHEN]);
    expect(normalized.messages.find((m) => m.author === DANA)!.hashtags).toEqual(['#critlib']);
  });
});

describe('teamsParser on a meeting chat page (made/teams/chat-messages.json)', () => {
  const result = parse(fixture('made/teams/chat-messages.json'), 'chat-messages.json');

  it('reads 4 messages by 4 people, 2 quote replies, and skips 2 system events', () => {
    expect(counts(result)).toEqual({
      messages: 4,
      authors: 4,
      replies: 2,
      repliesToKnownAuthor: 2,
      withMentions: 1,
      mentions: 1,
      skipped: 2,
    });
    expect(result.skipped).toEqual([
      { record: 5, reason: 'systemEventMessage: not a message' },
      { record: 6, reason: 'systemEventMessage: not a message' },
    ]);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.messages.map((m) => m.chat))).toEqual(new Set(['Library Collective Teach-Meet']));
  });

  it('reads a chat reply from its messageReference attachment, even when the quoted message is not in the file', () => {
    expect(result.messages.filter((m) => m.kind === 'reply').map((m) => [m.author, m.replyToId, m.replyToAuthor, m.text])).toEqual([
      [CHEN, '1709914800000', DANA, 'Picking up from last week: the slides are in Files.'],
      [ZOE, '1710532845210', ANN, 'Bonjour ! Zoé, bibliothèque universitaire de Lyon'],
    ]);
    expect(result.people.map((p) => p.key)).toEqual([CHEN, ZOE, BOB, ANN, DANA]);
  });

  it('reads text bodies as they are and a shortened @mention by the user it names', () => {
    expect(result.messages.find((m) => m.author === ANN)!.text).toBe('Welcome everyone! Intros in the chat please 👋');
    expect(result.messages.find((m) => m.author === BOB)).toMatchObject({
      text: 'Hi all, Bob from the county archives. @Ann, thanks for hosting!',
      mentions: [ANN],
    });
  });
});

describe('teamsParser on other containers and on what it must refuse', () => {
  it('reads a bare array of chatMessage and JSON Lines of pages', () => {
    expect(counts(parse(JSON.stringify(chatPage.value)))).toMatchObject({ messages: 4, skipped: 2 });
    const lines = `${JSON.stringify(channelPage)}\nnot json\n${JSON.stringify(chatPage)}\n`;
    const result = parse(lines, 'pages.jsonl');
    expect(counts(result)).toMatchObject({ messages: 10, authors: 5, replies: 6, skipped: 6 });
    expect(result.skipped.map((s) => s.line)).toEqual([1, 1, 1, 2, 3, 3]);
    expect(result.skipped[3]).toEqual({ line: 2, reason: 'not valid JSON: not json' });
  });

  it('leaves the chat to normalize and warns when several unnamed conversations share a file', () => {
    const unnamed = [...channelPage.value, ...chatPage.value].filter((m) => m.messageType === 'message');
    const result = parse(JSON.stringify(unnamed));
    expect(result.messages.every((m) => m.chat === undefined)).toBe(true);
    expect(result.warnings).toContain(
      "messages from 2 channels or chats; 2 without a name in the file share one chat (the upload's chat or the file name)",
    );
  });

  it('refuses a one-on-one chat: direct messages are never imported', () => {
    const dm = chatPage.value.map((m) => ({
      ...m,
      chatId: '19:3f0b6a52-8c1d-4e7a-b2f9-6d4c8e1a0b37_a81c2e94-5d3b-47f0-9e6a-0c2b4d8f1e53@unq.gbl.spaces',
    }));
    const e = caught(() => parse(JSON.stringify({ value: dm }), 'dm.json'));
    expect(e.code).toBe('no_messages');
    expect(e.message).toBe('dm.json: a one-on-one chat; Chat Atlas never imports direct messages');
  });

  it('takes a broken messageReference as a reply to its attachment id, with no author', () => {
    const quoted = chatPage.value.find((m) => Array.isArray(m.attachments) && m.attachments.length > 0)!;
    const broken = { ...quoted, attachments: [{ id: '1700000000000', contentType: 'messageReference', content: '{not json' }] };
    expect(parse(JSON.stringify([broken])).messages[0]).toMatchObject({ kind: 'reply', replyToId: '1700000000000' });
    expect(parse(JSON.stringify([broken])).messages[0]!.replyToAuthor).toBeUndefined();
  });

  it('skips records it cannot read and says no_messages when none is left', () => {
    const e = caught(() =>
      parse(
        JSON.stringify({ value: [{ id: '1', messageType: 'message', createdDateTime: '2024-03-14T20:00:00Z', from: null }, 7] }),
        'odd.json',
      ),
    );
    expect(e.code).toBe('no_messages');
    expect(e.message).toBe('odd.json: no messages by people; first problem: message without a sender');
    expect(caught(() => parse('{"data": []}', 'x.json')).code).toBe('unreadable_file');
  });
});

describe('teamsParser.detect', () => {
  it('claims Graph chatMessage pages', () => {
    for (const f of walk(join(FIXTURES, 'made/teams')))
      expect(teamsParser.detect(readFileSync(f, 'utf8').slice(0, 65536)), f).toBeGreaterThanOrEqual(0.5);
    expect(teamsParser.detect(JSON.stringify(chatPage.value))).toBeGreaterThanOrEqual(0.5);
  });

  it('scores 0 on every real fixture and on the Discord fixtures', () => {
    const files = [...walk(join(FIXTURES, 'real')), ...walk(join(FIXTURES, 'made/discord'))];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files)
      expect(
        teamsParser.detect(
          readFileSync(f, 'utf8')
            .replace(/^\uFEFF/, '')
            .slice(0, 65536),
        ),
        f,
      ).toBe(0);
  });
});
