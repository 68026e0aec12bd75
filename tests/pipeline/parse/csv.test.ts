import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { csvParser, readAuthor, readTableDate } from '../../../server/ingest/parse/csv.js';
import { mastodonParser } from '../../../server/ingest/parse/mastodon.js';
import { tagsCsvParser } from '../../../server/ingest/parse/tags-csv.js';
import { contentId } from '../../../server/ingest/parse/text.js';
import { caught } from '../../support/transcript-error.js';
import { counts } from '../../support/parse-counts.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (text: string, fileName = 'test.csv') => csvParser.parse(text, { fileName });

describe('csvParser on a Netlytic-style export (made/csv/netlytic.csv, CRLF)', () => {
  const result = parse(fixture('made/csv/netlytic.csv'), 'netlytic.csv');

  it('reads every row', () => {
    expect(counts(result)).toEqual({ messages: 5, authors: 5, replies: 2, withMentions: 2, mentions: 3, reposts: 1, skipped: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('takes the guid as id (Netlytic `id` is a row number) and a content hash where there is none', () => {
    expect(result.messages.map((m) => m.id)).toEqual([
      'https://twitter.com/ann_lib/statuses/1768347200000000001',
      'https://twitter.com/bob_books/statuses/1768347451234567890',
      'https://example.org/feed/item/3',
      'https://twitter.com/dave_j/statuses/1768347700000000004',
      contentId('csv:erin', '2024-03-14T00:00:00.000Z', 'A1: volunteering, then a degree'),
    ]);
  });

  it('reads `to` as the reply target, RFC 2822 and short Netlytic dates, and `RT @x:` as a repost', () => {
    const [ann, bob, carol, dave, erin] = result.messages;
    expect(ann).toMatchObject({ author: 'csv:ann_lib', time: '2024-03-14T20:00:00.000Z', kind: 'post', hashtags: ['#uklibchat'] });
    expect(bob).toMatchObject({ author: 'csv:bob_books', kind: 'reply', replyToAuthor: 'csv:ann_lib', mentions: ['csv:ann_lib'] });
    expect(carol).toMatchObject({
      author: 'csv:carol@example.org',
      time: '2024-03-14T20:02:00.000Z',
      kind: 'reply',
      replyToAuthor: 'csv:ann_lib',
      mentions: ['csv:ann_lib', 'csv:bob_books'],
      hashtags: ['#uklibchat'],
    });
    expect(dave).toMatchObject({ author: 'csv:dave_j', kind: 'repost', repostOf: 'csv:ann_lib', mentions: [] });
    expect(erin).toMatchObject({ author: 'csv:erin', time: '2024-03-14T00:00:00.000Z', text: 'A1: volunteering, then a degree' });
    expect(result.messages.every((m) => m.platform === 'csv' && m.chat === undefined)).toBe(true);
  });

  it('splits `address (Name)` and `Name (handle)` authors into handle and profile name', () => {
    expect(result.people).toEqual([
      { key: 'csv:ann_lib', platform: 'csv', handle: 'ann_lib', location: 'Leeds, UK' },
      { key: 'csv:bob_books', platform: 'csv', handle: 'bob_books' },
      { key: 'csv:carol@example.org', platform: 'csv', handle: 'carol@example.org', name: 'Carol Smith' },
      { key: 'csv:dave_j', platform: 'csv', handle: 'dave_j', name: 'Dave Jones', location: 'Bristol' },
      { key: 'csv:erin', platform: 'csv', handle: 'erin' },
    ]);
  });
});

describe("csvParser on Netlytic's Twitter export columns", () => {
  // The column list of Netlytic's Twitter dataset export, as tools that write it reproduce it.
  const header =
    'id,guid,link,pubdate,author,title,description,source,user_id,profile_image_url,user_statuses_count,user_friends_count,user_followers_count,user_created_at,user_bio,user_location,lang,coords';
  const row = (id: number, user: string, text: string, time: string) =>
    `${id},https://twitter.com/${user}/statuses/17683472000000000${id},https://twitter.com/${user}/statuses/17683472000000000${id},${time},${user},"${text}","${text}",Twitter Web App,10${id},https://pbs.twimg.com/x.jpg,5,5,5,2015-01-01 10:00:00,"Librarian, ${user}",York,en,`;
  const result = parse(
    [
      header,
      row(1, 'ann_lib', '@bob A1: yes #uklibchat', '2024-03-14 20:01:00'),
      row(2, 'bob', 'RT @ann_lib: @bob A1: yes', '2024-03-14 20:02:00'),
    ].join('\n'),
  );

  it('reads it unchanged, with profile id, bio and location', () => {
    expect(counts(result)).toEqual({ messages: 2, authors: 2, replies: 0, withMentions: 1, mentions: 1, reposts: 1, skipped: 0 });
    expect(result.messages[0]).toEqual({
      id: 'https://twitter.com/ann_lib/statuses/176834720000000001',
      platform: 'csv',
      time: '2024-03-14T20:01:00.000Z',
      author: 'csv:ann_lib',
      text: '@bob A1: yes #uklibchat',
      mentions: ['csv:bob'],
      hashtags: ['#uklibchat'],
      kind: 'post',
    });
    expect(result.people[0]).toEqual({
      key: 'csv:ann_lib',
      platform: 'csv',
      handle: 'ann_lib',
      location: 'York',
      bio: 'Librarian, ann_lib',
      platformId: '101',
    });
  });
});

describe('csvParser on a CSV with bad rows (made/csv/bad-rows.csv)', () => {
  const result = parse(fixture('made/csv/bad-rows.csv'), 'bad-rows.csv');

  it('skips the two bad rows with their file lines, after a three-line field', () => {
    expect(counts(result)).toEqual({ messages: 5, authors: 5, replies: 2, withMentions: 1, mentions: 2, reposts: 0, skipped: 2 });
    expect(result.skipped).toEqual([
      { line: 6, reason: 'unreadable date "not a date"' },
      { line: 8, reason: 'expected 7 fields, found 5' },
    ]);
  });

  it('matches columns case-insensitively and reads ids, reply ids, chats, offsets and epoch times', () => {
    expect(result.messages.map((m) => [m.id, m.author, m.time])).toEqual([
      ['m1', 'csv:ann', '2024-03-14T20:00:00.000Z'],
      ['m2', 'csv:bob', '2024-03-14T20:01:30.000Z'],
      ['m4', 'csv:dave', '2024-03-14T19:03:00.000Z'],
      ['m6', 'csv:frank', '2024-03-14T20:05:00.000Z'],
      ['m7', 'csv:gina', '2024-03-14T20:06:00.000Z'],
    ]);
    expect(result.messages[1]).toMatchObject({
      text: 'A1: the\nmulti-line\nanswer, with "quotes"',
      replyToId: 'm1',
      replyToAuthor: 'csv:ann',
      kind: 'reply',
      chat: '#uklibchat',
    });
    expect(result.messages[2]!.mentions).toEqual(['csv:bob', 'csv:ann']);
    expect(result.messages[4]).toMatchObject({ replyToId: 'm6', replyToAuthor: 'csv:frank', kind: 'reply' });
  });
});

describe('csvParser errors', () => {
  it('asks for a mapping, naming missing and found columns, with sample rows and guesses (made/csv/missing-text.csv)', () => {
    const error = caught(() => parse(fixture('made/csv/missing-text.csv'), 'missing-text.csv'));
    expect(error.code).toBe('needs_mapping');
    expect(error.statusCode).toBe(422);
    expect(error.message).toMatch(/^missing-text\.csv: which columns hold text\? .*found: author, to, pubdate, link$/);
    expect(error.details).toMatchObject({
      file: 'missing-text.csv',
      line: 1,
      missing: ['text'],
      header: ['author', 'to', 'pubdate', 'link'],
    });
    expect((error.details.sample as string[][])[0]).toEqual(['ann_lib', '', '2024-03-14 20:00:00', 'https://example.org/1']);
    expect(error.details.guesses).toMatchObject({ time: 'pubdate', author: 'author' });
  });

  it('lists every missing column', () => {
    const error = caught(() => parse('who,what\nann,hi\n'));
    expect(error.details.missing).toEqual(['author', 'text', 'time']);
  });

  it('fails with no_messages at the first bad line when every row is bad', () => {
    const error = caught(() => parse('author,text,date\nann,hi,someday\nbob,"two\nlines",never\n'));
    expect(error.code).toBe('no_messages');
    expect(error.details.line).toBe(2);
    expect(error.message).toBe('test.csv: no readable rows; first problem at line 2: unreadable date "someday"');
    expect(caught(() => parse('author,text,date\n')).details.line).toBe(1);
  });
});

describe('csvParser columns', () => {
  it('gives the same id to the same row imported twice, in any order, when there is no id column', () => {
    const a = parse('author,text,time\nann,hi,2024-03-14 20:00\nbob,yo,2024-03-14 20:01\n');
    const b = parse('author,text,time\nbob,yo,2024-03-14 20:01\nann,hi,2024-03-14 20:00\n');
    expect(a.messages.map((m) => m.id).sort()).toEqual(b.messages.map((m) => m.id).sort());
    expect(a.messages[0]!.id).toBe(contentId('csv:ann', '2024-03-14T20:00:00.000Z', 'hi'));
  });

  it('ignores an id column that only numbers the rows, unless replies refer to it, and keeps real ids', () => {
    const numbered = parse('id,author,text,time\n1,ann,hi,2024-03-14 20:00\n2,bob,yo,2024-03-14 20:01\n');
    expect(numbered.messages[0]!.id).toBe(contentId('csv:ann', '2024-03-14T20:00:00.000Z', 'hi'));
    const real = parse('id,author,text,time\n17,ann,hi,2024-03-14 20:00\n42,bob,yo,2024-03-14 20:01\n');
    expect(real.messages.map((m) => m.id)).toEqual(['17', '42']);
    const threaded = parse('id,author,text,time,reply_to_id\n1,ann,hi,2024-03-14 20:00,\n2,bob,yo,2024-03-14 20:01,1\n');
    expect(threaded.messages.map((m) => [m.id, m.replyToId])).toEqual([
      ['1', undefined],
      ['2', '1'],
    ]);
  });

  it('reads a platform column, falling back to csv with a warning', () => {
    const r = parse(
      'platform,username,content,datetime\nMastodon,ann@glammr.us,hi @bob@x.social,2024-03-14T20:00:00Z\nfacebook,bob,yo,2024-03-14T20:01:00Z\n',
    );
    expect(r.messages.map((m) => [m.platform, m.author, m.mentions])).toEqual([
      ['mastodon', 'mastodon:ann@glammr.us', ['mastodon:bob@x.social']],
      ['csv', 'csv:bob', []],
    ]);
    expect(r.warnings).toEqual(['unknown platform facebook: read as csv']);
  });

  it('joins separate date and time columns, and prefixes a bare hashtag column with #', () => {
    const r = parse('date,time,sender,body,hashtag\n2024-03-14,20:00,ann,hi,UKLibChat\n2024-03-14,8:05:30,bob,yo,#critlib\n');
    expect(r.messages.map((m) => [m.time, m.chat])).toEqual([
      ['2024-03-14T20:00:00.000Z', '#uklibchat'],
      ['2024-03-14T08:05:30.000Z', '#critlib'],
    ]);
  });

  it('reads several reply targets as one reply and extra mentions, with spaced column names', () => {
    const r = parse(
      'From,Reply To,Text,Created At\nann,"@bob @carol",thanks both,2024-03-14T20:00:00Z\ndave,Bob Smith,hello,2024-03-14T20:01:00Z\n',
    );
    expect(r.messages[0]).toMatchObject({ replyToAuthor: 'csv:bob', mentions: ['csv:carol'], kind: 'reply' });
    expect(r.messages[1]).toMatchObject({ replyToAuthor: 'csv:bob smith', mentions: [], kind: 'reply' });
  });
});

describe('readTableDate', () => {
  it.each([
    ['2024-03-14T20:00:00Z', '2024-03-14T20:00:00.000Z'],
    ['2024-03-14T20:00:00.123456+01:00', '2024-03-14T19:00:00.123Z'],
    ['2024-03-14 20:00:00', '2024-03-14T20:00:00.000Z'],
    ['2024-03-14 20:00', '2024-03-14T20:00:00.000Z'],
    ['2024-03-14', '2024-03-14T00:00:00.000Z'],
    ['Wed, 14 Mar 2024 20:00:00 +0000', '2024-03-14T20:00:00.000Z'],
    ['14 Mar 2024 15:00:00 EST', '2024-03-14T20:00:00.000Z'],
    ['Sun Apr 19 19:22:23 +0000 2020', '2020-04-19T19:22:23.000Z'],
    ['1710446400', '2024-03-14T20:00:00.000Z'],
    ['1710446400000', '2024-03-14T20:00:00.000Z'],
    ['24-03-14', '2024-03-14T00:00:00.000Z'],
    ['14/03/2024 20:00', '2024-03-14T20:00:00.000Z'],
    ['05/05/2017 01:53:49', '2017-05-05T01:53:49.000Z'],
    ['42860.079039351855', '2017-05-05T01:53:49.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(readTableDate(raw)).toBe(iso);
  });

  it.each(['not a date', '2024-02-30 10:00:00', '2024-13-01', '14/13/2024 20:00', '2024', '12345'])('refuses %s', (raw) => {
    expect(readTableDate(raw)).toBeUndefined();
  });

  it('reads a time without a zone as UTC whatever the server time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(2024, 2, 14, 20).toISOString()).toBe('2024-03-15T00:00:00.000Z'); // the zone really changed
      expect(readTableDate('2024-03-14 20:00:00')).toBe('2024-03-14T20:00:00.000Z');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('readAuthor', () => {
  it.each([
    ['ann_lib', { handle: 'ann_lib' }],
    ['@ann_lib', { handle: 'ann_lib' }],
    ['ann@example.org (Ann Smith)', { handle: 'ann@example.org', name: 'Ann Smith' }],
    ['Ann Smith (ann_lib)', { handle: 'ann_lib', name: 'Ann Smith' }],
    ['Ann (@ann_lib)', { handle: 'ann_lib', name: 'Ann' }],
    ['Ann Smith (Library Services)', { handle: 'Ann Smith (Library Services)' }],
  ])('reads %s', (raw, expected) => {
    expect(readAuthor(raw)).toEqual(expected);
  });
});

describe('csvParser.detect', () => {
  it('scores a CSV with author, text and time columns 0.6, less for each one missing', () => {
    expect(csvParser.detect(fixture('made/csv/netlytic.csv'))).toBe(0.6);
    expect(csvParser.detect(fixture('made/csv/bad-rows.csv'))).toBe(0.6);
    expect(csvParser.detect(fixture('made/csv/missing-text.csv'))).toBe(0.45);
    expect(csvParser.detect('name,email\nAnn,ann@example.org\n')).toBe(0.3);
    expect(csvParser.detect('colour,size\nred,2\n')).toBe(0.3); // a table: parse asks for a mapping
    expect(csvParser.detect('colour,size\n')).toBe(0.05);
    expect(csvParser.detect('Dear diary, today I went to the library.\n')).toBe(0.05);
  });

  it('scores a TAGS export lower than the TAGS parser does', () => {
    const head = fixture('real/tags-csv/sample-data.csv');
    expect(csvParser.detect(head)).toBe(0.6);
    expect(tagsCsvParser.detect(head)).toBeGreaterThan(csvParser.detect(head));
  });

  it('scores JSON and chat logs 0', () => {
    for (const path of [
      'real/twitter-v1.1/get_mentions.json',
      'real/mastodon/tag_timeline.json',
      'made/mastodon/local-direct-boost.json',
      'real/bluesky/app.bsky.feed.searchPosts-5d343d.json',
      'real/twitter-v2/flat.jsonl',
      'real/whatsapp/_chat.txt',
      'real/zoom/zoom-chat-1.txt',
      'real/irc/2016-12-19_20.raw.txt',
    ]) {
      expect(csvParser.detect(fixture(path).slice(0, 65536)), path).toBe(0);
    }
    expect(mastodonParser.detect(fixture('made/csv/netlytic.csv'))).toBe(0);
  });
});
