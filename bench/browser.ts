/**
 * The explorer in headless Chromium (issue 7, item 8): time from navigation
 * to the first drawn frame (the summary line is written with the graph's
 * first picture, and the frame that shows them is painted: a task posted
 * from that frame's animation callback runs once its paint is done; a
 * screenshot then confirms the canvas has pixels; the row also gives the
 * older figure, two animation frames after the summary, which also waits for
 * whatever long task follows the first frame), time to
 * interactive (the end of the last long task before the main thread stays
 * free of them for a while, as Lighthouse's TTI but with a shorter window),
 * and the longest task while the page is panned for 1.5 s (sigma redraws)
 * then hovered for 1.5 s (each node entered or left refreshes the reducers),
 * from a PerformanceObserver 'longtask' installed before the page's scripts.
 * WebGL is SwiftShader here (no GPU): drawing costs CPU. The server's graph
 * cache is warmed first, so the figures are the page's own. Targets at 10k
 * people / ~100k ties and at 30k people (a 200k-tie backbone): no long task
 * over 200 ms.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, paintedShare } from '../tests/support/browser.js';
import type { SizeId } from './datasets.js';
import type { Bench } from './fixtures.js';
import { fmtInt, fmtMs, missing, row, type Row } from './table.js';

export interface PageCase {
  /** A generated size, or the demo dataset that `npm start` loads. */
  size: SizeId | 'demo';
  query: string;
  target: boolean;
  /** Issue 21, item 7: the first drawn frame of a cached graph within this long of navigation. */
  firstFrameTargetMs?: number;
  interact: boolean;
  needsMs: number;
  timeoutMs: number;
}

/**
 * L's page needs its import (≈80 s here) and the server's build of its graph
 * (≈60–100 s, already in the server's cache when the http section ran L),
 * then the page itself (≈40 s).
 */
function lNeedsMs(bench: Bench): number {
  return 45_000 + (bench.hasRun('http L') ? 0 : 100_000) + (bench.hasRun('import L') ? 0 : 100_000);
}

function pageCases(bench: Bench): PageCase[] {
  const demo: PageCase = {
    size: 'demo',
    query: '',
    target: false,
    firstFrameTargetMs: 1_000,
    interact: false,
    needsMs: 15_000,
    timeoutMs: 30_000,
  };
  if (bench.options.quick) return [demo, { size: 'S', query: '', target: false, interact: true, needsMs: 15_000, timeoutMs: 30_000 }];
  return [
    demo,
    { size: 'S', query: '', target: false, interact: true, needsMs: 30_000, timeoutMs: 60_000 },
    // ≈9.6k people, ≈100k ties: the "10k people" of the first-frame target.
    { size: 'M', query: 'minWeight=0.12', target: true, firstFrameTargetMs: 2_500, interact: true, needsMs: 60_000, timeoutMs: 90_000 },
    // 30k people, 1.4M ties of which the page gets the 200k-tie backbone: before M default, which says less.
    { size: 'L', query: '', target: true, interact: true, needsMs: lNeedsMs(bench), timeoutMs: 120_000 },
    // Default options at M (≈550k ties, a 200k-tie backbone on the page): first frame only, when the run has time for it.
    { size: 'M', query: '', target: false, interact: false, needsMs: 60_000, timeoutMs: 90_000 },
  ];
}

/** An interaction phase stops waiting after this long: with multi-second tasks every pointer step waits for one. */
const PHASE_CAP_MS = 45_000;
/** Interactive: after the first frame, this long without a long task (Lighthouse waits 5 s; the bench has no time for that). */
const QUIET_MS = 1_000;
/** Gives up waiting for the quiet window after this long (the figure is then "not reached"). */
const QUIET_CAP_MS = 30_000;

/** Runs a phase, giving up waiting after the cap (the page is closed afterwards, which ends it). Returns whether it finished. */
async function capped(phase: Promise<void>): Promise<boolean> {
  phase.catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finished = await Promise.race([
    phase.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PHASE_CAP_MS))),
  ]);
  clearTimeout(timer);
  return finished;
}

