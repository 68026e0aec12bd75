/**
 * A collection as the server keeps it: the public fields the API shows, and
 * what it never shows — the sealed credentials, each instance's mark (the
 * newest post collected, so a re-run asks only for newer ones), and the run
 * under way with its cursors, so a restart resumes it. The posts already
 * collected are not here but in seen-posts.ts: this is saved after every page.
 */
import { createHash } from 'node:crypto';
import type { Collection, CollectionRun, CollectionSource, LeftOut } from '../../shared/index.js';
import type { SourceCursor } from './sources/types.js';

export interface RunState {
  id: string;
  trigger: CollectionRun['trigger'];
  startedAt: string;
  phase: 'fetching' | 'importing';
  cursors: SourceCursor[];
  posts: number;
  leftOut: LeftOut;
  importId?: string | undefined;
  waitedMs: number;
}

export interface CollectionRecord {
  id: string;
  datasetId: string;
  source: CollectionSource;
  instances: string[];
  tag: string;
  since?: string | undefined;
  until?: string | undefined;
  schedule?: string | undefined;
  nextRunAt?: string | undefined;
  paused: boolean;
  createdAt: string;
  /** `seal()`ed JSON of the Credentials. */
  credentials?: string | undefined;
  marks: Record<string, string>;
  run?: RunState | undefined;
  history: CollectionRun[];
}

export const HISTORY_KEPT = 50;

export const uriHash = (uri: string) => createHash('sha256').update(uri).digest('base64url').slice(0, 16);

export const emptyLeftOut = (): LeftOut => ({ optedOut: 0, notPublic: 0, outsideWindow: 0, duplicates: 0 });

export function newRun(record: CollectionRecord, id: string, trigger: CollectionRun['trigger'], now: Date): RunState {
  return {
    id,
    trigger,
    startedAt: now.toISOString(),
    phase: 'fetching',
    cursors: record.instances.map((instance) => ({ instance, stage: 'timeline', threads: [], threadsQueued: 0, pages: 0 })),
    posts: 0,
    leftOut: emptyLeftOut(),
    waitedMs: 0,
  };
}

/** What the API shows: no credential, no cursor, no hash. */
export function publicView(record: CollectionRecord, running: boolean): Collection {
  const run = record.run;
  return {
    id: record.id,
    datasetId: record.datasetId,
    source: record.source,
    instances: record.instances,
    tag: record.tag,
    ...(record.since ? { since: record.since } : {}),
    ...(record.until ? { until: record.until } : {}),
    ...(record.schedule ? { schedule: record.schedule } : {}),
    ...(record.nextRunAt && !record.paused ? { nextRunAt: record.nextRunAt } : {}),
    status: record.paused ? 'paused' : running ? 'running' : 'idle',
    credentials: record.credentials !== undefined,
    createdAt: record.createdAt,
    ...(run
      ? {
          current: {
            runId: run.id,
            trigger: run.trigger,
            startedAt: run.startedAt,
            phase: run.phase,
            pages: run.cursors.reduce((n, c) => n + c.pages, 0),
            posts: run.posts,
            ...(run.importId ? { importId: run.importId } : {}),
          },
        }
      : {}),
    history: record.history,
  };
}
