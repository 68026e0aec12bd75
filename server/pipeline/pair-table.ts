/**
 * Per-pair tallies for the graph build, in typed arrays: an open-addressing
 * hash (linear probing) from an unordered pair of person indices to a dense
 * slot, and per slot one count per tie kind and the Newman shares. A chat
 * graph meets the same pair again and again (every shared session, every
 * reply), so this lookup is the build's inner loop: a JS Map of packed keys
 * cost three times as much, and a graphology mergeEdge per tie ten times.
 */
import type { TieKind } from '../../shared/index.js';

/** Kinds in slot order. */
export const TIE_KINDS: readonly TieKind[] = ['reply', 'mention', 'coAnswer', 'coSession', 'repost'];
const KIND_INDEX: Record<TieKind, number> = { reply: 0, mention: 1, coAnswer: 2, coSession: 3, repost: 4 };
const EMPTY = -1;

export class PairTable {
  /** Pairs stored. */
  size = 0;
  /** Hash cells: the slot of the pair there, or EMPTY. */
  private cells: Int32Array;
  private mask: number;
  /** Per slot: the pair, lower index first. */
  lo: Int32Array;
  hi: Int32Array;
  /** Per slot and kind (slot × 5 + kind): how many ties of that kind. */
  counts: Float64Array;
  /** Per slot: the summed 1/(n−1) shares of co-answers and co-sessions. */
  coAnswerShare: Float64Array;
  coSessionShare: Float64Array;

  constructor(expectedPairs = 1024) {
    let capacity = 1024;
    while (capacity < expectedPairs * 2) capacity *= 2;
    this.cells = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    const slots = capacity >>> 1;
    this.lo = new Int32Array(slots);
    this.hi = new Int32Array(slots);
    this.counts = new Float64Array(slots * 5);
    this.coAnswerShare = new Float64Array(slots);
    this.coSessionShare = new Float64Array(slots);
  }

  /** Adds one tie of `kind` between people a and b, with its Newman share for co-answers and co-sessions; none to oneself. */
  add(kind: TieKind, a: number, b: number, share = 0): void {
    if (a === b) return;
    const s = this.slot(a < b ? a : b, a < b ? b : a);
    const k = KIND_INDEX[kind];
    this.counts[s * 5 + k] = this.counts[s * 5 + k]! + 1;
    if (k === 2) this.coAnswerShare[s] = this.coAnswerShare[s]! + share;
    else if (k === 3) this.coSessionShare[s] = this.coSessionShare[s]! + share;
  }

  /** Every pair of `group` (distinct, ascending), each with share 1/(n−1). */
  addClique(kind: 'coAnswer' | 'coSession', group: ArrayLike<number>): void {
    const n = group.length;
    if (n < 2) return;
    const share = 1 / (n - 1);
    const k = KIND_INDEX[kind];
    for (let i = 0; i < n; i++) {
      const a = group[i]!;
      for (let j = i + 1; j < n; j++) {
        // The arrays are read after slot(): a growth inside it replaces them.
        const s = this.slot(a, group[j]!);
        this.counts[s * 5 + k] = this.counts[s * 5 + k]! + 1;
        if (k === 2) this.coAnswerShare[s] = this.coAnswerShare[s]! + share;
        else this.coSessionShare[s] = this.coSessionShare[s]! + share;
      }
    }
  }

  /** Count of `kind` ties in slot s. */
  count(s: number, kind: TieKind): number {
    return this.counts[s * 5 + KIND_INDEX[kind]]!;
  }

  /** Slots in order of (lo, hi): the build adds edges in this order, so the graph never depends on hash order. */
  sortedSlots(people: number): Int32Array {
    const start = new Int32Array(people + 1);
    for (let s = 0; s < this.size; s++) start[this.lo[s]! + 1] = start[this.lo[s]! + 1]! + 1;
    for (let i = 0; i < people; i++) start[i + 1] = start[i + 1]! + start[i]!;
    // Bucket by lo, then sort each bucket's hi values (unique within it) natively and look their slots up.
    const his = new Int32Array(this.size);
    const fill = start.slice(0, people);
    for (let s = 0; s < this.size; s++) {
      const lo = this.lo[s]!;
      his[fill[lo]!] = this.hi[s]!;
      fill[lo] = fill[lo]! + 1;
    }
    const order = new Int32Array(this.size);
    for (let lo = 0; lo < people; lo++) {
      const bucket = his.subarray(start[lo]!, start[lo + 1]!).sort();
      for (let k = 0; k < bucket.length; k++) order[start[lo]! + k] = this.find(lo, bucket[k]!);
    }
    return order;
  }

  private hash(lo: number, hi: number): number {
    return (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca77)) & this.mask;
  }

  private find(lo: number, hi: number): number {
    for (let c = this.hash(lo, hi); ; c = (c + 1) & this.mask) {
      const s = this.cells[c]!;
      if (s === EMPTY || (this.lo[s] === lo && this.hi[s] === hi)) return s;
    }
  }

  /** The slot of (lo, hi), made if new. */
  private slot(lo: number, hi: number): number {
    let c = this.hash(lo, hi);
    for (;;) {
      const s = this.cells[c]!;
      if (s === EMPTY) break;
      if (this.lo[s] === lo && this.hi[s] === hi) return s;
      c = (c + 1) & this.mask;
    }
    if (this.size === this.lo.length) {
      this.grow();
      return this.slot(lo, hi);
    }
    const s = this.size++;
    this.cells[c] = s;
    this.lo[s] = lo;
    this.hi[s] = hi;
    return s;
  }

  /** Doubles the table (load stays at most one half) and rehashes the slots. */
  private grow(): void {
    const capacity = this.cells.length * 2;
    this.cells = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    const slots = capacity >>> 1;
    this.lo = grown(this.lo, slots);
    this.hi = grown(this.hi, slots);
    this.counts = grown(this.counts, slots * 5);
    this.coAnswerShare = grown(this.coAnswerShare, slots);
    this.coSessionShare = grown(this.coSessionShare, slots);
    for (let s = 0; s < this.size; s++) {
      let c = this.hash(this.lo[s]!, this.hi[s]!);
      while (this.cells[c] !== EMPTY) c = (c + 1) & this.mask;
      this.cells[c] = s;
    }
  }
}

function grown<T extends Int32Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