/**
 * Runs in the page before its scripts: long tasks, and when the summary
 * appears and the next frame is drawn. A string, not a function: tsx wraps
 * named functions in a `__name` helper that does not exist in the page.
 */
const INSTRUMENT = `(() => {
  const bench = { longtasks: [], summaryAt: undefined, paintedAt: undefined, frameAt: undefined, frames: 0 };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    bench.frames++;
    if (bench.summaryAt === undefined && /people, \\d+ ties/.test(document.querySelector('#summary')?.textContent ?? '')) {
      bench.summaryAt = performance.now();
      setTimeout(() => { bench.paintedAt = performance.now(); }, 0);
      requestAnimationFrame(() => requestAnimationFrame(() => { bench.frameAt = performance.now(); }));
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

type PageBench = { longtasks: LongTask[]; summaryAt?: number; paintedAt?: number; frameAt?: number; frames: number };
const readBench = (page: Page) => page.evaluate(() => (window as unknown as { __bench: PageBench }).__bench);

/**
 * Time to interactive: the end of the last long task once QUIET_MS have
 * passed after it with none (and never before the first frame); undefined
 * if the page was not quiet within QUIET_CAP_MS.
 */
async function interactiveAt(page: Page, frameAt: number): Promise<number | undefined> {
  const deadline = Date.now() + QUIET_CAP_MS;
  while (Date.now() < deadline) {
    const [bench, now] = await page.evaluate(() => [(window as unknown as { __bench: PageBench }).__bench, performance.now()] as const);
    const lastEnd = Math.max(frameAt, ...bench.longtasks.map((t) => t.start + t.duration));
    if (now - lastEnd >= QUIET_MS) return lastEnd;
    await page.waitForTimeout(100);
  }
  return undefined;
}

/** Drags the view around (sigma only redraws) for `ms`. */
async function pan(page: Page, box: Box, ms: number): Promise<void> {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const end = Date.now() + ms;
  for (let round = 0; Date.now() < end; round++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 160 * Math.cos(round), cy + 90 * Math.sin(round), { steps: 12 });
    await page.mouse.up();
  }
}

/** Sweeps the pointer over the graph (entering and leaving nodes refreshes the reducers) for `ms`. */
async function hover(page: Page, box: Box, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (let i = 0; Date.now() < end; i++) {
    await page.mouse.move(box.x + box.width * (0.5 + 0.4 * Math.sin(i * 1.7)), box.y + box.height * (0.5 + 0.4 * Math.cos(i * 1.3)), {
      steps: 4,
    });
  }
}

type Box = { x: number; y: number; width: number; height: number };
type LongTask = { start: number; duration: number };
const within = (tasks: LongTask[], from: number, to: number) => tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
const longest = (tasks: LongTask[]) => Math.max(0, ...tasks.map((t) => t.duration));

export async function measurePage(browser: Browser, url: string, c: PageCase) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.addInitScript({ content: INSTRUMENT });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __bench?: PageBench }).__bench?.frameAt !== undefined, null, {
      timeout: c.timeoutMs,
      polling: 100,
    });
    // Before the screenshot, which costs the page a readback of its canvases.
    const interactive = await interactiveAt(page, (await readBench(page)).frameAt!);
    let painted = await paintedShare(page, '#graph', [250, 250, 250]);
    for (let i = 0; i < 10 && painted < 0.02; i++)
      painted = (await page.waitForTimeout(500), await paintedShare(page, '#graph', [250, 250, 250]));
    const loaded = await readBench(page);
    const atLoad = loaded.longtasks.filter((t) => t.start <= loaded.frameAt!);
    const first = {
      summaryAt: loaded.summaryAt!,
      paintedAt: loaded.paintedAt!,
      frameAt: loaded.frameAt!,
      interactiveAt: interactive,
      painted,
      errors,
      loadLongest: longest(atLoad),
      loadLongTaskMs: atLoad.reduce((s, t) => s + t.duration, 0),
    };
    if (!c.interact) return first;
    const box = (await page.locator('#graph').boundingBox())!;
    const now = () => page.evaluate(() => performance.now());
    const start = await now();
    const panned = await capped(pan(page, box, 1500));
    const middle = await now();
    const hovered = panned && (await capped(hover(page, box, 1500)));
    const end = await now();
    const after = await readBench(page);
    return {
      ...first,
      capped: !(panned && hovered),
      longest: longest(within(after.longtasks, start, end)),
      longTasks: within(after.longtasks, start, end).length,
      panLongest: longest(within(after.longtasks, start, middle)),
      hoverLongest: longest(within(after.longtasks, middle, end)),
      fps: ((after.frames - loaded.frames) * 1000) / (end - start),
      interactionMs: end - start,
    };
  } finally {
    await page.close();
  }
}

export async function browserSection(bench: Bench): Promise<Row[]> {
  const rows: Row[] = [];
  const r = (x: Parameters<typeof row>[1]) => rows.push(row('browser', x));
  let browser: Browser | undefined;
  try {
    for (const c of pageCases(bench)) {
      const size = c.query ? `${c.size} ${c.query}` : `${c.size} default`;
      if (bench.remainingMs() < c.needsMs) {
        rows.push(
          missing('browser', 'first drawn frame', size, `skipped: ${Math.round(bench.remainingMs() / 1000)} s left of the run's budget`),
        );
        continue;
      }
      try {
        const server = c.size === 'demo' ? await bench.demoServer() : await bench.server(c.size);
        const t = performance.now();
        const warm = await fetch(`${server.baseUrl}/api/datasets/${server.datasetId}/graph${c.query ? `?${c.query}` : ''}`);
        const graph = (await warm.json()) as { attributes: { meta: { counts: { nodes: number; edges: number } } } };
        const { nodes, edges } = graph.attributes.meta.counts;
        bench.log(`browser ${size}: graph ready (${nodes} nodes, ${edges} ties) in ${Math.round(performance.now() - t)} ms`);
        browser ??= await launchBrowser();
        const m = await measurePage(browser, `${server.baseUrl}/?dataset=${server.datasetId}${c.query ? `&${c.query}` : ''}`, c);
        const label = size;
        r({
          measure: 'first drawn frame (navigation → summary + painted canvas)',
          size: label,
          value: `${fmtMs(m.paintedAt)} for ${fmtInt(nodes)} people, ${fmtInt(edges)} ties (summary ${fmtMs(m.summaryAt)}, two frames later ${fmtMs(m.frameAt)}, ${(m.painted * 100).toFixed(0)}% painted)`,
          ...(c.firstFrameTargetMs !== undefined
            ? { target: `≤ ${fmtMs(c.firstFrameTargetMs)}`, ok: m.painted >= 0.02 && m.paintedAt <= c.firstFrameTargetMs }
            : m.painted < 0.02
              ? { ok: false }
              : {}),
          data: { ...m, nodes, edges },
        });
        r({
          measure: `time to interactive (first frame, then ${QUIET_MS / 1000} s without a long task)`,
          size: label,
          value: m.interactiveAt === undefined ? `not reached within ${QUIET_CAP_MS / 1000} s of the first frame` : fmtMs(m.interactiveAt),
        });
        r({
          measure: 'long tasks while loading',
          size: label,
          value: `longest ${fmtMs(m.loadLongest)}, ${fmtMs(m.loadLongTaskMs)} in all`,
        });
        if ('longest' in m) {
          r({
            measure: 'longest task during 1.5 s pan + 1.5 s hover',
            size: label,
            value: `${fmtMs(m.longest)} (pan ${fmtMs(m.panLongest)}, hover ${fmtMs(m.hoverLongest)}; ${m.longTasks} long tasks, ${m.fps.toFixed(1)} frames/s${m.capped ? `; stopped waiting after ${PHASE_CAP_MS / 1000} s` : ''})`,
            ...(c.target ? { target: 'none > 200 ms', ok: m.longest <= 200 } : {}),
          });
        }
        if (m.errors.length)
          r({ measure: 'page errors', size: label, value: `${m.errors.length}: ${m.errors[0]!.slice(0, 80)}`, ok: false });
      } catch (error) {
        rows.push(
          missing('browser', 'first drawn frame', size, `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`),
        );
      }
    }
  } finally {
    await browser?.close();
  }
  return rows;
}
