/**
 * The first peers request of a view (M and L; S in a quick run): its wall
 * time, and how much of it the server's event loop was busy (event-loop
 * utilisation over the request) with its longest stall; then the next
 * person's request in the same view, wall and busy. The whole answer is
 * computed in an analysis process (server/graphs/compute-peers.ts), which
 * reads the view once and keeps it; before it, the view's messages were read
 * and ranked on the event loop every request (L: about 10 s each), and
 * before the `topics` job its phrases too (busy all the request: 10 s on M,
 * 60 s on L on a loaded machine). The app runs in a child process of its
 * own over the size's imported store, as `npm start` runs it (analysis pool
 * on); the graph is asked first and is not part of the figure.
 */
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import { runChild } from './child.js';
import type { Bench } from './fixtures.js';
import { fmtInt, fmtMs, missing, row, type Row } from './table.js';

export interface PeersFirstArgs {
  dataDir: string;
  datasetId: string;
}

export interface PeersFirstFigures {
  person: string;
  peers: number;
  people: number;
  graphMs: number;
  /** The first peers request, wall time. */
  totalMs: number;
  /** Of it, the event loop busy (not waiting for I/O or the analysis process). */
  busyMs: number;
  /** The longest the event loop went without a turn meanwhile. */
  longestStallMs: number;
  /** A second person's peers in the same view: the view kept. */
  nextMs: number;
  /** Of it, the event loop busy. */
  nextBusyMs: number;
}

export async function peersFirstWorker(args: PeersFirstArgs): Promise<PeersFirstFigures> {
  const config = readConfig({}, { DATA_DIR: args.dataDir, LOG_LEVEL: 'silent', LOAD_DEMO: false });
  const store = openSqliteStore({ dataDir: args.dataDir });
  const app = await buildApp({ config, store, clientDir: path.join(args.dataDir, 'no-client') });
  try {
    let t = performance.now();
    const graph = await app.inject(`/api/datasets/${args.datasetId}/graph`);
    const graphMs = performance.now() - t;
    if (graph.statusCode !== 200) throw new Error(`GET graph answered ${graph.statusCode}: ${graph.body.slice(0, 200)}`);
    const nodes = (JSON.parse(graph.body) as { nodes: { key: string; attributes: { messages: number } }[] }).nodes;
    // The two people who wrote most: a view's first ask is likely one of its most active.
    const [first, second] = [...nodes].sort((a, b) => b.attributes.messages - a.attributes.messages || (a.key < b.key ? -1 : 1));
    const peersOf = (key: string) => app.inject(`/api/datasets/${args.datasetId}/people/${encodeURIComponent(key)}/peers`);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const utilisation = performance.eventLoopUtilization();
    t = performance.now();
    const answer = await peersOf(first!.key);
    const totalMs = performance.now() - t;
    const busyMs = performance.eventLoopUtilization(utilisation).active;
    delay.disable();
    if (answer.statusCode !== 200) throw new Error(`GET peers answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`);

    const nextUtilisation = performance.eventLoopUtilization();
    t = performance.now();
    const next = await peersOf(second!.key);
    const nextMs = performance.now() - t;
    const nextBusyMs = performance.eventLoopUtilization(nextUtilisation).active;
    if (next.statusCode !== 200) throw new Error(`GET peers answered ${next.statusCode}: ${next.body.slice(0, 200)}`);
    return {
      person: first!.key,
      peers: (JSON.parse(answer.body) as { peers: unknown[] }).peers.length,
      people: nodes.length,
      graphMs,
      totalMs,
      busyMs,
      longestStallMs: delay.max / 1e6,
      nextMs,
      nextBusyMs,
    };
  } finally {
    await app.close();
  }
}

export async function peersFirstSection(bench: Bench): Promise<Row[]> {
  const sizes = bench.sizes.filter((s) => bench.options.quick || s.id !== 'S').map((s) => s.id);
  const rows: Row[] = [];
  for (const size of sizes) {
    if (bench.remainingMs() < 60_000) {
      rows.push(missing('peers-first', 'first peers request', size, `skipped: ${Math.round(bench.remainingMs() / 1000)} s left`));
      continue;
    }
    try {
      const { dataDir, value } = await bench.imported(size);
      bench.log(`first peers request on ${size} in a child process…`);
      const { value: f, cpuMs } = await runChild<PeersFirstFigures>(
        'peers-first',
        { dataDir, datasetId: value.datasetId } satisfies PeersFirstArgs,
        Math.min(bench.remainingMs(), 600_000),
      );
      rows.push(
        row('peers-first', {
          measure: 'first peers request of a view (the view read once), event loop busy of total',
          size,
          value: `${fmtMs(f.busyMs)} busy of ${fmtMs(f.totalMs)} (longest stall ${fmtMs(f.longestStallMs)}; ${f.peers} peers of ${fmtInt(f.people)} people)`,
          data: { ...f, childCpuMs: cpuMs },
        }),
        row('peers-first', {
          measure: 'next person’s peers in the same view (view kept), event loop busy of total',
          size,
          value: `${fmtMs(f.nextBusyMs)} busy of ${fmtMs(f.nextMs)}`,
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      rows.push(missing('peers-first', 'first peers request', size, `failed: ${message}`));
    }
  }
  return rows;
}
