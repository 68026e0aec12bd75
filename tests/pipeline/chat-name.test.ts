/**
 * Chats whose messages name none are named from the file the way its
 * platform writes export names (server/ingest/chat-name.ts): the real IRC,
 * WhatsApp, Zoom and Bluesky samples read under the names they arrive with,
 * and the rule's parts one by one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatFromFileName, chatNamedByExport, MAX_FILE_CHAT_NAME } from '../../server/ingest/chat-name.js';
import { normalizeMessages } from '../../server/ingest/normalize.js';
import { readFileInto } from '../../server/ingest/read-file.js';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import type { ImportSink } from '../../server/ingest/stream/sink.js';
import { labelChat, MAX_LABEL_CHAT_CHARS } from '../../server/pipeline/community/label.js';
import { fixture } from '../support/app.js';

const chatsOf = (path: string[], fileName: string, extra: { modifiedAt?: number; chat?: string } = {}) => [
  ...new Set(readTranscript(new Uint8Array(fixture('real', ...path)), { fileName, ...extra }).messages.map((m) => m.chat)),
];
const SAVED = Date.UTC(2024, 2, 14, 16, 30);

describe('real samples are named readably, not by their file', () => {
  it.each([
    // [fixture, name it arrives with, chat] — the names of the first rows were "2016-12-19_20.raw", "_chat", … before.
    [['irc', '2016-12-19_20.raw.txt'], '2016-12-19_20.raw.txt', 'irc log 19 dec 2016'],
    [['irc', '2016-12-19_20.raw.txt'], 'ubuntu_2016-12-19.log', '#ubuntu'],
    [['irc', '2016-12-19_20.raw.txt'], 'logs.zip/#ubuntu/2016-12-19.log', '#ubuntu'],
    [['irc-dialects', 'botbot-me', 'fluid-work', '2015', 'fluid-work-2015-10-06.log'], 'fluid-work-2015-10-06.log', '#fluid-work'],
    [['whatsapp', '_chat.txt'], '_chat.txt', 'whatsapp chat parser example'],
    [['whatsapp', '_chat.txt'], 'WhatsApp Chat - Library Folk.zip/_chat.txt', 'library folk'],
    [['whatsapp', 'test_ddmmyy_24hrs.txt'], 'test_ddmmyy_24hrs.txt', 'groupname'],
    [['whatsapp', 'test_ddmmyy_24hrs.txt'], 'WhatsApp Chat with Library Folk.txt', 'library folk'],
    [['zoom', 'test-zoom-chat.txt'], 'test-zoom-chat.txt', 'test-zoom-chat'],
    [['zoom', 'test-zoom-chat.txt'], 'meeting_saved_chat.txt', 'zoom chat'],
    [['zoom', 'zoom-chat-2.txt'], 'zoom.zip/2024-03-14 10.00.00 Library Chat 85012345678/meeting_saved_chat.txt', 'library chat'],
    [['zoom', 'zoom-chat-1.txt'], 'GMT20240314-100000_Recording.txt', 'zoom chat 14 mar 2024'],
    [['bluesky', 'app.bsky.feed.searchPosts-5d343d.json'], 'app.bsky.feed.searchPosts-5d343d.json', 'bluesky search 13 dec 2023'],
  ])('%j as %s → %s', (path, fileName, chat) => {
    expect(chatsOf(path, fileName)).toEqual([chat]);
  });

  it('a Zoom chat saved without a date in its name takes the day it was saved', () => {
    expect(chatsOf(['zoom', 'test-zoom-chat.txt'], 'meeting_saved_chat.txt', { modifiedAt: SAVED })).toEqual(['zoom chat 14 mar 2024']);
  });

  it("the upload's chat field still renames any of them", () => {
    expect(chatsOf(['whatsapp', '_chat.txt'], 'WhatsApp Chat - Library Folk.zip/_chat.txt', { chat: 'Ref Desk' })).toEqual(['ref desk']);
    expect(chatsOf(['irc', '2016-12-19_20.raw.txt'], '2016-12-19_20.raw.txt', { chat: '#ubuntu' })).toEqual(['#ubuntu']);
    expect(chatsOf(['zoom', 'test-zoom-chat.txt'], 'meeting_saved_chat.txt', { chat: 'Webinar' })).toEqual(['webinar']);
  });

  it('a channel the log names in its joins is kept (the file gives its own name)', () => {
    expect(chatsOf(['irc-dialects', 'hexchat-xchat', 'xchat.log'], 'xchat.log')).toEqual(['#gugle']);
  });
});

describe('chatFromFileName', () => {
  it('strips transcript extensions, double ones too, and keeps a name that says something', () => {
    expect(chatFromFileName('uklibchat-2024.jsonl')).toBe('uklibchat-2024');
    expect(chatFromFileName('Team Meeting.txt')).toBe('team meeting');
    expect(chatFromFileName('2013-07-31.yocto.irc.log.html', { platform: 'irc' })).toBe('2013-07-31.yocto');
    expect(chatFromFileName('notes.raw.txt')).toBe('notes');
  });

  it("reads an IRC log's channel from its name as clients and bots write it", () => {
    const irc = { platform: 'irc' as const };
    expect(chatFromFileName('irc.libera.#code4lib.weechatlog', irc)).toBe('#code4lib');
    expect(chatFromFileName('moddata/log/ann_libera_#code4lib_20160101.log', irc)).toBe('#code4lib');
    expect(chatFromFileName('ubuntu_2016-12-19.log', irc)).toBe('#ubuntu');
    expect(chatFromFileName('2009-01-15-dircproxy.log', irc)).toBe('2009-01-15-dircproxy');
    // Only an IRC log's name is read so: a table called this is not a channel.
    expect(chatFromFileName('ubuntu_2016-12-19.csv', { platform: 'twitter' })).toBe('ubuntu_2016-12-19');
  });

  it('a date-only or default name becomes the kind of chat and its day, from the name, else the first message', () => {
    expect(chatFromFileName('2016-12-19_20.raw.txt', { platform: 'irc', firstTime: '2016-12-20T04:14:00.000Z' })).toBe(
      'irc log 19 dec 2016',
    );
    expect(chatFromFileName('_chat.txt', { platform: 'whatsapp', firstTime: '2019-06-20T15:58:53.000Z' })).toBe(
      'whatsapp chat 20 jun 2019',
    );
    expect(chatFromFileName('export.csv', { platform: 'twitter', firstTime: '2024-01-05T20:00:00.000Z' })).toBe('tweets 5 jan 2024');
    expect(chatFromFileName('20240105.csv', {})).toBe('chat 5 jan 2024');
  });

  it('gives no day rather than 1970 for an undated file', () => {
    expect(chatFromFileName('meeting_saved_chat.txt', { platform: 'zoom', firstTime: '1970-01-01T10:01:00.000Z' })).toBe('zoom chat');
  });

  it('cuts a long name at a word', () => {
    const name = chatFromFileName('Minutes of the regional reference librarians quarterly meeting with guests from the county.txt');
    expect(name).toBe('minutes of the regional reference librarians…');
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_CHAT_NAME + 1);
  });
});

describe('chatNamedByExport', () => {
  it("reads WhatsApp's export names in several languages", () => {
    expect(chatNamedByExport('WhatsApp Chat with Library Folk.txt')).toBe('library folk');
    expect(chatNamedByExport('WhatsApp Chat mit Bibliothek Team.txt')).toBe('bibliothek team');
    expect(chatNamedByExport('Chat de WhatsApp con Biblio Amigos.txt')).toBe('biblio amigos');
    expect(chatNamedByExport('whatsapp-export-2024.txt')).toBeUndefined();
  });

  it("a Zoom folder's topic names only Zoom's default file inside it", () => {
    expect(chatNamedByExport('2024-03-14 10.00.00 Library Chat 85012345678/meeting_saved_chat.txt')).toBe('library chat');
    expect(chatNamedByExport('2024-03-14 10.00.00 Library Chat 85012345678/notes.txt')).toBeUndefined();
  });

  it("the export's name wins over what the text calls it (the name at export time)", () => {
    expect(chatNamedByExport('WhatsApp Chat with Library Folk.txt', 'Old Name')).toBe('library folk');
    expect(chatNamedByExport('_chat.txt', 'Ref Desk: spring')).toBe('ref desk: spring');
  });
});

describe('normalize: a named file keeps its name for every message', () => {
  it('a WhatsApp group subject beats a hashtag most messages carry', () => {
    const msg = (id: string, minute: number) => ({
      id,
      platform: 'whatsapp' as const,
      author: `whatsapp:u${id}`,
      time: `2024-01-01T20:0${minute}:00.000Z`,
      text: 'see #ukmedlibs',
      hashtags: ['#ukmedlibs'],
      mentions: [],
      kind: 'post' as const,
    });
    const { messages } = normalizeMessages([msg('1', 0), msg('2', 1)], { fileName: '_chat.txt', named: 'Med Libs' });
    expect(messages.map((m) => m.chat)).toEqual(['med libs', 'med libs']);
  });
});

describe('normalize: a chunk of a big file', () => {
  it("names a default-named file by its kind alone, the same in every chunk, not by each chunk's first day", () => {
    const msg = (id: string, day: string) => ({
      id,
      platform: 'bluesky' as const,
      author: `bluesky:u${id}`,
      time: `${day}T20:00:00.000Z`,
      text: 'hello',
      hashtags: [],
      mentions: [],
      kind: 'post' as const,
    });
    const fileName = 'app.bsky.feed.searchPosts-5d343d.jsonl';
    const chunks = [[msg('1', '2023-12-13')], [msg('2', '2023-12-14')]];
    expect(chunks.map((c) => normalizeMessages(c, { fileName, dayFromMessages: false }).messages[0]!.chat)).toEqual([
      'bluesky search',
      'bluesky search',
    ]);
    expect(chunks.map((c) => normalizeMessages(c, { fileName }).messages[0]!.chat)).toEqual([
      'bluesky search 13 dec 2023',
      'bluesky search 14 dec 2023',
    ]);
  });
});

describe('a big file read in chunks', () => {
  it('is one chat, whatever day each chunk starts on (real twarc2 flat JSONL saved as results.jsonl)', async () => {
    const file = path.join(import.meta.dirname, '..', 'fixtures', 'real', 'twitter-v2', 'flat.jsonl');
    const chats = new Map<string, number>();
    let batches = 0;
    const sink: ImportSink = {
      beginFile: () => 0,
      stage: async (_file, messages) => {
        batches++;
        for (const m of messages) chats.set(m.chat, (chats.get(m.chat) ?? 0) + 1);
      },
      endFile: () => {},
      progress: () => {},
    };
    await readFileInto({ path: file, fileName: 'results.jsonl', size: fs.statSync(file).size }, sink, {
      wholeReadBytes: 0,
      chunkBytes: 4096,
    });
    expect(batches).toBeGreaterThan(1);
    expect([...chats]).toEqual([['tweets', 29]]);
  });
});

describe('labelChat', () => {
  it('leaves a short chat and cuts a long one at a word', () => {
    expect(labelChat('irc log 19 dec 2016')).toBe('irc log 19 dec 2016');
    const long = labelChat('regional reference librarians quarterly meeting');
    expect(long).toBe('regional reference librarians…');
    expect(long.length).toBeLessThanOrEqual(MAX_LABEL_CHAT_CHARS);
  });
});
