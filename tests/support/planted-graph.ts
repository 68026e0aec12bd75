/**
 * A seeded planted-partition graph shaped like a co-participation graph, for
 * layout tests and the layout bench at sizes no generated chat history
 * reaches cheaply (100k people): groups of skewed sizes (a few big chats, many small ones),
 * each person making about `inside` ties to others of their group and `outside`
 * people elsewhere, weights spread like Newman co-session weights (many weak
 * ties, a few strong). Built straight into a CoParticipationGraph, so the
 * layout sees exactly what it sees in the server.
 */
import { CoParticipationGraph, type BuiltNode, type TieColumns } from '../../server/pipeline/co-participation-graph.js';
import { seededRandom } from '../../server/pipeline/rng.js';

export interface PlantedGraphOptions {
  people: number;
  seed: number;
  /** Ties per person inside their group (mean). */
  inside: number;
  /** Ties per person to other groups (mean). */
  outside: number;
  /** Smallest and largest group. */
  groupSize: { min: number; max: number };
}

export const DEFAULT_PLANTED_GRAPH: Omit<PlantedGraphOptions, 'people'> = {
  seed: 1,
  inside: 8.5,
  outside: 1.5,
  groupSize: { min: 15, max: 600 },
};

export interface PlantedGraph {
  graph: CoParticipationGraph;
  /** Person key → planted group. */
  groups: Map<string, number>;
}

export function plantedGraph(options: Partial<PlantedGraphOptions> & { people: number }): PlantedGraph {
  const o = { ...DEFAULT_PLANTED_GRAPH, ...options };
  const random = seededRandom(o.seed);
  // Group sizes from a truncated power law (exponent 2): most groups small, a few large.
  const sizes: number[] = [];
  for (let left = o.people; left > 0;) {
    const { min, max } = o.groupSize;
    const size = Math.min(left, Math.round(min / (1 - random() * (1 - min / max))));
    sizes.push(size);
    left -= size;
  }
  const group = new Int32Array(o.people);
  const firstOf: number[] = [];
  let at = 0;
  sizes.forEach((size, g) => {
    firstOf.push(at);
    group.fill(g, at, at + size);
    at += size;
  });

  const key = (i: number) => `twitter:p${i}`;
  // Ties as packed pairs (lo·n + hi, exact below 2^53), sorted once, repeats summed: a Map of a million
  // pairs took seconds at 100k people.
  const drawn: number[] = [];
  const tie = (a: number, b: number) => {
    if (a !== b) drawn.push(a < b ? a * o.people + b : b * o.people + a);
  };
  for (let i = 0; i < o.people; i++) {
    const g = group[i]!,
      size = sizes[g]!;
    for (let k = random() * 2 * o.inside; k >= 1 || random() < k; k--) if (size > 1) tie(i, firstOf[g]! + Math.floor(random() * size));
    for (let k = random() * 2 * o.outside; k >= 1 || random() < k; k--) tie(i, Math.floor(random() * o.people));
  }
  // A typed array sorts numerically and natively; weights are drawn afterwards, one per draw of a pair.
  const pairs = Float64Array.from(drawn).sort();
  // 1/(n−1) per shared session in chats of 5–60 people, over one to a few sessions.
  const sessionWeight = () => (1 + Math.floor(random() * random() * 6)) / (4 + Math.floor(random() * 56));

  const groups = new Map<string, number>();
  const keys: string[] = [];
  const nodes: BuiltNode[] = [];
  for (let i = 0; i < o.people; i++) {
    keys.push(key(i));
    nodes.push({ messages: 1, sessions: 1, chats: [`#chat${group[i]}`] });
    groups.set(keys[i]!, group[i]!);
  }
  const m = pairs.length;
  const ties: TieColumns = {
    lo: new Int32Array(m),
    hi: new Int32Array(m),
    weight: new Float64Array(m),
    reply: new Uint32Array(m),
    mention: new Uint32Array(m),
    coAnswer: new Uint32Array(m),
    coSession: new Uint32Array(m),
    repost: new Uint32Array(m),
  };
  let size = 0;
  for (let k = 0; k < pairs.length;) {
    const packed = pairs[k]!;
    let weight = 0,
      sessions = 0;
    for (; k < pairs.length && pairs[k] === packed; k++, sessions++) weight += sessionWeight();
    ties.lo[size] = Math.floor(packed / o.people);
    ties.hi[size] = packed % o.people;
    ties.weight[size] = weight;
    // Each draw of a pair stands for one shared session.
    ties.coSession[size++] = sessions;
  }
  const graph = new CoParticipationGraph(keys, nodes, ties, size);
  return { graph, groups };
}
