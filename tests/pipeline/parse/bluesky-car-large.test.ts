/**
 * A Bluesky repository export past the 32 MiB read whole, as big accounts'
 * exports are (mostly likes and follows): built here, never committed, from
 * the real records of tests/fixtures/real/bluesky-car/msttest-06-reply.car
 * (its post, its reply, its like and its profile, under its DID) — the post
 * and reply copied 1,500 times with their times moved on a second each and
 * each reply pointed at its own post, and the like 115,000 times (36 MB). The file is
 * read block by block from disk (and from a zip entry) and gives what a
 * whole read of the same bytes gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CarBufferReader } from '@ipld/car/buffer-reader';
import { CarWriter } from '@ipld/car/writer';
import * as dagCbor from '@ipld/dag-cbor';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOLE_READ_BYTES } from '../../../server/ingest/read-file.js';
import { readPath, readUpload } from '../../../server/ingest/read-upload.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';
import { makeZip } from '../../support/zip.js';

type Json = Record<string, unknown>;
const PAIRS = 1_500;
const LIKES = 115_000;
const REAL = new URL('../../fixtures/real/bluesky-car/msttest-06-reply.car', import.meta.url);

const real = CarBufferReader.fromBytes(fs.readFileSync(REAL));
const decoded = real.blocks().map((b) => dagCbor.decode(b.bytes) as Json);
const commit = decoded.find((v) => typeof v.did === 'string')!;
const did = commit.did as string;
const ofType = (type: string) => decoded.filter((v) => v.$type === type);
const [post, reply] = ofType('app.bsky.feed.post').sort((a, b) => (a.reply ? 1 : b.reply ? -1 : 0));
const [like] = ofType('app.bsky.feed.like');
const [profile] = ofType('app.bsky.actor.profile');

async function block(value: unknown): Promise<{ cid: CID; bytes: Uint8Array }> {
  const bytes = dagCbor.encode(value);
  return { cid: CID.createV1(dagCbor.code, await sha256.digest(bytes)), bytes };
}
const later = (iso: unknown, seconds: number) => new Date(Date.parse(iso as string) + seconds * 1000).toISOString();
/** Record keys in the TID alphabet, in order. */
const rkey = (i: number) => `3malx${i.toString(32).padStart(8, '0')}`;

/** The repository: a commit, its records, and MST nodes of 32 entries (keys prefix-compressed within each node). */
async function writeLargeCar(file: string): Promise<{ posts: string[]; replies: string[] }> {
  const records: { key: string; block: { cid: CID; bytes: Uint8Array } }[] = [];
  const posts: string[] = [];
  const replies: string[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const postKey = `app.bsky.feed.post/${rkey(2 * i)}`;
    const postBlock = await block({ ...post, createdAt: later(post!.createdAt, i) });
    const ref = { cid: postBlock.cid, uri: `at://${did}/${postKey}` };
    const replyKey = `app.bsky.feed.post/${rkey(2 * i + 1)}`;
    const replyBlock = await block({ ...reply, createdAt: later(reply!.createdAt, i), reply: { root: ref, parent: ref } });
    records.push({ key: postKey, block: postBlock }, { key: replyKey, block: replyBlock });
    posts.push(`at://${did}/${postKey}`);
    replies.push(`at://${did}/${replyKey}`);
  }
  for (let i = 0; i < LIKES; i++)
    records.push({ key: `app.bsky.feed.like/${rkey(i)}`, block: await block({ ...like, createdAt: later(like!.createdAt, i) }) });
  records.push({ key: 'app.bsky.actor.profile/self', block: await block(profile) });
  records.sort((a, b) => (a.key < b.key ? -1 : 1));
  const nodes: { cid: CID; bytes: Uint8Array }[] = [];
  for (let i = 0; i < records.length; i += 32) {
    let last = '';
    const e = records.slice(i, i + 32).map(({ key, block: b }) => {
      let p = 0;
      while (p < last.length && last[p] === key[p]) p++;
      last = key;
      return { p, k: new TextEncoder().encode(key.slice(p)), v: b.cid, t: null };
    });
    nodes.push(await block({ l: null, e }));
  }
  const root = await block({ ...commit, data: nodes[0]!.cid });
  const { writer, out } = CarWriter.create([root.cid]);
  const written = (async () => {
    const stream = fs.createWriteStream(file);
    for await (const chunk of out) if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
    await new Promise<void>((r) => stream.end(() => r()));
  })();
  await writer.put(root);
  for (const n of nodes) await writer.put(n);
  for (const r of records) await writer.put(r.block);
  await writer.close();
  await written;
  return { posts, replies };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-car-'));
const file = path.join(dir, 'repo.car');
let made: { posts: string[]; replies: string[] };
beforeAll(async () => {
  made = await writeLargeCar(file);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a Bluesky repository export larger than the 32 MiB read whole', () => {
  it('is read from disk block by block: every post and reply, each reply to its own post, the likes counted as skipped', async () => {
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(WHOLE_READ_BYTES);
    const [read] = await readPath(file, { parseThreads: 0 });
    expect(read!.result).toMatchObject({ file: 'repo.car', format: 'bluesky-car', messages: 2 * PAIRS, skipped: LIKES + 1 });
    expect(read!.result.skippedItems.filter((s) => s.reason === 'app.bsky.feed.like record, not a post')).toHaveLength(99);
    expect(read!.result.skippedItems[0]).toEqual({ reason: 'app.bsky.actor.profile record, not a post' });
    const byId = new Map(read!.messages.map((m) => [m.id, m]));
    for (const [i, id] of made.replies.entries()) {
      expect(byId.get(id), id).toMatchObject({ kind: 'reply', replyToId: made.posts[i], text: reply!.text });
    }
    expect(byId.get(made.posts[0]!)).toMatchObject({ kind: 'post', text: post!.text, time: later(post!.createdAt, 0) });
    expect(read!.people).toEqual([
      { key: `bluesky:${did}`, platform: 'bluesky', handle: did, platformId: did, name: 'msttest', bio: 'hello' },
    ]);
  }, 120_000);

  it('gives what a whole read of the same bytes gives, and the same from inside a zip', async () => {
    const bytes = fs.readFileSync(file);
    const whole = readTranscript(bytes, { fileName: 'repo.car' });
    const [streamed] = await readPath(file, { parseThreads: 0 });
    expect(streamed!.messages).toEqual(whole.messages);
    expect(streamed!.people).toEqual(whole.people);
    const [zipped] = await readUpload(makeZip([{ path: 'export/repo.car', data: bytes }]), { fileName: 'bsky.zip', parseThreads: 0 });
    expect(zipped!.result).toMatchObject({ file: 'bsky.zip/export/repo.car', format: 'bluesky-car', messages: 2 * PAIRS });
    expect(zipped!.messages.map((m) => m.id)).toEqual(whole.messages.map((m) => m.id));
  }, 120_000);
});
