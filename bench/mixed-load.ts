/**
 * Mixed load on loopback (issue 8): for a fixed time, concurrent clients
 * read a cached graph and upload small transcripts. Reports requests, errors
 * and latency per kind, and checks that every accepted upload is stored
 * (nothing lost). Bounded in time and count; talks only to 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import type { Bench } from './fixtures.js';
import { row, type Row } from './table.js';

const DURATION_MS = 8_000;
const CLIENTS = 8;
const UPLOAD_SHARE = 0.1;

const csv = (n: number) =>
  `id,author,to,text,time,chat\n${n}-1,mod${n},,Q1: hello #load,2024-03-14T20:00:00Z,#load\n${n}-2,ann${n},mod${n},A1: hi @mod${n},2024-03-14T20:01:00Z,#load\n`;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

export async function mixedLoadSection(_bench: Bench): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-load-'));
  const store = openSqliteStore({ dataDir });
  const config = readConfig({}, {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LOAD_DEMO: false,
    RATE_LIMIT_WRITES_PER_MINUTE: 1_000_000,
  } as never);
  const app = await buildApp({ config, store, clientDir: path.join(dataDir, 'none') });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const form = new FormData();
    form.append(
      'file',
      new Blob([fs.readFileSync(path.resolve(import.meta.dirname, '../tests/fixtures/made/api/uklibchat.csv'))]),
      'seed.csv',
    );
    const seeded = (await (await fetch(`${base}/api/datasets`, { method: 'POST', body: form })).json()) as { id: string };
    await (await fetch(`${base}/api/datasets/${seeded.id}/graph`)).text();

    const latency = { read: [] as number[], upload: [] as number[] };
    const errors = { read: 0, upload: 0 };
    let accepted = 0;
    let uploads = 0;
    const end = Date.now() + DURATION_MS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        let i = 0;
        while (Date.now() < end) {
          const upload = (i++ * CLIENTS + client) % Math.round(1 / UPLOAD_SHARE) === 0;
          const t0 = performance.now();
          if (upload) {
            const n = uploads++;
            const body = new FormData();
            body.append('name', `load-${n}`);
            body.append('file', new Blob([csv(n)]), `load-${n}.csv`);
            const res = await fetch(`${base}/api/datasets`, { method: 'POST', body });
            await res.arrayBuffer();
            latency.upload.push(performance.now() - t0);
            if (res.status === 201) accepted++;
            else errors.upload++;
          } else {
            const res = await fetch(`${base}/api/datasets/${seeded.id}/graph`, { headers: { 'accept-encoding': 'br' } });
            await res.arrayBuffer();
            latency.read.push(performance.now() - t0);
            if (res.status !== 200) errors.read++;
          }
        }
      }),
    );
    const stored = (await store.listDatasets()).length - 1;
    const lost = accepted - stored;
    const rows: Row[] = [];
    for (const kind of ['read', 'upload'] as const) {
      const sorted = [...latency[kind]].sort((a, b) => a - b);
      rows.push(
        row('load', {
          measure: kind === 'read' ? 'mixed load: cached graph reads' : 'mixed load: uploads',
          size: `${CLIENTS} clients, ${DURATION_MS / 1000} s`,
          value: `${sorted.length} requests (${Math.round(sorted.length / (DURATION_MS / 1000))}/s), ${errors[kind]} errors, p50 ${pct(sorted, 50).toFixed(1)} ms, p99 ${pct(sorted, 99).toFixed(1)} ms`,
          target: 'no errors',
          ok: errors[kind] === 0,
          data: { requests: sorted.length, errors: errors[kind], p50: pct(sorted, 50), p99: pct(sorted, 99) },
        }),
      );
    }
    rows.push(
      row('load', {
        measure: 'mixed load: uploads accepted vs stored',
        size: '',
        value: `${accepted} accepted, ${stored} stored`,
        target: 'nothing lost',
        ok: lost === 0,
        data: { accepted, stored },
      }),
    );
    return rows;
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
