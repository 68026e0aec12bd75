/**
 * Child-side HTTP clients for bench/http.ts, kept out of the server's
 * process so they do not share its event loop. Requests go through node:http
 * with a keep-alive agent rather than fetch: on this machine a fetch loop
 * topped out at ~1.1k req/s against /api/health where node:http reached
 * ~3k, so fetch would have measured the client.
 * - loadWorker: `concurrency` loops of fetch + read the whole body, bounded by
 *   a request count and a time; after a short warm-up, reports requests/s and
 *   latency percentiles;
 * - probeWorker: one request every `intervalMs` until stopped; reports each
 *   probe's wall-clock start and latency, so the parent can keep those that
 *   overlapped the moment it cares about.
 */
import http from 'node:http';
import { percentile } from './table.js';

export interface LoadArgs {
  url: string;
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  /** Untimed requests first, so connections are open and the JIT warm. */
  warmup: number;
}

export interface LoadFigures {
  completed: number;
  failed: number;
  statuses: Record<string, number>;
  ms: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  bytesPerResponse: number;
  contentEncoding: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** GET with the whole body read (counted, not kept); asks for compression, as a browser does. */
function get(url: string): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => void (bytes += chunk.length));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, bytes, encoding: String(response.headers['content-encoding'] ?? 'none') }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export async function loadWorker(args: LoadArgs, signal: AbortSignal): Promise<LoadFigures> {
  const warm = Array.from({ length: Math.min(args.warmup, args.maxRequests) }, () => get(args.url).catch(() => undefined));
  const first = (await Promise.all(warm)).find(Boolean);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failed = 0;
  let started = 0;
  let bytes = first?.bytes ?? 0;
  const begin = performance.now();
  const deadline = begin + args.maxMs;
  const loop = async () => {
    while (started < args.maxRequests && performance.now() < deadline && !signal.aborted) {
      started++;
      const t = performance.now();
      try {
        const r = await get(args.url);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 200) (latencies.push(performance.now() - t), (bytes = r.bytes));
        else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, loop));
  const ms = performance.now() - begin;
  return {
    completed: latencies.length,
    failed,
    statuses,
    ms,
    requestsPerSecond: (latencies.length * 1000) / ms,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(0, ...latencies),
    bytesPerResponse: bytes,
    contentEncoding: first?.encoding ?? 'unknown',
  };
}

export interface ProbeArgs {
  url: string;
  intervalMs: number;
  maxMs: number;
}

export interface Probe {
  /** Date.now() when the request was sent: wall clock, comparable across processes. */
  at: number;
  ms: number;
  ok: boolean;
}

export async function probeWorker(args: ProbeArgs, signal: AbortSignal): Promise<Probe[]> {
  const probes: Probe[] = [];
  const deadline = performance.now() + args.maxMs;
  while (!signal.aborted && performance.now() < deadline) {
    const at = Date.now();
    const t = performance.now();
    const ok = await get(args.url).then(
      (r) => r.status === 200,
      () => false,
    );
    probes.push({ at, ms: performance.now() - t, ok });
    await new Promise((resolve) => setTimeout(resolve, args.intervalMs));
  }
  return probes;
}
