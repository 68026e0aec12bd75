/**
 * Our Louvain next to igraph's (issue 7, item 5): when /usr/bin/python3 can
 * import igraph, bench/igraph-reference.py runs multilevel and Leiden on the weighted
 * edge list the analysis child wrote for each size. Targets: our
 * buildGraph + Louvain within 2× igraph's build + multilevel, and our
 * modularity no lower than igraph's − 0.005. Without igraph, one row says so.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { analysisOf } from './analysis.js';
import type { Bench } from './fixtures.js';
import { fmtMs, missing, row, type Row } from './table.js';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./igraph-reference.py', import.meta.url));

let available: Promise<boolean> | undefined;

export function igraphAvailable(): Promise<boolean> {
  available ??= run(PYTHON, ['-c', 'import igraph']).then(
    () => true,
    () => false,
  );
  return available;
}

interface IgraphFigures {
  version: string;
  nodes: number;
  edges: number;
  buildMs: number;
  multilevelMs: number;
  multilevelModularity: number;
  multilevelCommunities: number;
  leidenMs: number;
  leidenModularity: number;
  leidenCommunities: number;
}

export async function igraphSection(bench: Bench): Promise<Row[]> {
  if (!(await igraphAvailable())) {
    return [
      row('igraph', { measure: 'igraph multilevel / Leiden', size: 'all', value: 'igraph not installed (apt-get install python3-igraph)' }),
    ];
  }
  const rows: Row[] = [];
  for (const { id: size } of bench.sizes) {
    if (!bench.hasRun(`analysis ${size}`)) {
      rows.push(missing('igraph', 'igraph multilevel / Leiden', size, 'skipped: no analysis of this size in this run'));
      continue;
    }
    try {
      const ours = await analysisOf(bench, size);
      if (!ours.edgeList) throw new Error('the analysis wrote no edge list');
      const { stdout } = await run(PYTHON, [SCRIPT, ours.edgeList], {
        timeout: Math.round(Math.max(10_000, bench.remainingMs())),
        maxBuffer: 1 << 20,
      });
      const ig = JSON.parse(stdout) as IgraphFigures;
      const oursMs = ours.value.sessionsMs + ours.value.buildMs + ours.value.louvainMs;
      const theirsMs = ig.buildMs + ig.multilevelMs;
      const ratio = oursMs / theirsMs;
      const dq = ours.value.modularity - ig.multilevelModularity;
      rows.push(
        row('igraph', {
          measure: `igraph ${ig.version}: build + multilevel`,
          size,
          value: `${fmtMs(theirsMs)} (build ${fmtMs(ig.buildMs)}), modularity ${ig.multilevelModularity.toFixed(4)}, ${ig.multilevelCommunities} communities`,
          data: { ...ig },
        }),
      );
      rows.push(
        row('igraph', {
          measure: 'igraph Leiden (modularity, to convergence)',
          size,
          value: `${fmtMs(ig.leidenMs)}, modularity ${ig.leidenModularity.toFixed(4)}, ${ig.leidenCommunities} communities`,
        }),
      );
      rows.push(
        row('igraph', {
          measure: 'ours (sessions + buildGraph + Louvain) ÷ igraph',
          size,
          value: `${ratio.toFixed(2)}× (${fmtMs(oursMs)})`,
          target: '≤ 2×',
          ok: ratio <= 2,
        }),
      );
      rows.push(
        row('igraph', {
          measure: 'our modularity − igraph multilevel',
          size,
          value: `${dq >= 0 ? '+' : ''}${dq.toFixed(4)}`,
          target: '≥ −0.005',
          ok: dq >= -0.005,
        }),
      );
    } catch (error) {
      rows.push(
        missing(
          'igraph',
          'igraph multilevel / Leiden',
          size,
          `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ),
      );
    }
  }
  return rows;
}
