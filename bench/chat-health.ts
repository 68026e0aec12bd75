/**
 * Chat health (issue 22, item 6): the organiser's report of the biggest size
 * run (L: 1M messages), in a child process on the messages the import
 * stored, as the analysis worker computes it: the whole uncached work
 * (`computeHealthJson`: load the chats' whole history, contexts, flags,
 * the stage, the report's JSON), then the stage alone on messages in memory.
 * Target: the whole work under 5 s; served off the event loop and cached per
 * dataset version like graphs (GraphCache.health).
 */
import { computeHealthJson } from '../server/graphs/compute-health.js';
import { computeHealth } from '../server/pipeline/health/index.js';
import { DEFAULT_BUILD_OPTIONS, DEFAULT_RETURN_WINDOW } from '../shared/index.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import { runChild } from './child.js';
import type { Bench } from './fixtures.js';
import { fmtBytes, fmtInt, fmtMs, missing, row, type Row } from './table.js';

const TARGET_MS = 5_000;

export interface ChatHealthArgs {
  dataDir: string;
  datasetId: string;
}

export interface ChatHealthFigures {
  messages: number;
  sessions: number;
  firstTimers: number;
  wholeMs: number;
  reportBytes: number;
  stageMs: number;
}

export async function chatHealthWorker(args: ChatHealthArgs): Promise<ChatHealthFigures> {
  const options = { chats: [], sessionGapMinutes: DEFAULT_BUILD_OPTIONS.sessionGapMinutes, returnWindow: DEFAULT_RETURN_WINDOW };
  const store = openSqliteStore({ dataDir: args.dataDir });
  try {
    let t = performance.now();
    const json = await computeHealthJson(store, args.datasetId, options);
    const wholeMs = performance.now() - t;
    const messages = await store.getMessages(args.datasetId, { text: false });
    t = performance.now();
    const report = computeHealth({ messages, nameOf: (k) => k, sectorOf: () => 'unknown', regionOf: () => 'unknown' }, options);
    const stageMs = performance.now() - t;
    return {
      messages: messages.length,
      sessions: report.sessions.length,
      firstTimers: report.sessions.reduce((n, s) => n + s.newcomers, 0),
      wholeMs,
      reportBytes: Buffer.byteLength(json),
      stageMs,
    };
  } finally {
    await store.close();
  }
}

export async function chatHealthSection(bench: Bench): Promise<Row[]> {
  const size = bench.sizes.at(-1)!.id;
  try {
    const { dataDir, value } = await bench.imported(size);
    bench.log(`chat health of ${size} in a child process…`);
    const { value: f, maxRssBytes } = await runChild<ChatHealthFigures>(
      'chat-health',
      { dataDir, datasetId: value.datasetId },
      Math.min(bench.remainingMs(), 300_000),
    );
    const data = { ...f, maxRssBytes };
    return [
      row('chat-health', {
        measure: 'health report, whole uncached work (load, contexts, stage, JSON)',
        size,
        value: `${fmtMs(f.wholeMs)}: ${fmtInt(f.sessions)} sessions, ${fmtInt(f.firstTimers)} first-timers, ${fmtInt(f.messages)} messages, ${fmtBytes(f.reportBytes)} JSON`,
        target: `< ${fmtMs(TARGET_MS)}`,
        ok: f.wholeMs < TARGET_MS,
        data,
      }),
      row('chat-health', { measure: 'health stage alone (messages in memory)', size, value: fmtMs(f.stageMs) }),
    ];
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return [missing('chat-health', 'health report', size, `failed: ${message}`, `< ${fmtMs(TARGET_MS)}`)];
  }
}
