/**
 * JSON Lines read line by line from the bytes must give exactly what
 * decoding the whole file and parsing the text gives: messages, people,
 * skipped lines with their numbers, warnings.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJsonLinesFast, readTranscript } from '../../server/pipeline/read-transcript.js';

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

  it('leaves JSON documents, other encodings and other formats to the whole-text path', () => {
    const array = new Uint8Array(Buffer.from('[{"id_str": "1"}]'));
    expect(readJsonLinesFast(array, { fileName: 'a.json' })).toBeUndefined();
    const latin1 = new Uint8Array([...Buffer.from('{"text": "caf'), 0xe9, ...Buffer.from('"}\n{"a": 1}\n')]);
    expect(readJsonLinesFast(latin1, { fileName: 'b.jsonl' })).toBeUndefined();
    const mastodon = new Uint8Array(fs.readFileSync(root('tests/fixtures/real/mastodon/' + fs.readdirSync(root('tests/fixtures/real/mastodon'))[0]!)));
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
