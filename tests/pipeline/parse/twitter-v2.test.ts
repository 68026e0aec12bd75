import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { twitterV1Parser } from '../../../server/ingest/parse/twitter-v1.js';
import { twitterV2Parser } from '../../../server/ingest/parse/twitter-v2.js';
import type { ParsedMessage, ParseResult } from '../../../server/ingest/parse/types.js';
import { caught as thrown } from '../../support/transcript-error.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (path: string) => twitterV2Parser.parse(fixture(path), { fileName: path.split('/').pop()! });
const head = (path: string) => fixture(path).slice(0, 64 * 1024);
const lines = (path: string) =>
  fixture(path)
    .split('\n')
    .filter((l) => l.trim() !== '');
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

// 29 tweets, 28 authors. 7 replies name a replied_to tweet; an 8th opens with
// @POTUS (in_reply_to_user_id, no tweet). The 14 retweets carry 17 entity
// mentions of the originals' words, which are not the retweeters' mentions.
const FLAT_SUMMARY = { messages: 29, authors: 28, replies: 8, withReplyToId: 7, withMentions: 9, mentions: 11, reposts: 14, quotes: 1 };

describe('twitter-v2 on real twarc2 flatten output (flat.jsonl)', () => {
  const result = parse('real/twitter-v2/flat.jsonl');

  it('reads every tweet with exact counts', () => {
    expect(summary(result)).toEqual(FLAT_SUMMARY);
    expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual([]);
    const times = result.messages.map((m) => m.time).sort();
    expect([times[0], times.at(-1)]).toEqual(['2021-04-08T19:33:20.000Z', '2021-04-08T19:34:16.000Z']);
  });

  it('gives schema-valid messages and profiles', () => {
    for (const m of result.messages) expect(ParsedMessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of result.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
  });

  it('reads a reply from referenced_tweets and the inline in_reply_to_user', () => {
    expect(byId(result, '1380242413445337098')).toEqual({
      id: '1380242413445337098',
      platform: 'twitter',
      time: '2021-04-08T19:33:29.000Z',
      author: 'twitter:gforrester406',
      text: expect.stringMatching(/^@Breaking911 Why didn’t Biden just invite Obama back/),
      mentions: ['twitter:breaking911'],
      hashtags: ['#incompetentmoron'],
      kind: 'reply',
      replyToId: '1380226330034372610',
      replyToAuthor: 'twitter:breaking911',
    });
    expect(byId(result, '1380242586288328707')).toMatchObject({
      replyToAuthor: 'twitter:talktothefoot',
      mentions: ['twitter:talktothefoot', 'twitter:jackposobiec'],
    });
  });

  it('counts a tweet opening with @someone as a reply to them, without a tweet id', () => {
    const m = byId(result, '1380242449700847616');
    expect(m).toMatchObject({ author: 'twitter:dwdrummer13', kind: 'reply', replyToAuthor: 'twitter:potus', mentions: ['twitter:potus'] });
    expect(m?.replyToId).toBeUndefined();
  });

  it("gives retweets the original's author and hashtags, not its mentions", () => {
    expect(byId(result, '1380242611781386245')).toMatchObject({
      author: 'twitter:alexandravm12',
      kind: 'repost',
      repostOf: 'twitter:williamserafino',
      mentions: [],
    });
    // The retweet text is cut before "#BarackObama"; the original carries it.
    expect(byId(result, '1380242495091568642')).toMatchObject({
      kind: 'repost',
      repostOf: 'twitter:aprildryan',
      mentions: [],
      hashtags: ['#barackobama'],
    });
  });

  it('reads a quote of the quoted author', () => {
    expect(byId(result, '1380242403009966082')).toMatchObject({
      author: 'twitter:jenatweeter',
      kind: 'quote',
      repostOf: 'twitter:breaking911',
      mentions: [],
    });
  });

  it('reads the same tweets from a plain JSON array, skipping by record', () => {
    const arrayText = `[${lines('real/twitter-v2/flat.jsonl').join(',\n')}]`;
    const fromArray = twitterV2Parser.parse(arrayText, { fileName: 'flat.json' });
    expect(summary(fromArray)).toEqual(FLAT_SUMMARY);
    const broken = arrayText.replace(/^\[/, '[{"id": "1", "text": "no author"},');
    expect(twitterV2Parser.parse(broken, { fileName: 'flat.json' }).skipped).toEqual([
      { record: 1, reason: 'tweet 1: no author or author_id' },
    ]);
  });
});

describe('twitter-v2 on real twarc2 response pages (geo_tweets.jsonl)', () => {
  const result = parse('real/twitter-v2/geo_tweets.jsonl');

  it('joins author_id and in_reply_to_user_id with includes.users', () => {
    expect(summary(result)).toEqual({
      messages: 2,
      authors: 2,
      replies: 1,
      withReplyToId: 1,
      withMentions: 1,
      mentions: 2,
      reposts: 0,
      quotes: 0,
    });
    expect(byId(result, '1501963039859363843')).toMatchObject({
      author: 'twitter:igorbrigadir',
      time: '2022-03-10T16:47:48.000Z',
      kind: 'reply',
      replyToId: '1501958949863661574',
      replyToAuthor: 'twitter:j2bryson',
      mentions: ['twitter:j2bryson', 'twitter:twitter'],
      hashtags: [],
    });
    expect(byId(result, '1501963039859363843')?.text).toContain('you need to specify Fields & Expansions');
    expect(byId(result, '1249702384659554308')?.hashtags).toHaveLength(12);
  });

  it('keeps the author profile whole and others bare', () => {
    expect(result.people.map((p) => p.key)).toEqual([
      'twitter:kamanonickname',
      'twitter:igorbrigadir',
      'twitter:j2bryson',
      'twitter:twitter',
    ]);
    expect(result.people.find((p) => p.key === 'twitter:igorbrigadir')).toMatchObject({
      handle: 'IgorBrigadir',
      location: 'Ireland',
      url: 'https://ukrainewar.carrd.co/',
      platformId: '495430242',
    });
    expect(result.people.find((p) => p.key === 'twitter:j2bryson')).toEqual({
      key: 'twitter:j2bryson',
      platform: 'twitter',
      handle: 'j2bryson',
      name: 'Joanna J Bryson',
      platformId: '2919151',
    });
  });

  it('reads one page saved as a JSON document', () => {
    const page = JSON.stringify(JSON.parse(lines('real/twitter-v2/geo_tweets.jsonl')[1]!), null, 2);
    const single = twitterV2Parser.parse(page, { fileName: 'page.json' });
    expect(single.messages.map((m) => [m.id, m.replyToAuthor])).toEqual([['1501963039859363843', 'twitter:j2bryson']]);
  });

  it('passes over an empty search page, and skips an errors-only page with its error', () => {
    const empty = JSON.stringify({ meta: { result_count: 0 }, __twarc: { version: '2.14.0' } });
    const errors = JSON.stringify({ errors: [{ value: '1', detail: 'Could not find tweet with ids: [1].', title: 'Not Found Error' }] });
    const text = `${empty}\n${lines('real/twitter-v2/geo_tweets.jsonl')[0]}\n${errors}\n`;
    const result = twitterV2Parser.parse(text, { fileName: 'x.jsonl' });
    expect(result.messages.map((m) => m.id)).toEqual(['1249702384659554308']);
    expect(result.skipped).toEqual([{ line: 3, reason: 'response page without data: Could not find tweet with ids: [1].' }]);
  });
});

describe('twitter-v2 joins retweets and quotes through includes.tweets', () => {
  const user = (id: string, username: string) => ({ id, username, name: username });
  const page = {
    data: [
      {
        id: '2001',
        author_id: '3333',
        created_at: '2024-03-14T20:06:00.000Z',
        text: 'RT @ann_lib: A1 MarcEdit macros &amp; tea',
        referenced_tweets: [{ type: 'retweeted', id: '1001' }],
        entities: { mentions: [{ start: 3, end: 11, username: 'ann_lib', id: '2222' }] },
      },
      {
        id: '2002',
        author_id: '4444',
        created_at: '2024-03-14T20:07:00.000Z',
        text: 'Yes to this, @bob_books',
        referenced_tweets: [{ type: 'quoted', id: '1002' }],
      },
    ],
    includes: {
      users: [user('3333', 'bob_books'), user('4444', 'carol_cat'), user('2222', 'ann_lib'), user('1111', 'UKLibChat')],
      tweets: [
        {
          id: '1001',
          author_id: '2222',
          text: 'A1 MarcEdit macros &amp; tea #uklibchat',
          entities: { hashtags: [{ start: 29, end: 39, tag: 'uklibchat' }] },
        },
        { id: '1002', author_id: '1111', text: 'Q1 Favourite shortcut? #uklibchat' },
      ],
    },
  };
  const result = twitterV2Parser.parse(JSON.stringify(page), { fileName: 'page.json' });

  it('resolves the retweeted and quoted authors', () => {
    expect(result.messages).toEqual([
      {
        id: '2001',
        platform: 'twitter',
        time: '2024-03-14T20:06:00.000Z',
        author: 'twitter:bob_books',
        text: 'RT @ann_lib: A1 MarcEdit macros & tea',
        mentions: [],
        hashtags: ['#uklibchat'],
        kind: 'repost',
        repostOf: 'twitter:ann_lib',
      },
      // No entities at all: mentions and hashtags come from the text.
      {
        id: '2002',
        platform: 'twitter',
        time: '2024-03-14T20:07:00.000Z',
        author: 'twitter:carol_cat',
        text: 'Yes to this, @bob_books',
        mentions: ['twitter:bob_books'],
        hashtags: [],
        kind: 'quote',
        repostOf: 'twitter:uklibchat',
      },
    ]);
  });
});

describe('twitter-v2 on flatten lines with a missing author', () => {
  const result = parse('made/twitter/flatten-no-author.jsonl');

  it('skips the authorless line by number and reads the others', () => {
    expect(result.skipped).toEqual([{ line: 2, reason: 'tweet 1768369633489850369: author 6666 is not in includes.users' }]);
    expect(result.messages.map((m) => [m.id, m.author, m.kind])).toEqual([
      ['1768369256002490369', 'twitter:uklibchat', 'post'],
      ['1768370136806330369', 'twitter:ann_lib', 'reply'],
    ]);
  });

  it("resolves a reply target that flatten left as {} from the file's other users", () => {
    expect(byId(result, '1768370136806330369')).toMatchObject({
      replyToId: '1768369256002490369',
      replyToAuthor: 'twitter:uklibchat',
      mentions: ['twitter:uklibchat'],
    });
  });
});

describe('twitter-v2 on broken and foreign files', () => {
  it('throws no_messages naming what a v1.1 file holds', () => {
    const error = thrown(() => twitterV2Parser.parse(fixture('real/twitter-v1.1/get_mentions.json'), { fileName: 'get_mentions.json' }));
    expect(error.code).toBe('no_messages');
    expect(error.message).toMatch(
      /^get_mentions\.json: no Twitter v2 tweets found \(19 record\(s\); the first has keys created_at, id, id_str, text/,
    );
  });

  it('dates a tweet without created_at from its snowflake id', () => {
    const tweet = JSON.parse(lines('real/twitter-v2/flat.jsonl')[0]!) as Record<string, unknown>;
    delete tweet.created_at;
    const result = twitterV2Parser.parse(JSON.stringify([tweet]), { fileName: 'x.json' });
    expect(result.messages.map((m) => m.time)).toEqual(['2021-04-08T19:34:16.973Z']);
    expect(result.warnings).toEqual(['x.json: 1 tweet(s) had no created_at; their time was read from the tweet id']);
  });
});

describe('twitter-v2 detect', () => {
  it('scores twarc2 pages and flatten lines high', () => {
    for (const path of ['real/twitter-v2/flat.jsonl', 'real/twitter-v2/geo_tweets.jsonl', 'made/twitter/flatten-no-author.jsonl']) {
      expect(twitterV2Parser.detect(head(path)), path).toBeGreaterThan(0.5);
    }
  });

  it('scores v1.1, archives, Mastodon and TAGS CSV at 0', () => {
    for (const path of [
      'real/twitter-v1.1/get_mentions.json',
      'made/twitter/twarc1-bad-lines.jsonl',
      'made/twitter/search-response.json',
      'made/twitter/tweets.js',
      'real/mastodon/tag_timeline.json',
      'real/tags-csv/sample-data.csv',
    ]) {
      expect(twitterV2Parser.detect(head(path)), path).toBe(0);
    }
  });

  it('is the only Twitter parser to claim its files', () => {
    for (const path of ['real/twitter-v2/flat.jsonl', 'real/twitter-v2/geo_tweets.jsonl'])
      expect(twitterV1Parser.detect(head(path)), path).toBe(0);
  });
});
