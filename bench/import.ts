/**
 * Import (issue 7, item 3): each size's files read (`readTranscript`, as an
 * upload is) and stored with one `importFiles` call (one transaction) into a
 * new SQLite store in a temp folder, in a child process so its peak RSS is
 * the import's own. The stores stay for the analysis, HTTP and browser
 * sections. Target at 1M messages: under 20 s, under 2 GB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readTranscript } from '../server/pipeline/read-transcript.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import type { ImportFile } from '../server/store/types.js';
import type { Bench } from './fixtures.js';
import { fmtBytes, fmtInt, fmtMs, missing, perSecond, row, type Row } from './table.js';

export interface ImportArgs {
  files: string[];
  dataDir: string;
  name: string;
}

export interface ImportFigures {
  datasetId: string;
  messages: number;
  people: number;
  bytes: number;
  readMs: number;
  parseMs: number;
  /** The parse section's baseline on the same bytes: utf-8 decode and JSON.parse of each line. */
  baselineMs: number;
  lines: number;
  storeMs: number;
  rssAfterParse: number;
  dbBytes: number;
}

/** The parse section's baseline: utf-8 decode, split lines, JSON.parse each. Returns the number of lines. */
export function jsonParseLines(bytes: Buffer): number {
  let lines = 0;
  for (const line of bytes.toString('utf8').split('\n')) {
    if (line.length === 0) continue;
    JSON.parse(line);
    lines++;
  }
  return lines;
}

/** Child side: read and parse every file, then store them all in one `importFiles`. */
export async function importWorker(args: ImportArgs): Promise<ImportFigures> {
  const store = openSqliteStore({ dataDir: args.dataDir });
  const files: ImportFile[] = [];
  let readMs = 0;
  let parseMs = 0;
  let baselineMs = 0;
  let lines = 0;
  let bytes = 0;
  for (const file of args.files) {
    let t = performance.now();
    const content = fs.readFileSync(file);
    readMs += performance.now() - t;
    bytes += content.length;
    t = performance.now();
    lines += jsonParseLines(content);
    baselineMs += performance.now() - t;
    t = performance.now();
    files.push(readTranscript(content, { fileName: path.basename(file) }));
    parseMs += performance.now() - t;
  }
  const rssAfterParse = process.memoryUsage().rss;
  const t = performance.now();
  const dataset = await store.importFiles({ name: args.name, files });
  const storeMs = performance.now() - t;
  await store.close();
  const dbBytes = fs.readdirSync(args.dataDir).reduce((sum, f) => sum + fs.statSync(path.join(args.dataDir, f)).size, 0);
  return { datasetId: dataset.id, messages: dataset.counts.messages, people: dataset.counts.people, bytes, readMs, parseMs, baselineMs, lines, storeMs, rssAfterParse, dbBytes };
}

const TWENTY_SECONDS = 20_000;
const TWO_GB = 2 * 1024 ** 3;

/** The big size's import takes minutes: skipped when the run's budget could not cover it. */
export const L_IMPORT_BUDGET_MS = 240_000;

export async function importSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const r = (x: Parameters<typeof row>[1]) => rows.push(row('import', x));
  for (const spec of bench.sizes) {
    const size = spec.id;
    const big = size === 'L';
    if (big && !bench.hasRun(`import ${size}`) && bench.remainingMs() < L_IMPORT_BUDGET_MS) {
      rows.push(missing('import', 'import 1M messages', size, `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`, '< 20 s'));
      continue;
    }
    try {
      const { value: f, maxRssBytes, cpuMs, wallMs } = await bench.imported(size);
      const total = f.readMs + f.parseMs + f.storeMs;
      r({ measure: 'import: readTranscript of every file', size, value: `${fmtInt(perSecond(f.messages, f.parseMs))} msg/s, ${(perSecond(f.bytes, f.parseMs) / 1e6).toFixed(1)} MB/s (${fmtMs(f.parseMs)})`, data: { ...f } });
      r({
        measure: 'import: importFiles into SQLite (1 transaction)', size,
        value: `${fmtInt(perSecond(f.messages, f.storeMs))} rows/s (${fmtMs(f.storeMs)})`,
        ...(big ? { target: '< 20 s', ok: f.storeMs < TWENTY_SECONDS } : {}),
        data: { storeMs: f.storeMs, rowsPerSecond: perSecond(f.messages, f.storeMs) },
      });
      r({
        measure: 'import: end to end (read, parse, store)', size, value: fmtMs(total),
        ...(big ? { target: '< 20 s', ok: total < TWENTY_SECONDS } : {}),
        data: { totalMs: total, childWallMs: wallMs, childCpuMs: cpuMs },
      });
      r({
        measure: 'import: peak RSS (child process)', size, value: `${fmtBytes(maxRssBytes)} (after parse ${fmtBytes(f.rssAfterParse)})`,
        ...(big ? { target: '< 2 GB', ok: maxRssBytes < TWO_GB } : {}), data: { maxRssBytes, rssAfterParse: f.rssAfterParse },
      });
      r({ measure: 'import: database size', size, value: `${fmtBytes(f.dbBytes)} for ${fmtInt(f.messages)} messages, ${fmtInt(f.people)} people`, data: { dbBytes: f.dbBytes } });
    } catch (error) {
      rows.push(missing('import', 'import', size, `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
    }
  }
  return rows;
}
