/**
 * Graph payloads, computed once per dataset version and query: an LRU of
 * promises, so ten requests for the same graph at the same moment share one
 * computation, and a new import (new version) never serves a stale graph.
 * It is bounded in entries and in bytes: any reader can ask for new seeds,
 * and one big graph weighs as much as a hundred small ones.
 * Behind it, the store keeps results for every process on the database.
 * Payloads are kept as the bytes sent: the event loop never parses or
 * stringifies a big one to serve it.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import {
  resolveBuildOptions,
  withTieCounts,
  type BuildOptions,
  type Dataset,
  type GraphPayload,
  type GraphPayloadInput,
  type HealthOptions,
} from '../../shared/index.js';
import { AnalysisPool } from './analysis-pool.js';
import type { WorkerStoreLocation } from './analysis-worker.js';
import { computeGraphJson } from './compute-graph.js';
import { computeHealthJson } from './compute-health.js';
import type { PeersReply, PeersRequest } from './compute-peers.js';
import type { PeersAsk } from './peers-answer.js';
import { peersViewKey, type PeersViewPeople } from './peers-view.js';
import { resolveBackboneOptions, type BackboneOptions } from '../pipeline/backbone.js';
import type { Store } from '../store/types.js';
import type { PseudonymousRequest } from '../privacy/pseudonymous.js';
import { analysisCode } from './analysis-code.js';

export interface CachedGraph {
  /** The GraphPayload's JSON as UTF-8, byte for byte what the graph route sends (tie counts of 0 left out). */
  readonly body: Buffer;
  /** Whether its edges are every tie: false when a backbone thinned them, undefined when not known (read back from the store). */
  readonly everyTie?: boolean;
  /** The payload parsed, every tie count written out. Parses on each call: not for a big graph on the event loop. */
  payload(): GraphPayload;
  /** `payload()` as JSON text, for code that reads or stores the payload as text. Same cost. */
  readonly json: string;
}

function cachedGraph(body: Buffer, everyTie?: boolean): CachedGraph {
  const payload = () => withTieCounts(JSON.parse(body.toString('utf8')) as GraphPayloadInput);
  return {
    body,
    ...(everyTie === undefined ? {} : { everyTie }),
    payload,
    get json() {
      return JSON.stringify(payload());
    },
  };
}

/** Which ties a payload carries: `shown`, a big graph's backbone (what the page draws); `all`, every tie (exports). */
export type TieSelection = 'shown' | 'all';

export type Encoding = 'br' | 'gzip' | 'identity';

/** The privacy part of a result key. The salt's digest, not the salt: a new server secret must not serve shares numbered with the old one. */
function privacyKey(pseudonymous: PseudonymousRequest | undefined): string {
  return pseudonymous
    ? ` privacy=pseudonymous:${pseudonymous.k}:${createHash('sha256').update(pseudonymous.salt).digest('hex').slice(0, 12)}`
    : '';
}

/** A cached graph's bytes per content encoding, compressed once (asynchronously, off the event loop) and kept. */
const encoded = new WeakMap<CachedGraph, Map<Encoding, Promise<Buffer>>>();
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function encodedBody(graph: CachedGraph, encoding: Encoding): Promise<Buffer> {
  let byEncoding = encoded.get(graph);
  if (!byEncoding) encoded.set(graph, (byEncoding = new Map()));
  let body = byEncoding.get(encoding);
  if (!body) {
    const raw = graph.body;
    // Brotli quality 5: most of the size win at a fraction of the time of 11.
    body =
      encoding === 'br'
        ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
        : encoding === 'gzip'
          ? gzip(raw, { level: 6 })
          : Promise.resolve(raw);
    byEncoding.set(encoding, body);
  }
  return body;
}

/** The best encoding the client accepts (`br`, then `gzip`). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((p) => p.trim().split(';')[0]);
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : 'identity';
}

/** How much the in-memory cache keeps; the least recently used go first. */
export interface GraphCacheLimits {
  entries: number;
  /** Bytes of payload as sent (uncompressed), all entries together; default: no bound but `entries`. */
  bytes?: number;
}

export class GraphCache {
  /** In use order, least recent first: a hit moves its entry to the end. */
  private readonly entries = new Map<string, Promise<CachedGraph>>();

