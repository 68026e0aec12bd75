import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { TranscriptError } from '../../../server/ingest/errors.js';
import { csvParser } from '../../../server/ingest/parse/csv.js';
import { mastodonParser } from '../../../server/ingest/parse/mastodon.js';
import { tagsCsvParser } from '../../../server/ingest/parse/tags-csv.js';
import { counts } from '../../support/parse-counts.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (text: string, fileName = 'tags.csv') => tagsCsvParser.parse(text, { fileName });

const HEADER =
  'id_str,from_user,text,created_at,time,geo_coordinates,user_lang,in_reply_to_user_id_str,in_reply_to_screen_name,from_user_id_str,in_reply_to_status_id_str,source,profile_image_url,user_followers_count,user_friends_count,user_location,status_url,entities_str';

describe('tagsCsvParser on the real TAGS sample (#AECT19, tidytags)', () => {
  const result = parse(fixture('real/tags-csv/sample-data.csv'), 'sample-data.csv');

  it('reads 10 tweets from 9 senders: 8 retweets, no replies', () => {
    expect(counts(result)).toEqual({ messages: 10, authors: 9, replies: 0, withMentions: 1, mentions: 2, reposts: 8, skipped: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('takes the time from created_at, not the sheet-local `time` column', () => {
    // `time` says 2020-04-19T20:22:23Z: the sheet's British Summer Time labelled Z.
    expect(result.messages[0]).toEqual({
      id: '1251954312772812801',
      platform: 'twitter',
      time: '2020-04-19T19:22:23.000Z',
      author: 'twitter:harriet96152202',
      text: 'RT @RoutledgeEd: Congrats to authors Joseph Rene Corbeil, Maria Elena Corbeil, and (not pictured) Badrul Khan, who received the Outstanding…',
      mentions: [],
      hashtags: [],
      kind: 'repost',
      repostOf: 'twitter:routledgeed',
    });
    expect(result.messages[2]).toMatchObject({ id: '1234206946732830720', time: '2020-03-01T20:00:41.000Z', author: 'twitter:eltaugusta' });
    expect(result.messages[2]!.text).toContain('Practice: \n\nhtt…');
  });

  it('reads mentions from entities_str, without the author, and none for retweets', () => {
    expect(result.messages[7]).toMatchObject({
      id: '1225122317849657345',
      author: 'twitter:tadousay',
      time: '2020-02-05T18:21:36.000Z',
      kind: 'post',
      mentions: ['twitter:aecttechtrends', 'twitter:gsa_aect'],
    });
    expect(result.messages[6]).toMatchObject({
      author: 'twitter:aecttechtrends',
      kind: 'repost',
      repostOf: 'twitter:tadousay',
      mentions: [],
    });
  });

  it('reads hashtags from entities_str, lower-cased', () => {
    expect(result.messages.map((m) => m.hashtags.join(' '))).toEqual(['', '#aect19', '', '', '', '', '', '', '#aect19', '#aect19']);
  });

  it('treats NA as missing and lists authors, then people only retweeted, with names from entities', () => {
    expect(result.people).toHaveLength(13);
    expect(result.people[0]).toEqual({
      key: 'twitter:harriet96152202',
      platform: 'twitter',
      handle: 'Harriet96152202',
      platformId: '1251951804398669825',
    });
    expect(result.people[5]).toEqual({
      key: 'twitter:staufferedu',
      platform: 'twitter',
      handle: 'StaufferEdu',
      location: 'ÜT: 38.042058,-78.492393',
      platformId: '21425886',
    });
    expect(result.people.slice(9)).toEqual([
      { key: 'twitter:routledgeed', platform: 'twitter', handle: 'RoutledgeEd', name: 'Routledge Education Books', platformId: '27606068' },
      { key: 'twitter:dtpthanh', platform: 'twitter', handle: 'dtpthanh', name: 'Thanh Do', platformId: '991017763824025600' },
      { key: 'twitter:veletsianos', platform: 'twitter', handle: 'veletsianos', name: 'George Veletsianos, PhD', platformId: '17883918' },
      { key: 'twitter:aect', platform: 'twitter', handle: 'AECT', name: '✵ AECT ✵', platformId: '12030342' },
    ]);
  });
});

describe('tagsCsvParser on an older, spreadsheet-mangled export (made/csv/tags-mangled.csv)', () => {
  const result = parse(fixture('made/csv/tags-mangled.csv'), 'tags-mangled.csv');

  it('reads ids from status_url and skips a rounded id without one', () => {
    expect(counts(result)).toEqual({ messages: 4, authors: 4, replies: 2, withMentions: 2, mentions: 2, reposts: 1, skipped: 1 });
    expect(result.messages.map((m) => m.id)).toEqual([
      '1768347200000000001',
      '1768347451234567890',
      '1768347900000000004',
      '1768348000000000123',
    ]);
    expect(result.skipped).toEqual([
      { line: 4, reason: 'id "1768347700000000000" was mangled by a spreadsheet and there is no status_url' },
    ]);
  });

  it('drops a mangled reply id but keeps the person replied to, and warns', () => {
    expect(result.messages[1]).toEqual({
      id: '1768347451234567890',
      platform: 'twitter',
      time: '2024-03-14T20:01:00.000Z',
      author: 'twitter:bob_books',
      text: '@ann_lib A1: the one with the cat on the cover #uklibchat',
      replyToAuthor: 'twitter:ann_lib',
      mentions: ['twitter:ann_lib'],
      hashtags: ['#uklibchat'],
      kind: 'reply',
    });
    expect(result.warnings).toEqual(['1 reply id(s) mangled by a spreadsheet were dropped; the replied-to person is kept']);
  });

  it('falls back to `time` without created_at, keeps an exact reply id and unescapes the API text', () => {
    expect(result.messages[3]).toMatchObject({
      author: 'twitter:erin',
      text: '@bob_books A1: mine has a map & a cat, too #uklibchat',
      time: '2024-03-14T20:05:00.000Z',
      replyToId: '1768347451234567890',
      replyToAuthor: 'twitter:bob_books',
      mentions: ['twitter:bob_books'],
      kind: 'reply',
    });
    expect(result.messages[2]).toMatchObject({ author: 'twitter:dave', kind: 'repost', repostOf: 'twitter:ann_lib', mentions: [] });
  });

  it('keeps no mangled user id in profiles', () => {
    expect(result.people.slice(0, 2)).toEqual([
      { key: 'twitter:ann_lib', platform: 'twitter', handle: 'ann_lib' },
      { key: 'twitter:bob_books', platform: 'twitter', handle: 'bob_books', platformId: '98765' },
    ]);
  });
});

describe('tagsCsvParser errors and fallbacks', () => {
  it('names the missing TAGS columns', () => {
    let error: unknown;
    try {
      parse('id_str,text,time\n1,hi,2024-03-14T20:00:00Z\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).code).toBe('missing_columns');
    expect((error as TranscriptError).details).toMatchObject({ line: 1, missing: ['author'] });
  });

  it('fails with no_messages when no row has a usable id', () => {
    let error: unknown;
    try {
      parse(`${HEADER}\n1.25195E+18,ann,hi,Sun Apr 19 19:22:23 +0000 2020,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA\n`);
    } catch (e) {
      error = e;
    }
    expect((error as TranscriptError).code).toBe('no_messages');
    expect((error as TranscriptError).details.line).toBe(2);
  });

  it('reads mentions from the text when entities_str is unreadable', () => {
    const row = `1,ann,"@bob_books hi @carol",Sun Apr 19 19:22:23 +0000 2020,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,http://twitter.com/ann/statuses/7,{"broken`;
    expect(parse(`${HEADER}\n${row}\n`).messages[0]!.mentions).toEqual(['twitter:bob_books', 'twitter:carol']);
  });
});

describe('tagsCsvParser.detect', () => {
  it('is sure of TAGS headers, more than the generic CSV parser', () => {
    for (const path of ['real/tags-csv/sample-data.csv', 'made/csv/tags-mangled.csv']) {
      const head = fixture(path);
      expect(tagsCsvParser.detect(head), path).toBe(0.95);
      expect(csvParser.detect(head), path).toBe(0.6);
    }
  });

  it('scores other CSVs, JSON and chat logs 0', () => {
    for (const path of [
      'made/csv/netlytic.csv',
      'made/csv/bad-rows.csv',
      'made/csv/missing-text.csv',
      'real/twitter-v1.1/get_mentions.json',
      'real/mastodon/tag_timeline.json',
      'made/mastodon/local-direct-boost.json',
      'real/twitter-v2/geo_tweets.jsonl',
      'real/whatsapp/test_ddmmyy_24hrs.txt',
      'real/zoom/test-zoom-chat.txt',
    ]) {
      expect(tagsCsvParser.detect(fixture(path).slice(0, 65536)), path).toBe(0);
    }
    expect(mastodonParser.detect(fixture('real/tags-csv/sample-data.csv'))).toBe(0);
  });
});
