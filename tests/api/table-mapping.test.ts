import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  DatasetListSchema,
  DatasetSchema,
  ImportJobSchema,
  NeedsMappingDetailsSchema,
  type ImportJob,
} from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => t.close());

const upload = (files: Parameters<typeof multipart>[0], fields: Record<string, string> = {}, url = '/api/datasets') =>
  t.app.inject({ method: 'POST', url, ...multipart(files, fields) });

// A table whose columns no known set names: who wrote, what, when, to whom, and a bio.
const ODD = [
  'who,said,at,parent,about',
  'ann_lib,"Q1 what do you catalogue? #uklibchat",2024-06-14 20:00:00,,Cataloguer in Leeds',
  'bob_books,"@ann_lib A1 serials #uklibchat",2024-06-14 20:01:00,ann_lib,Serials librarian',
  'cat_l,"A1 maps, mostly #uklibchat",2024-06-14 20:02:00,ann_lib,',
].join('\n');
const ODD_LATER = 'who,said,at,parent,about\ndee_r,"A1 zines #uklibchat",2024-06-14 20:03:00,ann_lib,Zine librarian\n';
const MAPPING = JSON.stringify({ author: 'who', text: 'said', time: 'at', to: 'parent', bio: 'about' });

async function follow(id: string): Promise<ImportJob> {
  for (;;) {
    const job = ImportJobSchema.parse((await t.app.inject(`/api/imports/${id}`)).json());
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a table without known columns', () => {
  it('answers 422 needs_mapping with the header, sample rows and a guess per role, and stores nothing', async () => {
    const res = await upload([{ filename: 'odd.csv', content: ODD }]);
    expect(res.statusCode).toBe(422);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.code).toBe('needs_mapping');
    expect(error.message).toMatch(/^odd\.csv: which columns hold author, text, time\?/);
    expect(error.details).toMatchObject({
      file: 'odd.csv',
      line: 1,
      missing: ['author', 'text', 'time'],
      header: ['who', 'said', 'at', 'parent', 'about'],
      sample: [
        ['ann_lib', 'Q1 what do you catalogue? #uklibchat', '2024-06-14 20:00:00', '', 'Cataloguer in Leeds'],
        ['bob_books', '@ann_lib A1 serials #uklibchat', '2024-06-14 20:01:00', 'ann_lib', 'Serials librarian'],
        ['cat_l', 'A1 maps, mostly #uklibchat', '2024-06-14 20:02:00', 'ann_lib', ''],
      ],
      guesses: { author: 'who', text: 'said', time: 'at' },
    });
    // The shape the page's mapping dialog reads.
    expect(NeedsMappingDetailsSchema.safeParse(error.details).error).toBeUndefined();
    expect(DatasetListSchema.parse((await t.app.inject('/api/datasets')).json()).datasets).toEqual([]);
  });

  it('answers the same for a JSON array of flat records, the sample as text cells', async () => {
    const json = JSON.stringify([{ nick: 'ann_lib', msg: 'hello #uklibchat', ts: '2024-06-14T20:00:00Z', n: 1 }]);
    const res = await upload([{ filename: 'odd.json', content: json }]);
    expect(res.statusCode).toBe(422);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.code).toBe('needs_mapping');
    expect(error.details).toMatchObject({
      header: ['nick', 'msg', 'ts', 'n'],
      sample: [['ann_lib', 'hello #uklibchat', '2024-06-14T20:00:00Z', '1']],
    });
    const mapped = await upload([{ filename: 'odd.json', content: json }], {
      mapping: JSON.stringify({ author: 'nick', text: 'msg', time: 'ts' }),
    });
    expect(mapped.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(mapped.json());
    expect(dataset.counts.messages).toBe(1);
    await t.app.inject({ method: 'DELETE', url: `/api/datasets/${dataset.id}` });
  });

  it('refuses a mapping that is not JSON, names an unknown role, or a time zone that does not exist (400)', async () => {
    const forms: Record<string, string>[] = [
      { mapping: 'author=who' },
      { mapping: JSON.stringify({ writer: 'who' }) },
      { timezone: 'Mars/Olympus' },
    ];
    for (const fields of forms) {
      const res = await upload([{ filename: 'odd.csv', content: ODD }], fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(ApiErrorSchema.parse(res.json()).error.code).toBe('invalid_request');
    }
  });
});

