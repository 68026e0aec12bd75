/**
 * JSON Lines read line by line from the bytes must give exactly what
 * decoding the whole file and parsing the text gives: messages, people,
 * skipped lines with their numbers, warnings.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJsonLinesFast, readTranscript, utf8BytesFor } from '../../server/ingest/read-transcript.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const twitterLines = [
  'tests/fixtures/real/twitter-v1.1/tweets.jsonl',
  'tests/fixtures/made/twitter/twarc1-bad-lines.jsonl',
  'tests/fixtures/made/api/critlib.jsonl',
  'data/demo/auspublibs.jsonl',
  'data/demo/medlibsuk.jsonl',
].filter((p) => fs.existsSync(root(p)));

describe('readTranscript: JSON Lines line by line', () => {
  it('has real and made Twitter v1.1 JSON Lines to compare', () => {
    expect(twitterLines.length).toBeGreaterThanOrEqual(4);
  });

  it.each(twitterLines)('%s: the same as reading the whole text', (file) => {
    const bytes = new Uint8Array(fs.readFileSync(root(file)));
    const fileName = file.split('/').pop()!;
    expect(readJsonLinesFast(bytes, { fileName })?.format).toBe('twitter-v1');
    expect(readTranscript(bytes, { fileName })).toEqual(readTranscript(bytes, { fileName, wholeText: true }));
  });

  it('the same with a byte-order mark, Windows line breaks, blank lines and a bad line', () => {
    const lines = fs.readFileSync(root('tests/fixtures/made/twitter/twarc1-bad-lines.jsonl'), 'utf8').split('\n');
    const text = `\uFEFF${[lines[0], '', lines[1], 'not json', lines[3]].join('\r\n')}\r\n`;
    const bytes = new Uint8Array(Buffer.from(text));
    expect(readJsonLinesFast(bytes, { fileName: 'x.jsonl' })?.format).toBe('twitter-v1');
    const fast = readTranscript(bytes, { fileName: 'x.jsonl' });
    expect(fast).toEqual(readTranscript(bytes, { fileName: 'x.jsonl', wholeText: true }));
    expect(fast.result.skippedItems[0]).toEqual({ line: 4, reason: 'not valid JSON: not json' });
  });

  it('reads a first line longer than the detection head line by line too (its bytes are decoded whole)', () => {
    const lines = fs.readFileSync(root('tests/fixtures/made/twitter/twarc1-bad-lines.jsonl'), 'utf8').split('\n');
    // Padding after the fields detection looks for: 70k characters, 210 kB.
    const long = lines[0]!.replace(/\}\s*$/, `, "padding": "${'’'.repeat(70_000)}"}`);
    const bytes = new Uint8Array(Buffer.from(`${long}\n${lines[1]}\n`));
    expect(readJsonLinesFast(bytes, { fileName: 'x.jsonl' })?.format).toBe('twitter-v1');
    expect(readTranscript(bytes, { fileName: 'x.jsonl' })).toEqual(readTranscript(bytes, { fileName: 'x.jsonl', wholeText: true }));
  });

  it('leaves JSON documents, other encodings and other formats to the whole-text path', () => {
    const array = new Uint8Array(Buffer.from('[{"id_str": "1"}]'));
    expect(readJsonLinesFast(array, { fileName: 'a.json' })).toBeUndefined();
    const latin1 = new Uint8Array([...Buffer.from('{"text": "caf'), 0xe9, ...Buffer.from('"}\n{"a": 1}\n')]);
    expect(readJsonLinesFast(latin1, { fileName: 'b.jsonl' })).toBeUndefined();
    const mastodon = new Uint8Array(
      fs.readFileSync(root('tests/fixtures/real/mastodon/' + fs.readdirSync(root('tests/fixtures/real/mastodon'))[0]!)),
    );
    expect(readJsonLinesFast(mastodon, { fileName: 'm.json' })).toBeUndefined();
  });

  it('leaves a one-line document and binary bytes to the whole-text path, which reads or refuses them as before', () => {
    const page = fs.readFileSync(root('tests/fixtures/made/twitter/twarc1-bad-lines.jsonl'), 'utf8').split('\n')[0]!;
    const oneDocument = new Uint8Array(Buffer.from(`{"statuses": [${page}]}\n`));
    expect(readJsonLinesFast(oneDocument, { fileName: 'search.json' })).toBeUndefined();
    expect(readTranscript(oneDocument, { fileName: 'search.json' }).messages).toHaveLength(1);
    const binary = new Uint8Array(Buffer.from(`${page}\n${page.replace('Q1', 'Q1\u0000')}\n`));
    expect(readJsonLinesFast(binary, { fileName: 'b.jsonl' })).toBeUndefined();
    expect(() => readTranscript(binary, { fileName: 'b.jsonl' })).toThrow(expect.objectContaining({ code: 'binary_file' }));
  });
});

describe('utf8BytesFor', () => {
  const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

  it('counts characters of one to four bytes as UTF-16 code units, ending on a character boundary', () => {
    // a (1 byte), é (2), ’ (3), 🦉 (4 bytes, two code units), b (1).
    const bytes = bytesOf('aé’🦉b');
    expect([0, 1, 2, 3, 4, 5, 6].map((units) => utf8BytesFor(bytes, units))).toEqual([0, 1, 3, 6, 10, 10, 11]);
    expect(utf8BytesFor(bytes, 100)).toBe(11);
    expect(utf8BytesFor(new Uint8Array(0), 5)).toBe(0);
  });

  it('decodes to the same head as slicing the whole text, whatever the mix of widths', () => {
    const pieces = ['a', 'é', '’', '🦉', '\n'];
    let text = '';
    for (let i = 0; text.length < 5000; i++) text += pieces[(i * 7 + (i >> 3)) % pieces.length];
    const bytes = Buffer.from(text);
    for (const units of [1, 2, 99, 1000, 4095, 4999]) {
      const head = bytes.toString('utf8', 0, utf8BytesFor(bytes, units));
      expect(head.slice(0, units), `${units} units`).toBe(text.slice(0, units));
      // Never more than one character past the units asked for.
      expect(head.length - units).toBeLessThanOrEqual(1);
    }
  });
});
