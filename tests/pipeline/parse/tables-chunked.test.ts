import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memorySink } from '../../../server/ingest/memory-sink.js';
import { readFileInto } from '../../../server/ingest/read-file.js';
import { readPath } from '../../../server/ingest/read-upload.js';
import type { TableOptions } from '../../../server/ingest/parse/types.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-tables-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const real = (p: string) => path.join(import.meta.dirname, '..', '..', 'fixtures', 'real', p);

/** A file read in chunks of `chunkBytes` (never whole), on this thread. */
async function chunked(filePath: string, table?: TableOptions) {
  const sink = memorySink();
  const file = { path: filePath, fileName: path.basename(filePath), size: fs.statSync(filePath).size, ...(table ? { table } : {}) };
  await readFileInto(file, sink, { wholeReadBytes: 1024, chunkBytes: 16 * 1024, parseThreads: 0 });
  return sink.reads;
}

describe('big tables stream: read in chunks, the same as read whole', () => {
  it('reads the real twarc 1 CSV (221 KB, quoted line breaks) in 16 KiB chunks with the same 342 tweets', async () => {
    const [whole] = await readPath(real('twarc-csv/bang_search.csv'), { parseThreads: 0 });
    const reads = await chunked(real('twarc-csv/bang_search.csv'));
    const messages = reads.flatMap((r) => r.messages);
    expect(messages).toHaveLength(342);
    expect(reads[0]!.result).toMatchObject({ format: 'csv', messages: 342, skipped: 0 });
    const byId = new Map(whole!.messages.map((m) => [m.id, m]));
    for (const m of messages) expect(m).toEqual({ ...byId.get(m.id), chat: m.chat });
  });

  it('carries the mapping and time zone to every chunk', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `user${i % 40},"message ${i} #uklibchat",2024-01-14 20:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
    );
    const file = path.join(tmp, 'odd-big.csv');
    fs.writeFileSync(file, `who,said,at\n${rows.join('\n')}\n`);
    const reads = await chunked(file, { mapping: { author: 'who', text: 'said', time: 'at' }, timezone: '+01:00' });
    const messages = reads.flatMap((r) => r.messages);
    expect(messages).toHaveLength(3000);
    expect(new Set(messages.map((m) => m.author)).size).toBe(40);
    expect(messages[0]).toMatchObject({ author: 'csv:user0', time: '2024-01-14T19:00:00.000Z' });
    expect(messages.at(-1)).toMatchObject({ author: 'csv:user39', time: '2024-01-14T19:49:59.000Z' });
  });
});