  /** Sizes of the entries computed so far (a pending one has none yet), and their sum. */
  private readonly sizes = new Map<string, number>();

  private bytes = 0;

  private readonly limits: Required<GraphCacheLimits>;

  private readonly pool = new AnalysisPool();

  private readonly backbone: BackboneOptions;

  /**
   * `limits`: entries kept (a number), or entries and bytes. `location`: where
   * analysis workers open the same store; absent (an in-memory store), graphs
   * are computed in-process. `backbone`: how the page's payload of a big
   * graph is thinned (default DEFAULT_BACKBONE_OPTIONS).
   */
  constructor(
    private readonly store: Store,
    limits: number | GraphCacheLimits,
    private readonly location?: WorkerStoreLocation,
    backbone: Partial<BackboneOptions> = {},
  ) {
    const { entries, bytes = Infinity } = typeof limits === 'number' ? { entries: limits } : limits;
    if (!(Number.isInteger(entries) && entries > 0) || !(bytes > 0))
      throw new Error(`graph cache: limits must be positive, not ${entries} entries, ${bytes} bytes`);
    this.limits = { entries, bytes };
    this.backbone = resolveBackboneOptions(backbone);
  }

  /**
   * The store's key for a result: the resolved options, for the page's
   * payload the backbone settings, and the analysis code's digest, so
   * changing any of those never serves an old one.
   */
  resultKey(options: BuildOptions, ties: TieSelection = 'shown', pseudonymous?: PseudonymousRequest): string {
    const { maxEdges, alpha } = this.backbone;
    return `${JSON.stringify(options)} ties=${ties === 'all' ? 'all' : `disparity:${maxEdges}:${alpha}`}${privacyKey(pseudonymous)} code=${analysisCode()}`;
  }

  /**
   * The page's graph for a dataset version and options is fixed: its ETag
   * (dataset, version and a digest of the result key) lets a returning view
   * answer with 304 without computing anything.
   */
  etag(dataset: Dataset, options: BuildOptions): string {
    return `"${dataset.id}-${dataset.version}-${createHash('sha1').update(this.resultKey(options)).digest('base64url').slice(0, 16)}"`;
  }

