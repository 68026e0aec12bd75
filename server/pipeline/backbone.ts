/**
 * The backbone a big graph is drawn with: the disparity filter (Serrano,
 * Boguñá & Vespignani 2009, "Extracting the multiscale backbone of complex
 * weighted networks", PNAS 106(16)). A person of strength s (the sum of their
 * tie weights) and degree k who spread s uniformly at random over k ties
 * would give one of them a share of at least w/s with probability
 * p = (1 − w/s)^(k−1): a small p marks a tie that matters to that person. A
 * tie's significance is the smaller p of its two ends, so a tie that matters
 * to either person counts.
 *
 * Only when the graph has more than `maxEdges` ties: the most significant
 * are kept, up to the cap (equal p-values by weight, then by endpoints);
 * anyone left without a tie gets their strongest back, and the least
 * significant ties between people who keep others make room for them. So the
 * payload holds at most `maxEdges` ties, or fewer than it has people when
 * keeping everyone takes more. Communities and metrics never see this: it
 * thins only what the page draws.
 */
import type { Backbone } from '../../shared/index.js';
import type { CoParticipationGraph } from './co-participation-graph.js';

export interface BackboneOptions {
  /** Most ties the payload carries; a graph with no more is left whole. */
  maxEdges: number;
  /** Significance level: ties with a p-value above it are left out too (Serrano et al. use 0.05); 1 ranks only. */
  alpha: number;
}

/** 200k ties: on the bench's 10k-people graph (550k ties), a payload of 28 MB raw, 2.4 MB with brotli. */
export const DEFAULT_BACKBONE_OPTIONS: BackboneOptions = Object.freeze({ maxEdges: 200_000, alpha: 1 });

/** The ties kept and what the payload's meta says about them. */
export interface BackboneResult {
  meta: Backbone;
  /** Numbers of the ties kept. */
  edges: ReadonlySet<number>;
}

export function resolveBackboneOptions(input: Partial<BackboneOptions> = {}): BackboneOptions {
  const options = { ...DEFAULT_BACKBONE_OPTIONS, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(options.maxEdges) || options.maxEdges < 1)
    throw new Error(`backbone: maxEdges must be a positive integer, got ${options.maxEdges}`);
  if (!(options.alpha > 0 && options.alpha <= 1)) throw new Error(`backbone: alpha must be in (0, 1], got ${options.alpha}`);
  return options;
}

/** The graph's ties with each one's p-value; people ranked in key order (so comparing ranks compares keys). */
interface TieTable {
  lo: Int32Array;
  hi: Int32Array;
  weight: Float64Array;
  p: Float64Array;
  people: number;
}

function tieTable(graph: CoParticipationGraph): TieTable {
  const m = graph.size;
  const rank = new Int32Array(graph.order);
  graph.keys
    .map((key, i) => [key, i] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach(([, i], r) => (rank[i] = r));
  const t: TieTable = {
    lo: new Int32Array(m),
    hi: new Int32Array(m),
    weight: graph.ties.weight.subarray(0, m),
    p: new Float64Array(m),
    people: graph.order,
  };
  for (let e = 0; e < m; e++) {
    const x = rank[graph.ties.lo[e]!]!,
      y = rank[graph.ties.hi[e]!]!;
    t.lo[e] = Math.min(x, y);
    t.hi[e] = Math.max(x, y);
  }
  const strength = graph.strengths(),
    degree = graph.degrees();
  // One tie (k = 1) or no strength at all: nothing to tell apart, p = 1.
  const at = (person: number, w: number) =>
    strength[person]! > 0 ? Math.pow(Math.max(0, 1 - w / strength[person]!), degree[person]! - 1) : 1;
  for (let e = 0; e < m; e++) t.p[e] = Math.min(at(graph.ties.lo[e]!, t.weight[e]!), at(graph.ties.hi[e]!, t.weight[e]!));
  return t;
}

/** Each tie's disparity p-value, the smaller of its two ends' (1 − w/s)^(k−1), by tie number. */
export function disparityPValues(graph: CoParticipationGraph): Float64Array {
  return tieTable(graph).p;
}

/** The backbone of a graph with more than `maxEdges` ties; undefined when the graph is drawn whole. */
export function extractBackbone(graph: CoParticipationGraph, input: Partial<BackboneOptions> = {}): BackboneResult | undefined {
  const { maxEdges, alpha } = resolveBackboneOptions(input);
  if (graph.size <= maxEdges) return undefined;

  const { lo, hi, weight, p, people } = tieTable(graph);
  // Most significant first; equal p-values by weight, then by endpoints: a total order, whatever the graph's insertion order.
  const order = Array.from({ length: graph.size }, (_, e) => e).sort(
    (x, y) => p[x]! - p[y]! || weight[y]! - weight[x]! || lo[x]! - lo[y]! || hi[x]! - hi[y]!,
  );

  const kept = new Uint8Array(graph.size);
  const degree = new Int32Array(people);
  let size = 0;
  const keep = (e: number) => {
    if (kept[e]) return;
    kept[e] = 1;
    size++;
    degree[lo[e]!]!++;
    degree[hi[e]!]!++;
  };
  for (const e of order) {
    if (size >= maxEdges || p[e]! > alpha) break;
    keep(e);
  }

  // Everyone with a tie keeps one: the strongest (equal weights: the first in significance order). Chosen for
  // all of them before any is added, so the choice does not depend on the order people are visited in.
  const strongest = new Int32Array(people).fill(-1);
  const offer = (person: number, e: number) => {
    const best = strongest[person]!;
    if (degree[person] === 0 && (best < 0 || weight[e]! > weight[best]!)) strongest[person] = e;
  };
  for (const e of order) {
    offer(lo[e]!, e);
    offer(hi[e]!, e);
  }
  for (const e of strongest) if (e >= 0) keep(e);

  // Back to the cap: the least significant ties whose two ends keep another one make room.
  for (let i = order.length - 1; i >= 0 && size > maxEdges; i--) {
    const e = order[i]!;
    if (!kept[e] || degree[lo[e]!]! < 2 || degree[hi[e]!]! < 2) continue;
    kept[e] = 0;
    size--;
    degree[lo[e]!]!--;
    degree[hi[e]!]!--;
  }

  return {
    meta: { method: 'disparity', alpha, maxEdges, edgesTotal: graph.size, edgesShown: size },
    edges: new Set(order.filter((e) => kept[e]).sort((x, y) => x - y)),
  };
}
