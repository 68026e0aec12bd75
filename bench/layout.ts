/**
 * Layout at 10k and 100k people (issue 7: 10k < 1 s, 100k < 20 s, no worse
 * separation of communities than graphology's ForceAtlas2). The graphs are
 * planted partitions shaped like co-participation graphs
 * (tests/support/planted-graph.ts: ≈10 ties per person, skewed group sizes),
 * laid out after Louvain as the server does, in a child process per size.
 *
 * graphology's ForceAtlas2 (Barnes–Hut, inferSettings, the iterations our
 * layout may use at most) runs from the same seeded start: at 10k in full,
 * so times and separation compare; at 100k it needs minutes, so it runs a
 * few iterations and the row gives the per-iteration time and the total that
 * implies (said so in the row). Separation: layout/separation.ts (tie ratio,
 * lower is better; simplified silhouette, higher is better).
 */
import { UndirectedGraph } from 'graphology';
import { forceAtlas2 } from '../server/pipeline/cjs.js';
import { detectCommunities } from '../server/pipeline/communities.js';
import { defaultIterations, runLayout, seedPositions } from '../server/pipeline/layout.js';
import { measureSeparation, type Separation } from '../server/pipeline/layout/separation.js';
import { plantedGraph } from '../tests/support/planted-graph.js';
import { runChild } from './child.js';
import type { Bench } from './fixtures.js';
import { fmtInt, fmtMs, missing, row, type Row } from './table.js';

export interface LayoutArgs {
  people: number;
  /** graphology's iterations: its full budget, or a sample to time per iteration. */
  graphologyIterations: number;
}

export interface LayoutFigures {
  nodes: number;
  edges: number;
  communities: number;
  generateMs: number;
  oursMs: number;
  oursIterations: number;
  budget: number;
  ours: Separation;
  graphologyMs: number;
  graphologyIterations: number;
  /** Only when graphology ran its full budget. */
  graphology?: Separation;
}

export async function layoutWorker(args: LayoutArgs): Promise<LayoutFigures> {
  let t = performance.now();
  const { graph } = plantedGraph({ people: args.people, seed: 1 });
  const generateMs = performance.now() - t;
  const { membership, count } = detectCommunities(graph, { seed: 1 });

  t = performance.now();
  const run = runLayout(graph, membership, { seed: 1 });
  const oursMs = performance.now() - t;
  const budget = defaultIterations(graph.order);

  const start = seedPositions(graph, membership, 1);
  const working = new UndirectedGraph<{ x: number; y: number }, { weight: number }>();
  graph.forEachNode((key) => working.addNode(key, { ...start.get(key)! }));
  graph.forEachEdge((_t, a, s, target) => void working.addUndirectedEdge(s, target, { weight: a.weight }));
  t = performance.now();
  const theirs = forceAtlas2(working, {
    iterations: args.graphologyIterations,
    settings: { ...forceAtlas2.inferSettings(working), barnesHutOptimize: true },
    getEdgeWeight: 'weight',
  });
  const graphologyMs = performance.now() - t;
  const full = args.graphologyIterations >= budget;
  return {
    nodes: graph.order,
    edges: graph.size,
    communities: count,
    generateMs,
    oursMs,
    oursIterations: run.iterations,
    budget,
    ours: measureSeparation(graph, membership, run.positions),
    graphologyMs,
    graphologyIterations: args.graphologyIterations,
    ...(full ? { graphology: measureSeparation(graph, membership, new Map(Object.entries(theirs))) } : {}),
  };
}

/** `targetMs` absent: a smoke run's small case, with no target to meet. */
interface LayoutCase {
  label: string;
  people: number;
  targetMs?: number;
  graphologyIterations: number | 'full';
  needsMs: number;
}

const CASES: LayoutCase[] = [
  { label: '10k', people: 10_000, targetMs: 1000, graphologyIterations: 'full', needsMs: 30_000 },
  { label: '100k', people: 100_000, targetMs: 20_000, graphologyIterations: 3, needsMs: 90_000 },
];

const sep = (s: Separation) => `tie ratio ${s.tieRatio.toFixed(3)}, silhouette ${s.silhouette.toFixed(2)}`;

export async function layoutSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const cases: LayoutCase[] = bench.options.quick ? [{ label: '2k', people: 2000, graphologyIterations: 'full', needsMs: 10_000 }] : CASES;
  for (const c of cases) {
    const size = `${c.label} planted`;
    if (bench.remainingMs() < c.needsMs) {
      rows.push(
        missing(
          'layout',
          'layoutGraph on a planted graph',
          size,
          `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`,
        ),
      );
      continue;
    }
    try {
      bench.log(`layout of ${c.label} planted people in a child process…`);
      const iterations = c.graphologyIterations === 'full' ? defaultIterations(c.people) : c.graphologyIterations;
      const { value: f } = await runChild<LayoutFigures>(
        'layout',
        { people: c.people, graphologyIterations: iterations } satisfies LayoutArgs,
        Math.min(bench.remainingMs(), 240_000),
      );
      const r = (x: Parameters<typeof row>[1]) => rows.push(row('layout', x));
      r({
        measure: 'planted graph (Louvain communities)',
        size,
        value: `${fmtInt(f.nodes)} people, ${fmtInt(f.edges)} ties, ${fmtInt(f.communities)} communities`,
        data: { ...f },
      });
      r({
        measure: `layoutGraph (community pass + FA2, ${f.oursIterations} of ${f.budget} iterations)`,
        size,
        value: `${fmtMs(f.oursMs)}, ${sep(f.ours)}`,
        ...(c.targetMs ? { target: `< ${fmtMs(c.targetMs)}`, ok: f.oursMs < c.targetMs } : {}),
      });
      const perIteration = f.graphologyMs / f.graphologyIterations;
      if (f.graphology) {
        r({
          measure: `graphology ForceAtlas2 (Barnes–Hut, ${f.graphologyIterations} iterations)`,
          size,
          value: `${fmtMs(f.graphologyMs)}, ${sep(f.graphology)}`,
        });
        r({
          measure: 'graphology FA2 time ÷ ours',
          size,
          value: `${(f.graphologyMs / f.oursMs).toFixed(1)}×`,
          ...(c.targetMs ? { target: '≥ 5×', ok: f.graphologyMs / f.oursMs >= 5 } : {}),
        });
        r({
          measure: 'separation: our tie ratio ≤ graphology’s, silhouette ≥',
          size,
          value: `${f.ours.tieRatio.toFixed(3)} vs ${f.graphology.tieRatio.toFixed(3)}; ${f.ours.silhouette.toFixed(2)} vs ${f.graphology.silhouette.toFixed(2)}`,
          target: 'no worse',
          ok: f.ours.tieRatio <= f.graphology.tieRatio && f.ours.silhouette >= f.graphology.silhouette,
        });
      } else {
        const implied = perIteration * f.budget;
        r({
          measure: `graphology ForceAtlas2 (Barnes–Hut; ${f.graphologyIterations} iterations timed, ${f.budget} implied)`,
          size,
          value: `${fmtMs(perIteration)} per iteration → ≈ ${fmtMs(implied)}`,
        });
        r({
          measure: 'graphology FA2 time (implied) ÷ ours',
          size,
          value: `≈ ${(implied / f.oursMs).toFixed(1)}×`,
          target: '≥ 5×',
          ok: implied / f.oursMs >= 5,
        });
      }
    } catch (error) {
      rows.push(
        missing(
          'layout',
          'layoutGraph on a planted graph',
          size,
          `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ),
      );
    }
  }
  return rows;
}
