/**
 * Detection reads more than the head: a sample of lines from across the
 * file; a file is JSON only if it looks like JSON; an unrecognised text is
 * answered with what it looks like and the nearest format, never a JSON error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, sampleLines } from '../../server/ingest/detect.js';
import { TranscriptError } from '../../server/ingest/errors.js';
import { readSample } from '../../server/ingest/stream/file-head.js';
import { realFixtures } from '../support/real-fixtures.js';

const REAL = new URL('../fixtures/real/', import.meta.url);

function refusal(text: string, fileName: string): TranscriptError {
  try {
    detectFormat(text, fileName);
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error(`${fileName} was detected`);
}

// A day of a logging bot's log whose first 1,200 lines (over 64 KiB) are server notices and joins.
const notices = Array.from(
  { length: 1200 },
  (_, i) => `[06:${String(i % 60).padStart(2, '0')}] -sendak.freenode.net- *** Looking up your hostname... (${i})`,
);
const talk = Array.from(
  { length: 400 },
  (_, i) => `[${7 + (i % 12)}:${String(i % 60).padStart(2, '0')}] <${['ann', 'bob', 'carl'][i % 3]}> message ${i}`,
);

describe('detection on a sample from across the file', () => {
  it('finds an IRC log whose head is nothing but server notices', () => {
    const text = [...notices, ...talk].join('\n');
    expect(text.indexOf('<ann>')).toBeGreaterThan(64 * 1024);
    expect(detectFormat(text, '2012-03-07.log')).toBe('irc');
  });

  it('samples whole lines past the head, spread to the end', () => {
    const text = [...notices, ...talk].join('\n');
    const sample = sampleLines(text).split('\n');
    expect(sample.length).toBeGreaterThan(100);
    expect(sample.every((l) => text.includes(`${l}\n`) || text.endsWith(l))).toBe(true);
    expect(sample.some((l) => l.includes('<carl>'))).toBe(true);
    expect(sampleLines('short\ntext\n')).toBe('');
  });

  it('reads the same sample from a file on disk, in bounded reads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'detect-'));
    try {
      const file = path.join(dir, 'day.log');
      const text = [...notices, ...notices, ...notices, ...notices, ...notices, ...notices, ...talk, ...talk, ...talk, ...talk].join('\n');
      writeFileSync(file, text);
      const sample = await readSample(file, Buffer.byteLength(text));
      expect(sample.length).toBeLessThan(20 * 4096);
      expect(sample.split('\n').some((l) => /<(ann|bob|carl)>/.test(l))).toBe(true);
      expect(detectFormat(text.slice(0, 64 * 1024), 'day.log', { sample })).toBe('irc');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('detects every real text fixture as its format (a CAR is binary: read-transcript tells it by its bytes)', () => {
    const expected: Record<string, string> = {
      bluesky: 'bluesky',
      irc: 'irc',
      mastodon: 'mastodon',
      'tags-csv': 'tags-csv',
      'twitter-v1.1': 'twitter-v1',
      'twitter-v2': 'twitter-v2',
      whatsapp: 'whatsapp',
      zoom: 'zoom',
      'irc-dialects': 'irc',
      'mastodon-archive': 'mastodon-archive',
      storify: 'storify',
    };
    for (const p of realFixtures().filter(
      (p) => !p.startsWith('slack/') && !p.includes('annotation') && !p.endsWith('.car') && !p.endsWith('/actor.json'),
    )) {
      const folder = p.split('/')[0]!;
      if (!expected[folder]) continue;
      expect(detectFormat(readFileSync(new URL(p, REAL), 'utf8'), p), p).toBe(expected[folder]);
    }
  });
});

describe('an unrecognised file is told what it looks like', () => {
  it('a day of server notices only: an IRC log? with the nearest format and how much it read, not a JSON error', () => {
    const e = refusal(notices.slice(0, 40).join('\n'), '2012-03-07.log');
    expect(e.code).toBe('unknown_format');
    expect(e.statusCode).toBe(415);
    expect(e.message).toContain(
      'lines like `[06:00] -sendak.freenode.net- …`: an IRC log? its lines are events (joins, quits, notices…) but none matched a message layout',
    );
    expect(e.message).toContain('nearest: irc, 0 of 40 lines read as messages');
    expect(e.message).not.toMatch(/is JSON|JSON document|JSON Lines; first error/);
    expect(e.details).toMatchObject({ file: '2012-03-07.log', line: 1, nearest: { format: 'irc', matched: 0, lines: 40 } });
  });

  it('timestamped lines in no known message layout', () => {
    const e = refusal('[06:49] something odd\n[06:50] another odd line\n', 'odd.log');
    expect(e.message).toContain('an IRC log? none of its lines matched a known message layout; nearest: irc, 0 of 2 lines');
  });

  it('prose: no format, no nearest', () => {
    const e = refusal('Dear diary,\ntoday I went to the library.\n', 'notes.txt');
    expect(e.message).toContain('lines like `Dear diary,`: not a format Chat Atlas knows; nearest: none.');
  });

  it('JSON is JSON only when it looks like JSON: broken JSON still names its line', () => {
    expect(() => detectFormat('[\n  {"a": 1,\n', 'cut.json')).toThrow(/line/);
  });

  it('an HTML page that is no log is still an HTML page', () => {
    expect(refusal('<!DOCTYPE html><html><body><p>Tweets</p></body></html>', 'export.html').message).toContain('is an HTML page');
  });
});
