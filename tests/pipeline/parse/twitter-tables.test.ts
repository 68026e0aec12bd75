import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { csvParser } from '../../../server/ingest/parse/csv.js';
import { tagsCsvParser } from '../../../server/ingest/parse/tags-csv.js';
import { counts } from '../../support/parse-counts.js';
import { resolveBuildOptions } from '../../../shared/index.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';
import { buildGraph } from '../../../server/pipeline/build-graph.js';
import { splitSessions } from '../../../server/pipeline/sessions.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/real/${path}`, import.meta.url), 'utf8');
const parse = (path: string) => csvParser.parse(fixture(path), { fileName: path.split('/').pop()! });
const range = (times: string[]) => [times.reduce((a, b) => (a < b ? a : b)), times.reduce((a, b) => (a > b ? a : b))];

describe('twarc 1 json2csv (real/twarc-csv/bang_search.csv: CRLF records, bare LF inside quoted text)', () => {
  const r = parse('twarc-csv/bang_search.csv');

  it('reads all 342 tweets of 330 authors, 74 replies, 155 retweets and 21 quotes as Twitter people', () => {
    expect(counts(r)).toEqual({ messages: 342, authors: 330, replies: 74, withMentions: 77, mentions: 100, reposts: 155, skipped: 0 });
    expect(r.messages.filter((m) => m.kind === 'quote')).toHaveLength(21);
    expect(range(r.messages.map((m) => m.time))).toEqual(['2020-02-29T17:01:03.000Z', '2020-03-10T04:05:05.000Z']);
    expect(r.messages.every((m) => m.platform === 'twitter' && m.author.startsWith('twitter:'))).toBe(true);
    expect(r.warnings).toEqual(['bang_search.csv: read as twarc 1 json2csv / Hydrator columns']);
  });

  it('reads replies by in_reply_to_screen_name and retweets by retweet_or_quote_screen_name', () => {
    expect(r.messages.find((m) => m.id === '1237199612898934784')).toMatchObject({
      author: 'twitter:dennisb12713172',
      replyToAuthor: 'twitter:stephenking',
      time: '2020-03-10T02:12:28.000Z',
      kind: 'reply',
    });
    expect(r.messages.filter((m) => m.kind === 'repost').every((m) => m.repostOf && m.mentions.length === 0)).toBe(true);
  });

  it('takes user_description as the bio and user_location as the location, never as message text', () => {
    expect(r.people.find((p) => p.handle === '12MileGeo')).toMatchObject({
      name: '12 Mile Geo',
      location: 'Portland and other locations.',
      platformId: '1423531074',
    });
    expect(r.people.find((p) => p.handle === '12MileGeo')!.bio).toMatch(/^Biogeographer by training/);
    expect(r.messages.some((m) => m.text.startsWith('Biogeographer'))).toBe(false);
  });

  it('is detected as csv above the generic columns', () => {
    expect(csvParser.detect(fixture('twarc-csv/bang_search.csv'))).toBe(0.85);
    expect(tagsCsvParser.detect(fixture('twarc-csv/bang_search.csv'))).toBe(0);
  });
});

describe('twarc2 csv (real/twarc2-csv/dfw_bro.csv: trailing empty column)', () => {
  const r = parse('twarc2-csv/dfw_bro.csv');

  it('reads 30 tweets of 27 authors: 6 replies, 9 retweets without "RT @", 2 quotes', () => {
    expect(counts(r)).toEqual({ messages: 30, authors: 27, replies: 6, withMentions: 7, mentions: 11, reposts: 9, skipped: 0 });
    expect(r.messages.filter((m) => m.kind === 'quote')).toHaveLength(2);
    expect(range(r.messages.map((m) => m.time))).toEqual(['2011-12-12T20:48:07.000Z', '2021-11-30T13:16:56.000Z']);
  });

  it('finds a reply target named by user id only, through the mentions and authors of the file', () => {
    const replies = r.messages.filter((m) => m.kind === 'reply');
    expect(replies.every((m) => m.replyToAuthor)).toBe(true);
    expect(replies.find((m) => m.author === 'twitter:drownedinsound')).toMatchObject({ replyToAuthor: 'twitter:melodicrecords' });
  });

  it('reads author.description and author.location as the profile', () => {
    expect(r.people.find((p) => p.handle === 'adamdavidson')).toMatchObject({
      name: 'Adam Davidson',
      location: 'Charlotte, VT',
      platformId: '15639774',
    });
  });
});

