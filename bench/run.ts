/**
 * `npm run bench`: every section in order on generated data, one table of
 * measure | size | value | target | ✔/✘ on stdout, the same rows and the
 * machine in bench/results.json. A section that fails is a row saying so;
 * the run goes on. Progress goes to stderr.
 *
 *   npx tsx bench/run.ts [--quick] [--only parse,import] [--keep] [--budget 560]
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { analysisSection } from './analysis.js';
import { browserSection } from './browser.js';
import { extrasSection } from './extras.js';
import { mixedLoadSection } from './mixed-load.js';
import { Bench } from './fixtures.js';
import { httpSection } from './http.js';
import { igraphSection } from './igraph.js';
import { importSection } from './import.js';
import { layoutSection } from './layout.js';
import { parseSection } from './parse.js';
import { fmtBytes, fmtInt, fmtMs, formatTable, missing, row, type Row } from './table.js';

interface Section {
  id: string;
  what: string;
  run(bench: Bench): Promise<Row[]>;
}

async function datasetsSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  for (const spec of bench.sizes) {
    const d = await bench.dataset(spec.id);
    rows.push(
      row('datasets', {
        measure: `${d.source}`,
        size: spec.id,
        value: `${fmtInt(d.messages)} messages, ${fmtInt(d.people)} people, ${d.files.length} files, ${fmtBytes(d.bytes)} (written in ${fmtMs(d.ms)})`,
        target: spec.nominal,
        data: { ...d, files: d.files.length },
      }),
    );
  }
  return rows;
}

const SECTIONS: Section[] = [
  { id: 'datasets', what: 'generated datasets', run: datasetsSection },
  { id: 'parse', what: 'readTranscript vs JSON.parse', run: parseSection },
  { id: 'import', what: 'SQLite import and memory', run: importSection },
  { id: 'analysis', what: 'graph, Louvain, layout, payload', run: analysisSection },
  { id: 'igraph', what: 'igraph multilevel and Leiden', run: igraphSection },
  { id: 'layout', what: 'layout at 10k and 100k people vs graphology', run: layoutSection },
  { id: 'http', what: 'graph route latency, health during a build', run: httpSection },
  { id: 'browser', what: 'first frame and long tasks in Chromium', run: browserSection },
  { id: 'lighthouse', what: 'Lighthouse on the demo page', run: async (b) => (await import('./lighthouse.js')).lighthouseSection(b) },
  { id: 'load', what: 'mixed reads and uploads, nothing lost', run: mixedLoadSection },
  { id: 'extras', what: 'reply inference and context figures', run: extrasSection },
  {
    id: 'chat-health',
    what: 'chat health report on the largest size',
    run: async (b) => (await import('./chat-health.js')).chatHealthSection(b),
  },
  { id: 'peers', what: 'peers on planted interests (issue 20)', run: async (b) => (await import('./peers.js')).peersSection(b) },
  {
    id: 'peers-first',
    what: 'first peers request of a view on M and L: event loop busy vs total',
    run: async (b) => (await import('./peers-first.js')).peersFirstSection(b),
  },
  {
    id: 'context-real',
    what: 'sector and region on real profiles, per field and split (targets judged on held-out)',
    run: async (b) => (await import('./context-real.js')).contextRealSection(b),
  },
];

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg(),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      keep: { type: 'boolean', default: false },
      budget: { type: 'string' },
    },
  });
  const only = new Set(
    (values.only ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  );
  const unknown = [...only].filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.id).join(', ')}`);
  const budgetMs = (values.budget ? Number(values.budget) : values.quick ? 90 : 560) * 1000;
  const bench = new Bench({ quick: values.quick, keep: values.keep, budgetMs });
  const info = machine();
  bench.log(
    `${info.cpu}, ${info.cores} cores, ${fmtBytes(info.totalMemoryBytes)}, node ${info.node}; load average ${info.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const rows: Row[] = [];
  const sections: { id: string; ms: number; error?: string }[] = [];
  try {
    for (const section of SECTIONS.filter((s) => only.size === 0 || only.has(s.id))) {
      bench.log(`— ${section.id}: ${section.what}`);
      const started = performance.now();
      try {
        rows.push(...(await section.run(bench)));
        sections.push({ id: section.id, ms: performance.now() - started });
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        rows.push(missing(section.id, section.what, '–', `failed: ${message}`));
        sections.push({ id: section.id, ms: performance.now() - started, error: message });
      }
    }
  } finally {
    await bench.close();
  }

  const totalMs = bench.elapsedMs();
  const loadAverageAtEnd = os.loadavg();
  const results = {
    machine: { ...info, loadAverageAtEnd },
    options: { quick: values.quick, only: [...only], budgetMs },
    totalMs,
    sections,
    rows,
  };
  fs.writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

  process.stdout.write(
    `\nChat Atlas bench — ${info.cpu}, ${info.cores} cores, ${fmtBytes(info.totalMemoryBytes)}, node ${info.node}, ${info.date}\n\n`,
  );
  process.stdout.write(`${formatTable(rows)}\n\n`);
  const failed = rows.filter((r) => r.ok === false).length;
  const passed = rows.filter((r) => r.ok === true).length;
  process.stdout.write(`${passed} ✔, ${failed} ✘; total ${fmtMs(totalMs)} (${sections.map((s) => `${s.id} ${fmtMs(s.ms)}`).join(', ')})\n`);
  const busy = Math.max(...info.loadAverageAtStart.slice(0, 1), ...loadAverageAtEnd.slice(0, 1));
  process.stdout.write(
    `load average ${info.loadAverageAtStart[0]!.toFixed(2)} at start, ${loadAverageAtEnd[0]!.toFixed(2)} at end on ${info.cores} cores${busy > info.cores ? ': the machine was busy, times are inflated' : ''}\n`,
  );
  process.stdout.write('results: bench/results.json\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
