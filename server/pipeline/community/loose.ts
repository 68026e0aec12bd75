/**
 * When a split into communities is not worth reading: modularity under 0.3,
 * below which Newman & Girvan (2004, "Finding and evaluating community
 * structure in networks") found no significant community structure; or an
 * overall stability under 0.6, below which Hennig (2007) reads clusters as
 * doubtful patterns at best (see stability.ts). A view of one community is
 * not loose, only one community.
 */
export const LOOSE_THRESHOLDS = { minModularity: 0.3, minStability: 0.6 };

export interface LooseReasons {
  lowModularity: boolean;
  unstable: boolean;
}

export function looseReasons(counts: { communities: number }, modularity: number, stability: number | undefined): LooseReasons {
  if (counts.communities < 2) return { lowModularity: false, unstable: false };
  return {
    lowModularity: modularity < LOOSE_THRESHOLDS.minModularity,
    unstable: stability !== undefined && stability < LOOSE_THRESHOLDS.minStability,
  };
}

export const isLoose = (r: LooseReasons) => r.lowModularity || r.unstable;
