/**
 * Lighthouse on the demo page, as a visitor's browser would load it (issue 21,
 * item 8): the npm package driving Debian's Chromium through chrome-launcher,
 * with the flags the browser tests use (software WebGL; never
 * --disable-software-rasterizer). Desktop settings (Lighthouse's desktop
 * preset: a wide screen, no CPU slowdown, a fast network), because the explorer
 * is a desktop tool first and this machine is no phone; the mobile figures
 * simulate a phone 4x slower than this CPU and follow as a row without a
 * target when the run has time. The server's graph cache is warmed first.
 * Targets: accessibility ≥ 95, best practices ≥ 95, performance ≥ 90.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM } from '../tests/support/browser.js';
import type { Bench } from './fixtures.js';
import { fmtMs, missing, row, type Row } from './table.js';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TARGETS = { accessibility: 95, 'best-practices': 95, performance: 90 } as const;
const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'speed index',
} as const;

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

async function audit(url: string, preset: 'desktop' | 'mobile'): Promise<Lhr> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: Object.keys(TARGETS) },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('lighthouse returned nothing');
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/** The audits that cost points, worst first, as "id (score)". */
function failing(lhr: Lhr, category: string): string[] {
  return lhr.categories[category]!.auditRefs.filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 0.9)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((a) => `${a.id} (${(a.score ?? 0).toFixed(2)})`);
}

export async function lighthouseSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const server = await bench.demoServer();
  await (await fetch(`${server.baseUrl}/api/datasets/${server.datasetId}/graph`)).arrayBuffer();
  const url = `${server.baseUrl}/`;
  for (const preset of ['desktop', 'mobile'] as const) {
    if (preset === 'mobile' && bench.remainingMs() < 60_000) {
      rows.push(
        missing('lighthouse', 'scores', 'demo mobile', `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`),
      );
      continue;
    }
    bench.log(`lighthouse: ${preset}…`);
    let lhr: Lhr;
    try {
      lhr = await audit(url, preset);
    } catch (error) {
      rows.push(
        missing(
          'lighthouse',
          'scores',
          `demo ${preset}`,
          `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ),
      );
      continue;
    }
    if (lhr.runtimeError) rows.push(missing('lighthouse', 'scores', `demo ${preset}`, `failed: ${lhr.runtimeError.message}`));
    for (const [id, target] of Object.entries(TARGETS)) {
      const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const lost = failing(lhr, id);
      rows.push(
        row('lighthouse', {
          measure: `${lhr.categories[id]?.title ?? id} score`,
          size: `demo ${preset}`,
          value: `${score}${lost.length ? `; short: ${lost.slice(0, 4).join(', ')}` : ''}`,
          ...(preset === 'desktop' ? { target: `≥ ${target}`, ok: score >= target } : {}),
          data: { score, lost },
        }),
      );
    }
    rows.push(
      row('lighthouse', {
        measure: 'performance metrics',
        size: `demo ${preset}`,
        value: Object.entries(METRICS)
          .map(([id, name]) => {
            const value = lhr.audits[id]?.numericValue ?? 0;
            return `${name} ${id === 'cumulative-layout-shift' ? value.toFixed(3) : fmtMs(value)}`;
          })
          .join(', '),
      }),
    );
  }
  return rows;
}
