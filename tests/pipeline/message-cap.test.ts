/**
 * A message's text is capped where every reader's messages pass (normalize):
 * a longer text is cut at the cap, and the file's report says which
 * messages were cut and how many — whole reads, chunked reads (inline and on
 * parse threads), zips and Slack exports alike. The CSV reader never builds
 * a field far beyond any cap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message, SourceResult } from '../../shared/index.js';
import { DEFAULT_MAX_MESSAGE_CHARS, normalizeMessages } from '../../server/ingest/normalize.js';
import { MAX_CSV_FIELD_CHARS, readCsv } from '../../server/ingest/parse/csv-reader.js';
import type { ParsedMessage } from '../../server/ingest/parse/types.js';
import { readTranscript } from '../../server/ingest/read-transcript.js';
import { readFolder, readUpload } from '../../server/ingest/read-upload.js';
import { readFileInto } from '../../server/ingest/read-file.js';
import type { ImportSink } from '../../server/ingest/stream/sink.js';
import { makeZip } from '../support/zip.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-cap-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const parsed = (id: string, minute: number, text: string): ParsedMessage => ({
  id,
  platform: 'csv',
  author: `csv:u${id}`,
  time: `2024-03-14T20:${String(minute).padStart(2, '0')}:00.000Z`,
  text,
  mentions: [],
  hashtags: [],
  kind: 'post',
});

/** A CSV of rows (author, text), one minute apart, each text quoted. */
const csv = (rows: [string, string][]) =>
  `author,text,time\n${rows.map(([a, t], i) => `${a},"${t.replaceAll('"', '""')}",2024-03-14T20:${String(i).padStart(2, '0')}:00Z`).join('\n')}\n`;

describe('normalizeMessages: maxTextChars', () => {
  it('cuts a longer text at the cap (the parsed message left as it was) and names the messages cut in one warning with their count', () => {
    const input = [parsed('a', 1, 'x'.repeat(30)), parsed('b', 2, 'short'), parsed('c', 3, 'y'.repeat(11)), parsed('d', 4, 'z'.repeat(10))];
    const { messages, warnings } = normalizeMessages(input, { fileName: 'long.csv', maxTextChars: 10 });
    expect(input[0]!.text).toHaveLength(30);
    expect(messages.map((m) => m.text)).toEqual(['x'.repeat(10), 'short', 'y'.repeat(10), 'z'.repeat(10)]);
    expect(warnings).toEqual([
      'long.csv: 2 message(s) longer than 10 characters were cut to 10: id a by csv:ua at 2024-03-14T20:01:00.000Z; id c by csv:uc at 2024-03-14T20:03:00.000Z',
    ]);
  });

  it('defaults to 100,000 characters, far above any real post', () => {
    expect(DEFAULT_MAX_MESSAGE_CHARS).toBe(100_000);
    const { messages, warnings } = normalizeMessages([parsed('a', 1, 'x'.repeat(120_000)), parsed('b', 2, 'y'.repeat(100_000))], {
      fileName: 'f.csv',
    });
    expect(messages.map((m) => m.text.length)).toEqual([100_000, 100_000]);
    expect(warnings).toEqual([
      'f.csv: 1 message(s) longer than 100,000 characters were cut to 100,000: id a by csv:ua at 2024-03-14T20:01:00.000Z',
    ]);
  });

  it('never splits a surrogate pair, and names at most five messages', () => {
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const many = Array.from({ length: 7 }, (_, i) => parsed(`m${i}`, i, emoji));
    const { messages, warnings } = normalizeMessages(many, { fileName: 'e.jsonl', maxTextChars: 5 });
    expect(messages.map((m) => m.text)).toEqual(Array(7).fill('😀😀'));
    expect(warnings[0]).toMatch(
      /^e\.jsonl: 7 message\(s\) longer than 5 characters were cut to 5: id m0 .*; id m4 by csv:um4 at 2024-03-14T20:04:00\.000Z and 2 more$/,
    );
  });
});