describe('early twarc-csv (real/twarc2-csv/small_sample.csv: JSON-encoded text cells)', () => {
  const r = parse('twarc2-csv/small_sample.csv');

  it('reads 4 tweets of 4 authors and decodes the JSON-encoded text, bio and location', () => {
    expect(counts(r)).toMatchObject({ messages: 4, authors: 4, replies: 0 });
    const first = r.messages.find((m) => m.author === 'twitter:axsnipersc')!;
    expect(first.text).toMatch(/^After a long quest to the Motel; we have arrived safely to Montreal! can’t wait/);
    expect(first.text).toContain('\n@AlphaXsc2');
    expect(first.mentions).toEqual(expect.arrayContaining(['twitter:alphaxsc2', 'twitter:sector_six']));
    expect(r.people.find((p) => p.handle === 'aXSniperSC')).toMatchObject({
      location: 'Kitchener, Ontario, Canada',
      name: 'Chris Canning',
    });
  });

  it('reads the one quote tweet from the referenced_tweets JSON column', () => {
    expect(r.messages.filter((m) => m.kind === 'quote').map((m) => m.author)).toEqual(['twitter:thenickywaters']);
  });
});

describe('rtweet write_as_csv and Hydrator (no public sample found: the documented column sets)', () => {
  it('reads rtweet columns: x-prefixed ids, NA cells, mentions_screen_name, description as bio', () => {
    const text = [
      'user_id,status_id,created_at,screen_name,text,source,reply_to_status_id,reply_to_user_id,reply_to_screen_name,is_quote,is_retweet,mentions_user_id,mentions_screen_name,retweet_screen_name,name,location,description',
      'x111,x1047572155466399744,2018-10-03 18:42:12,ann_lib,Q1 what do you catalogue? #uklibchat,Twitter Web Client,NA,NA,NA,FALSE,FALSE,NA,NA,NA,Ann,Leeds,Cataloguer at a public library',
      'x222,x1047572155466399745,2018-10-03 18:43:00,bob_books,@ann_lib @cat_l A1 serials #uklibchat,Twitter Web Client,x1047572155466399744,x111,ann_lib,FALSE,FALSE,x111 x333,ann_lib cat_l,NA,Bob,NA,NA',
    ].join('\n');
    const r = csvParser.parse(text, { fileName: 'rtweet.csv' });
    expect(r.warnings).toEqual(['rtweet.csv: read as rtweet write_as_csv columns']);
    expect(r.messages[1]).toMatchObject({
      id: '1047572155466399745',
      author: 'twitter:bob_books',
      replyToId: '1047572155466399744',
      replyToAuthor: 'twitter:ann_lib',
      mentions: ['twitter:ann_lib', 'twitter:cat_l'],
      kind: 'reply',
      time: '2018-10-03T18:43:00.000Z',
    });
    expect(r.people[0]).toEqual({
      key: 'twitter:ann_lib',
      platform: 'twitter',
      handle: 'ann_lib',
      name: 'Ann',
      location: 'Leeds',
      bio: 'Cataloguer at a public library',
      platformId: '111',
    });
    expect(r.people.find((p) => p.handle === 'bob_books')).toEqual({
      key: 'twitter:bob_books',
      platform: 'twitter',
      handle: 'bob_books',
      name: 'Bob',
      platformId: '222',
    });
  });

  it('reads the Hydrator (older json2csv) column order with retweet_screen_name', () => {
    const text = [
      'coordinates,created_at,hashtags,media,urls,favorite_count,id,in_reply_to_screen_name,in_reply_to_status_id,in_reply_to_user_id,lang,place,possibly_sensitive,retweet_count,reweet_id,retweet_screen_name,source,text,tweet_url,user_created_at,user_id,user_default_profile_image,user_description,user_favourites_count,user_followers_count,user_friends_count,user_listed_count,user_location,user_name,user_screen_name,user_statuses_count,user_time_zone,user_urls,user_verified',
      ',Wed Apr 08 03:29:36 +0000 2015,critlib,,,0,585661212342353920,,,,en,,,3,585661000000000000,ann_lib,web,RT @ann_lib: Q1 #critlib,https://twitter.com/bob/status/585661212342353920,,22,False,Librarian &amp; zinester,0,0,0,0,Toronto,Bob,bob,0,,,False',
    ].join('\n');
    const r = csvParser.parse(text, { fileName: 'hydrated.csv' });
    expect(r.messages[0]).toMatchObject({
      author: 'twitter:bob',
      kind: 'repost',
      repostOf: 'twitter:ann_lib',
      time: '2015-04-08T03:29:36.000Z',
      mentions: [],
    });
    expect(r.people[0]).toMatchObject({ bio: 'Librarian &amp; zinester', location: 'Toronto' });
  });
});

