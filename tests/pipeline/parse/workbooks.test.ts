import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, it, expect } from 'vitest';
import { readUpload } from '../../../server/ingest/read-upload.js';
import { TranscriptError } from '../../../server/ingest/errors.js';
import { makeZip } from '../../support/zip.js';

const real = (path: string) => readFileSync(new URL(`../../fixtures/real/${path}`, import.meta.url));
const range = (times: string[]) => [times.reduce((a, b) => (a < b ? a : b)), times.reduce((a, b) => (a > b ? a : b))];

describe('TAGS workbook (real/tags-csv/siteconf-tags-v6-1-2-5-17-5-5-17.xlsx: the whole #siteconf 2017 archive)', async () => {
  const [read] = await readUpload(real('tags-csv/siteconf-tags-v6-1-2-5-17-5-5-17.xlsx'), { fileName: 'siteconf.xlsx', parseThreads: 0 });

  it('reads the Archive sheet as TAGS: 1,585 rows, 1,488 tweets (97 repeated rows read once) of 275 people', () => {
    expect(read!.result).toMatchObject({ format: 'tags-csv', messages: 1488, skipped: 0 });
    expect(read!.result.warnings).toEqual([
      'siteconf.xlsx: sheet "Archive" read as a table',
      '97 message(s) appeared more than once in siteconf.xlsx and were read once',
    ]);
    expect(new Set(read!.messages.map((m) => m.author)).size).toBe(275);
    expect(read!.messages.filter((m) => m.kind === 'reply')).toHaveLength(91);
    expect(read!.messages.filter((m) => m.kind === 'repost')).toHaveLength(571);
    expect(range(read!.messages.map((m) => m.time))).toEqual(['2017-02-05T21:48:27.000Z', '2017-05-05T00:53:49.000Z']);
  });

  it('reads the same workbook inside a zip (beside a note) as it reads it loose', async () => {
    const zip = makeZip([
      { path: 'README.txt', data: 'The #siteconf archive, downloaded from TAGS as .xlsx.' },
      { path: 'siteconf/siteconf.xlsx', data: real('tags-csv/siteconf-tags-v6-1-2-5-17-5-5-17.xlsx'), method: 'deflate' },
    ]);
    const reads = await readUpload(zip, { fileName: 'siteconf.zip', parseThreads: 0 });
    const book = reads.find((r) => r.result.file === 'siteconf.zip/siteconf/siteconf.xlsx')!;
    expect(book.result).toMatchObject({ format: 'tags-csv', messages: 1488, skipped: 0 });
    expect(book.result.warnings[0]).toBe('siteconf.zip/siteconf/siteconf.xlsx: sheet "Archive" read as a table');
    expect(book.messages.map((m) => m.id)).toEqual(read!.messages.map((m) => m.id));
    expect(book.people).toEqual(read!.people);
  });

  it('gives the same newest tweets as the CSV export of the same sheet', async () => {
    const [csv] = await readUpload(real('tags-csv/siteconf.csv'), { fileName: 'siteconf.csv', parseThreads: 0 });
    const fromBook = new Map(read!.messages.map((m) => [m.id, m]));
    for (const m of csv!.messages) expect(fromBook.get(m.id), m.id).toMatchObject({ author: m.author, time: m.time, text: m.text });
  });
});

