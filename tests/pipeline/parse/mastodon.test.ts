import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { csvParser } from '../../../server/ingest/parse/csv.js';
import { fullHandle, mastodonParser } from '../../../server/ingest/parse/mastodon.js';
import { tagsCsvParser } from '../../../server/ingest/parse/tags-csv.js';
import { caught } from '../../support/transcript-error.js';
import { counts } from '../../support/parse-counts.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (text: string, fileName = 'statuses.json') => mastodonParser.parse(text, { fileName });

const MARKUP = /<\/?[a-z][^>]*>/i;

describe('mastodonParser on the real tag timeline (#mastodon, 2017)', () => {
  const result = parse(fixture('real/mastodon/tag_timeline.json'), 'tag_timeline.json');

  it('reads 20 statuses from 17 accounts, 8 of them replies', () => {
    expect(counts(result)).toEqual({ messages: 20, authors: 17, replies: 8, withMentions: 10, mentions: 16, reposts: 0, skipped: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('names every reply target through mentions[] by account id', () => {
    const replies = result.messages.filter((m) => m.kind === 'reply');
    expect(replies.map((m) => [m.id, m.replyToId, m.replyToAuthor])).toEqual([
      ['714859', '675923', 'mastodon:alexl@mstdn.io'],
      ['712356', '707780', 'mastodon:tomey@noagendasocial.com'],
      ['707682', '321430', 'mastodon:amaelle_g@mstdn.fr'],
      ['703683', '701288', 'mastodon:isaac@noagendasocial.com'],
      ['702781', '696564', 'mastodon:adriennecharmet@mamot.fr'],
      ['701594', '689155', 'mastodon:con@mastodon.xyz'],
      ['698356', '698382', 'mastodon:frd@mastodon.social'],
      ['696529', '694480', 'mastodon:catgoat@meemu.org'],
    ]);
  });

  it('reads the first status whole', () => {
    expect(result.messages[0]).toEqual({
      id: '714859',
      platform: 'mastodon',
      time: '2017-04-21T15:00:42.000Z',
      author: 'mastodon:jeroenpraat@mastodon.social',
      text: "@alexl @deadsuperhero Yes, but not only #Mastodon should be compatible with the Diaspora protocol, but #Diaspora should also be compatible with the Mastodon/oStatus protocol. That's not only fair, but also gives a lot more stability. A shared federation library would eventually be the best thing. But hé, I'm not a coder ;-)",
      replyToId: '675923',
      replyToAuthor: 'mastodon:alexl@mstdn.io',
      mentions: ['mastodon:alexl@mstdn.io', 'mastodon:deadsuperhero@social.nasqueron.org'],
      hashtags: ['#diaspora', '#mastodon'],
      kind: 'reply',
    });
  });

  it('keeps two same-named accounts on two instances apart, and lower-cases keys', () => {
    expect(result.messages.find((m) => m.id === '712113')!.mentions).toEqual([
      'mastodon:cquest@amicale.net',
      'mastodon:cquest@mastodon.etalab.gouv.fr',
    ]);
    expect(result.messages.find((m) => m.id === '712356')!.mentions).toContain('mastodon:phoneboy@noagendasocial.com');
  });

  it('reads tags[] (any script) and hashtags in the text', () => {
    expect(result.messages.find((m) => m.id === '707791')!.hashtags).toEqual(['#mastodon', '#公式アカウント']);
    expect(result.messages.find((m) => m.id === '703792')).toMatchObject({ text: '#mastodon test', hashtags: ['#mastodon'], mentions: [] });
  });

  it('leaves no markup in any text or bio', () => {
    for (const m of result.messages) expect(m.text).not.toMatch(MARKUP);
    for (const p of result.people) expect(p.bio ?? '').not.toMatch(MARKUP);
  });

  it('lists 17 authors with profiles, then 12 people only mentioned', () => {
    expect(result.people).toHaveLength(29);
    expect(result.people[0]).toEqual({
      key: 'mastodon:jeroenpraat@mastodon.social',
      platform: 'mastodon',
      handle: 'jeroenpraat@mastodon.social',
      name: 'jeroenpraat',
      bio: "duider / criticus / opiniemaker / activist / 'Gutmensch' / just a victim of society and all its games / more @ https://jeroenpraat.nl",
      url: 'https://mastodon.social/@jeroenpraat',
      platformId: '14988',
    });
    expect(result.people[17]).toEqual({
      key: 'mastodon:alexl@mstdn.io',
      platform: 'mastodon',
      handle: 'alexl@mstdn.io',
      url: 'https://mstdn.io/@alexl',
      platformId: '14729',
    });
  });
});

describe('mastodonParser on made statuses: local accounts, a DM, a boost, a quote (made/mastodon/local-direct-boost.json)', () => {
  const text = fixture('made/mastodon/local-direct-boost.json');
  const result = parse(text, 'local-direct-boost.json');

  it('reads the public and unlisted statuses and counts what it left out', () => {
    expect(counts(result)).toEqual({ messages: 5, authors: 5, replies: 2, withMentions: 2, mentions: 3, reposts: 1, skipped: 3 });
    expect(result.messages.map((m) => [m.id, m.kind])).toEqual([
      ['101', 'post'],
      ['102', 'reply'],
      ['104', 'repost'],
      ['105', 'reply'],
      ['108', 'quote'],
    ]);
    expect(result.skipped).toEqual([
      { record: 3, reason: 'direct status: only public and unlisted ones are read' },
      { record: 6, reason: 'private status: only public and unlisted ones are read' },
      { record: 7, reason: 'not a Mastodon status' },
    ]);
    expect(result.warnings).toEqual(['2 non-public status(es) (private, direct, limited) left out']);
  });

  it('gives a local account its instance from its url, and turns HTML into safe text', () => {
    expect(result.messages[0]).toEqual({
      id: '101',
      platform: 'mastodon',
      time: '2024-03-14T20:00:00.000Z',
      author: 'mastodon:ann@glammr.us',
      text: 'Q1: Tools you can\'t live without? #UKLibChat & #critlib\ncc @bob — see https://example.org/guides/library-tools\n<3 "thanks"',
      mentions: ['mastodon:bob@mastodon.social'],
      hashtags: ['#uklibchat', '#critlib'],
      kind: 'post',
    });
    expect(result.messages[0]!.text).not.toContain('alert');
  });

  it('names a reply target from the accounts of other statuses when mentions[] lacks it', () => {
    expect(result.messages[1]).toMatchObject({
      author: 'mastodon:bob@mastodon.social',
      replyToId: '101',
      replyToAuthor: 'mastodon:ann@glammr.us',
      hashtags: ['#uklibchat'],
    });
  });

  it('reads a boost as a repost of the original author, with the original text and no mentions', () => {
    expect(result.messages[2]).toEqual({
      id: '104',
      platform: 'mastodon',
      time: '2024-03-14T20:02:00.000Z',
      author: 'mastodon:dave@libraryland.social',
      text: result.messages[0]!.text,
      mentions: [],
      hashtags: ['#uklibchat', '#critlib'],
      kind: 'repost',
      repostOf: 'mastodon:ann@glammr.us',
    });
    expect(result.messages.filter((m) => m.id === '101')).toHaveLength(1);
  });

  it('keeps only the reply id when the replied-to account is unknown, and reads the content warning', () => {
    const erin = result.messages[3]!;
    expect(erin).toMatchObject({ author: 'mastodon:erin@glammr.us', replyToId: '99', kind: 'reply' });
    expect(erin.replyToAuthor).toBeUndefined();
    expect(erin.text).toBe('A1 (long)\n\n@frank A1: MarcEdit, and asking @gina@hcommons.social');
    expect(erin.mentions).toEqual(['mastodon:frank@glammr.us', 'mastodon:gina@hcommons.social']);
  });

  it('reads an accepted quote as kind quote of the quoted author', () => {
    expect(result.messages[4]).toMatchObject({
      author: 'mastodon:frank@glammr.us',
      kind: 'quote',
      repostOf: 'mastodon:bob@mastodon.social',
    });
  });

  it('lists no one from the left-out statuses', () => {
    expect(result.people.map((p) => p.key)).toEqual([
      'mastodon:ann@glammr.us',
      'mastodon:bob@mastodon.social',
      'mastodon:dave@libraryland.social',
      'mastodon:erin@glammr.us',
      'mastodon:frank@glammr.us',
    ]);
    expect(result.people[0]).toEqual({
      key: 'mastodon:ann@glammr.us',
      platform: 'mastodon',
      handle: 'ann@glammr.us',
      name: 'Ann Lib :books:',
      bio: 'Cataloguer & #critlib fan',
      url: 'https://glammr.us/@ann',
      platformId: '1',
    });
  });

  it('reads the same statuses as JSON Lines, by line', () => {
    const statuses = JSON.parse(text) as unknown[];
    const lines = [...statuses.map((s) => JSON.stringify(s)), '{not json'].join('\n');
    const jsonl = parse(lines, 'statuses.jsonl');
    expect(jsonl.messages.map((m) => m.id)).toEqual(['101', '102', '104', '105', '108']);
    expect(jsonl.skipped.map((s) => [s.line, s.reason.split(':')[0]])).toEqual([
      [3, 'direct status'],
      [6, 'private status'],
      [7, 'not a Mastodon status'],
      [9, 'not valid JSON'],
    ]);
  });

  it('reads a context ({ancestors, descendants}) and a single status', () => {
    const [s101, s102, , , s105] = JSON.parse(text) as unknown[];
    const context = parse(JSON.stringify({ ancestors: [s101], descendants: [s102, s105] }));
    expect(context.messages.map((m) => m.id)).toEqual(['101', '102', '105']);
    expect(parse(JSON.stringify(s102)).messages[0]!.replyToAuthor).toBeUndefined();
  });
});

describe('mastodonParser errors', () => {
  it('refuses JSON that holds no statuses', () => {
    expect(caught(() => parse('{"accounts": []}')).code).toBe('unreadable_file');
  });

  it('fails with no_messages when every status is private', () => {
    const status = {
      id: '1',
      created_at: '2024-03-14T20:00:00Z',
      visibility: 'private',
      content: '<p>x</p>',
      account: { id: '1', acct: 'ann', url: 'https://glammr.us/@ann' },
    };
    const error = caught(() => parse(JSON.stringify([status])));
    expect(error.code).toBe('no_messages');
    expect(error.details.record).toBe(1);
  });
});

describe('fullHandle', () => {
  it('adds the instance of a local account from its url', () => {
    expect(fullHandle({ acct: 'ann', url: 'https://glammr.us/@ann' })).toBe('ann@glammr.us');
    expect(fullHandle({ acct: 'Bob@Mastodon.Social', url: 'https://mastodon.social/@Bob' })).toBe('Bob@Mastodon.Social');
    expect(fullHandle({ username: 'carol', url: 'https://pleroma.example/users/carol' })).toBe('carol@pleroma.example');
    expect(fullHandle({ acct: 'dave' })).toBe('dave');
  });
});

describe('mastodonParser.detect', () => {
  it('is sure of Mastodon statuses, as a document or JSON Lines', () => {
    expect(mastodonParser.detect(fixture('real/mastodon/tag_timeline.json'))).toBe(0.95);
    const made = fixture('made/mastodon/local-direct-boost.json');
    expect(mastodonParser.detect(made)).toBe(0.95);
    const lines = (JSON.parse(made) as unknown[]).map((s) => JSON.stringify(s)).join('\n');
    expect(mastodonParser.detect(lines)).toBe(0.95);
    expect(csvParser.detect(made)).toBe(0);
    expect(tagsCsvParser.detect(made)).toBe(0);
  });

  it('scores other formats 0', () => {
    for (const path of [
      'real/twitter-v1.1/get_mentions.json',
      'real/twitter-v2/flat.jsonl',
      'real/twitter-v2/geo_tweets.jsonl',
      'real/bluesky/app.bsky.feed.searchPosts-5d343d.json',
      'real/slack/users.json',
      'real/slack/enrique/2016-03-17.json',
      'real/tags-csv/sample-data.csv',
      'made/csv/netlytic.csv',
      'made/csv/bad-rows.csv',
      'made/csv/tags-mangled.csv',
    ]) {
      expect(mastodonParser.detect(fixture(path).slice(0, 65536)), path).toBe(0);
    }
  });
});
