/**
 * The graph route over HTTP (issue 7, items 6 and 7): the app (buildApp on
 * the size's imported store) listening on 127.0.0.1:0 in this process; the
 * clients in child processes (bench/load.ts) so they do not share its event
 * loop. Per case: the first, uncached GET of the graph while a prober asks
 * GET /api/health every 20 ms (does the build block the event loop?), then
 * a bounded run of concurrent GETs of the now cached graph. Targets: a
 * cached 10k-node graph ≥ 500 req/s with p99 < 50 ms; /api/health under
 * 50 ms while a graph is built (the issue names the 1M-message build: L).
 */
import type { Bench } from './fixtures.js';
import type { SizeId } from './datasets.js';
import { runChild, startChild } from './child.js';
import type { LoadArgs, LoadFigures, Probe, ProbeArgs } from './load.js';
import { fmtBytes, fmtInt, fmtMs, missing, percentile, row, type Row } from './table.js';
import { runWrk, wrkAvailable } from './wrk.js';

export interface GraphCase {
  size: SizeId;
  /** The graph route's query string, without `?`. */
  query: string;
  /** Whether the cached-throughput target applies (a 10k-node graph). */
  target: boolean;
  /** Time this case needs, to skip it when the run's budget is short. */
  needsMs: number;
}

/**
 * M with default options (≈550k ties), M with minWeight 0.12 (≈10k people,
 * ≈100k ties: the issue's figure), and L (1M messages: the build the health
 * target names; its graph then stays cached for the browser section).
 */
export function graphCases(bench: Bench): GraphCase[] {
  if (bench.options.quick) return [{ size: 'S', query: '', target: false, needsMs: 20_000 }];
  return [
    { size: 'M', query: '', target: true, needsMs: 100_000 },
    { size: 'M', query: 'minWeight=0.12', target: true, needsMs: 50_000 },
    { size: 'L', query: '', target: false, needsMs: 150_000 },
  ];
}

/** /api/health must answer within this while a graph is built. */
const HEALTH_TARGET_MS = 50;

export const caseLabel = (c: GraphCase) => (c.query ? `${c.size} ${c.query}` : `${c.size} default`);

const CONCURRENCY = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const graphUrl = (baseUrl: string, datasetId: string, query: string) =>
  `${baseUrl}/api/datasets/${datasetId}/graph${query ? `?${query}` : ''}`;

/** wrk when installed (see wrk.ts), else the Node client in a child process; `client` names which. */
async function loadRun(url: string, maxMs: number): Promise<LoadFigures & { client: string }> {
  if (await wrkAvailable()) {
    return {
      ...(await runWrk(url, {
        connections: CONCURRENCY,
        seconds: Math.max(1, Math.round(maxMs / 1000)),
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      })),
      client: 'wrk',
    };
  }
  const args: LoadArgs = { url, concurrency: CONCURRENCY, maxRequests: 5000, maxMs, warmup: CONCURRENCY };
  return {
    ...(await runChild<LoadFigures>('load', args, maxMs + 120_000)).value,
    client: 'node:http; wrk not installed, which measures more of the server',
  };
}

const loadValue = (f: LoadFigures & { client: string }) =>
  `${fmtInt(f.requestsPerSecond)} req/s, p50 ${fmtMs(f.p50)}, p99 ${fmtMs(f.p99)} (${fmtInt(f.completed)} × ${fmtBytes(f.bytesPerResponse)}${f.failed ? `, ${f.failed} failed` : ''}; ${f.client})`;

export async function httpSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const r = (x: Parameters<typeof row>[1]) => rows.push(row('http', x));
  let baseline = false;
  for (const c of graphCases(bench)) {
    const size = caseLabel(c);
    if (bench.remainingMs() < c.needsMs) {
      rows.push(missing('http', 'GET graph', size, `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`));
      continue;
    }
    try {
      const server = await bench.server(c.size);
      const health = `${server.baseUrl}/api/health`;
      if (!baseline) {
        baseline = true;
        const f = await loadRun(health, 3000);
        r({
          measure: `GET /api/health, ${CONCURRENCY} concurrent (the server's ceiling)`,
          size: c.size,
          value: loadValue(f),
          data: { ...f },
        });
      }
      const url = graphUrl(server.baseUrl, server.datasetId, c.query);
      const probe = startChild<Probe[]>('probe', { url: health, intervalMs: 20, maxMs: 300_000 } satisfies ProbeArgs, 330_000);
      await sleep(2000); // the prober's process starts and is polling
      const from = Date.now();
      const t = performance.now();
      const response = await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      const body = Buffer.from(await response.arrayBuffer());
      const uncachedMs = performance.now() - t;
      const to = Date.now();
      probe.stop();
      bench.markDone(`http ${c.size}${c.query ? ` ${c.query}` : ''}`);
      const probes = (await probe.result).value.filter((p) => p.at <= to && p.at + p.ms >= from);
      if (response.status !== 200) throw new Error(`GET graph answered ${response.status}: ${body.subarray(0, 200).toString()}`);
      const encoding = response.headers.get('content-encoding') ?? 'none';
      const counts =
        encoding === 'none'
          ? (JSON.parse(body.toString()) as { attributes: { meta: { counts: { nodes: number; edges: number } } } }).attributes.meta.counts
          : undefined;
      r({
        measure: 'GET graph, uncached (first request)',
        size,
        value: `${fmtMs(uncachedMs)}, ${fmtBytes(body.length)} of JSON (sent as ${encoding})${counts ? `, ${fmtInt(counts.nodes)} nodes / ${fmtInt(counts.edges)} ties` : ''}`,
        data: { uncachedMs, bytes: body.length, encoding, ...counts },
      });
      const lat = probes.map((p) => p.ms);
      const worst = Math.max(0, ...lat);
      r({
        measure: 'GET /api/health during that build (every 20 ms)',
        size,
        value: probes.length
          ? `max ${fmtMs(worst)}, p99 ${fmtMs(percentile(lat, 99))}, p50 ${fmtMs(percentile(lat, 50))} over ${probes.length} probes`
          : 'no probe overlapped the build',
        target: `max < ${HEALTH_TARGET_MS} ms`,
        ...(probes.length ? { ok: worst < HEALTH_TARGET_MS } : {}),
        data: { probes: probes.length, maxMs: worst },
      });
      // One request first: a client's first ask for brotli compresses the graph once (cached after), which is not the cached figure.
      await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }).then((res) => res.arrayBuffer());
      const f = await loadRun(url, 6000);
      r({
        measure: `GET graph, cached, ${CONCURRENCY} concurrent`,
        size,
        value: loadValue(f),
        ...(c.target ? { target: '≥ 500 req/s, p99 < 50 ms', ok: f.requestsPerSecond >= 500 && f.p99 < 50 && f.failed === 0 } : {}),
        data: { ...f },
      });
    } catch (error) {
      rows.push(missing('http', 'GET graph', size, `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
    }
  }
  return rows;
}
