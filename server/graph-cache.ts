/**
 * Graph payloads, computed once per dataset version and query: an LRU of
 * promises, so ten requests for the same graph at the same moment share one
 * computation, and a new import (new version) never serves a stale graph.
 * Behind it, the store keeps results for every process on the database.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { resolveBuildOptions, type BuildOptionsInput, type Dataset } from '../shared/index.js';
import { AnalysisPool } from './analysis-pool.js';
import type { WorkerStoreLocation } from './analysis-worker.js';
import { computeGraphJson } from './compute-graph.js';
import type { Store } from './store/types.js';

export interface CachedGraph {
  /** The GraphPayload as JSON text, ready to send. */
  json: string;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** A cached graph's bytes per content encoding, compressed once (asynchronously, off the event loop) and kept. */
const encoded = new WeakMap<CachedGraph, Map<Encoding, Promise<Buffer>>>();
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function encodedBody(graph: CachedGraph, encoding: Encoding): Promise<Buffer> {
  let byEncoding = encoded.get(graph);
  if (!byEncoding) encoded.set(graph, (byEncoding = new Map()));
  let body = byEncoding.get(encoding);
  if (!body) {
    const raw = Buffer.from(graph.json);
    // Brotli quality 5: most of the size win at a fraction of the time of 11.
    body = encoding === 'br' ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === 'gzip' ? gzip(raw, { level: 6 }) : Promise.resolve(raw);
    byEncoding.set(encoding, body);
  }
  return body;
}

/** The best encoding the client accepts (`br`, then `gzip`). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase().split(',').map((p) => p.trim().split(';')[0]);
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : 'identity';
}

export class GraphCache {
  private readonly entries = new Map<string, Promise<CachedGraph>>();

  private readonly pool = new AnalysisPool();

  /**
   * `location`: where analysis workers open the same store; absent (an
   * in-memory store), graphs are computed in-process.
   */
  constructor(
    private readonly store: Store,
    private readonly capacity: number,
    private readonly location?: WorkerStoreLocation,
  ) {}

  /** Stops the analysis workers (on server close). */
  close(): Promise<void> {
    return this.pool.close();
  }

  get(dataset: Dataset, input: BuildOptionsInput): Promise<CachedGraph> {
    const options = resolveBuildOptions(input);
    const key = `${dataset.id}\u0000${dataset.version}\u0000${JSON.stringify(options)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const computed = this.compute(dataset, options);
    this.entries.set(key, computed);
    computed.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }

  /** Forget every graph of a dataset (after delete). */
  drop(datasetId: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${datasetId}\u0000`)) this.entries.delete(key);
  }

  private async compute(dataset: Dataset, options: ReturnType<typeof resolveBuildOptions>): Promise<CachedGraph> {
    // Another process (or this one before a restart) may have computed it already.
    const optionsKey = JSON.stringify(options);
    const stored = await this.store.getCachedGraph(dataset.id, dataset.version, optionsKey);
    if (stored !== undefined) return { json: stored };
    const computed = await this.analyze(dataset, options);
    // A worker has stored it already, from its own connection.
    if (!this.location) await this.store.putCachedGraph(dataset.id, dataset.version, optionsKey, computed.json);
    return computed;
  }

  private async analyze(dataset: Dataset, options: ReturnType<typeof resolveBuildOptions>): Promise<CachedGraph> {
    const about = { id: dataset.id, name: dataset.name, version: dataset.version };
    // An in-memory store has no file a worker could open: analyse here, on the event loop.
    if (!this.location) return { json: await computeGraphJson(this.store, about, options) };
    return { json: await this.pool.run({ location: this.location, dataset: about, options }) };
  }
}
