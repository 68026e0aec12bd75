/**
 * Import jobs through the API: POST /api/imports answers at once with a job
 * that GET /api/imports/:id follows to its dataset or its error; uploads are
 * streamed to disk and removed afterwards; a big upload is read in the
 * import worker, in chunks, with the same result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportJobSchema, type ImportJob } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';
import { bigTwarcFile } from '../support/big-files.js';

let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => t.close());

async function follow(id: string, timeoutMs = 60_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.app.inject(`/api/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const job = ImportJobSchema.parse(res.json());
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} at ${job.percent} %`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listUploads = () => (fs.existsSync(path.join(t.dataDir, 'uploads')) ? fs.readdirSync(path.join(t.dataDir, 'uploads')) : []);
/** Upload files left once the job has ended (they are removed just after it reports its end). */
async function uploadsLeft(): Promise<string[]> {
  for (let i = 0; i < 40 && listUploads().length > 0; i++) await new Promise((r) => setTimeout(r, 25));
  return listUploads();
}

describe('POST /api/imports and GET /api/imports/:id', () => {
  it('answers 202 with a job and its Location, then reports the dataset when done', async () => {
    const { payload, headers } = multipart([{ filename: 'tag_timeline.json', content: fixture('real', 'mastodon', 'tag_timeline.json') }], {
      name: 'GLAM toots',
    });
    const res = await t.app.inject({ method: 'POST', url: '/api/imports', payload, headers });
    expect(res.statusCode).toBe(202);
    const started = ImportJobSchema.parse(res.json());
    expect(res.headers.location).toBe(`/api/imports/${started.id}`);
    expect(started.id).toMatch(/^[\w-]{22}$/);
    expect([started.status, started.name, started.bytesTotal]).toEqual([
      'queued',
      'GLAM toots',
      fixture('real', 'mastodon', 'tag_timeline.json').length,
    ]);
    const job = await follow(started.id);
    expect([job.status, job.percent, job.messages]).toEqual(['done', 100, 20]);
    expect(job.files.map((f) => [f.file, f.format, f.messages, f.stored])).toEqual([['tag_timeline.json', 'mastodon', 20, 20]]);
    const dataset = (await t.app.inject(`/api/datasets/${job.datasetId}`)).json();
    expect(job.dataset).toEqual(dataset);
    expect(dataset.counts.messages).toBe(20);
    expect(await uploadsLeft()).toEqual([]);
  });

  it('reports a file it cannot read as a failed job with the line at fault, storing nothing', async () => {
    const before = (await t.app.inject('/api/datasets')).json().datasets.length;
    const { payload, headers } = multipart([{ filename: 'broken.jsonl', content: 'not json\nnot json either\n' }], {
      format: 'twitter-v1',
    });
    const started = (await t.app.inject({ method: 'POST', url: '/api/imports', payload, headers })).json();
    const job = await follow(started.id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ status: 422 });
    expect(job.error!.message).toContain('broken.jsonl');
    expect(job.error!.details).toMatchObject({ file: 'broken.jsonl', line: 1 });
    expect(job.dataset).toBeUndefined();
    expect((await t.app.inject('/api/datasets')).json().datasets.length).toBe(before);
    expect(await uploadsLeft()).toEqual([]);
  });

  it('adds to the dataset named in the `dataset` field, and 404s an unknown one', async () => {
    const first = (
      await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'flat.jsonl', content: fixture('real', 'twitter-v2', 'geo_tweets.jsonl') }]),
      })
    ).json();
    const more = multipart([{ filename: 'tag_timeline.json', content: fixture('real', 'mastodon', 'tag_timeline.json') }], {
      dataset: first.id,
    });
    const job = await follow((await t.app.inject({ method: 'POST', url: '/api/imports', ...more })).json().id);
    expect([job.status, job.datasetId, job.dataset?.version]).toEqual(['done', first.id, 2]);
    expect(job.dataset!.counts.messages).toBe(first.counts.messages + 20);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...multipart([{ filename: 'a.json', content: '[]' }], { dataset: 'nope' }),
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'not_found']);
    expect(await uploadsLeft()).toEqual([]);
  });

  it('404s an unknown job', async () => {
    const res = await t.app.inject('/api/imports/no-such-job');
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
  });
});

describe('a big upload (over the 8 MiB in-process limit)', () => {
  const content = bigTwarcFile(10_000);

  it('is read in the import worker and stored whole: every message, every person, one reply chain', async () => {
    expect(content.length).toBeGreaterThan(8 * 1024 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'uklibchat-archive.jsonl', content }], { name: 'Archive' }),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const dataset = res.json();
    expect(dataset.counts.messages).toBe(10_000);
    expect(dataset.counts.people).toBe(400);
    expect(
      dataset.sources.map((s: { format: string; messages: number; stored: number; skipped: number }) => [
        s.format,
        s.messages,
        s.stored,
        s.skipped,
      ]),
    ).toEqual([['twitter-v1', 10_000, 10_000, 0]]);
    const graph = await t.app.inject(`/api/datasets/${dataset.id}/graph`);
    expect(graph.statusCode, graph.body.slice(0, 300)).toBe(200);
    expect(graph.json().attributes.meta.counts.nodes).toBe(400);
    expect(await uploadsLeft()).toEqual([]);
  }, 120_000);
});
