/**
 * Big-file reading: a file read chunk by chunk (or a zip entry by entry from
 * disk) must give what reading it whole gives — the same messages, people,
 * counts and line numbers — apart from the chat inferred per chunk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message, PersonProfile, SourceResult } from '../../../shared/index.js';
import { TranscriptError } from '../../../server/ingest/errors.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';
import { readUpload } from '../../../server/ingest/read-upload.js';
import { readFileInto } from '../../../server/ingest/read-file.js';
import type { ImportSink } from '../../../server/ingest/stream/sink.js';
import { makeZip } from '../../support/zip.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-stream-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Collected {
  files: { messages: Message[]; people: PersonProfile[]; result?: Omit<SourceResult, 'stored'> }[];
  progress: number[];
  batches: number;
}

function collector(): { sink: ImportSink; got: Collected } {
  const got: Collected = { files: [], progress: [], batches: 0 };
  const sink: ImportSink = {
    beginFile: () => got.files.push({ messages: [], people: [] }) - 1,
    stage: async (i, messages, people) => {
      got.batches++;
      got.files[i]!.messages.push(...messages);
      got.files[i]!.people.push(...people);
    },
    endFile: (i, result) => void (got.files[i]!.result = result),
    progress: (bytes) => void got.progress.push(bytes),
  };
  return { sink, got };
}

/** Reads a fixture as a big file would be read: never whole, in chunks of `chunkBytes`. */
async function readInPieces(fixture: string, chunkBytes: number, fileName = path.basename(fixture), parseThreads?: number) {
  const file = path.join(FIXTURES, fixture);
  const { sink, got } = collector();
  await readFileInto({ path: file, fileName, size: fs.statSync(file).size }, sink, {
    wholeReadBytes: 0,
    chunkBytes,
    ...(parseThreads !== undefined ? { parseThreads } : {}),
  });
  return got;
}

/** A message without its chat (inferred per chunk), sorted by id for comparison. */
const content = (messages: readonly Message[]) =>
  messages.map(({ chat: _chat, ...m }) => m).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const keys = (people: readonly PersonProfile[]) => [...new Set(people.map((p) => p.key))].sort();

