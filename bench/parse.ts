/**
 * Parse + normalize throughput (issue 7, item 2): `readTranscript` over each
 * size's JSON Lines bytes, next to the floor any reader pays: decoding the
 * same bytes and `JSON.parse` of each line. The ratio (baseline time ÷ ours)
 * is the figure, target ≥ 0.5×. Files are read into memory first (not
 * timed); S and M, each in a process of its own, are read once untimed
 * (JIT warm-up), then timed five times, the two readers back to back and
 * taking turns at going first: the ratio is the median of the five runs'
 * ratios, the times are medians. L (1.2 GB) is read as big files are
 * (parseChunk, chunk by chunk, on one thread, each chunk's baseline right
 * after it) on its first 256 MiB, inside the import child, which has the
 * file anyway.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readTranscript } from '../server/ingest/read-transcript.js';
import { runChild } from './child.js';
import type { Bench } from './fixtures.js';
import { jsonParseLines, L_IMPORT_BUDGET_MS } from './import.js';
import { fmtInt, fmtMs, missing, percentile, perSecond, row, type Row } from './table.js';

interface Timing {
  bytes: number;
  messages: number;
  lines: number;
  oursMs: number;
  baseMs: number;
  /** Median of base ÷ ours over runs timed back to back, where both readers were timed that way. */
  pairedRatio?: number;
}

/** Child task: S or M's files read into memory (not timed), one untimed pass of each reader, then `runs` timed. */
export async function parseWorker(args: { files: string[]; runs: number }): Promise<Timing> {
  const files = args.files.map((file) => ({ name: path.basename(file), bytes: fs.readFileSync(file) }));
  timeInProcess(files, 1); // JIT warm-up, and every file's memory touched once
  return timeInProcess(files, args.runs);
}

function timeInProcess(files: { name: string; bytes: Buffer }[], runs: number): Timing {
  const ours: number[] = [];
  const base: number[] = [];
  let messages = 0;
  let lines = 0;
  const timeOurs = () => {
    const t = performance.now();
    messages = 0;
    for (const f of files) messages += readTranscript(f.bytes, { fileName: f.name }).messages.length;
    ours.push(performance.now() - t);
  };
  const timeBase = () => {
    const t = performance.now();
    lines = 0;
    for (const f of files) lines += jsonParseLines(f.bytes);
    base.push(performance.now() - t);
  };
  // Taking turns at going first: the first pass after the files are read pays for memory touched the first
  // time (page faults, ~1.5 ms per MiB on this VM), and that is neither reader's cost.
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) (timeOurs(), timeBase());
    else (timeBase(), timeOurs());
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  // Each run's two readers ran back to back: a slow spell of this shared VM (it comes and goes over seconds)
  // slows both, and cancels in their ratio. The median over runs then drops a run one reader had alone.
  const pairedRatio = percentile(
    ours.map((o, i) => base[i]! / o),
    50,
  );
  return { bytes, messages, lines, oursMs: percentile(ours, 50), baseMs: percentile(base, 50), pairedRatio };
}

export async function parseSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  for (const spec of bench.sizes) {
    const size = spec.id;
    try {
      let t: Timing;
      if (size === 'L') {
        if (!bench.hasRun('import L') && bench.remainingMs() < L_IMPORT_BUDGET_MS) {
          rows.push(
            missing('parse', 'readTranscript ÷ JSON.parse throughput', size, "skipped: not enough of the run's budget left", '≥ 0.5×'),
          );
          continue;
        }
        const { value: f } = await bench.imported(size);
        t = f.parse;
      } else {
        const data = await bench.dataset(size);
        // A process of its own: the bench's (which may hold a generated dataset) would slow its collector.
        t = (await runChild<Timing>('parse', { files: data.files, runs: 5 }, Math.min(bench.remainingMs(), 180_000))).value;
      }
      const ratio = t.pairedRatio ?? t.baseMs / t.oursMs;
      rows.push(
        row('parse', {
          measure:
            size === 'L'
              ? 'parseChunk, chunk by chunk on one thread as big files are read (first 256 MiB of L)'
              : 'readTranscript (decode, detect, parse, normalize)',
          size,
          value: `${(perSecond(t.bytes, t.oursMs) / 1e6).toFixed(1)} MB/s, ${fmtInt(perSecond(t.messages, t.oursMs))} msg/s (${fmtMs(t.oursMs)})`,
          data: { ...t, ratio },
        }),
      );
      rows.push(
        row('parse', {
          measure: 'baseline: each line decoded from UTF-8 and JSON.parse',
          size,
          value: `${(perSecond(t.bytes, t.baseMs) / 1e6).toFixed(1)} MB/s, ${fmtInt(perSecond(t.lines, t.baseMs))} lines/s (${fmtMs(t.baseMs)})`,
        }),
      );
      rows.push(
        row('parse', {
          measure: 'readTranscript ÷ JSON.parse throughput',
          size,
          value: `${ratio.toFixed(2)}×`,
          target: '≥ 0.5×',
          ok: ratio >= 0.5,
        }),
      );
    } catch (error) {
      rows.push(
        missing(
          'parse',
          'readTranscript ÷ JSON.parse throughput',
          size,
          `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          '≥ 0.5×',
        ),
      );
    }
  }
  return rows;
}
