/**
 * A list spread across contexts: maximal marginal relevance (Carbonell &
 * Goldstein 1998, "The use of MMR, diversity-based reranking…") picks, one at
 * a time, the candidate whose relevance, less its likeness to those already
 * picked (same community, sector, region, chats), is highest; and at least
 * half the list comes from outside the person's own community whenever there
 * are such candidates.
 */
export interface Candidate {
  key: string;
  relevance: number;
  community: number;
  sector: string;
  region: string;
  chats: readonly string[];
  inside: boolean;
}

const known = (v: string) => v !== 'unknown' && v !== '';

/** Likeness of two candidates, 0..1: the share of community, sector, region and first chat they have in common. */
function likeness(a: Candidate, b: Candidate): number {
  const same = [
    a.community >= 0 && a.community === b.community, // −1: in no community, alike to no one
    known(a.sector) && a.sector === b.sector,
    known(a.region) && a.region === b.region,
    a.chats[0] !== undefined && a.chats[0] === b.chats[0],
  ];
  return same.filter(Boolean).length / same.length;
}

/** `lambda`: weight of relevance against diversity (1 = relevance alone). */
/**
 * The picks in order, each with its marginal score: relevance less likeness to those picked before it. The
 * scores never rise down the list (a candidate's likeness to the picked only grows as more are picked).
 */
export function selectDiverse<C extends Candidate>(candidates: readonly C[], limit: number, lambda: number): { pick: C; score: number }[] {
  const n = Math.min(limit, candidates.length);
  const outside = candidates.filter((c) => !c.inside).length;
  const maxInside = n - Math.min(outside, Math.ceil(n / 2));
  const sorted = [...candidates].sort((a, b) => b.relevance - a.relevance || (a.key < b.key ? -1 : 1));
  // The most relevant few hundred of each side are enough to spread a list of at most a hundred.
  const pool = Math.max(200, n * 20);
  const left = [...sorted.filter((c) => !c.inside).slice(0, pool), ...sorted.filter((c) => c.inside).slice(0, pool)];
  const picked: C[] = [];
  const scores: number[] = [];
  let inside = 0;
  while (picked.length < n && left.length > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < left.length; i++) {
      const c = left[i]!;
      if (c.inside && inside >= maxInside) continue;
      const score = lambda * c.relevance - (1 - lambda) * picked.reduce((m, p) => Math.max(m, likeness(c, p)), 0);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) break;
    const [c] = left.splice(best, 1);
    picked.push(c!);
    scores.push(bestScore);
    if (c!.inside) inside++;
  }
  return picked.map((pick, i) => ({ pick, score: scores[i]! }));
}