describe('an upload with a mapping and a time zone', () => {
  let id = '';

  it('reads the table, remembers the mapping and time zone with the dataset, reads times in that zone', async () => {
    const res = await upload([{ filename: 'odd.csv', content: ODD }], { mapping: MAPPING, timezone: 'Europe/London', name: 'odd' });
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    id = dataset.id;
    expect(dataset.counts).toMatchObject({ messages: 3, people: 3 });
    expect(dataset.mapping).toEqual({ author: 'who', text: 'said', time: 'at', to: 'parent', bio: 'about' });
    expect(dataset.timezone).toBe('Europe/London');
    // 20:00 in London in June is 19:00 UTC.
    expect([dataset.from, dataset.to]).toEqual(['2024-06-14T19:00:00.000Z', '2024-06-14T19:02:00.000Z']);
    const ann = await t.app.inject(`/api/datasets/${id}/people/${encodeURIComponent('csv:ann_lib')}`);
    expect(ann.json()).toMatchObject({ profile: { bio: 'Cataloguer in Leeds' } });
    expect(DatasetSchema.parse((await t.app.inject(`/api/datasets/${id}`)).json()).mapping).toEqual(dataset.mapping);
  });

  it('applies the remembered mapping to a file added later without one', async () => {
    const res = await upload([{ filename: 'odd-later.csv', content: ODD_LATER }], {}, `/api/datasets/${id}/files`);
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.version).toBe(2);
    expect(dataset.counts.messages).toBe(4);
    expect(dataset.to).toBe('2024-06-14T19:03:00.000Z');
  });

  it('does the same through an import job, and a job on a table needing a mapping fails with needs_mapping', async () => {
    const started = await upload(
      [{ filename: 'odd-later.csv', content: ODD_LATER.replace('dee_r', 'eve_m') }],
      { dataset: id },
      '/api/imports',
    );
    expect(started.statusCode).toBe(202);
    const job = await follow(ImportJobSchema.parse(started.json()).id);
    expect(job.status).toBe('done');
    expect(job.dataset!.counts.messages).toBe(5);
    const refused = await upload([{ filename: 'odd.csv', content: ODD }], {}, '/api/imports');
    const failed = await follow(ImportJobSchema.parse(refused.json()).id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({
      status: 422,
      code: 'needs_mapping',
      details: { header: ['who', 'said', 'at', 'parent', 'about'] },
    });
  });
});

describe('real Twitter tables through the API', () => {
  it('reads a twarc 1 json2csv file without a mapping (real/twarc-csv/bang_search.csv)', async () => {
    const res = await upload([{ filename: 'bang_search.csv', content: fixture('real', 'twarc-csv', 'bang_search.csv') }]);
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.sources[0]).toMatchObject({ format: 'csv', messages: 342, stored: 342, skipped: 0 });
    expect([dataset.from, dataset.to]).toEqual(['2020-02-29T17:01:03.000Z', '2020-03-10T04:05:05.000Z']);
    expect(dataset.mapping).toBeUndefined();
  });

  it('reads a TAGS workbook uploaded as .xlsx (real/tags-csv/siteconf-tags-v6-1-2-5-17-5-5-17.xlsx), and refuses a NodeXL graph without tweets', async () => {
    const res = await upload([
      { filename: 'siteconf.xlsx', content: fixture('real', 'tags-csv', 'siteconf-tags-v6-1-2-5-17-5-5-17.xlsx') },
    ]);
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.sources[0]).toMatchObject({ file: 'siteconf.xlsx', format: 'tags-csv', messages: 1488, skipped: 0 });
    expect(dataset.counts.people).toBeGreaterThanOrEqual(275);
    expect([dataset.from, dataset.to]).toEqual(['2017-02-05T21:48:27.000Z', '2017-05-05T00:53:49.000Z']);
    const before = DatasetListSchema.parse((await t.app.inject('/api/datasets')).json()).datasets.length;
    const refused = await upload([
      { filename: 'abc.xlsx', content: fixture('real', 'nodexl', 'NodeXL Teaching Resources_ABC-D_raw.xlsx') },
    ]);
    expect(refused.statusCode).toBe(422);
    expect(ApiErrorSchema.parse(refused.json()).error).toMatchObject({
      code: 'no_messages',
      details: { file: 'abc.xlsx', sheet: 'Edges', line: 2 },
    });
    expect(DatasetListSchema.parse((await t.app.inject('/api/datasets')).json()).datasets).toHaveLength(before);
  });
});
