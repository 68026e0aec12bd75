import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it, expect } from 'vitest';
import { readArchive } from '../../server/ingest/archive.js';
import { TranscriptError } from '../../server/ingest/errors.js';
import { readFolder, readUpload } from '../../server/ingest/read-upload.js';
import type { ReadTranscript } from '../../server/ingest/read-transcript.js';
import { makeZip, zerosEntry, type ZipInput } from '../support/zip.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const bytes = (p: string) => new Uint8Array(readFileSync(path.join(FIXTURES, p)));
// A 1×1 PNG: what a "zip of only images" holds.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e3b5a2a00000000049454e44ae426082',
  'hex',
);

/** A fixture folder as zip entries under `prefix`; the first JSON entry is deflated, the rest stored. */
function folderEntries(dir: string, prefix = ''): ZipInput[] {
  const root = path.join(FIXTURES, dir);
  const out: ZipInput[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) {
        out.push({ path: `${prefix}${path.relative(root, p).split(path.sep).join('/')}/` });
        walk(p);
      } else
        out.push({
          path: `${prefix}${path.relative(root, p).split(path.sep).join('/')}`,
          data: readFileSync(p),
          method: out.length === 0 ? 'deflate' : 'store',
        });
    }
  };
  walk(root);
  return out;
}

const summary = (reads: ReadTranscript[]) =>
  reads.map((r) => ({
    file: r.result.file,
    format: r.result.format,
    messages: r.result.messages,
    authors: new Set(r.messages.map((m) => m.author)).size,
    replies: r.messages.filter((m) => m.replyToId).length,
    mentions: r.messages.reduce((n, m) => n + m.mentions.length, 0),
    skipped: r.result.skipped,
  }));

async function rejected(p: Promise<unknown>): Promise<TranscriptError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('expected a TranscriptError');
}

describe('readUpload: a Slack export zip', () => {
  it('reads the whole export as one transcript, leaving out folders and macOS litter', async () => {
    const zip = makeZip([
      ...folderEntries('made/slack/export'),
      { path: '__MACOSX/general/._2024-03-14.json', data: 'junk' },
      { path: '.DS_Store', data: 'junk' },
    ]);
    const reads = await readUpload(zip, { fileName: 'libchat.zip' });
    expect(summary(reads)).toEqual([
      { file: 'libchat.zip/', format: 'slack', messages: 10, authors: 4, replies: 5, mentions: 5, skipped: 8 },
    ]);
    const [read] = reads;
    expect(read!.result.skippedItems[0]!.reason).toBe('direct messages are never imported: D01ANNBOB/ (2 day file(s)) left unread');
    expect(read!.result.warnings).toEqual([
      'skipped: 2 × direct messages are never imported, 1 × channel_join, 2 × bot message, 1 × tombstone, 1 × channel_topic, 1 × pinned_item',
    ]);
    expect(new Set(read!.messages.map((m) => m.chat))).toEqual(new Set(['#general', '#libchat', '#cataloguers']));
    expect(read!.messages.find((m) => m.text.startsWith('A1: same'))).toMatchObject({ answer: 1, replyToAuthor: 'slack:ann' });
    expect(read!.people.map((p) => p.key)).toEqual(['slack:ann', 'slack:bob.lib', 'slack:cat', 'slack:eve.ext']);
  });
});

describe('readUpload: a zip of several exports', () => {
  const zip = makeZip([
    { path: 'exports/get_mentions.json', data: bytes('real/twitter-v1.1/get_mentions.json'), method: 'deflate' },
    { path: 'exports/tag_timeline.json', data: bytes('real/mastodon/tag_timeline.json') },
    ...folderEntries('real/slack', 'mesos-magellan/'),
    { path: 'README.md', data: 'Exports for the library chat study, March 2024.\n' },
    { path: 'logo.png', data: PNG },
  ]);

  it('reads the Slack export as one transcript and every other export on its own', async () => {
    const reads = await readUpload(zip, { fileName: 'chats.zip' });
    expect(summary(reads)).toEqual([
      { file: 'chats.zip/mesos-magellan/', format: 'slack', messages: 14, authors: 3, replies: 0, mentions: 3, skipped: 4 },
      {
        file: 'chats.zip/exports/get_mentions.json',
        format: 'twitter-v1',
        messages: 19,
        authors: 15,
        replies: 13,
        mentions: 25,
        skipped: 0,
      },
      { file: 'chats.zip/exports/tag_timeline.json', format: 'mastodon', messages: 20, authors: 17, replies: 8, mentions: 16, skipped: 0 },
    ]);
    // What is no transcript is noted on the archive's first report, not fatal.
    expect(reads[0]!.result.warnings).toEqual([
      'skipped: 4 × channel_join',
      'chats.zip/README.md: not a transcript format Chat Atlas reads',
      'chats.zip/logo.png: binary (an image, a document, a nested zip…), not a transcript',
    ]);
  });

  it('passes a plain file straight to readTranscript', async () => {
    const reads = await readUpload(bytes('real/mastodon/tag_timeline.json'), { fileName: 'tag_timeline.json' });
    expect(summary(reads)).toEqual([
      { file: 'tag_timeline.json', format: 'mastodon', messages: 20, authors: 17, replies: 8, mentions: 16, skipped: 0 },
    ]);
  });

  it('notes encrypted entries and reads the rest', async () => {
    const reads = await readUpload(
      makeZip([
        { path: 'secret.json', data: '[]', flags: 1 },
        { path: 'tag_timeline.json', data: bytes('real/mastodon/tag_timeline.json') },
      ]),
      { fileName: 'locked.zip' },
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]!.result.warnings).toEqual(['locked.zip/secret.json: left out (encrypted)']);
  });
});