describe('readCsv: a field far beyond any cap is not built whole', () => {
  it('keeps at most maxFieldChars of a field (quoted, doubled quotes, or plain) and reads on', () => {
    const text = `a,b,c\n1,"${'x'.repeat(50)}""${'y'.repeat(50)}",3\n${'p'.repeat(40)},2,3\n4,5,6\n`;
    const table = readCsv(text, { maxFieldChars: 20 });
    expect(table.rows).toEqual([
      { line: 2, fields: ['1', 'x'.repeat(20), '3'] },
      { line: 3, fields: ['p'.repeat(20), '2', '3'] },
      { line: 4, fields: ['4', '5', '6'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('bounds fields at 16 Mi characters by default, above the largest MAX_MESSAGE_CHARS allowed', () => {
    expect(MAX_CSV_FIELD_CHARS).toBe(16 * 1024 * 1024);
    const table = readCsv(`author,text\nann,"${'x'.repeat(MAX_CSV_FIELD_CHARS + 1000)}"\n`);
    expect(table.rows[0]!.fields[1]).toHaveLength(MAX_CSV_FIELD_CHARS);
  });
});

function collector() {
  const files: { messages: Message[]; result?: Omit<SourceResult, 'stored'> }[] = [];
  const sink: ImportSink = {
    beginFile: () => files.push({ messages: [] }) - 1,
    stage: async (i, messages) => void files[i]!.messages.push(...messages),
    endFile: (i, result) => void (files[i]!.result = result),
    progress: () => {},
  };
  return { sink, files };
}

describe('every reader applies maxMessageChars', () => {
  const rows: [string, string][] = [
    ['ann', 'a'.repeat(500)],
    ['bob', 'hello there'],
    ['cy', `${'c'.repeat(300)}\nwith a line break`],
  ];

  it('a file read whole (readTranscript), and a zip of it (readUpload)', async () => {
    const whole = readTranscript(Buffer.from(csv(rows)), { fileName: 'chat.csv', maxMessageChars: 100 });
    expect(whole.messages.map((m) => m.text.length)).toEqual([100, 11, 100]);
    expect(whole.result.warnings).toEqual([
      expect.stringMatching(
        /^chat\.csv: 2 message\(s\) longer than 100 characters were cut to 100: id \S+ by csv:ann at .*; id \S+ by csv:cy at /,
      ),
    ]);
    const [zipped] = await readUpload(makeZip([{ path: 'chat.csv', data: csv(rows), method: 'deflate' }]), {
      fileName: 'up.zip',
      maxMessageChars: 100,
    });
    expect(zipped!.messages.map((m) => m.text.length)).toEqual([100, 11, 100]);
    expect(zipped!.result.warnings[0]).toMatch(/^up\.zip\/chat\.csv: 2 message\(s\) longer than 100 characters/);
  });

  it('a Slack export (finishRead), from a folder', async () => {
    const reads = await readFolder(path.join(FIXTURES, 'made/slack/export'), { maxMessageChars: 8 });
    const texts = reads.flatMap((r) => r.messages.map((m) => m.text));
    expect(texts.length).toBeGreaterThan(0);
    expect(Math.max(...texts.map((t) => t.length))).toBe(8);
    expect(reads[0]!.result.warnings.some((w) => /message\(s\) longer than 8 characters were cut to 8/.test(w))).toBe(true);
  });

  it.each([0, 1])('a file read in chunks (parse threads: %i), naming the lines of the chunk', async (parseThreads) => {
    const many: [string, string][] = Array.from({ length: 40 }, (_, i) => [`p${i}`, i % 10 === 3 ? 'L'.repeat(400) : `post ${i}`]);
    const file = path.join(tmp, `chunked-${parseThreads}.csv`);
    fs.writeFileSync(file, csv(many));
    const { sink, files } = collector();
    await readFileInto({ path: file, fileName: 'big.csv', size: fs.statSync(file).size }, sink, {
      wholeReadBytes: 0,
      chunkBytes: 2048,
      parseThreads,
      maxMessageChars: 50,
    });
    const messages = files.flatMap((f) => f.messages);
    expect(messages).toHaveLength(40);
    expect(
      messages
        .filter((m) => m.text.length === 50)
        .map((m) => m.author)
        .sort(),
    ).toEqual(['csv:p13', 'csv:p23', 'csv:p3', 'csv:p33']);
    const cut = files[0]!.result!.warnings.filter((w) => w.includes('were cut to 50'));
    expect(cut.length).toBeGreaterThan(0);
    for (const w of cut) expect(w).toMatch(/^big\.csv, lines \d+–\d+: \d message\(s\) longer than 50 characters were cut to 50: id /);
    expect(cut.reduce((n, w) => n + Number(/: (\d) message/.exec(w)![1]), 0)).toBe(4);
  });

  it('a big zip entry read from disk in chunks', async () => {
    const file = path.join(tmp, 'big.zip');
    fs.writeFileSync(file, makeZip([{ path: 'in/chat.csv', data: csv(rows), method: 'deflate' }]));
    const { sink, files } = collector();
    await readFileInto({ path: file, fileName: 'big.zip', size: fs.statSync(file).size }, sink, {
      wholeReadBytes: 0,
      parseThreads: 0,
      maxMessageChars: 100,
    });
    expect(files[0]!.messages.map((m) => m.text.length)).toEqual([100, 11, 100]);
    expect(files[0]!.result!.warnings[0]).toMatch(
      /^big\.zip\/in\/chat\.csv, lines 1–\d+: 2 message\(s\) longer than 100 characters were cut to 100/,
    );
  });
});
