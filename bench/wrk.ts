/**
 * wrk (Debian's `wrk`), a load generator in C, for the cached-graph
 * throughput when it is installed: a Node client reading megabyte responses
 * measures itself (here it topped out near 370 req/s where wrk drove the
 * same server past 1,200). Without wrk the bench falls back to
 * bench/load.ts and says so in the row.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { LoadFigures } from './load.js';

const run = promisify(execFile);
let available: Promise<boolean> | undefined;

export function wrkAvailable(): Promise<boolean> {
  // `wrk --version` prints its banner and exits 1: being found is what counts.
  available ??= run('wrk', ['--version']).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
  return available;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** Latency like `7.42ms` or `1.02s` → ms. */
function latency(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) throw new Error(`wrk: unreadable latency ${JSON.stringify(text)}`);
  return Number(m[1]) * MS[m[2]!]!;
}

/** Reads wrk's `--latency` report. */
export function parseWrk(output: string): LoadFigures {
  const p = (q: number) => {
    const m = new RegExp(`^\\s+${q}%\\s+(\\S+)`, 'm').exec(output);
    if (!m) throw new Error(`wrk: no ${q}% latency in its output`);
    return latency(m[1]!);
  };
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)([KMGT]?B) read/.exec(output);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  if (!total || !rate) throw new Error('wrk: no request count or rate in its output');
  const completed = Number(total[1]);
  const bytes = Number(total[4]) * BYTES[total[5]!]!;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((s, n) => s + Number(n), 0) : 0;
  const max = /^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(output);
  return {
    completed,
    failed: non2xx + socketErrors,
    statuses: {},
    ms: Number(total[2]) * MS[total[3]!]!,
    requestsPerSecond: Number(rate[1]),
    p50: p(50),
    p99: p(99),
    max: max ? latency(max[1]!) : NaN,
    bytesPerResponse: completed > 0 ? Math.round(bytes / completed) : 0,
    contentEncoding: 'as asked',
  };
}

export async function runWrk(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadFigures> {
  const headers = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const { stdout } = await run('wrk', ['-t2', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', ...headers, url], {
    timeout: (options.seconds + 30) * 1000,
    maxBuffer: 1 << 20,
  });
  return parseWrk(stdout);
}
