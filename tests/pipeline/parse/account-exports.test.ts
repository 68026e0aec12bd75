/**
 * Account exports on their real samples (tests/fixtures/SOURCES.md, rows 24–27):
 * a Mastodon archive's outbox.json, alone and in the archive's zip, and
 * Bluesky repository exports (.car), read from their bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MessageSchema, PersonProfileSchema } from '../../../shared/index.js';
import { memorySink } from '../../../server/ingest/memory-sink.js';
import { detectFormat } from '../../../server/ingest/detect.js';
import { readBytesInto } from '../../../server/ingest/read-file.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';
import { handleFromUri } from '../../../server/ingest/parse/mastodon-archive.js';
import { readMastodonActor } from '../../../server/ingest/parse/mastodon-actor.js';
import { makeZip } from '../../support/zip.js';
import { caught } from '../../support/transcript-error.js';

const REAL = new URL('../../fixtures/real/', import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, REAL)));
const counts = <T extends string>(xs: T[]) => xs.reduce<Record<string, number>>((o, x) => ((o[x] = (o[x] ?? 0) + 1), o), {});

describe('Mastodon account archive (outbox.json of @dealingwith@indieweb.social, 272 activities)', () => {
  const read = readTranscript(bytes('mastodon-archive/outbox.json'), { fileName: 'outbox.json', chat: 'dealingwith' });

  it('is detected by content, though its orderedItems key is written twice (first empty)', () => {
    expect(detectFormat(readFileSync(new URL('mastodon-archive/outbox.json', REAL), 'utf8'), 'outbox.json')).toBe('mastodon-archive');
    expect(read.result.format).toBe('mastodon-archive');
  });

  it('reads 209 posts and replies and 61 boosts, 8 Nov 2022 – 4 Jun 2023; the followers-only and the direct post are left out', () => {
    expect(read.messages).toHaveLength(270);
    expect(counts(read.messages.map((m) => m.kind))).toEqual({ post: 158, reply: 51, repost: 61 });
    const times = read.messages.map((m) => m.time).sort();
    expect([times[0], times.at(-1)]).toEqual(['2022-11-08T03:07:14.000Z', '2023-06-04T21:22:48.000Z']);
    expect(counts(read.result.skippedItems.map((s) => s.reason))).toEqual({ 'followers-only post': 1, 'direct post': 1 });
    for (const m of read.messages) expect(MessageSchema.safeParse(m).error).toBeUndefined();
    for (const p of read.people) expect(PersonProfileSchema.safeParse(p).error).toBeUndefined();
  });

  it('keys the author by their actor URI, replies by the replied status URI, mentions from Mention tags, hashtags from Hashtag tags', () => {
    expect(new Set(read.messages.map((m) => m.author))).toEqual(new Set(['mastodon:dealingwith@indieweb.social']));
    const reply = read.messages.find((m) => m.id === '109309145334822499')!;
    expect(reply).toMatchObject({
      kind: 'reply',
      text: '@mcg 😜',
      replyToId: '109308078398027392',
      replyToAuthor: 'mastodon:mcg@social.lol',
      mentions: ['mastodon:mcg@social.lol'],
    });
    expect(read.messages.filter((m) => m.mentions.length > 0)).toHaveLength(30);
    expect(read.messages.filter((m) => m.hashtags.length > 0)).toHaveLength(9);
    expect(read.messages.filter((m) => m.replyToAuthor === 'mastodon:dealingwith@indieweb.social')).toHaveLength(32); // threads of his own
  });

  it('reads a boost (a bare status URI) as a repost of that status’s author', () => {
    const boost = read.messages.find((m) => m.id === '109449999597967268')!;
    expect(boost).toMatchObject({ kind: 'repost', repostOf: 'mastodon:s0mmer@mastodon.social', text: '' });
  });

  it('reads people from actor and status URIs in both layouts', () => {
    expect(handleFromUri('https://indieweb.social/users/dealingwith/statuses/1')).toBe('dealingwith@indieweb.social');
    expect(handleFromUri('https://glammr.us/@ann/2')).toBe('ann@glammr.us');
    expect(handleFromUri('https://example.org/notes/3')).toBeUndefined();
  });

  it('reads the archive as it comes, a zip with actor.json and media beside the outbox', async () => {
    const zip = makeZip([
      { path: 'actor.json', data: readFileSync(new URL('mastodon-archive/actor.json', REAL)) },
      { path: 'outbox.json', data: readFileSync(new URL('mastodon-archive/outbox.json', REAL)), method: 'deflate' },
      { path: 'media_attachments/files/1/original/a.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    ]);
    const sink = memorySink();
    await readBytesInto(zip, { fileName: 'archive-20240723.zip' }, sink);
    const read = sink.reads.find((r) => r.result.format === 'mastodon-archive')!;
    expect(read.messages).toHaveLength(270);
    // actor.json is the profile of the outbox's author, not a file left out.
    expect(read.people.find((p) => p.key === 'mastodon:dealingwith@indieweb.social')).toEqual({
      key: 'mastodon:dealingwith@indieweb.social',
      platform: 'mastodon',
      handle: 'dealingwith@indieweb.social',
      name: 'dealingwith',
      bio: 'ennui. far too much more info at link below',
      url: 'https://daniel.industries',
    });
    expect(read.result.warnings.filter((w) => w.includes('actor.json'))).toEqual([]);
  });

  it('reads the profile from actor.json: bio from summary (HTML stripped), a field named like a place as location, other fields added to the bio', () => {
    const actor = JSON.parse(readFileSync(new URL('mastodon-archive/actor.json', REAL), 'utf8')) as Record<string, unknown>;
    expect(readMastodonActor(JSON.stringify(actor))).toMatchObject({ bio: 'ennui. far too much more info at link below' });
    const fields = [
      { type: 'PropertyValue', name: 'Location', value: 'Austin, Texas' },
      { type: 'PropertyValue', name: 'Work', value: 'Systems librarian, <b>Austin Public Library</b>' },
      ...(actor.attachment as object[]),
    ];
    expect(readMastodonActor(JSON.stringify({ ...actor, attachment: fields }))).toMatchObject({
      location: 'Austin, Texas',
      bio: 'ennui. far too much more info at link below\nWork: Systems librarian, Austin Public Library',
      url: 'https://daniel.industries',
    });
    expect(readMastodonActor(readFileSync(new URL('mastodon-archive/outbox.json', REAL), 'utf8'))).toBeUndefined();
  });

  it('leaves an actor.json that is no Person to be reported as any other file', async () => {
    const zip = makeZip([
      { path: 'actor.json', data: '{"type": "Group", "id": "https://example.org/users/x"}' },
      { path: 'outbox.json', data: readFileSync(new URL('mastodon-archive/outbox.json', REAL)) },
    ]);
    const sink = memorySink();
    await readBytesInto(zip, { fileName: 'a.zip' }, sink);
    expect(sink.reads[0]!.people.find((p) => p.key === 'mastodon:dealingwith@indieweb.social')).toEqual({
      key: 'mastodon:dealingwith@indieweb.social',
      platform: 'mastodon',
      handle: 'dealingwith@indieweb.social',
    });
    expect(sink.reads[0]!.result.warnings.some((w) => w.startsWith('a.zip/actor.json: '))).toBe(true);
  });
});

describe('Bluesky repository export (.car)', () => {
  it('reads the test account’s post and its reply, with record keys from the MST; the like and the profile are not posts', () => {
    const read = readTranscript(bytes('bluesky-car/msttest-06-reply.car'), { fileName: 'msttest.car' });
    expect(read.result.format).toBe('bluesky-car');
    const did = 'did:plc:tyme6enconikdp7rnxkywdcg';
    expect(read.messages.map((m) => [m.id, m.kind, m.text, m.time])).toEqual([
      [`at://${did}/app.bsky.feed.post/3malwzvfmmk2t`, 'post', 'doing a quick test of mst', '2025-12-22T19:15:23.411Z'],
      [`at://${did}/app.bsky.feed.post/3malx3qc2es2t`, 'reply', 'and a quick reply', '2025-12-22T19:16:25.160Z'],
    ]);
    expect(read.messages[1]).toMatchObject({ replyToId: read.messages[0]!.id, replyToAuthor: `bluesky:${did}` });
    expect(read.people).toEqual([
      { key: `bluesky:${did}`, platform: 'bluesky', handle: did, platformId: did, name: 'msttest', bio: 'hello' },
    ]);
    expect(counts(read.result.skippedItems.map((s) => s.reason))).toEqual({
      'app.bsky.feed.like record, not a post': 1,
      'app.bsky.actor.profile record, not a post': 1,
    });
  });

  it('answers a repository with no posts (likes, follows, a chat declaration) with a 422 that says what it held', () => {
    const e = caught(() => readTranscript(bytes('bluesky-car/snarfed2.car'), { fileName: 'snarfed2.car' }));
    expect([e.statusCode, e.code]).toEqual([422, 'no_messages']);
    expect(e.message).toContain('read as bluesky-car, but no message could be used');
    expect(counts((e.details.skipped as { reason: string }[]).map((s) => s.reason))).toEqual({
      'app.bsky.feed.like record, not a post': 1,
      'app.bsky.graph.follow record, not a post': 2,
      'chat.bsky.actor.declaration record, not a post': 1,
      'app.bsky.actor.profile record, not a post': 1,
    });
  });

  it('refuses a damaged CAR with a 422, not a crash', () => {
    const car = bytes('bluesky-car/msttest-06-reply.car');
    const e = caught(() => readTranscript(car.subarray(0, 200), { fileName: 'cut.car' }));
    expect([e.statusCode, e.code]).toEqual([422, 'unreadable_file']);
    const flipped = car.slice();
    flipped.fill(0xff, 120, 400); // a valid header, then broken blocks
    expect(caught(() => readTranscript(flipped, { fileName: 'broken.car' })).code).toBe('unreadable_file');
    const text = caught(() => readTranscript(new TextEncoder().encode('not a car\n'), { fileName: 'a.txt', format: 'bluesky-car' }));
    expect([text.statusCode, text.code]).toEqual([422, 'unreadable_file']);
  });
});
