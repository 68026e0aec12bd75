/**
 * The worker side of the analysis pool: receives messages, people and
 * options, runs the pure analysis, answers with the payload's JSON text.
 * Keeps Louvain and layout (seconds on big graphs) off the event loop.
 */
import { parentPort } from 'node:worker_threads';
import type { BuildOptionsInput } from '../shared/index.js';
import { analyze, type AnalyzeInput } from './pipeline/analyze.js';

export interface AnalysisJob {
  id: number;
  input: Omit<AnalyzeInput, 'sectorOf' | 'regionOf' | 'optedOut' | 'relays'> & {
    sectors: [string, string][];
    regions: [string, string][];
    optedOut: string[];
    relays: string[];
  };
  options: BuildOptionsInput;
}

export type AnalysisReply = { id: number; json: string } | { id: number; error: string };

parentPort?.on('message', (job: AnalysisJob) => {
  try {
    const sectors = new Map(job.input.sectors);
    const regions = new Map(job.input.regions);
    const payload = analyze(
      {
        ...job.input,
        sectorOf: (k) => sectors.get(k) ?? 'unknown',
        regionOf: (k) => regions.get(k) ?? 'unknown',
        optedOut: new Set(job.input.optedOut),
        relays: new Set(job.input.relays),
      },
      job.options,
    );
    parentPort!.postMessage({ id: job.id, json: JSON.stringify(payload) } satisfies AnalysisReply);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies AnalysisReply);
  }
});
