import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { blueskyParser } from '../../../server/ingest/parse/bluesky.js';
import { mastodonParser } from '../../../server/ingest/parse/mastodon.js';
import { twitterV1Parser } from '../../../server/ingest/parse/twitter-v1.js';
import type { ParseResult } from '../../../server/ingest/parse/types.js';
import { caught } from '../../support/transcript-error.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const parse = (text: string, fileName = 'posts.json') => blueskyParser.parse(text, { fileName });
const ParsedSchema = MessageSchema.omit({ chat: true, question: true, answer: true });
const REAL = 'real/bluesky/app.bsky.feed.searchPosts-5d343d.json';
const did = (name: string) => `did:plc:${name}`;

function counts(r: ParseResult) {
  for (const m of r.messages) ParsedSchema.parse(m);
  for (const p of r.people) PersonProfileSchema.parse(p);
  return {
    messages: r.messages.length,
    authors: new Set(r.messages.map((m) => m.author)).size,
    replies: r.messages.filter((m) => m.replyToId).length,
    quotes: r.messages.filter((m) => m.kind === 'quote').length,
    reposts: r.messages.filter((m) => m.kind === 'repost').length,
    mentions: r.messages.reduce((n, m) => n + m.mentions.length, 0),
    hashtags: r.messages.reduce((n, m) => n + m.hashtags.length, 0),
    skipped: r.skipped.length,
  };
}

