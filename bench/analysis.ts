/**
 * Analysis (issue 7, item 4), in a child process per size, on the messages
 * the import stored (read back as the server does): loading them, then the
 * stages on their own (sessions + buildGraph with the graph's heap,
 * detectCommunities with its modularity, layoutGraph), then the server's
 * whole uncached work for the page's graph (`computeGraphJson`: load,
 * contexts, flags, analyze, the payload's JSON with a backbone past 200k
 * ties) and the payload's size raw, gzip (level 6) and brotli (quality 5, an
 * on-the-fly setting). Default build options (seed 1). Writes the weighted
 * edge list for igraph when asked. L's whole work is measured over HTTP
 * instead (bench/http.ts), where the health probe runs beside it.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { resolveBuildOptions } from '../shared/index.js';
import { computeGraphJson } from '../server/graphs/compute-graph.js';
import { resolveBackboneOptions } from '../server/pipeline/backbone.js';
import { buildGraph } from '../server/pipeline/build-graph.js';
import type { CoParticipationGraph } from '../server/pipeline/co-participation-graph.js';
import { detectCommunities } from '../server/pipeline/communities.js';
import { defaultIterations, runLayout } from '../server/pipeline/layout.js';
import { measureSeparation, type Separation } from '../server/pipeline/layout/separation.js';
import { splitSessions } from '../server/pipeline/sessions.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import { runChild, type ChildOutcome } from './child.js';
import type { SizeId } from './datasets.js';
import type { Bench } from './fixtures.js';
import { igraphAvailable } from './igraph.js';
import { fmtBytes, fmtInt, fmtMs, missing, row, type Row } from './table.js';

export interface AnalysisArgs {
  dataDir: string;
  datasetId: string;
  /** Also run the server's whole uncached work and measure the payload. */
  whole: boolean;
  /** Write `n m` then `u v weight` lines here, for bench/igraph-reference.py. */
  edgeList?: string;
}

