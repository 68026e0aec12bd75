/**
 * MAX_MESSAGE_CHARS reaches every way in: an API upload read here or in the
 * import worker thread, `chat-atlas import` and `build`, the demo loader. A
 * small zip holding one huge quoted CSV field (the review's was 250 KB → 250
 * MB) is stored cut at the cap, and the file's report says so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../shared/index.js';
import { readConfig } from '../../server/config.js';
import { loadDemoIfEmpty } from '../../server/imports/demo.js';
import { ImportJobs } from '../../server/imports/import-jobs.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { buildTestApp, multipart } from '../support/app.js';
import { makeZip } from '../support/zip.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-message-cap-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Three posts; carol's text is at least `long` characters, quoted, with doubled quotes inside. */
const csv = (long: number) => {
  const field = `"${'He said ""no"". '.repeat(Math.ceil(long / 14))}"`;
  return `guid,author,text,time\np1,ann,hello,2024-03-14T20:00:00Z\np2,carol,${field},2024-03-14T20:01:00Z\np3,bob,hi ann,2024-03-14T20:02:00Z\n`;
};

describe('MAX_MESSAGE_CHARS', () => {
  it('defaults to 100,000 characters and allows at most 10 million', () => {
    expect(readConfig({}).MAX_MESSAGE_CHARS).toBe(100_000);
    expect(readConfig({ MAX_MESSAGE_CHARS: '40000' }).MAX_MESSAGE_CHARS).toBe(40_000);
    expect(() => readConfig({ MAX_MESSAGE_CHARS: '10000001' })).toThrow(/MAX_MESSAGE_CHARS/);
  });

  it('an API upload: a 60 KB zip holding a 9 MB field is stored cut at the default cap, in the worker thread, and says so', async () => {
    const t = await buildTestApp();
    try {
      const text = csv(9 * 1024 * 1024);
      const zip = makeZip([{ path: 'export/chat.csv', data: text, method: 'deflate' }]);
      expect(zip.length).toBeLessThan(64 * 1024);
      const response = await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart([{ filename: 'up.zip', content: zip }]) });
      expect(response.statusCode).toBe(201);
      const dataset = DatasetSchema.parse(response.json());
      expect(dataset.sources[0]!.warnings).toEqual([
        expect.stringMatching(
          /^up\.zip\/export\/chat\.csv: 1 message\(s\) longer than 100,000 characters were cut to 100,000: id p2 by csv:carol at 2024-03-14T20:01:00\.000Z$/,
        ),
      ]);
      const messages = await t.app.store.getMessages(dataset.id);
      expect(messages.map((m) => [m.author, m.text.length])).toEqual([
        ['csv:ann', 5],
        ['csv:carol', 100_000],
        ['csv:bob', 6],
      ]);
      expect(messages[1]!.text.startsWith('He said "no". He said "no".')).toBe(true);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('an API upload read on this thread takes the configured cap', async () => {
    const t = await buildTestApp({ MAX_MESSAGE_CHARS: 40 });
    try {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart([{ filename: 'chat.csv', content: csv(500) }]),
      });
      expect(response.statusCode).toBe(201);
      const dataset = DatasetSchema.parse(response.json());
      expect(dataset.sources[0]!.warnings).toEqual([
        'chat.csv: 1 message(s) longer than 40 characters were cut to 40: id p2 by csv:carol at 2024-03-14T20:01:00.000Z',
      ]);
      expect((await t.app.store.getMessages(dataset.id)).map((m) => m.text.length)).toEqual([5, 40, 6]);
    } finally {
      await t.close();
    }
  });

  it('reaches the import worker thread through ImportJobs’ read options', async () => {
    const store = openSqliteStore({ dataDir: fs.mkdtempSync(path.join(tmp, 'store-')) });
    const jobs = new ImportJobs(store, { sqliteFile: store.path }, { workerAbove: 0, read: { maxMessageChars: 25 } });
    try {
      const file = path.join(tmp, 'worker.csv');
      fs.writeFileSync(file, csv(300));
      const dataset = await (
        await jobs.start({ name: 'w', files: [{ path: file, fileName: 'worker.csv', size: fs.statSync(file).size }] })
      ).done;
      expect(dataset.sources[0]!.warnings).toEqual([
        'worker.csv: 1 message(s) longer than 25 characters were cut to 25: id p2 by csv:carol at 2024-03-14T20:01:00.000Z',
      ]);
      expect((await store.getMessages(dataset.id)).map((m) => m.text.length)).toEqual([5, 25, 6]);
    } finally {
      await jobs.close();
      await store.close();
    }
  }, 60_000);

  it('the demo loader takes it', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    try {
      const demo = (await loadDemoIfEmpty(store, { maxMessageChars: 20 }))!;
      const messages = await store.getMessages(demo.id);
      expect(messages.length).toBeGreaterThan(1000);
      expect(Math.max(...messages.map((m) => m.text.length))).toBe(20);
      expect(demo.sources.some((s) => s.warnings.some((w) => /message\(s\) longer than 20 characters were cut to 20/.test(w)))).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('MAX_MESSAGE_CHARS in the CLI', () => {
  const run = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'chat-atlas.js'), ...args], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cutLine = (file: string) =>
    `  warning: ${file}: 1 message(s) longer than 30 characters were cut to 30: id p2 by csv:carol at 2024-03-14T20:01:00.000Z\n`;

  it('`build` reads with it and prints what was cut', () => {
    fs.writeFileSync(path.join(tmp, 'cli.csv'), csv(200));
    const r = run({ MAX_MESSAGE_CHARS: '30' }, 'build', 'cli.csv', '--out', 'g.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`cli.csv: csv, 3 messages, 0 skipped\n${cutLine('cli.csv')}`);
  });

  it('`import` stores files and folders cut at it, and prints what was cut', async () => {
    fs.writeFileSync(path.join(tmp, 'cli.csv'), csv(200));
    fs.mkdirSync(path.join(tmp, 'folder'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'folder', 'in-folder.csv'), csv(200));
    const dataDir = path.join(tmp, 'cli-store');
    const file = run({ MAX_MESSAGE_CHARS: '30' }, 'import', 'cli.csv', '--dataset', 'file', '--data-dir', dataDir);
    expect(file.code).toBe(0);
    expect(file.stderr).toContain(`cli.csv: csv, 3 messages (3 new), 0 skipped\n${cutLine('cli.csv')}`);
    const folder = run({ MAX_MESSAGE_CHARS: '30' }, 'import', 'folder', '--dataset', 'folder', '--data-dir', dataDir);
    expect(folder.code).toBe(0);
    expect(folder.stderr).toContain(cutLine('folder/in-folder.csv'));
    const store = openSqliteStore({ dataDir });
    try {
      for (const dataset of await store.listDatasets())
        expect((await store.getMessages(dataset.id)).map((m) => m.text.length)).toEqual([5, 30, 6]);
      expect((await store.listDatasets()).length).toBe(2);
    } finally {
      await store.close();
    }
  }, 60_000);
});
