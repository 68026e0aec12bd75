import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { twitterV1Parser } from '../../../server/ingest/parse/twitter-v1.js';
import { twitterV2Parser } from '../../../server/ingest/parse/twitter-v2.js';
import type { ParsedMessage, ParseResult } from '../../../server/ingest/parse/types.js';
import { caught as thrown } from '../../support/transcript-error.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (path: string) => twitterV1Parser.parse(fixture(path), { fileName: path.split('/').pop()! });
const head = (path: string) => fixture(path).slice(0, 64 * 1024);
const ParsedMessageSchema = MessageSchema.omit({ chat: true, question: true, answer: true });

function summary(result: ParseResult) {
  const ms = result.messages;
  const count = (f: (m: ParsedMessage) => boolean) => ms.filter(f).length;
  return {
    messages: ms.length,
    authors: new Set(ms.map((m) => m.author)).size,
    replies: count((m) => m.kind === 'reply'),
    withReplyToId: count((m) => m.replyToId !== undefined),
    withMentions: count((m) => m.mentions.length > 0),
    mentions: ms.reduce((n, m) => n + m.mentions.length, 0),
    reposts: count((m) => m.kind === 'repost'),
    quotes: count((m) => m.kind === 'quote'),
  };
}

const byId = (result: ParseResult, id: string) => result.messages.find((m) => m.id === id);