describe('readFileInto: line formats in chunks', () => {
  it.each([
    ['real/twitter-v2/flat.jsonl', 'twitter-v2', 4096],
    ['real/tags-csv/sample-data.csv', 'tags-csv', 1024],
    ['made/twitter/twarc1-bad-lines.jsonl', 'twitter-v1', 700],
    ['made/csv/bad-rows.csv', 'csv', 200],
    ['made/csv/netlytic.csv', 'csv', 300],
  ])('%s (%s) read in %i-byte chunks gives what the whole read gives', async (fixture, format, chunkBytes) => {
    const whole = readTranscript(new Uint8Array(fs.readFileSync(path.join(FIXTURES, fixture))), { fileName: path.basename(fixture) });
    const got = await readInPieces(fixture, chunkBytes);
    expect(got.batches).toBeGreaterThan(1);
    expect(got.files).toHaveLength(1);
    const [read] = got.files;
    expect(read!.result!.format).toBe(format);
    expect(read!.result!.messages).toBe(whole.result.messages);
    expect(content(read!.messages)).toEqual(content(whole.messages));
    expect(keys(read!.people)).toEqual(keys(whole.people));
    // Skipped lines carry the file's line numbers, not the chunk's.
    expect(read!.result!.skipped).toBe(whole.result.skipped);
    expect(read!.result!.skippedItems.map((s) => s.line)).toEqual(whole.result.skippedItems.map((s) => s.line));
    // Progress climbs to the file's size.
    expect(got.progress.at(-1)).toBe(fs.statSync(path.join(FIXTURES, fixture)).size);
    expect([...got.progress].sort((a, b) => a - b)).toEqual(got.progress);
  });

  it.each([
    ['made/twitter/twarc1-bad-lines.jsonl', 700],
    ['made/csv/bad-rows.csv', 200],
    ['real/tags-csv/sample-data.csv', 1024],
  ])('%s: chunks parsed on two threads give, batch for batch, what one thread gives', async (fixture, chunkBytes) => {
    const inline = await readInPieces(fixture, chunkBytes, path.basename(fixture), 0);
    const threaded = await readInPieces(fixture, chunkBytes, path.basename(fixture), 2);
    expect(inline.batches).toBeGreaterThan(2);
    expect(threaded.batches).toBe(inline.batches);
    // Same order too: messages, people, skipped lines with their numbers, warnings, progress.
    expect(threaded.files).toEqual(inline.files);
    expect(threaded.progress).toEqual(inline.progress);
  });

  it('skips a later chunk that cannot be read, says which lines, and keeps the rest (on a parse thread)', async () => {
    const good = fs.readFileSync(path.join(FIXTURES, 'made/twitter/twarc1-bad-lines.jsonl'), 'utf8').split('\n')[0]!;
    const tweet = (id: number) => good.replace(/1768366487761850369/g, String(1768366487761850369n + BigInt(id)));
    // Lines 1–20 tweets; 21–60 JSON that no format reads (a chunk of them is unreadable); 61–80 tweets.
    const lines = [
      ...Array.from({ length: 20 }, (_, i) => tweet(i)),
      ...Array.from({ length: 40 }, (_, i) => `{"n": ${i}}`),
      ...Array.from({ length: 20 }, (_, i) => tweet(100 + i)),
    ];
    const file = path.join(tmp, 'gap.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const { sink, got } = collector();
    await readFileInto({ path: file, fileName: 'gap.jsonl', size: fs.statSync(file).size, format: 'twitter-v1' }, sink, {
      wholeReadBytes: 0,
      chunkBytes: 200,
      parseThreads: 2,
    });
    const [read] = got.files;
    expect(read!.messages).toHaveLength(40);
    expect(read!.result!.messages).toBe(40);
    // A chunk wholly unreadable is one report naming its lines; bad lines in a chunk with tweets, one each.
    expect(read!.result!.skipped).toBe(40);
    const wholeChunks = read!.result!.skippedItems.filter((s) =>
      /^lines \d+–\d+: gap\.jsonl: no Twitter v1\.1 statuses found \(\d+ record\(s\)/.test(s.reason),
    );
    expect(wholeChunks.length).toBeGreaterThanOrEqual(1);
    const covered = read!.result!.skippedItems.flatMap(({ line, reason }) => {
      const range = /^lines (\d+)–(\d+):/.exec(reason);
      return range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : [line];
    });
    expect(covered).toEqual(Array.from({ length: 40 }, (_, i) => 21 + i));
  });

  it('refuses a file whose first chunk is unreadable, naming the line', async () => {
    const file = path.join(tmp, 'broken.jsonl');
    fs.writeFileSync(file, `${'{"id_str": "1", "text": "x"}\n'.repeat(3)}`);
    const { sink } = collector();
    const error = await readFileInto({ path: file, fileName: 'broken.jsonl', size: fs.statSync(file).size, format: 'twitter-v1' }, sink, {
      wholeReadBytes: 0,
      chunkBytes: 64,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).code).toBe('no_messages');
  });
});

describe('readFileInto: a zip on disk, entry by entry', () => {
  const entries = (dir: string, prefix: string) => {
    const out: { path: string; data: Buffer }[] = [];
    const walk = (d: string) => {
      for (const name of fs.readdirSync(d).sort()) {
        const p = path.join(d, name);
        if (fs.statSync(p).isDirectory()) walk(p);
        else
          out.push({ path: `${prefix}${path.relative(path.join(FIXTURES, dir), p).split(path.sep).join('/')}`, data: fs.readFileSync(p) });
      }
    };
    walk(path.join(FIXTURES, dir));
    return out;
  };
  const zipBytes = makeZip([
    { path: 'exports/flat.jsonl', data: fs.readFileSync(path.join(FIXTURES, 'real/twitter-v2/flat.jsonl')), method: 'deflate' },
    { path: 'exports/tag_timeline.json', data: fs.readFileSync(path.join(FIXTURES, 'real/mastodon/tag_timeline.json')) },
    ...entries('made/slack/export', 'workspace/').map((e) => ({ ...e, method: 'deflate' as const })),
    { path: 'README.md', data: 'Exports for the library chat study.\n' },
  ]);
  const zipFile = path.join(tmp, 'chats.zip');
  fs.writeFileSync(zipFile, zipBytes);

  it('reads what readUpload reads from the same zip in memory: Slack export one folder at a time, big entries in chunks', async () => {
    const inMemory = await readUpload(zipBytes, { fileName: 'chats.zip' });
    const { sink, got } = collector();
    await readFileInto({ path: zipFile, fileName: 'chats.zip', size: zipBytes.length }, sink, { wholeReadBytes: 0, chunkBytes: 4096 });
    const summary = (files: { result?: Omit<SourceResult, 'stored'>; messages: Message[] }[]) =>
      files.map((f) => [
        f.result!.file,
        f.result!.format,
        f.result!.messages,
        f.result!.skipped,
        new Set(f.messages.map((m) => m.author)).size,
        f.messages.filter((m) => m.replyToId).length,
      ]);
    expect(summary(got.files)).toEqual(summary(inMemory));
    expect(summary(got.files)).toEqual([
      ['chats.zip/workspace/', 'slack', 10, 8, 4, 5],
      [
        'chats.zip/exports/flat.jsonl',
        'twitter-v2',
        inMemory[1]!.result.messages,
        0,
        inMemory[1]!.messages.length && new Set(inMemory[1]!.messages.map((m) => m.author)).size,
        inMemory[1]!.messages.filter((m) => m.replyToId).length,
      ],
      ['chats.zip/exports/tag_timeline.json', 'mastodon', 20, 0, 17, 8],
    ]);
    got.files.forEach((f, i) => expect(content(f.messages)).toEqual(content(inMemory[i]!.messages)));
    expect(got.files[0]!.result!.warnings).toContain('chats.zip/README.md: not a transcript format Chat Atlas reads');
    expect(got.progress.at(-1)).toBe(zipBytes.length);
  });
});