export interface AnalysisFigures {
  messages: number;
  nodes: number;
  edges: number;
  sessions: number;
  loadMs: number;
  sessionsMs: number;
  buildMs: number;
  graphHeapBytes: number;
  louvainMs: number;
  modularity: number;
  communities: number;
  layoutMs: number;
  layoutIterations: number;
  layoutBudget: number;
  separation: Separation;
  analyzeMs?: number;
  payloadBytes?: number;
  gzipBytes?: number;
  gzipMs?: number;
  brotliBytes?: number;
  brotliMs?: number;
  /** Why the payload was not measured (e.g. a string longer than V8 allows). */
  payloadError?: string;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
/**
 * JS heap and typed-array memory together: the graph's columns live outside
 * the heap. Two collections: array buffers the first finds dead are freed by
 * a sweeper running alongside, which the second waits for.
 */
const heap = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

function writeEdgeList(graph: CoParticipationGraph, file: string): void {
  const lines = [`${graph.order} ${graph.size}`];
  const { lo, hi, weight } = graph.ties;
  for (let t = 0; t < graph.size; t++) lines.push(`${lo[t]} ${hi[t]} ${weight[t]}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

export async function analysisWorker(args: AnalysisArgs): Promise<AnalysisFigures> {
  const store = openSqliteStore({ dataDir: args.dataDir });
  const dataset = (await store.getDataset(args.datasetId))!;
  let t = performance.now();
  const messages = await store.getMessages(args.datasetId);
  const people = await store.getPeople(args.datasetId);
  const loadMs = performance.now() - t;
  await store.close();
  const options = resolveBuildOptions({});

  const before = heap();
  t = performance.now();
  const sessions = splitSessions(messages, options);
  const sessionsMs = performance.now() - t;
  t = performance.now();
  let graph: CoParticipationGraph | undefined = buildGraph(messages, sessions, options);
  const buildMs = performance.now() - t;
  const graphHeapBytes = heap() - before;
  t = performance.now();
  const communities = detectCommunities(graph, options);
  const louvainMs = performance.now() - t;
  t = performance.now();
  const layout = runLayout(graph, communities.membership, { seed: options.seed });
  const layoutMs = performance.now() - t;
  const separation = measureSeparation(graph, communities.membership, layout.positions);
  if (args.edgeList) writeEdgeList(graph, args.edgeList);
  const figures: AnalysisFigures = {
    messages: messages.length,
    nodes: graph.order,
    edges: graph.size,
    sessions: sessions.length,
    loadMs,
    sessionsMs,
    buildMs,
    graphHeapBytes,
    louvainMs,
    modularity: communities.modularity,
    communities: communities.count,
    layoutMs,
    layoutIterations: layout.iterations,
    layoutBudget: defaultIterations(graph.order),
    separation,
  };
  if (!args.whole) return figures;

  graph = undefined;
  gc();
  t = performance.now();
  const reopened = openSqliteStore({ dataDir: args.dataDir });
  try {
    const backbone = resolveBackboneOptions({});
    const { json } = await computeGraphJson(reopened, { id: dataset.id, name: dataset.name, version: dataset.version }, options, backbone);
    figures.analyzeMs = performance.now() - t;
    const raw = Buffer.from(json);
    figures.payloadBytes = raw.length;
    t = performance.now();
    figures.gzipBytes = zlib.gzipSync(raw, { level: 6 }).length;
    figures.gzipMs = performance.now() - t;
    t = performance.now();
    figures.brotliBytes = zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length;
    figures.brotliMs = performance.now() - t;
  } catch (error) {
    figures.payloadError = error instanceof Error ? error.message : String(error);
  } finally {
    await reopened.close();
  }
  return figures;
}

/** L's analysis takes minutes: skipped when the run's budget could not cover it. */
const L_ANALYSIS_BUDGET_MS = 180_000;

export type AnalysisOutcome = ChildOutcome<AnalysisFigures> & { edgeList?: string };

/** One size's analysis, run once and shared with the igraph section. */
export function analysisOf(bench: Bench, size: SizeId): Promise<AnalysisOutcome> {
  return bench.shared(`analysis ${size}`, async () => {
    const { dataDir, value } = await bench.imported(size);
    const edgeList = (await igraphAvailable()) ? `${bench.root}/edges-${size}.txt` : undefined;
    bench.log(`analysis of ${size} in a child process…`);
    // L's whole uncached work is timed by the http section (with the health probe), not twice.
    const args: AnalysisArgs = { dataDir, datasetId: value.datasetId, whole: size !== 'L', ...(edgeList ? { edgeList } : {}) };
    const outcome = await runChild<AnalysisFigures>('analysis', args, Math.min(bench.remainingMs(), 420_000));
    return { ...outcome, ...(edgeList ? { edgeList } : {}) };
  });
}

export async function analysisSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const r = (x: Parameters<typeof row>[1]) => rows.push(row('analysis', x));
  for (const { id: size } of bench.sizes) {
    if (size === 'L' && !bench.hasRun('analysis L') && bench.remainingMs() < L_ANALYSIS_BUDGET_MS) {
      rows.push(
        missing(
          'analysis',
          'build, Louvain, layout, payload',
          size,
          `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`,
        ),
      );
      continue;
    }
    try {
      const { value: f, maxRssBytes, wallMs, cpuMs } = await analysisOf(bench, size);
      r({
        measure: 'graph',
        size,
        value: `${fmtInt(f.nodes)} nodes, ${fmtInt(f.edges)} edges, ${fmtInt(f.sessions)} sessions, ${fmtInt(f.messages)} messages`,
        data: { ...f, maxRssBytes, wallMs, cpuMs },
      });
      r({ measure: 'load from SQLite (getMessages + getPeople)', size, value: fmtMs(f.loadMs) });
      r({
        measure: 'splitSessions + buildGraph',
        size,
        value: `${fmtMs(f.sessionsMs + f.buildMs)} (buildGraph ${fmtMs(f.buildMs)}), graph memory ≈ ${fmtBytes(f.graphHeapBytes)} (heap + typed arrays)`,
      });
      r({
        measure: 'detectCommunities (Louvain)',
        size,
        value: `${fmtMs(f.louvainMs)}, modularity ${f.modularity.toFixed(4)}, ${fmtInt(f.communities)} communities`,
      });
      r({
        measure: `layoutGraph (community pass + FA2, ${f.layoutIterations} of ${f.layoutBudget} iterations)`,
        size,
        value: `${fmtMs(f.layoutMs)}, tie ratio ${f.separation.tieRatio.toFixed(3)}, silhouette ${f.separation.silhouette.toFixed(2)}`,
      });
      if (f.analyzeMs !== undefined) {
        r({ measure: "computeGraphJson (the server's uncached work: load, contexts, analyze, payload)", size, value: fmtMs(f.analyzeMs) });
      }
      if (f.payloadBytes !== undefined) {
        r({
          measure: 'page payload raw / gzip -6 / brotli q5',
          size,
          value: `${fmtBytes(f.payloadBytes)} / ${fmtBytes(f.gzipBytes!)} (${fmtMs(f.gzipMs!)}) / ${fmtBytes(f.brotliBytes!)} (${fmtMs(f.brotliMs!)})`,
        });
      } else if (f.payloadError) {
        r({ measure: 'payload', size, value: `not serializable: ${f.payloadError}`, ok: false });
      }
      r({
        measure: 'analysis peak RSS (child process)',
        size,
        value: `${fmtBytes(maxRssBytes)} (child: ${fmtMs(wallMs)} wall, ${fmtMs(cpuMs)} CPU)`,
      });
    } catch (error) {
      rows.push(
        missing(
          'analysis',
          'build, Louvain, layout, payload',
          size,
          `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ),
      );
    }
  }
  return rows;
}
