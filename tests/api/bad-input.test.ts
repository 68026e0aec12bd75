import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, DatasetListSchema, FORMAT_IDS } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

async function rejected(files: Parameters<typeof multipart>[0], fields: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart(files, fields) });
  const body = ApiErrorSchema.parse(res.json());
  const list = DatasetListSchema.parse((await t.app.inject('/api/datasets')).json());
  expect(list.datasets).toEqual([]); // nothing stored, ever
  return { status: res.statusCode, ...body.error, details: body.error.details as Record<string, unknown> | undefined };
}

describe('bad input is refused with a 4xx naming the fault, and nothing is stored', () => {
  it('an empty file', async () => {
    const e = await rejected([{ filename: 'empty.jsonl', content: '' }]);
    expect([e.status, e.code]).toEqual([422, 'empty_file']);
    expect(e.message).toContain('empty.jsonl');
  });

  it('binary data', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const e = await rejected([{ filename: 'photo.jpg', content: bytes }]);
    expect([e.status, e.code]).toEqual([422, 'binary_file']);
  });

  it('a truncated JSON document, with the line where it broke', async () => {
    const text =
      '[\n  {"id_str": "1", "full_text": "hi",\n   "user": {"screen_name": "ann"},\n   "created_at": "Thu Mar 14 20:00:00 +0000 2024"},\n  {"id_str": "2", "ful';
    const e = await rejected([{ filename: 'cut.json', content: text }]);
    expect(e.status).toBe(422);
    expect(e.code).toBe('unreadable_file');
    expect(e.details?.line).toBe(5);
    expect(e.message).toContain('line 5');
  });

  it('a CSV without the needed columns: asked for a mapping', async () => {
    const e = await rejected([{ filename: 'people.csv', content: 'name,email\nAnn,ann@example.org\n' }], { format: 'csv' });
    expect([e.status, e.code]).toEqual([422, 'needs_mapping']);
    expect(e.message).toMatch(/\btext\b/);
    expect(e.message).toMatch(/\btime\b/);
    expect(e.details?.line).toBe(1);
  });

  it('an HTML page', async () => {
    const e = await rejected([{ filename: 'export.html', content: '<!DOCTYPE html><html><body><p>Tweets</p></body></html>' }]);
    expect([e.status, e.code]).toEqual([415, 'unknown_format']);
    expect(e.message).toContain('twitter-v1');
  });

  it('text in no known format', async () => {
    const e = await rejected([{ filename: 'notes.txt', content: 'Dear diary,\ntoday I went to the library.\n' }]);
    expect([e.status, e.code]).toEqual([415, 'unknown_format']);
    expect(e.details?.formats).toEqual(FORMAT_IDS);
  });

  it('a JSONL file none of whose lines parse', async () => {
    const e = await rejected([{ filename: 'broken.jsonl', content: '{"id_str": "1", "user": {\n{"id_str": "2", "created_at"\n{nope}\n' }]);
    expect(e.status).toBe(422);
    expect(e.code).toBe('unreadable_file');
    expect(e.details?.line).toBe(1);
  });

  it('one bad file among good ones rejects the whole upload', async () => {
    const e = await rejected([
      { filename: 'uklibchat.csv', content: fixture('made', 'api', 'uklibchat.csv') },
      { filename: 'empty.csv', content: '' },
    ]);
    expect([e.status, e.code]).toEqual([422, 'empty_file']);
    expect(e.message).toContain('empty.csv');
  });

  it('an upload with no file part', async () => {
    const e = await rejected([], { name: 'nothing' });
    expect([e.status, e.code]).toEqual([400, 'invalid_request']);
  });

  it('an upload that is not multipart', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'x' } });
    expect(res.statusCode).toBe(415);
    expect(ApiErrorSchema.parse(res.json()).error.code).toBe('unsupported_media_type');
  });

  it('an unknown format name', async () => {
    const e = await rejected([{ filename: 'a.csv', content: fixture('made', 'api', 'uklibchat.csv') }], { format: 'myspace' });
    expect([e.status, e.code]).toEqual([400, 'invalid_request']);
    expect(e.message).toContain('myspace');
  });
});

describe('upload size limit', () => {
  it('answers 413 past MAX_UPLOAD_MB', async () => {
    const small = await buildTestApp({ MAX_UPLOAD_MB: 0.0002 });
    try {
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'big.csv', content: fixture('made', 'api', 'uklibchat.csv') }]),
      });
      expect(res.statusCode).toBe(413);
      expect(ApiErrorSchema.parse(res.json()).error.code).toBe('too_large');
      expect(DatasetListSchema.parse((await small.app.inject('/api/datasets')).json()).datasets).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
