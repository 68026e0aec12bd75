/**
 * Graph payloads, computed once per dataset version and query: an LRU of
 * promises, so ten requests for the same graph at the same moment share one
 * computation, and a new import (new version) never serves a stale graph.
 * Behind it, the store keeps results for every process on the database.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { resolveBuildOptions, type BuildOptionsInput, type Dataset } from '../shared/index.js';
import { datasetContexts } from './context-overrides.js';
import { AnalysisPool } from './analysis-pool.js';
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

  constructor(
    private readonly store: Store,
    private readonly capacity: number,
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
    await this.store.putCachedGraph(dataset.id, dataset.version, optionsKey, computed.json);
    return computed;
  }

  private async analyze(dataset: Dataset, options: ReturnType<typeof resolveBuildOptions>): Promise<CachedGraph> {
    const [messages, people] = await Promise.all([
      this.store.getMessages(dataset.id, { chats: options.chats, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) }),
      this.store.getPeople(dataset.id),
    ]);
    const [contexts, flags] = await Promise.all([datasetContexts(this.store, dataset.id, people), this.store.getPersonFlags(dataset.id)]);
    const flagged = (flag: string) => flags.filter((f) => f.flag === flag).map((f) => f.key);
    const keys = [...new Set(messages.map((m) => m.author))];
    const json = await this.pool.run(
      {
        messages, people, dataset: { id: dataset.id, name: dataset.name, version: dataset.version },
        sectors: keys.map((k) => [k, contexts.sectorOf(k)]), regions: keys.map((k) => [k, contexts.regionOf(k)]),
        optedOut: flagged('opt-out'), relays: flagged('relay'),
      },
      options,
    );
    return { json };
  }
}