  /** Stops the analysis workers (on server close). */
  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * The page's payload (`shown`: a big graph's backbone) or every tie (`all`, for exports);
   * with `pseudonymous`, the share's version of it (computed apart, off the event loop like any graph).
   * `options` are resolved (resolveBuildOptions) once, by the caller.
   */
  get(dataset: Dataset, options: BuildOptions, ties: TieSelection = 'shown', pseudonymous?: PseudonymousRequest): Promise<CachedGraph> {
    return this.remember(this.key(dataset, options, ties, pseudonymous), () => this.compute(dataset, options, ties, pseudonymous));
  }

  /**
   * The chat-health report (pipeline/health) of a dataset version and options, as its JSON bytes: kept in the
   * same bounded LRU and store results as graphs, computed in the same analysis processes.
   * `options` list their fields in a fixed order (the key is their JSON).
   */
  async health(dataset: Dataset, options: HealthOptions, pseudonymous?: PseudonymousRequest): Promise<Buffer> {
    const resultKey = `health ${JSON.stringify(options)}${privacyKey(pseudonymous)} code=${analysisCode()}`;
    const key = `${dataset.id}\u0000${dataset.version}\u0000${resultKey}`;
    const report = await this.remember(key, async () => {
      const stored = await this.store.getCachedGraph(dataset.id, dataset.version, resultKey);
      if (stored !== undefined) return cachedGraph(Buffer.from(stored));
      const about = { id: dataset.id, name: dataset.name, version: dataset.version };
      if (this.location) {
        const { body } = await this.pool.run({
          location: this.location,
          dataset: about,
          options: resolveBuildOptions({ chats: options.chats, sessionGapMinutes: options.sessionGapMinutes }),
          backbone: false,
          health: options,
          resultKey,
          ...(pseudonymous ? { pseudonymous } : {}),
        });
        return cachedGraph(body);
      }
      const json = await computeHealthJson(this.store, dataset.id, options, pseudonymous);
      await this.store.putCachedGraph(dataset.id, dataset.version, resultKey, json);
      return cachedGraph(Buffer.from(json));
    });
    return report.body;
  }

  /**
   * A peers answer (compute-peers) from an analysis process, which reads the view (its graph, as stored by
   * `get`, which the caller awaited first) and keeps it; a view's requests go to the process that holds it.
   * Undefined for an in-memory store, whose caller answers in-process. Not kept here: each answer is a ranking.
   */
  peersInWorker(dataset: Dataset, options: BuildOptions, people: PeersViewPeople, ask: PeersAsk): Promise<PeersReply> | undefined {
    if (!this.location) return undefined;
    const graphKey = this.resultKey(options);
    const peers: PeersRequest = { optedOut: [...people.optedOut].sort(), links: people.links, graphKey, ask };
    return this.pool
      .run(
        {
          location: this.location,
          dataset: { id: dataset.id, name: dataset.name, version: dataset.version },
          options,
          backbone: this.backbone,
          peers,
          resultKey: `peers ${graphKey}`,
        },
        peersViewKey(dataset, options, peers, graphKey),
      )
      .then(({ body }) => JSON.parse(body.toString('utf8')) as PeersReply);
  }

  /** One computation per key at a time, kept in use order and counted against the limits once done. */
  private remember(key: string, compute: () => Promise<CachedGraph>): Promise<CachedGraph> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const computed = compute();
    this.entries.set(key, computed);
    // Only this very computation is counted or forgotten: the key may have been dropped and asked for again meanwhile.
    computed.then(
      (graph) => {
        if (this.entries.get(key) !== computed) return;
        this.sizes.set(key, graph.body.length);
        this.bytes += graph.body.length;
        this.trim();
      },
      () => {
        if (this.entries.get(key) === computed) this.forget(key);
      },
    );
    this.trim();
    return computed;
  }

  /** Every tie: the page's payload when it holds them all already (a graph within the backbone's cap), else computed. */
  async getEveryTie(dataset: Dataset, options: BuildOptions): Promise<CachedGraph> {
    const shown = await this.entries.get(this.key(dataset, options, 'shown'))?.catch(() => undefined);
    return shown?.everyTie ? shown : this.get(dataset, options, 'all');
  }

  /** Forget every graph of a dataset (after delete). */
  drop(datasetId: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${datasetId}\u0000`)) this.forget(key);
  }

  /** Least recently used first, until both limits hold. A pending entry has no size yet: only the count bounds it. */
  private trim(): void {
    while (this.entries.size > this.limits.entries) this.forget(this.entries.keys().next().value!);
    if (this.bytes <= this.limits.bytes) return;
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.limits.bytes) break;
      if (this.sizes.has(key)) this.forget(key);
    }
  }

  private forget(key: string): void {
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  private key(dataset: Dataset, options: BuildOptions, ties: TieSelection, pseudonymous?: PseudonymousRequest): string {
    return `${dataset.id}\u0000${dataset.version}\u0000${this.resultKey(options, ties, pseudonymous)}`;
  }

  private async compute(
    dataset: Dataset,
    options: BuildOptions,
    ties: TieSelection,
    pseudonymous?: PseudonymousRequest,
  ): Promise<CachedGraph> {
    // Another process (or this one before a restart) may have computed it already.
    const key = this.resultKey(options, ties, pseudonymous);
    const backbone = ties === 'all' ? (false as const) : this.backbone;
    const stored = await this.store.getCachedGraph(dataset.id, dataset.version, key);
    if (stored !== undefined) return cachedGraph(Buffer.from(stored), ties === 'all' ? true : undefined);
    const about = { id: dataset.id, name: dataset.name, version: dataset.version };
    if (this.location) {
      // A worker stores it, from its own connection, and hands the bytes over without a copy.
      const { body, everyTie } = await this.pool.run({
        location: this.location,
        dataset: about,
        options,
        backbone,
        resultKey: key,
        ...(pseudonymous ? { pseudonymous } : {}),
      });
      return cachedGraph(body, everyTie);
    }
    // An in-memory store has no file a worker could open: analyse here, on the event loop.
    const { json, everyTie } = await computeGraphJson(this.store, about, options, backbone, pseudonymous);
    await this.store.putCachedGraph(dataset.id, dataset.version, key, json);
    return cachedGraph(Buffer.from(json), everyTie);
  }
}
