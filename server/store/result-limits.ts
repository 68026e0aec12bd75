/**
 * How many graph results a store keeps (Store.putCachedGraph): any reader
 * can ask for a graph with a new seed or filter, and each answer used to be
 * kept for good (20 reads with seeds 1001–1020 added 20 MiB). Past either
 * bound the least recently used results go; a result bigger than all the
 * room is not kept at all (it is recomputed when asked for again).
 */
export interface ResultLimits {
  /** Results kept, all datasets together. */
  maxEntries: number;
  /** Their JSON, in bytes (UTF-8), all together. */
  maxBytes: number;
}

/** 200 results, 512 MiB: a demo graph is about 1 MiB, a 50,000-person graph a few dozen. */
export const DEFAULT_RESULT_LIMITS: ResultLimits = { maxEntries: 200, maxBytes: 512 * 1024 * 1024 };

/** The settings (server/config.ts) that set the limits; absent ones keep the defaults. */
export interface ResultLimitSettings {
  GRAPH_RESULTS_MAX_ENTRIES?: number | undefined;
  GRAPH_RESULTS_MAX_MB?: number | undefined;
}

export function resultLimitsOf(settings: ResultLimitSettings): Partial<ResultLimits> {
  const { GRAPH_RESULTS_MAX_ENTRIES: entries, GRAPH_RESULTS_MAX_MB: mb } = settings;
  return {
    ...(entries !== undefined ? { maxEntries: entries } : {}),
    ...(mb !== undefined ? { maxBytes: Math.floor(mb * 1024 ** 2) } : {}),
  };
}

export function resolveResultLimits(limits: Partial<ResultLimits> = {}): ResultLimits {
  const resolved = { ...DEFAULT_RESULT_LIMITS, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!(Number.isInteger(value) && value >= 0)) throw new Error(`store: result limit ${name} must be a whole number ≥ 0, not ${value}`);
  }
  return resolved;
}
