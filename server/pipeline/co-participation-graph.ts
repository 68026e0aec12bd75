/**
 * The co-participation graph, kept as columns: people by number (their keys
 * and attributes in one array each), every tie once as (lo, hi) with its
 * weight and counts by kind, and a CSR adjacency (each tie under both ends)
 * made on first use.
 *
 * Why not a graphology graph: adding a tie to one cost ~3.5 µs and ~440
 * bytes (an edge record, an attributes object, a Map entry, two adjacency
 * entries), 80 % of the analysis of 1M messages before Louvain; every stage
 * after it turned the graph back into arrays anyway. Here a tie is ~50 bytes
 * and the build writes arrays it already has.
 *
 * It answers graphology's read methods the stages and tests use, in
 * graphology's orders for person keys like ours (`platform:handle`): people
 * and ties in the order given, each person's ties in tie order. (graphology
 * lists a person's neighbours with integer-like keys first, as objects order
 * them; no person key looks like that.) `toGraphology` makes a real
 * graphology graph where a library needs one.
 */
import { UndirectedGraph } from 'graphology';

export interface BuiltNode {
  messages: number;
  sessions: number;
  chats: string[];
}

export interface BuiltEdge {
  weight: number;
  reply: number;
  mention: number;
  coAnswer: number;
  coSession: number;
  repost: number;
}

/** Tie t joins people lo[t] and hi[t] (lo < hi as numbers). */
export interface TieColumns {
  lo: Int32Array;
  hi: Int32Array;
  weight: Float64Array;
  reply: Uint32Array;
  mention: Uint32Array;
  coAnswer: Uint32Array;
  coSession: Uint32Array;
  repost: Uint32Array;
}

/** CSR: person i's ties are tie[start[i] … start[i + 1]), the person at the other end in `neighbour`. */
export interface Adjacency {
  start: Int32Array;
  neighbour: Int32Array;
  tie: Int32Array;
}

export type EdgeCallback = (tie: number, attributes: BuiltEdge, source: string, target: string) => void;

export class CoParticipationGraph {
  private readonly index: Map<string, number>;
  private csr?: Adjacency;

  /** `ties` columns may be longer than `size`: only the first `size` entries are ties. */
  constructor(
    readonly keys: readonly string[],
    readonly nodeAttributes: readonly BuiltNode[],
    readonly ties: TieColumns,
    readonly size: number,
  ) {
    if (nodeAttributes.length !== keys.length) throw new Error('graph: one attributes object per person');
    // Made now (every stage after the build looks people up by key) and checked: one number per person.
    this.index = new Map(keys.map((k, i) => [k, i]));
    if (this.index.size !== keys.length) throw new Error('graph: a person is listed twice');
    for (let t = 0; t < size; t++) {
      const lo = ties.lo[t]!,
        hi = ties.hi[t]!;
      if (!(lo >= 0 && lo < hi && hi < keys.length))
        throw new Error(`graph: tie ${t} must join two different people (lo < hi), got ${lo}–${hi}`);
    }
  }

  get order(): number {
    return this.keys.length;
  }

  /** A person's number, undefined for someone not in the graph. */
  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  adjacency(): Adjacency {
    if (this.csr) return this.csr;
    const n = this.order,
      { lo, hi } = this.ties;
    const start = new Int32Array(n + 1);
    for (let t = 0; t < this.size; t++) {
      start[lo[t]! + 1]!++;
      start[hi[t]! + 1]!++;
    }
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const neighbour = new Int32Array(2 * this.size);
    const tie = new Int32Array(2 * this.size);
    for (let t = 0; t < this.size; t++) {
      const a = lo[t]!,
        b = hi[t]!;
      neighbour[fill[a]!] = b;
      tie[fill[a]!++] = t;
      neighbour[fill[b]!] = a;
      tie[fill[b]!++] = t;
    }
    this.csr = { start, neighbour, tie };
    return this.csr;
  }

  /** Ties of each person (their degree). */
  degrees(): Int32Array {
    const { start } = this.adjacency();
    const degree = new Int32Array(this.order);
    for (let i = 0; i < degree.length; i++) degree[i] = start[i + 1]! - start[i]!;
    return degree;
  }

  /** Sum of each person's tie weights, added in the order of their ties. */
  strengths(): Float64Array {
    const { start, tie } = this.adjacency();
    const { weight } = this.ties;
    const strength = new Float64Array(this.order);
    for (let i = 0; i < strength.length; i++) {
      let sum = 0;
      for (let k = start[i]!; k < start[i + 1]!; k++) sum += weight[tie[k]!]!;
      strength[i] = sum;
    }
    return strength;
  }

  edgeAttributes(t: number): BuiltEdge {
    const c = this.ties;
    return {
      weight: c.weight[t]!,
      reply: c.reply[t]!,
      mention: c.mention[t]!,
      coAnswer: c.coAnswer[t]!,
      coSession: c.coSession[t]!,
      repost: c.repost[t]!,
    };
  }

