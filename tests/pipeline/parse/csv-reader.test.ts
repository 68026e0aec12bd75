import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { csvHeader, looksLikeCsvHeader, readCsv, sniffDelimiter } from '../../../server/ingest/parse/csv-reader.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('readCsv', () => {
  it('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    const table = readCsv('a,b,c\n1,"x, ""y""",3\n4,"two\nlines",6\n');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { line: 2, fields: ['1', 'x, "y"', '3'] },
      { line: 3, fields: ['4', 'two\nlines', '6'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('gives each row the file line it starts on, past multi-line fields, with CRLF, LF or CR endings', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const text = ['h1,h2', '1,"a', 'b', 'c"', '2,d', '3,"e', 'f"', '4,g'].join(eol);
      const table = readCsv(text);
      expect(table.rows.map((r) => r.line)).toEqual([2, 5, 6, 8]);
      expect(table.rows[0]!.fields).toEqual(['1', `a${eol}b${eol}c`]);
    }
  });

  it('drops a UTF-8 BOM and trims header names', () => {
    const table = readCsv('\uFEFF author , text\nann,hi\n');
    expect(table.header).toEqual(['author', 'text']);
    expect(table.rows).toEqual([{ line: 2, fields: ['ann', 'hi'] }]);
  });

  it('sniffs comma, semicolon and tab from the header, ignoring delimiters inside quotes', () => {
    expect(readCsv('a;b\n1,5;2\n').rows).toEqual([{ line: 2, fields: ['1,5', '2'] }]);
    expect(readCsv('a\tb\n"x\ty"\t2\n').rows).toEqual([{ line: 2, fields: ['x\ty', '2'] }]);
    expect(readCsv('"a;b",c\n1,2\n').delimiter).toBe(',');
    expect(sniffDelimiter('"x,y,z";b;c')).toBe(';');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('reports a row with the wrong number of fields and keeps reading', () => {
    const table = readCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(table.problems).toEqual([
      { line: 3, reason: 'expected 3 fields, found 2' },
      { line: 4, reason: 'expected 3 fields, found 4' },
    ]);
  });

  it('accepts trailing empty fields and skips blank lines without calling them problems', () => {
    const table = readCsv('a,b\n1,2,,\n\n   \n3,4\n\n');
    expect(table.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('reports a quote that never closes and re-reads the lines after it', () => {
    const table = readCsv('a,b\n1,2\n3,"oops\n5,6\n7,8\n');
    expect(table.problems).toEqual([{ line: 3, reason: 'quoted field never closes (unbalanced ")' }]);
    expect(table.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['5', '6'] },
      { line: 5, fields: ['7', '8'] },
    ]);
  });

  it('reports a stray quote that swallowed the next rows, and recovers them', () => {
    // Line 3's quote closes on line 4, followed by text: an unescaped quote, not a field.
    const table = readCsv('a,b,c\n1,2,3\n4,"five,6\n7,"eight",9\n10,11,12\n');
    expect(table.problems).toEqual([{ line: 3, reason: 'text after a closing quote (an unescaped " inside a quoted field?)' }]);
    expect(table.rows).toEqual([
      { line: 2, fields: ['1', '2', '3'] },
      { line: 4, fields: ['7', 'eight', '9'] },
      { line: 5, fields: ['10', '11', '12'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(readCsv('a,b\nhe said "hi",2\n').rows).toEqual([{ line: 2, fields: ['he said "hi"', '2'] }]);
  });

  it('stays linear on a stray quote on every line', () => {
    const started = Date.now();
    const table = readCsv(`a,b\n${'x,"y\n'.repeat(50000)}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(table.rows).toHaveLength(0);
    expect(table.problems).toHaveLength(50000);
    expect(table.problems[0]).toEqual({ line: 2, reason: 'text after a closing quote (an unescaped " inside a quoted field?)' });
    expect(table.problems.at(-1)).toEqual({ line: 50001, reason: 'quoted field never closes (unbalanced ")' });
  });

  it('reads back any table a careful writer wrote, with each row’s first line', () => {
    const unit = fc.constantFrom('a', 'B', ' ', ',', ';', '\t', '"', '\r', '\n', 'é', '📚');
    const field = fc.string({ unit, maxLength: 6 });
    const quote = (f: string) => (/[,;\t"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.record({
            eol: fc.constantFrom('\n', '\r\n', '\r'),
            delimiter: fc.constantFrom(',', ';', '\t'),
            header: fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 3 }), {
              minLength: width,
              maxLength: width,
            }),
            rows: fc.array(
              fc.array(field, { minLength: width, maxLength: width }).filter((r) => r.some((f) => f.trim() !== '')),
              { maxLength: 8 },
            ),
          }),
        ),
        ({ eol, delimiter, header, rows }) => {
          const records = [header, ...rows].map((r) => r.map(quote).join(delimiter));
          const lines: number[] = [];
          let line = 1;
          for (const record of records) {
            lines.push(line);
            line += (record.match(/\r\n|\r|\n/g) ?? []).length + 1;
          }
          const table = readCsv(records.join(eol) + eol);
          expect(table.problems).toEqual([]);
          expect(table.header).toEqual(header);
          expect(table.rows).toEqual(rows.map((fields, i) => ({ line: lines[i + 1], fields })));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the real TAGS sample: 18 columns, 10 rows, one spanning lines 4–6', () => {
    const table = readCsv(fixture('real/tags-csv/sample-data.csv'));
    expect(table.header).toHaveLength(18);
    expect(table.header[17]).toBe('entities_str');
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4, 7, 8, 9, 10, 11, 12, 13]);
    expect(table.rows[2]!.fields[2]).toContain('Practice: \n\nhtt…');
    expect(table.problems).toEqual([]);
  });

  it('finds line numbers after a multi-line field in the made bad-rows CSV', () => {
    const table = readCsv(fixture('made/csv/bad-rows.csv'));
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 6, 7, 9, 10]);
    expect(table.problems).toEqual([{ line: 8, reason: 'expected 7 fields, found 5' }]);
  });
});

describe('csvHeader / looksLikeCsvHeader', () => {
  it('reads lower-cased column names from a header line', () => {
    expect(csvHeader('Author,To,Description,PubDate\r\nann,,hi,2024')).toEqual(['author', 'to', 'description', 'pubdate']);
    expect(csvHeader('\uFEFFid\ttext\n')).toEqual(['id', 'text']);
    expect(csvHeader(',author,text\n0,ann,hi')).toEqual(['', 'author', 'text']);
  });

  it('rejects JSON, chat logs and one-column text', () => {
    for (const path of [
      'real/twitter-v1.1/get_mentions.json',
      'real/mastodon/tag_timeline.json',
      'real/whatsapp/_chat.txt',
      'real/whatsapp/test_ddmmyy_24hrs.txt',
      'real/zoom/zoom-chat-1.txt',
      'real/zoom/test-zoom-chat.txt',
      'real/irc/2016-12-19_20.raw.txt',
    ]) {
      expect(looksLikeCsvHeader(fixture(path).slice(0, 65536)), path).toBe(false);
    }
    expect(looksLikeCsvHeader('just one line of text')).toBe(false);
  });

  it('accepts the CSV fixtures', () => {
    for (const path of ['real/tags-csv/sample-data.csv', 'made/csv/netlytic.csv', 'made/csv/bad-rows.csv', 'made/csv/missing-text.csv']) {
      expect(looksLikeCsvHeader(fixture(path)), path).toBe(true);
    }
  });
});
