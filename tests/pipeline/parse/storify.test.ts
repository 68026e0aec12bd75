import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../server/ingest/detect.js';
import { TranscriptError } from '../../../server/ingest/errors.js';
import { storifyParser } from '../../../server/ingest/parse/storify.js';
import { twitterV2Parser } from '../../../server/ingest/parse/twitter-v2.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';
import { counts } from '../../support/parse-counts.js';

const XML = 'storify/docnowcommunity-chat-raw.xml';
const JSON_PAGE = 'storify/docnowcommunity-chat-raw.json';
const fixture = (path: string) => readFileSync(new URL(`../../fixtures/real/${path}`, import.meta.url), 'utf8');

function refusal(read: () => unknown): TranscriptError {
  try {
    read();
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('was read');
}

describe('Storify XML export (real: #DocNowCommunity chat, 14 July 2016, its first 60 elements)', () => {
  const r = storifyParser.parse(fixture(XML), { fileName: 'docnowcommunity-chat-raw.xml' });

  it('reads every quoted tweet, the image tweet and the one retweet among them', () => {
    expect(counts(r)).toEqual({
      messages: 60,
      authors: 24,
      replies: 0,
      withMentions: expect.any(Number),
      mentions: expect.any(Number),
      reposts: 1,
      skipped: 0,
    });
    expect(r.messages.find((m) => m.id === '753638894667649024')).toMatchObject({
      author: 'twitter:yo_bj',
      kind: 'repost',
      repostOf: 'twitter:anarchivist',
      mentions: [],
    });
    // Element 7 is an `image`: its text is still the tweet's.
    expect(r.messages[6]).toMatchObject({ id: '753588434774532098', author: 'twitter:documentnow', time: '2016-07-14T13:54:18.000Z' });
    expect(r.messages[6]!.text).toMatch(/^Join us today for a conversation on social media archiving/);
  });

  it("takes the tweet id from the permalink and the author's name, bio, location and id from the attribution", () => {
    expect(r.messages[0]).toMatchObject({ id: '752584251644604416', author: 'twitter:bergisjules', hashtags: ['#docnowcommunity'] });
    expect(r.people.find((p) => p.handle === 'melissa_hubbard')).toEqual({
      key: 'twitter:melissa_hubbard',
      platform: 'twitter',
      handle: 'melissa_hubbard',
      name: 'Melissa Hubbard',
      bio: 'Head of Special Collections and Archives, @cwru | professional dilettante, nerd, feminist | opinions mine',
      location: 'Cleveland, OH',
      platformId: '164796788',
    });
  });

  it('says the file holds fewer elements than the story (the fixture is cut to 60 of 319)', () => {
    expect(r.warnings).toEqual(["docnowcommunity-chat-raw.xml: Storify export, one page: 60 of the story's 319 elements"]);
  });

  it('is one chat, #docnowcommunity, with the host’s Q1 and Q2 and the answers to Q1', () => {
    const t = readTranscript(Buffer.from(fixture(XML)), { fileName: 'docnowcommunity-chat-raw.xml' });
    expect(t.result.format).toBe('storify');
    expect(new Set(t.messages.map((m) => m.chat))).toEqual(new Set(['#docnowcommunity']));
    const hostQuestions = t.messages.filter((m) => m.author === 'twitter:documentnow' && m.question).map((m) => m.question);
    expect(hostQuestions).toEqual([1, 2]);
    expect(t.messages.filter((m) => m.answer === 1)).toHaveLength(6);
  });
});

describe('Storify JSON export (real: the same story, one page of 20 link elements)', () => {
  it('is told apart from Twitter v2, which claimed it before', () => {
    const head = fixture(JSON_PAGE).slice(0, 65536);
    expect(twitterV2Parser.detect(head)).toBe(0.6);
    expect(storifyParser.detect(head)).toBe(0.95);
    expect(detectFormat(fixture(JSON_PAGE), 'docnowcommunity-chat-raw.json')).toBe('storify');
    expect(detectFormat(fixture(XML), 'docnowcommunity-chat-raw.xml')).toBe('storify');
  });

  it('is refused with a 422 that names it a Storify export, the first record and the XML to upload instead', () => {
    const e = refusal(() => readTranscript(Buffer.from(fixture(JSON_PAGE)), { fileName: 'docnowcommunity-chat-raw.json' }));
    expect(e.statusCode).toBe(422);
    expect(e.message).toBe(
      'docnowcommunity-chat-raw.json: a Storify export ("DocNowCommunity Chat (RAW)"), but its tweets cannot be read: 19 of its 20 elements ' +
        "(the first: record 1) are tweets Storify kept as links, without their text (1 with text). This file is one page of the story: 20 of its 319 elements. Storify's XML export of the story holds the tweets' text: upload that instead.",
    );
    expect(e.details).toMatchObject({ file: 'docnowcommunity-chat-raw.json', record: 1 });
  });
});

describe('broken Storify files get a 422 naming where', () => {
  it('an XML export cut short', () => {
    const cut = fixture(XML).slice(0, 40_000);
    const e = refusal(() => storifyParser.parse(cut, { fileName: 'cut.xml' }));
    expect(e.statusCode).toBe(422);
    expect(e.message).toMatch(/^cut\.xml: the XML ends inside <\w+> \(cut short\?\)$/);
  });

  it('a closing tag that does not match, by line', () => {
    const bad = fixture(XML).replace('<posted_at>2016-07-11T19:24:02.000Z</posted_at>', '<posted_at>2016-07-11T19:24:02.000Z</posted>');
    const e = refusal(() => storifyParser.parse(bad, { fileName: 'bad.xml' }));
    expect(e.message).toBe('bad.xml: line 927: </posted> closes <posted_at>');
    expect(e.details.line).toBe(927);
  });

  it('a story whose elements are all the curator’s text', () => {
    const text = JSON.stringify({
      content: {
        title: 'Notes',
        permalink: 'https://storify.com/x/notes',
        elements: [{ type: 'text', source: { name: 'storify' }, data: { text: 'Welcome' } }],
      },
    });
    const e = refusal(() => storifyParser.parse(text, { fileName: 'notes.json' }));
    expect(e.message).toBe(
      `notes.json: a Storify export ("Notes"), but its tweets cannot be read: none of its 1 elements is a tweet (first skipped: record 1, the story's own text, not a tweet).`,
    );
  });
});

describe('hostile XML', () => {
  it('nested past 200 elements is refused by line, not a stack overflow', () => {
    const deep = `<story><permalink>https://storify.com/x</permalink>${'<a>\n'.repeat(100_000)}`;
    const e = refusal(() => storifyParser.parse(deep, { fileName: 'deep.xml' }));
    expect([e.statusCode, e.message]).toEqual([422, 'deep.xml: line 200: XML nested deeper than 200 elements']);
  });
});