describe('blueskyParser on the real searchPosts page (redistricting, Dec 2023)', () => {
  const result = parse(fixture(REAL));
  const short = (uri: string | undefined) => uri?.replace(/^at:\/\/did:plc:(\w{6})\w*\/app\.bsky\.feed\.post\//, '$1/');

  it('reads 23 posts from 20 handles: 6 replies, 3 quotes, 2 mentions, 4 tags', () => {
    expect(counts(result)).toEqual({ messages: 23, authors: 20, replies: 6, quotes: 3, reposts: 0, mentions: 2, hashtags: 4, skipped: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('reads the first post whole: id is the at:// URI, time is record.createdAt', () => {
    expect(result.messages[0]).toEqual({
      id: 'at://did:plc:xrs7uicyfcp5qbnhnqy7kucb/app.bsky.feed.post/3kghpycppiw2n',
      platform: 'bluesky',
      time: '2023-12-14T00:37:20.615Z',
      author: 'bluesky:planetcarnival.bsky.social',
      text: 'I was upset last year when redistricting meant he was no longer my representative.\n\n(Athough, TBH, the district was pretty Gerrymandered...or Jerrymandered, as it were).',
      replyToId: 'at://did:plc:4ypydtsxlmkfyoyoxb26o4wd/app.bsky.feed.post/3kghpqjiodr2t',
      mentions: [],
      hashtags: [],
      kind: 'reply',
    });
  });

  it('names a reply target only when the file shows that DID (here, one self-reply)', () => {
    const replies = result.messages.filter((m) => m.replyToId);
    expect(replies.map((m) => [m.author, short(m.replyToId), m.replyToAuthor])).toEqual([
      ['bluesky:planetcarnival.bsky.social', '4ypydt/3kghpqjiodr2t', undefined],
      ['bluesky:jonnypants.bsky.social', 'nvfpos/3kghmxiorrw2s', undefined],
      ['bluesky:aubreygilleran.bsky.social', 'df6kba/3kghmpxipy524', undefined],
      ['bluesky:omnipoprecords.bsky.social', 'zwlj2d/3kgaoasqv6o27', undefined],
      ['bluesky:adaytaramember.bsky.social', '4mohxg/3kggypq7dze2u', 'bluesky:adaytaramember.bsky.social'],
      ['bluesky:jeninmotion.bsky.social', 'jvrcnb/3kgfdyefdz524', undefined],
    ]);
  });

  it('reads mention facets: a DID the file knows by its handle, another by the handle the facet covers', () => {
    const withMentions = result.messages.filter((m) => m.mentions.length > 0);
    expect(withMentions.map((m) => [m.author, m.mentions])).toEqual([
      ['bluesky:kagrox.bsky.social', ['bluesky:demfromct.bsky.social']],
      ['bluesky:dailykoselections.bsky.social', ['bluesky:yeargain.bsky.social']],
    ]);
    expect(result.people.find((p) => p.key === 'bluesky:demfromct.bsky.social')?.platformId).toBe(did('djsxzf5ivvqy5rwz7w7zyypw'));
  });

  it('reads quotes (embed app.bsky.embed.record) with the quoted author, and tag facets', () => {
    expect(result.messages.filter((m) => m.kind === 'quote').map((m) => [m.author, m.repostOf])).toEqual([
      ['bluesky:anodynesix.bsky.social', 'bluesky:hellgateny.bsky.social'],
      ['bluesky:jwaggo.bsky.social', 'bluesky:lwvsf.bsky.social'],
      ['bluesky:theartdontstop.bsky.social', 'bluesky:lwvsf.bsky.social'],
    ]);
    expect(result.messages.filter((m) => m.hashtags.length > 0).map((m) => m.hashtags)).toEqual([
      ['#kitm'],
      ['#sanfranciscopolitics', '#sfpol', '#sanfrancisco'],
    ]);
  });

  it('gives 22 profiles keyed by handle with the DID as platformId (20 authors, 1 quoted, 1 mentioned)', () => {
    expect(result.people).toHaveLength(22);
    expect(result.people.find((p) => p.key === 'bluesky:lwvsf.bsky.social')).toEqual({
      key: 'bluesky:lwvsf.bsky.social',
      platform: 'bluesky',
      handle: 'lwvsf.bsky.social',
      platformId: did('tb6kdi6xp44xmafqow5wqqd7'),
      url: 'https://bsky.app/profile/lwvsf.bsky.social',
      name: 'League of Women Voters of San Francisco',
    });
  });

  it('reads the same posts once from overlapping pages saved as JSON Lines', () => {
    const posts = (JSON.parse(fixture(REAL)) as { posts: unknown[] }).posts;
    const lines = [JSON.stringify({ posts: posts.slice(0, 15) }), JSON.stringify({ posts: posts.slice(10) })].join('\n');
    expect(counts(parse(lines, 'pages.jsonl'))).toMatchObject({ messages: 23, authors: 20, skipped: 0 });
  });

  it('is detected as Bluesky, and other parsers leave it alone', () => {
    const head = fixture(REAL).slice(0, 65536);
    expect(blueskyParser.detect(head)).toBe(0.95);
    expect(mastodonParser.detect(head)).toBe(0);
    expect(twitterV1Parser.detect(head)).toBe(0);
    expect(blueskyParser.detect(fixture('real/mastodon/tag_timeline.json'))).toBe(0);
    expect(blueskyParser.detect(fixture('real/twitter-v1.1/get_mentions.json'))).toBe(0);
  });
});

describe('blueskyParser on hand-made files', () => {
  it('walks a getPostThread up through parent and down through nested replies, leaving out missing and blocked posts', () => {
    const r = parse(fixture('made/bluesky/getPostThread-nested.json'));
    expect(counts(r)).toEqual({ messages: 6, authors: 5, replies: 5, quotes: 0, reposts: 0, mentions: 2, hashtags: 1, skipped: 0 });
    expect(
      r.messages.map((m) => [m.author.replace('.bsky.social', ''), m.replyToAuthor?.replace('.bsky.social', ''), m.mentions.length]),
    ).toEqual([
      ['bluesky:carol', undefined, 0],
      ['bluesky:alice', 'bluesky:carol', 1],
      ['bluesky:bob', 'bluesky:alice', 0],
      ['bluesky:alice', 'bluesky:bob', 1],
      ['bluesky:dan', 'bluesky:bob', 0],
      ['bluesky:erin', 'bluesky:alice', 0],
    ]);
  });

  it('reads a getAuthorFeed: a #reasonRepost item is a repost by reason.by; a pinned repeat is read once', () => {
    const r = parse(fixture('made/bluesky/getAuthorFeed-repost.json'));
    expect(counts(r)).toEqual({ messages: 4, authors: 1, replies: 1, quotes: 1, reposts: 1, mentions: 0, hashtags: 3, skipped: 0 });
    const repost = r.messages.find((m) => m.kind === 'repost')!;
    expect(repost).toEqual({
      id: `repost:${did('alice0000000000000000000a')}:at://${did('bob00000000000000000000000b')}/app.bsky.feed.post/3lbob00010`,
      platform: 'bluesky',
      time: '2024-03-15T09:30:00.000Z',
      author: 'bluesky:alice.bsky.social',
      text: 'New open-access guide out today #openaccess #uklibchat',
      mentions: [],
      hashtags: ['#openaccess', '#uklibchat'],
      kind: 'repost',
      repostOf: 'bluesky:bob.bsky.social',
    });
    // The reply's parent is only in the item's reply context: enough to name its author.
    expect(r.messages.find((m) => m.kind === 'reply')!.replyToAuthor).toBe('bluesky:erin.bsky.social');
    expect(r.messages.find((m) => m.kind === 'quote')!.repostOf).toBe('bluesky:carol.bsky.social');
    expect(r.messages.some((m) => m.author === 'bluesky:bob.bsky.social')).toBe(false);
  });

  it('reads bare records as JSON Lines: authors known only by DID stay DIDs, bad lines are skipped with reasons', () => {
    const r = parse(fixture('made/bluesky/records.jsonl'), 'records.jsonl');
    const alice = `bluesky:${did('alice0000000000000000000a')}`;
    expect(counts(r)).toEqual({ messages: 4, authors: 1, replies: 2, quotes: 0, reposts: 1, mentions: 1, hashtags: 0, skipped: 4 });
    expect(r.messages.map((m) => [m.kind, m.author === alice, m.replyToAuthor, m.repostOf, m.mentions])).toEqual([
      ['post', true, undefined, undefined, []],
      ['reply', true, alice, undefined, []],
      // Bob's DID is never shown with a handle: the reply stays unresolved; the facet's own text names him.
      ['reply', true, undefined, undefined, ['bluesky:bob.bsky.social']],
      ['repost', true, undefined, undefined, []],
    ]);
    expect(r.skipped).toEqual([
      { line: 4, reason: 'not valid JSON: {"uri": "at://broken' },
      { line: 6, reason: 'app.bsky.feed.like record, not a post' },
      { line: 7, reason: 'app.bsky.feed.post record without its at:// uri: its author is unknown' },
      { line: 8, reason: `post at://${did('alice0000000000000000000a')}/app.bsky.feed.post/3lrec00006: no readable createdAt` },
    ]);
    expect(r.warnings).toEqual(['1 author(s) known only by DID (the file never shows their handle): keyed bluesky:did:…']);
  });

  it('slices facets by UTF-8 bytes, so emoji and accents before a mention do not shift it', () => {
    const r = parse(fixture('made/bluesky/emoji-accents-facets.json'));
    const [m] = r.messages;
    expect(m!.mentions).toEqual(['bluesky:zoe-lib.example.org']);
    expect(m!.hashtags).toEqual(['#bibliothèque']);
    // The facet's byte offsets read as UTF-16 indexes would land elsewhere.
    expect(m!.text.slice(76, 96)).not.toBe('@zoe-lib.example.org');
    expect(r.people.find((p) => p.key === 'bluesky:zoe-lib.example.org')?.platformId).toBe(did('zoe00000000000000000000z'));
  });

  it('reads Jetstream lines: identity events name people, deletes are skipped', () => {
    const alice = did('alice0000000000000000000a');
    const lines = [
      {
        did: alice,
        time_us: 1,
        kind: 'identity',
        identity: { did: alice, handle: 'alice.bsky.social', seq: 1, time: '2024-03-18T10:00:00.000Z' },
      },
      {
        did: alice,
        time_us: 2,
        kind: 'commit',
        commit: {
          rev: 'r',
          operation: 'create',
          collection: 'app.bsky.feed.post',
          rkey: '3ljet01',
          record: { $type: 'app.bsky.feed.post', text: 'hello #critlib', createdAt: '2024-03-18T10:01:00.000Z' },
        },
      },
      {
        did: alice,
        time_us: 3,
        kind: 'commit',
        commit: { rev: 'r', operation: 'delete', collection: 'app.bsky.feed.post', rkey: '3ljet00' },
      },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const r = parse(lines, 'jetstream.jsonl');
    expect(r.messages.map((m) => [m.id, m.author, m.hashtags])).toEqual([
      [`at://${alice}/app.bsky.feed.post/3ljet01`, 'bluesky:alice.bsky.social', ['#critlib']],
    ]);
    expect(r.skipped).toEqual([{ line: 3, reason: 'Jetstream delete event, not a new record' }]);
  });

  it('refuses a file with no post at all', () => {
    const e = caught(() => parse('{"posts": [], "cursor": "0"}', 'empty-page.json'));
    expect([e.code, e.statusCode]).toEqual(['no_messages', 422]);
  });
});