  /** The two people of tie t, lower number first. */
  extremities(t: number): [string, string] {
    return [this.keys[this.ties.lo[t]!]!, this.keys[this.ties.hi[t]!]!];
  }

  /** The tie between two people, -1 when they have none. */
  tieBetween(a: string, b: string): number {
    const i = this.indexOf(a),
      j = this.indexOf(b);
    if (i === undefined || j === undefined) return -1;
    const { start, neighbour, tie } = this.adjacency();
    for (let k = start[i]!; k < start[i + 1]!; k++) if (neighbour[k] === j) return tie[k]!;
    return -1;
  }

  // graphology's read methods, for stages and tests that read the graph by key.

  nodes(): string[] {
    return [...this.keys];
  }

  hasNode(key: string): boolean {
    return this.indexOf(key) !== undefined;
  }

  getNodeAttributes(key: string): BuiltNode {
    return this.nodeAttributes[this.person(key)]!;
  }

  degree(key: string): number {
    const i = this.person(key),
      { start } = this.adjacency();
    return start[i + 1]! - start[i]!;
  }

  forEachNode(callback: (key: string, attributes: BuiltNode) => void): void {
    this.keys.forEach((key, i) => callback(key, this.nodeAttributes[i]!));
  }

  hasEdge(a: string, b: string): boolean {
    return this.tieBetween(a, b) >= 0;
  }

  getEdgeAttributes(a: string, b: string): BuiltEdge {
    const t = this.tieBetween(a, b);
    if (t < 0) throw new Error(`graph: no tie between ${a} and ${b}`);
    return this.edgeAttributes(t);
  }

  getEdgeAttribute<K extends keyof BuiltEdge>(a: string, b: string, name: K): BuiltEdge[K] {
    return this.getEdgeAttributes(a, b)[name];
  }

  /** Every tie (its number, attributes, ends), or with a person first, that person's ties. */
  forEachEdge(callback: EdgeCallback): void;
  forEachEdge(key: string, callback: EdgeCallback): void;
  forEachEdge(keyOrCallback: string | EdgeCallback, personCallback?: EdgeCallback): void {
    const { lo, hi } = this.ties;
    if (typeof keyOrCallback === 'function') {
      for (let t = 0; t < this.size; t++) keyOrCallback(t, this.edgeAttributes(t), this.keys[lo[t]!]!, this.keys[hi[t]!]!);
      return;
    }
    const i = this.person(keyOrCallback),
      { start, tie } = this.adjacency();
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = tie[k]!;
      personCallback!(t, this.edgeAttributes(t), this.keys[lo[t]!]!, this.keys[hi[t]!]!);
    }
  }

  /** A graphology graph with the same people, ties and orders, for libraries and exports that need one. */
  toGraphology(): UndirectedGraph<BuiltNode, BuiltEdge> {
    const graph = new UndirectedGraph<BuiltNode, BuiltEdge>();
    this.forEachNode((key, attributes) => graph.addNode(key, { ...attributes, chats: [...attributes.chats] }));
    this.forEachEdge((t, attributes, source, target) => graph.addUndirectedEdgeWithKey(String(t), source, target, attributes));
    return graph;
  }

  private person(key: string): number {
    const i = this.indexOf(key);
    if (i === undefined) throw new Error(`graph: no person ${key}`);
    return i;
  }
}

/** A graph from people and ties by key, in the given orders (tests, planted graphs). */
export function graphFromTies(
  people: readonly (readonly [string, BuiltNode])[],
  ties: readonly (readonly [string, string, Partial<BuiltEdge> & { weight: number }])[],
): CoParticipationGraph {
  const keys = people.map(([key]) => key);
  const index = new Map(keys.map((key, i) => [key, i]));
  const m = ties.length;
  const columns: TieColumns = {
    lo: new Int32Array(m),
    hi: new Int32Array(m),
    weight: new Float64Array(m),
    reply: new Uint32Array(m),
    mention: new Uint32Array(m),
    coAnswer: new Uint32Array(m),
    coSession: new Uint32Array(m),
    repost: new Uint32Array(m),
  };
  const seen = new Set<number>();
  ties.forEach(([a, b, attributes], t) => {
    const i = index.get(a),
      j = index.get(b);
    if (i === undefined || j === undefined) throw new Error(`graph: tie ${a}–${b} names someone not listed`);
    const [lo, hi] = i < j ? [i, j] : [j, i];
    if (seen.has(lo * keys.length + hi)) throw new Error(`graph: a second tie between ${a} and ${b}`);
    seen.add(lo * keys.length + hi);
    columns.lo[t] = lo;
    columns.hi[t] = hi;
    columns.weight[t] = attributes.weight;
    for (const kind of ['reply', 'mention', 'coAnswer', 'coSession', 'repost'] as const) columns[kind][t] = attributes[kind] ?? 0;
  });
  return new CoParticipationGraph(
    keys,
    people.map(([, attributes]) => attributes),
    columns,
    m,
  );
}