describe('NodeXL workbooks', () => {
  it('refuses the real structural sample (no Relationship, Tweet or date columns) with a 422 naming the Edges sheet', async () => {
    const error = await readUpload(real('nodexl/NodeXL Teaching Resources_ABC-D_raw.xlsx'), {
      fileName: 'abc.xlsx',
      parseThreads: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).statusCode).toBe(422);
    expect((error as TranscriptError).message).toMatch(
      /^abc\.xlsx: a NodeXL workbook whose Edges sheet has no Relationship, Tweet and Tweet Date \(UTC\) columns/,
    );
    expect((error as TranscriptError).details).toMatchObject({ sheet: 'Edges', line: 2 });
  });

  /** A Twitter-search workbook as NodeXL writes it (group row, then columns; one row per tie). */
  async function twitterWorkbook(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const edges = book.addWorksheet('Edges');
    edges.addRow(['', '', 'Visual Properties', '', 'Labels', 'Other Columns']);
    edges.addRow([
      'Vertex 1',
      'Vertex 2',
      'Color',
      'Width',
      'Label',
      'Relationship',
      'Relationship Date (UTC)',
      'Tweet',
      'Tweet Date (UTC)',
      'Twitter Page for Tweet',
      'In-Reply-To Tweet ID',
    ]);
    const at = new Date(Date.UTC(2019, 4, 14, 20, 0, 5));
    const later = new Date(Date.UTC(2019, 4, 14, 20, 3, 0));
    edges.addRow([
      'ann_lib',
      'ann_lib',
      '',
      '',
      '',
      'Tweet',
      at,
      'Q1 what do you catalogue? #uklibchat',
      at,
      'https://twitter.com/ann_lib/status/1128386946283081728',
      '',
    ]);
    edges.addRow([
      'bob_books',
      'ann_lib',
      '',
      '',
      '',
      'Replies to',
      later,
      '@ann_lib @cat_l A1 serials #uklibchat',
      later,
      'https://twitter.com/bob_books/status/1128387684107292672',
      '1128386946283081728',
    ]);
    edges.addRow([
      'bob_books',
      'cat_l',
      '',
      '',
      '',
      'Mentions',
      later,
      '@ann_lib @cat_l A1 serials #uklibchat',
      later,
      'https://twitter.com/bob_books/status/1128387684107292672',
      '1128386946283081728',
    ]);
    edges.addRow([
      'cat_l',
      'ann_lib',
      '',
      '',
      '',
      'Retweet',
      later,
      'RT @ann_lib: Q1 what do you catalogue? #uklibchat',
      later,
      'https://twitter.com/cat_l/status/1128387684107292999',
      '',
    ]);
    const vertices = book.addWorksheet('Vertices');
    vertices.addRow(['', 'Visual Properties', '', 'Other Columns']);
    vertices.addRow(['Vertex', 'Color', 'Name', 'Description', 'Location']);
    vertices.addRow(['ann_lib', '', 'Ann', 'Cataloguer, Leeds Libraries', 'Leeds']);
    vertices.addRow(['bob_books', '', 'Bob', 'Serials librarian', 'York']);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('reads one message per tweet from the tie rows, with bios and locations from Vertices', async () => {
    const [read] = await readUpload(await twitterWorkbook(), { fileName: 'nodexl.xlsx', parseThreads: 0 });
    expect(read!.result).toMatchObject({ format: 'csv', messages: 3, skipped: 0 });
    expect(read!.result.warnings[0]).toBe('nodexl.xlsx: NodeXL workbook, 3 tweet(s) from 6 Edges row(s)');
    const [q, a, rt] = read!.messages;
    expect(q).toMatchObject({
      id: '1128386946283081728',
      author: 'twitter:ann_lib',
      time: '2019-05-14T20:00:05.000Z',
      kind: 'post',
      chat: '#uklibchat',
    });
    expect(a).toMatchObject({
      author: 'twitter:bob_books',
      replyToAuthor: 'twitter:ann_lib',
      replyToId: '1128386946283081728',
      kind: 'reply',
      mentions: ['twitter:cat_l', 'twitter:ann_lib'],
    });
    expect(rt).toMatchObject({ author: 'twitter:cat_l', kind: 'repost', repostOf: 'twitter:ann_lib' });
    expect(read!.people.find((p) => p.handle === 'ann_lib')).toMatchObject({
      name: 'Ann',
      bio: 'Cataloguer, Leeds Libraries',
      location: 'Leeds',
    });
  });

  it('reads a NodeXL workbook inside a zip like a loose one', async () => {
    const [loose] = await readUpload(await twitterWorkbook(), { fileName: 'nodexl.xlsx', parseThreads: 0 });
    const zip = makeZip([{ path: 'exports/nodexl.xlsx', data: await twitterWorkbook() }]);
    const [inZip] = await readUpload(zip, { fileName: 'chat.zip', parseThreads: 0 });
    expect(inZip!.result).toMatchObject({ file: 'chat.zip/exports/nodexl.xlsx', format: 'csv', messages: 3, skipped: 0 });
    expect(inZip!.messages.map(({ id, author, kind, time }) => ({ id, author, kind, time }))).toEqual(
      loose!.messages.map(({ id, author, kind, time }) => ({ id, author, kind, time })),
    );
    expect(inZip!.people.find((p) => p.handle === 'ann_lib')).toMatchObject({ bio: 'Cataloguer, Leeds Libraries', location: 'Leeds' });
  });

  it('keeps NodeXL times in UTC whatever time zone is given for tables', async () => {
    const [read] = await readUpload(await twitterWorkbook(), {
      fileName: 'nodexl.xlsx',
      parseThreads: 0,
      table: { timezone: 'America/New_York' },
    });
    expect(read!.messages[0]!.time).toBe('2019-05-14T20:00:05.000Z');
  });
});
