/**
 * Import (issues 4 and 7): each size's chat files joined into ONE JSON Lines
 * file (as a year of `twarc search` gives), then imported the way an upload
 * is — an import job reading it chunk by chunk, staging batches, committing
 * once — into a new SQLite store, in a child process so its peak RSS is the
 * import's own. Memory must stay flat as the file grows (10k → 100k → 1M
 * messages); target at 1M: under 20 s and 2 GB. The stores stay for the
 * analysis, HTTP and browser sections. The same child then times the parse
 * section's baseline (decode + JSON.parse of each line) on the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runImportJob, newImportJob } from '../server/imports/run-import.js';
import { fileBytes, lineChunks } from '../server/ingest/stream/chunks.js';
import { parseChunk } from '../server/ingest/stream/parse-chunk.js';
import { openSqliteStore } from '../server/store/sqlite.js';
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
  /** The job's time outside staging and commit (reading runs on parse threads meanwhile). */
  outsideStageMs: number;
  /** The parse section's figure, on the file's first PARSE_SAMPLE_BYTES as a big file is read: chunk by chunk, one thread. */
  parse: { bytes: number; lines: number; messages: number; oursMs: number; baseMs: number };
  stageMs: number;
  commitMs: number;
  /** The whole import job, end to end. */
  totalMs: number;
  /** Peak RSS once the import was done (before the baseline pass). */
  importPeakRss: number;
  dbBytes: number;
}

/**
 * The parse section's baseline: each line decoded from UTF-8 and given to
 * JSON.parse. Line by line is the fastest plain way measured here (decoding
 * a whole file into one string and splitting it took twice as long), so the
 * ratio is taken against the strongest baseline. Returns the number of lines.
 */
export function jsonParseLines(bytes: Buffer): number {
  let lines = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end > start) {
      JSON.parse(bytes.toString('utf8', start, end));
      lines++;
    }
    start = end + 1;
  }
  return lines;
}

/** The files joined into one, streamed (never whole in memory), each ending with a line break. */
async function joinFiles(files: readonly string[], out: string): Promise<number> {
  const sink = fs.createWriteStream(out);
  for (const file of files) {
    for await (const piece of fs.createReadStream(file, { highWaterMark: 1024 * 1024 }))
      if (!sink.write(piece)) await new Promise<void>((r) => sink.once('drain', () => r()));
    if (!sink.write('\n')) await new Promise<void>((r) => sink.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => sink.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(out).size;
}

/** Child side: one file imported as an upload's import job, then the JSON.parse baseline on it. */
export async function importWorker(args: ImportArgs): Promise<ImportFigures> {
  fs.mkdirSync(args.dataDir, { recursive: true });
  const joined = path.join(args.dataDir, '..', `${path.basename(args.dataDir)}.jsonl`);
  const bytes = await joinFiles(args.files, joined);
  const store = openSqliteStore({ dataDir: args.dataDir });
  const file = { path: joined, fileName: `${args.name}.jsonl`, size: bytes };
  const job = newImportJob({ name: args.name, files: [file] });
  await store.putImportJob(job);
  const timings = { stageMs: 0, commitMs: 0 };
  const started = performance.now();
  const dataset = await runImportJob(store, { job, name: args.name, files: [file] }, { timings });
  const totalMs = performance.now() - started;
  const importPeakRss = process.resourceUsage().maxRSS * 1024;
  await store.close();
  const parse = { bytes: 0, lines: 0, messages: 0, oursMs: 0, baseMs: 0 };
  const handle = await fs.promises.open(joined);
  try {
    for await (const chunk of lineChunks(fileBytes(handle))) {
      let t = performance.now();
      const outcome = parseChunk({
        bytes: chunk.bytes,
        firstLine: chunk.firstLine,
        fileName: file.fileName,
        format: 'twitter-v1',
        first: chunk.firstLine === 1,
      });
      parse.oursMs += performance.now() - t;
      t = performance.now();
      parse.lines += jsonParseLines(chunk.bytes);
      parse.baseMs += performance.now() - t;
      parse.messages += outcome.ok ? outcome.messages.length : 0;
      parse.bytes += chunk.bytes.length;
      chunk.release();
      if (parse.bytes >= PARSE_SAMPLE_BYTES) break;
    }
  } finally {
    await handle.close();
  }
  fs.rmSync(joined, { force: true });
  const dbBytes = fs.readdirSync(args.dataDir).reduce((sum, f) => sum + fs.statSync(path.join(args.dataDir, f)).size, 0);
  return {
    datasetId: dataset.id,
    messages: dataset.counts.messages,
    people: dataset.counts.people,
    bytes,
    parse,
    outsideStageMs: totalMs - timings.stageMs - timings.commitMs,
    stageMs: timings.stageMs,
    commitMs: timings.commitMs,
    totalMs,
    importPeakRss,
    dbBytes,
  };
}

/** The L parse figure's sample: a quarter of the 1.2 GB file, the same data throughout. */
export const PARSE_SAMPLE_BYTES = 256 * 1024 * 1024;

const TWENTY_SECONDS = 20_000;
const TWO_GB = 2 * 1024 ** 3;

/** The big size's import takes minutes: skipped when the run's budget could not cover it. */
export const L_IMPORT_BUDGET_MS = 240_000;

export async function importSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const r = (x: Parameters<typeof row>[1]) => rows.push(row('import', x));
  const peaks: number[] = [];
  for (const spec of bench.sizes) {
    const size = spec.id;
    const big = size === 'L';
    if (big && !bench.hasRun(`import ${size}`) && bench.remainingMs() < L_IMPORT_BUDGET_MS) {
      rows.push(
        missing(
          'import',
          'import job, one JSON Lines file',
          size,
          `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`,
          '< 20 s',
        ),
      );
      continue;
    }
    try {
      const { value: f, wallMs } = await bench.imported(size);
      r({
        measure: `import job, one ${fmtBytes(f.bytes)} JSON Lines file (chunks read, batches staged, one commit)`,
        size,
        value: `${fmtMs(f.totalMs)}, ${fmtInt(perSecond(f.messages, f.totalMs))} msg/s (storing ${fmtMs(f.stageMs)} while parse threads read, other ${fmtMs(f.outsideStageMs)}, commit ${fmtMs(f.commitMs)})`,
        ...(big ? { target: '< 20 s', ok: f.totalMs < TWENTY_SECONDS } : {}),
        data: { ...f, childWallMs: wallMs },
      });
      peaks.push(f.importPeakRss);
      const flat = peaks.length > 1 ? f.importPeakRss <= 2 * peaks[0]! : undefined;
      r({
        measure: 'import job: peak RSS of the process',
        size,
        value: `${fmtBytes(f.importPeakRss)}${peaks.length > 1 ? ` (${(f.importPeakRss / peaks[0]!).toFixed(2)}× the smallest size's)` : ''}`,
        ...(big
          ? { target: '< 2 GB, ≤ 2× the smallest', ok: f.importPeakRss < TWO_GB && flat === true }
          : peaks.length > 1
            ? { target: '≤ 2× the smallest', ok: flat === true }
            : {}),
        data: { importPeakRss: f.importPeakRss },
      });
      r({
        measure: 'import: database size',
        size,
        value: `${fmtBytes(f.dbBytes)} for ${fmtInt(f.messages)} messages, ${fmtInt(f.people)} people`,
        data: { dbBytes: f.dbBytes },
      });
    } catch (error) {
      rows.push(missing('import', 'import', size, `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
    }
  }
  return rows;
}