describe('twitter-v1 on a real v1.1 JSON array (get_mentions.json)', () => {
  const result = parse('real/twitter-v1.1/get_mentions.json');

  it('reads every status with exact counts', () => {
    expect(summary(result)).toEqual({
      messages: 19,
      authors: 15,
      replies: 10,
      withReplyToId: 13,
      withMentions: 16,
      mentions: 25,
      reposts: 3,
      quotes: 2,
    });
    expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('gives schema-valid messages and profiles, ids from id_str', () => {
    for (const m of result.messages) expect(ParsedMessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of result.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
    const raw = JSON.parse(fixture('real/twitter-v1.1/get_mentions.json')) as { id_str: string }[];
    expect(result.messages.map((m) => m.id)).toEqual(raw.map((s) => s.id_str));
    const times = result.messages.map((m) => m.time).sort();
    expect([times[0], times.at(-1)]).toEqual(['2015-11-15T15:58:23.000Z', '2015-12-13T21:14:54.000Z']);
  });

  it('reads a reply chain between two non-bot users', () => {
    expect(byId(result, '674322457717694469')).toEqual({
      id: '674322457717694469',
      platform: 'twitter',
      time: '2015-12-08T20:19:36.000Z',
      author: 'twitter:__jcbl__',
      text: "@merveille @himawari8bot anyway, more info here if you're curious https://t.co/s3mTGUG2If",
      mentions: ['twitter:merveille', 'twitter:himawari8bot'],
      hashtags: [],
      kind: 'reply',
      replyToId: '674285923211849728',
      replyToAuthor: 'twitter:merveille',
    });
    expect(byId(result, '666044202632019968')).toMatchObject({
      author: 'twitter:zseward',
      replyToAuthor: 'twitter:simonwilliam',
      kind: 'reply',
    });
  });

  it('makes a manual "RT @x:" a repost without mentions, keeping its reply target', () => {
    expect(byId(result, '671005208403705858')).toMatchObject({
      author: 'twitter:caliadomenico',
      kind: 'repost',
      repostOf: 'twitter:himawari8bot',
      mentions: [],
      replyToId: '670983005054353408',
      replyToAuthor: 'twitter:himawari8bot',
    });
  });

  it('makes quote tweets quotes of the quoted author, with their own hashtags', () => {
    expect(byId(result, '674691080227540993')).toMatchObject({
      kind: 'quote',
      repostOf: 'twitter:nasagoddard',
      mentions: ['twitter:himawari8bot'],
    });
    expect(byId(result, '668698218901979136')).toMatchObject({ kind: 'quote', repostOf: 'twitter:himawari8bot', hashtags: ['#космос'] });
  });

  it('unescapes the HTML entities Twitter puts in text', () => {
    expect(byId(result, '670894684365914114')?.text.startsWith('Wind shear, open cell cumulus, & others')).toBe(true);
  });

  it('keeps full profiles for authors and bare ones for people only mentioned', () => {
    expect(result.people).toHaveLength(22);
    expect(result.people.find((p) => p.key === 'twitter:spacefordoubt')).toEqual({
      key: 'twitter:spacefordoubt',
      platform: 'twitter',
      handle: 'spacefordoubt',
      name: 'space-for-snow',
      bio: 'Space nerd and general weirdo.\nMay compulsively try to get your references.',
      location: 'California, USA',
      platformId: '2229562808',
    });
    expect(result.people.find((p) => p.key === 'twitter:theearthstory')?.url).toBe('https://www.the-earth-story.com');
    expect(result.people.find((p) => p.key === 'twitter:himawari8bot')).toEqual({
      key: 'twitter:himawari8bot',
      platform: 'twitter',
      handle: 'himawari8bot',
      name: 'himawari8bot',
      platformId: '4040207472',
    });
  });
});

describe('twitter-v1 on twarc 1 JSON Lines with bad lines', () => {
  const result = parse('made/twitter/twarc1-bad-lines.jsonl');

  it('skips the two bad lines by number and reads the four good ones', () => {
    expect(result.messages.map((m) => m.id)).toEqual([
      '1768366487761850369',
      '1768367284679610369',
      '1768367997711290369',
      '1768368438113210369',
    ]);
    expect(result.skipped).toEqual([
      { line: 3, reason: expect.stringContaining('not valid JSON') },
      { line: 5, reason: 'not valid JSON: this line is not JSON' },
    ]);
    expect(summary(result)).toEqual({
      messages: 4,
      authors: 4,
      replies: 1,
      withReplyToId: 1,
      withMentions: 2,
      mentions: 4,
      reposts: 1,
      quotes: 1,
    });
  });

  it('reads a reply with its target, mentions and lower-cased hashtags', () => {
    expect(byId(result, '1768367284679610369')).toEqual({
      id: '1768367284679610369',
      platform: 'twitter',
      time: '2024-03-14T20:03:10.000Z',
      author: 'twitter:ann_lib',
      text: '@UKLibChat A1 MarcEdit macros & a good cup of tea, thanks to @bob_books #uklibchat',
      mentions: ['twitter:uklibchat', 'twitter:bob_books'],
      hashtags: ['#uklibchat'],
      kind: 'reply',
      replyToId: '1768366487761850369',
      replyToAuthor: 'twitter:uklibchat',
    });
    expect(byId(result, '1768366487761850369')?.hashtags).toEqual(['#uklibchat', '#cataloguing']);
  });

  it("gives a native retweet the original's author, and none of the original's mentions", () => {
    expect(byId(result, '1768367997711290369')).toMatchObject({
      author: 'twitter:bob_books',
      kind: 'repost',
      repostOf: 'twitter:ann_lib',
      mentions: [],
      hashtags: ['#uklibchat'],
    });
  });

  it('reads a truncated status from extended_tweet, and drops self-mentions', () => {
    const quote = byId(result, '1768368438113210369');
    expect(quote?.text.endsWith('ask @dave_reads https://t.co/q1link')).toBe(true);
    expect(quote).toMatchObject({
      author: 'twitter:carol_cat',
      kind: 'quote',
      repostOf: 'twitter:uklibchat',
      mentions: ['twitter:ann_lib', 'twitter:dave_reads'],
    });
  });
});

describe('twitter-v1 on a search response object', () => {
  const result = parse('made/twitter/search-response.json');

  it('reads statuses[] and skips the trim_user status by record number', () => {
    expect(result.messages.map((m) => [m.id, m.author, m.kind])).toEqual([
      ['1768369256002490369', 'twitter:uklibchat', 'post'],
      ['1768368752686010369', 'twitter:bob_books', 'reply'],
    ]);
    expect(result.skipped).toEqual([{ record: 3, reason: 'status 1768369633489850369: user has no screen_name (trim_user output?)' }]);
  });
});

describe('twitter-v1 on a personal archive tweets.js', () => {
  const text = fixture('made/twitter/tweets.js');

  it('names the owner from a reply to their own tweet', () => {
    const result = parse('made/twitter/tweets.js');
    expect(result.messages.map((m) => [m.id, m.author, m.kind, m.time])).toEqual([
      ['1768367284679610369', 'twitter:ann_lib', 'reply', '2024-03-14T20:03:10.000Z'],
      ['1768367620223930369', 'twitter:ann_lib', 'reply', '2024-03-14T20:04:30.000Z'],
      ['1768369004344250369', 'twitter:ann_lib', 'repost', '2024-03-14T20:10:00.000Z'],
    ]);
    expect(result.warnings).toEqual(['tweets.js: the archive names no author; @ann_lib is its owner, from a reply to their own tweet']);
    expect(result.people.find((p) => p.key === 'twitter:ann_lib')).toEqual({
      key: 'twitter:ann_lib',
      platform: 'twitter',
      handle: 'ann_lib',
      platformId: '2222',
    });
  });

  it('reads archive retweets ("RT @x:") as reposts and replies to others with their target', () => {
    const result = parse('made/twitter/tweets.js');
    expect(byId(result, '1768369004344250369')).toMatchObject({
      repostOf: 'twitter:bob_books',
      mentions: [],
      hashtags: ['#uklibchat', '#enquiries'],
    });
    expect(byId(result, '1768367284679610369')).toMatchObject({
      replyToId: '1768366487761850369',
      replyToAuthor: 'twitter:uklibchat',
      mentions: ['twitter:uklibchat', 'twitter:bob_books'],
    });
  });

  it('falls back to a placeholder unique to the archive when nothing names the owner', () => {
    const noThread = text.replace(
      '"in_reply_to_status_id_str" : "1768367284679610369"',
      '"in_reply_to_status_id_str" : "1768360000000000001"',
    );
    const result = twitterV1Parser.parse(noThread, { fileName: 'tweets.js' });
    expect(new Set(result.messages.map((m) => m.author))).toEqual(new Set(['twitter:archive-owner-1768367284679610369']));
    expect(result.warnings).toEqual([
      'tweets.js: the archive names no author (that is in account.js) and none could be inferred: its tweets are attributed to "archive-owner-1768367284679610369"',
    ]);
  });

  it("names the owner from their own media's links, in a bare-tweet tweet.js", () => {
    const own = {
      id_str: '1768366487761850369',
      created_at: 'Thu Mar 14 20:00:00 +0000 2024',
      full_text: 'Our new display https://t.co/p',
      entities: { hashtags: [], user_mentions: [] },
      extended_entities: { media: [{ expanded_url: 'https://twitter.com/ann_lib/status/1768366487761850369/photo/1' }] },
    };
    const rt = {
      id_str: '1768367284679610369',
      created_at: 'Thu Mar 14 20:03:10 +0000 2024',
      full_text: 'RT @bob_books: look https://t.co/q',
      entities: { hashtags: [], user_mentions: [] },
      extended_entities: { media: [{ expanded_url: 'https://twitter.com/bob_books/status/1768300000000000000/photo/1' }] },
    };
    const result = twitterV1Parser.parse(`window.YTD.tweet.part0 = ${JSON.stringify([rt, own])}`, { fileName: 'tweet.js' });
    expect(result.messages.map((m) => m.author)).toEqual(['twitter:ann_lib', 'twitter:ann_lib']);
    expect(result.warnings).toEqual(['tweet.js: the archive names no author; @ann_lib is its owner, from the links of their own media']);
  });

  it('says which archive file it was given when it holds no tweets', () => {
    const likes = 'window.YTD.like.part0 = [{"like":{"tweetId":"1","fullText":"hi","expandedUrl":"https://twitter.com/i/web/status/1"}}]';
    const error = thrown(() => twitterV1Parser.parse(likes, { fileName: 'like.js' }));
    expect(error.code).toBe('no_messages');
    expect(error.message).toContain('this is the archive\'s "like" file: upload tweets.js');
  });
});

describe('twitter-v1 on broken and foreign files', () => {
  it('reports a truncated JSON array as unreadable, with its line', () => {
    const error = thrown(() => parse('made/twitter/truncated-array.json'));
    expect(error.code).toBe('unreadable_file');
    expect(error.details.line).toBe(4);
    expect(error.message).toContain('first error at line 4');
  });

  it('throws no_messages naming what a v2 file holds', () => {
    const error = thrown(() => twitterV1Parser.parse(fixture('real/twitter-v2/geo_tweets.jsonl'), { fileName: 'geo_tweets.jsonl' }));
    expect(error.code).toBe('no_messages');
    expect(error.message).toBe(
      'geo_tweets.jsonl: no Twitter v1.1 statuses found (2 record(s); the first has keys data, includes, __twarc; first skipped: no id_str: not a v1.1 status)',
    );
  });

  it('skips streaming notices and dates a status without created_at from its id', () => {
    const [first] = fixture('made/twitter/twarc1-bad-lines.jsonl').split('\n');
    const undated = JSON.parse(first!) as Record<string, unknown>;
    delete undated.created_at;
    const text = `{"delete":{"status":{"id":1,"id_str":"1","user_id":3,"user_id_str":"3"}}}\n${JSON.stringify(undated)}\n`;
    const result = twitterV1Parser.parse(text, { fileName: 'stream.jsonl' });
    expect(result.skipped).toEqual([{ line: 1, reason: 'stream notice "delete", not a status' }]);
    expect(result.messages.map((m) => m.time)).toEqual(['2024-03-14T20:00:00.000Z']);
    expect(result.warnings).toEqual(['stream.jsonl: 1 status(es) had no created_at; their time was read from the tweet id']);
  });
});

describe('twitter-v1 detect', () => {
  it('scores v1.1 files and archives high', () => {
    for (const path of [
      'real/twitter-v1.1/get_mentions.json',
      'made/twitter/twarc1-bad-lines.jsonl',
      'made/twitter/search-response.json',
      'made/twitter/tweets.js',
    ]) {
      expect(twitterV1Parser.detect(head(path)), path).toBeGreaterThan(0.5);
    }
  });

  it('scores v2, Mastodon and TAGS CSV at 0', () => {
    for (const path of [
      'real/twitter-v2/flat.jsonl',
      'real/twitter-v2/geo_tweets.jsonl',
      'made/twitter/flatten-no-author.jsonl',
      'real/mastodon/tag_timeline.json',
      'real/tags-csv/sample-data.csv',
    ]) {
      expect(twitterV1Parser.detect(head(path)), path).toBe(0);
    }
  });

  it('is the only Twitter parser to claim its files', () => {
    for (const path of ['real/twitter-v1.1/get_mentions.json', 'made/twitter/tweets.js'])
      expect(twitterV2Parser.detect(head(path)), path).toBe(0);
  });
});

describe('twitter-v1 profiles across a file', () => {
  // Three statuses by one author whose user object changes between them, and a reply to someone only named.
  const status = (id: string, user: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    JSON.stringify({
      id_str: id,
      created_at: 'Thu Mar 14 20:00:00 +0000 2024',
      full_text: `status ${id} #uklibchat`,
      entities: { hashtags: [{ text: 'UKLibChat' }], user_mentions: [] },
      user,
      ...more,
    });
  const lines = [
    status('1', { id_str: '11', screen_name: 'Ann_Lib', name: 'Ann', description: '  ' }),
    status('2', {
      id_str: '99',
      screen_name: 'ann_lib',
      name: 'Ann Renamed',
      description: 'Cataloguer',
      location: 'Leeds',
      url: 'https://t.co/x',
      entities: { url: { urls: [{ expanded_url: 'https://ann.example' }] } },
    }),
    status(
      '3',
      { id_str: '11', screen_name: 'ann_lib', name: 'Ann', location: 'York' },
      { in_reply_to_status_id_str: '7', in_reply_to_screen_name: 'Bob', in_reply_to_user_id_str: '22' },
    ),
  ];
  const result = twitterV1Parser.parseLines!(lines, { fileName: 'ann.jsonl' });

  it("keeps an author's first values and fills the gaps from later statuses", () => {
    expect(result.people).toEqual([
      {
        key: 'twitter:ann_lib',
        platform: 'twitter',
        handle: 'Ann_Lib',
        name: 'Ann',
        platformId: '11',
        bio: 'Cataloguer',
        location: 'Leeds',
        url: 'https://ann.example',
      },
      { key: 'twitter:bob', platform: 'twitter', handle: 'Bob', platformId: '22' },
    ]);
  });

  it("gives every status its author's one key and lower-cased tags", () => {
    expect(result.messages.map((m) => [m.id, m.author, m.hashtags])).toEqual([
      ['1', 'twitter:ann_lib', ['#uklibchat']],
      ['2', 'twitter:ann_lib', ['#uklibchat']],
      ['3', 'twitter:ann_lib', ['#uklibchat']],
    ]);
    expect(result.messages[2]).toMatchObject({ kind: 'reply', replyToId: '7', replyToAuthor: 'twitter:bob' });
  });
});