describe('rtweet ≤ 0.6.6 columns (in_reply_to_status_*): real #vala2018 and #auspreserves tables', () => {
  it('reads the replies of #vala2018 (rtweet 0.6 tweets data frame, 13 Feb 2018) by in_reply_to_status_*: 116 (1,948 rows, 19 of them repeated), not 0', () => {
    const r = parse('rtweet-csv/vala2018-2018-02-13.csv');
    expect(counts(r)).toMatchObject({ messages: 1948, replies: 116 });
    expect(r.messages.find((m) => m.id === '963364171269025792')).toMatchObject({
      author: 'twitter:stevenpchang',
      replyToAuthor: 'twitter:clareifications',
      replyToId: '962940309192695808',
      kind: 'reply',
    });
  });

  it('reads #auspreserves as rtweet 0.6 write_as_csv writes it (x-prefixed ids): a reply to a tweet, and one to a person only', () => {
    const r = parse('rtweet-csv/auspreserves-2018-02-16.csv');
    expect(r.warnings).toEqual(['auspreserves-2018-02-16.csv: read as rtweet write_as_csv columns']);
    expect(counts(r)).toMatchObject({ messages: 60, replies: 4, reposts: 14, skipped: 0 });
    expect(r.messages.find((m) => m.id === '964288015139942401')).toMatchObject({
      author: 'twitter:quarterfalls',
      replyToAuthor: 'twitter:quarterfalls',
      replyToId: '964286939166732289',
    });
    // `in_reply_to_status_status_id` is NA when a tweet opens with a handle without answering a tweet.
    const toPerson = r.messages.find((m) => m.id === '964286599855927296')!;
    expect(toPerson).toMatchObject({ author: 'twitter:peterneish', replyToAuthor: 'twitter:maudeygirl', kind: 'reply' });
    expect(toPerson.replyToId).toBeUndefined();
  });

  it('makes the replies reply ties: 2 in the #auspreserves hour, 72 on the #vala2018 day', () => {
    const replyTies = (path: string) => {
      const bytes = readFileSync(new URL(`../../fixtures/real/${path}`, import.meta.url));
      const { messages } = readTranscript(bytes, { fileName: path.split('/').pop()! });
      const options = resolveBuildOptions({ kinds: ['reply'] });
      const graph = buildGraph(messages, splitSessions(messages, options), options);
      const ties: string[] = [];
      graph.forEachEdge((_e, a, s, t) => {
        if (a.reply > 0) ties.push([s, t].sort().join(' '));
      });
      return ties;
    };
    expect(replyTies('rtweet-csv/auspreserves-2018-02-16.csv').sort()).toEqual([
      'twitter:i_telf twitter:maudeygirl',
      'twitter:maudeygirl twitter:peterneish',
    ]);
    expect(replyTies('rtweet-csv/vala2018-2018-02-13.csv')).toHaveLength(72);
  });
});
