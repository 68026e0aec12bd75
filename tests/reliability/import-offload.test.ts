/**
 * Which thread imports an upload is chosen by its size once unpacked, not
 * by the bytes uploaded: a 470 KB zip held a 460 MB Mastodon JSON and was
 * read whole on the main thread, stalling every request. Observed
 * deterministically: an import on this thread opens its staging through the
 * server's store; one in the worker thread through the worker's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportJobs } from '../../server/imports/import-jobs.js';
import { unpackedBytes, unpackedSize } from '../../server/imports/unpacked-size.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { makeZip } from '../support/zip.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-offload-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A CSV of `rows` posts; every row the same length, so it compresses to almost nothing. */
const csv = (rows: number) =>
  `id,author,text,time\n${Array.from({ length: rows }, (_, i) => `${String(i).padStart(7, '0')},user${i % 50},${'a fairly ordinary post about libraries '.repeat(4)},2024-03-14T20:00:00Z`).join('\n')}\n`;

/** A file on disk as the upload route leaves it (the job deletes it when done). */
function onDisk(name: string, bytes: Uint8Array | string) {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}-${name}`);
  fs.writeFileSync(file, bytes);
  return { path: file, fileName: name, size: fs.statSync(file).size };
}

describe('unpackedSize', () => {
  it('is a zip’s entries as its central directory declares them, any other file’s own size', async () => {
    const text = csv(20_000);
    const zip = onDisk(
      'big.zip',
      makeZip([
        { path: 'a.csv', data: text, method: 'deflate' },
        { path: 'b/c.csv', data: 'x'.repeat(1000), method: 'deflate' },
      ]),
    );
    expect(zip.size).toBeLessThan(100_000);
    expect(await unpackedSize(zip)).toBe(Buffer.byteLength(text) + 1000);
    const plain = onDisk('plain.csv', 'id,author\n');
    expect(await unpackedSize(plain)).toBe(plain.size);
    // Not a readable zip past its first bytes: its own size (its reader will say what is wrong).
    const broken = onDisk('broken.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(100)]));
    expect(await unpackedSize(broken)).toBe(104);
    expect(await unpackedBytes([zip, plain])).toBe(Buffer.byteLength(text) + 1000 + plain.size);
  });
});

describe('ImportJobs: the worker thread for uploads big once unpacked', () => {
  it('imports a small zip that unpacks past workerAbove in the worker thread, and a small one here', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'store-'));
    const store = openSqliteStore({ dataDir: dir });
    let stagedHere = 0;
    // The server's store, counting the staged imports opened through it.
    const watched: Store = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'beginImport'
          ? (...args: Parameters<Store['beginImport']>) => (stagedHere++, target.beginImport(...args))
          : Reflect.get(target, name, receiver),
    });
    const jobs = new ImportJobs(watched, { sqliteFile: store.path }, { workerAbove: 1024 * 1024 });
    try {
      const text = csv(12_000); // about 2 MiB
      const zip = onDisk('chats.zip', makeZip([{ path: 'chats.csv', data: text, method: 'deflate' }]));
      expect(zip.size).toBeLessThan(64 * 1024);
      expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
      const big = await (await jobs.start({ name: 'big', files: [zip] })).done;
      expect(big.counts.messages).toBe(12_000);
      expect(stagedHere).toBe(0);

      const small = onDisk('small.zip', makeZip([{ path: 'chats.csv', data: csv(100), method: 'deflate' }]));
      const little = await (await jobs.start({ name: 'small', files: [small] })).done;
      expect(little.counts.messages).toBe(100);
      expect(stagedHere).toBe(1);
    } finally {
      await jobs.close();
      await store.close();
    }
  }, 60_000);
});