describe('readUpload: zips it refuses', () => {
  it('a corrupt zip is a 422 unreadable_file', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('not really a zip at all')]);
    const e = await rejected(readUpload(garbage, { fileName: 'broken.zip' }));
    expect([e.code, e.statusCode]).toEqual(['unreadable_file', 422]);
    expect(e.message).toMatch(/^broken\.zip is not a readable zip archive: /);
    const good = makeZip(folderEntries('real/slack'));
    const truncated = await rejected(readUpload(good.subarray(0, good.length - 30), { fileName: 'cut.zip' }));
    expect([truncated.code, truncated.statusCode]).toEqual(['unreadable_file', 422]);
    // Entry names never become filesystem paths here; one that climbs out is still refused as malformed.
    const climbing = await rejected(readUpload(makeZip([{ path: '../evil.json', data: '[]' }]), { fileName: 'evil.zip' }));
    expect([climbing.code, climbing.message]).toEqual([
      'unreadable_file',
      'evil.zip is not a readable zip archive: invalid relative path: ../evil.json',
    ]);
  });

  it('a zip bomb (one 1.1 GiB entry of zeros, 7 MiB zipped) is refused before anything is inflated', async () => {
    const bomb = makeZip([{ path: 'tweets.json', deflated: zerosEntry(1.1 * 1024 ** 3) }]);
    const e = await rejected(readUpload(bomb, { fileName: 'bomb.zip' }));
    expect([e.code, e.statusCode, e.details.limit]).toEqual(['unreadable_file', 422, 'unpacked size']);
    expect(e.message).toMatch(
      /^bomb\.zip would unpack to 1126\.4 MiB from 7\.1 MiB: over 20× its size and over 1024\.0 MiB, refused as a possible zip bomb$/,
    );
  });

  it('a zip that unpacks past 20× its size but under 1 GiB is still read', async () => {
    const entries = await readArchive(makeZip([{ path: 'zeros.bin', deflated: zerosEntry(32 * 1024 ** 2) }]), 'zeros.zip');
    expect(entries.map((e) => [e.path, e.bytes.length])).toEqual([['zeros.bin', 32 * 1024 ** 2]]);
  });

  it('more than 20,000 entries are refused', async () => {
    const many = makeZip(Array.from({ length: 20_001 }, (_, i) => ({ path: `f${i}.txt`, data: 'x' })));
    const e = await rejected(readUpload(many, { fileName: 'many.zip' }));
    expect([e.code, e.statusCode, e.details.limit]).toEqual(['unreadable_file', 422, 'entries']);
    expect(e.message).toBe('many.zip holds 20001 entries; at most 20000 are read from one zip');
  });

  it('a zip of only images, or an empty zip, has no messages; a zip of one broken transcript fails as that file', async () => {
    const images = await rejected(
      readUpload(
        makeZip([
          { path: 'a.png', data: PNG },
          { path: 'photos/b.png', data: PNG },
        ]),
        { fileName: 'photos.zip' },
      ),
    );
    expect([images.code, images.statusCode]).toEqual(['no_messages', 422]);
    expect(images.message).toBe(
      'photos.zip: no messages: none of its 2 file(s) is a transcript Chat Atlas reads (photos.zip/a.png: binary (an image, a document, a nested zip…), not a transcript)',
    );
    expect(images.details.notes).toHaveLength(2);
    const one = await rejected(readUpload(makeZip([{ path: 'chat.json', data: '[{"id_str": "1",\n oops' }]), { fileName: 'one.zip' }));
    expect([one.code, one.details.file, one.details.line]).toEqual(['unreadable_file', 'one.zip/chat.json', 2]);
    const empty = await rejected(readUpload(makeZip([]), { fileName: 'empty.zip' }));
    expect([empty.code, empty.message]).toEqual(['no_messages', 'empty.zip: no messages: it is empty']);
  });
});

describe('readFolder', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-folder-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads a Slack export folder as one transcript', async () => {
    const reads = await readFolder(path.join(FIXTURES, 'made/slack/export'));
    expect(summary(reads)).toEqual([{ file: 'export/', format: 'slack', messages: 10, authors: 4, replies: 5, mentions: 5, skipped: 8 }]);
  });

  it('reads a folder of transcripts file by file, leaving hidden files out', async () => {
    cpSync(path.join(FIXTURES, 'real/slack'), path.join(tmp, 'slack'), { recursive: true });
    cpSync(path.join(FIXTURES, 'real/mastodon/tag_timeline.json'), path.join(tmp, 'tag_timeline.json'));
    writeFileSync(path.join(tmp, '.notes.txt'), 'private');
    const reads = await readFolder(tmp);
    expect(summary(reads).map((r) => [r.file.replace(path.basename(tmp), 'TMP'), r.format, r.messages])).toEqual([
      ['TMP/slack/', 'slack', 14],
      ['TMP/tag_timeline.json', 'mastodon', 20],
    ]);
    expect(reads[0]!.result.warnings).toEqual(['skipped: 4 × channel_join']);
  });
});
