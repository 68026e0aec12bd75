/**
 * Per-pair tallies for the graph build, in typed arrays, without hashing a
 * single pair.
 *
 * The build hands over what it sees: direct ties (a reply, a mention, a
 * repost: one count each) and groups (the people of a session, the people
 * who answered one question in it: every pair of them gets one count and a
 * Newman share of 1/(n−1)). `pairs()` then walks person by person — for
 * person a, every direct tie whose lower end is a, then every later member
 * of every group a is in — summing into dense per-person accumulators, and
 * writes a's row of pairs in ascending order of the other person: row-wise
 * sparse accumulation (Gustavson 1978), i.e. the product of the
 * person × group incidence matrix with its transpose, one row at a time.
 *
 * A co-session graph meets each pair again and again (every shared session),
 * so this is the build's inner loop: an open-addressing hash per pair cost
 * 2–3 s for 1M messages (18M pair visits), the same visits here are plain
 * array reads and writes. A pair's shares are summed in group order, so
 * they are the same floating-point numbers whatever the tallying method.
 */
import type { TieKind } from '../../shared/index.js';

type DirectKind = Extract<TieKind, 'reply' | 'mention' | 'repost'>;
type GroupKind = Extract<TieKind, 'coAnswer' | 'coSession'>;

const DIRECT_INDEX: Record<DirectKind, number> = { reply: 0, mention: 1, repost: 2 };
const GROUP_INDEX: Record<GroupKind, number> = { coAnswer: 0, coSession: 1 };

/** Every pair with at least one tie, in (lo, hi) order; per pair its counts by kind and its summed shares. */
export interface PairList {
  size: number;
  lo: Int32Array;
  hi: Int32Array;
  reply: Uint32Array;
  mention: Uint32Array;
  repost: Uint32Array;
  coAnswer: Uint32Array;
  coSession: Uint32Array;
  coAnswerShare: Float64Array;
  coSessionShare: Float64Array;
}

export class PairTally {
  private ties = 0;
  private tieLo = new Int32Array(1024);
  private tieHi = new Int32Array(1024);
  private tieKind = new Uint8Array(1024);
  private groups = 0;
  /** Group g's members are groupMembers[groupStart[g] … groupStart[g + 1]). */
  private groupStart = new Int32Array(1025);
  private groupKind = new Uint8Array(1024);
  private groupMembers = new Int32Array(4096);

  /** `people`: person indices run from 0 to people − 1. */
  constructor(private readonly people: number) {}

  /** One tie of `kind` between people a and b; none to oneself. */
  addTie(kind: DirectKind, a: number, b: number): void {
    if (a === b) return;
    if (this.ties === this.tieLo.length) {
      this.tieLo = grown(this.tieLo, this.ties * 2);
      this.tieHi = grown(this.tieHi, this.ties * 2);
      this.tieKind = grown(this.tieKind, this.ties * 2);
    }
    this.tieLo[this.ties] = a < b ? a : b;
    this.tieHi[this.ties] = a < b ? b : a;
    this.tieKind[this.ties++] = DIRECT_INDEX[kind];
  }

  /** Every pair of `members` (distinct people, ascending), each with share 1/(n−1). A group of one ties no one. */
  addGroup(kind: GroupKind, members: ArrayLike<number>): void {
    const n = members.length;
    if (n < 2) return;
    const start = this.groupStart[this.groups]!;
    if (this.groups + 1 === this.groupKind.length) {
      this.groupKind = grown(this.groupKind, this.groupKind.length * 2);
      this.groupStart = grown(this.groupStart, this.groupKind.length + 1);
    }
    if (start + n > this.groupMembers.length)
      this.groupMembers = grown(this.groupMembers, Math.max(start + n, this.groupMembers.length * 2));
    for (let i = 0; i < n; i++) this.groupMembers[start + i] = members[i]!;
    this.groupKind[this.groups] = GROUP_INDEX[kind];
    this.groupStart[++this.groups] = start + n;
  }

  /** The pairs, row by row. */
  pairs(): PairList {
    const people = this.people;
    const { tieLo, tieHi, tieKind, groupStart, groupKind, groupMembers } = this;
    // Direct ties bucketed by their lower end, and every person's group memberships in group order.
    const tiesOf = bucket(people, this.ties, (t) => tieLo[t]!);
    const memberships = groupStart[this.groups]!;
    const membershipsOf = bucket(people, memberships, (i) => groupMembers[i]!);
    const groupOf = new Int32Array(memberships);
    for (let g = 0; g < this.groups; g++) groupOf.fill(g, groupStart[g]!, groupStart[g + 1]!);

    const direct = [new Uint32Array(people), new Uint32Array(people), new Uint32Array(people)];
    const together = [new Uint32Array(people), new Uint32Array(people)];
    const shares = [new Float64Array(people), new Float64Array(people)];
    const touched = new Int32Array(people);
    const rowOf = new Int32Array(people).fill(-1);
    const out = new PairListBuilder();

    for (let a = 0; a < people; a++) {
      let row = 0;
      for (let k = tiesOf.start[a]!; k < tiesOf.start[a + 1]!; k++) {
        const t = tiesOf.items[k]!;
        const b = tieHi[t]!;
        const counts = direct[tieKind[t]!]!;
        counts[b] = counts[b]! + 1;
        if (rowOf[b] !== a) {
          rowOf[b] = a;
          touched[row++] = b;
        }
      }
      for (let k = membershipsOf.start[a]!; k < membershipsOf.start[a + 1]!; k++) {
        const at = membershipsOf.items[k]!;
        const g = groupOf[at]!;
        const end = groupStart[g + 1]!;
        const share = 1 / (end - groupStart[g]! - 1);
        const counts = together[groupKind[g]!]!;
        const sums = shares[groupKind[g]!]!;
        // Members are ascending: the ones after a are the pairs whose lower end is a.
        for (let j = at + 1; j < end; j++) {
          const b = groupMembers[j]!;
          counts[b] = counts[b]! + 1;
          sums[b] = sums[b]! + share;
          if (rowOf[b] !== a) {
            rowOf[b] = a;
            touched[row++] = b;
          }
        }
      }
      const others = touched.subarray(0, row).sort();
      for (let k = 0; k < row; k++) {
        const b = others[k]!;
        out.push(a, b, direct[0]![b]!, direct[1]![b]!, direct[2]![b]!, together[0]![b]!, together[1]![b]!, shares[0]![b]!, shares[1]![b]!);
        direct[0]![b] = direct[1]![b] = direct[2]![b] = together[0]![b] = together[1]![b] = 0;
        shares[0]![b] = shares[1]![b] = 0;
      }
    }
    return out.list();
  }
}

/** Items 0 … count − 1 grouped by key (a person), in item order within a group: a counting sort. */
function bucket(people: number, count: number, keyOf: (item: number) => number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(people + 1);
  for (let i = 0; i < count; i++) start[keyOf(i) + 1]!++;
  for (let p = 0; p < people; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, people);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[fill[keyOf(i)]!++] = i;
  return { start, items };
}

class PairListBuilder {
  private list_: PairList = {
    size: 0,
    lo: new Int32Array(1024),
    hi: new Int32Array(1024),
    reply: new Uint32Array(1024),
    mention: new Uint32Array(1024),
    repost: new Uint32Array(1024),
    coAnswer: new Uint32Array(1024),
    coSession: new Uint32Array(1024),
    coAnswerShare: new Float64Array(1024),
    coSessionShare: new Float64Array(1024),
  };

  push(
    lo: number,
    hi: number,
    reply: number,
    mention: number,
    repost: number,
    coAnswer: number,
    coSession: number,
    coAnswerShare: number,
    coSessionShare: number,
  ): void {
    let l = this.list_;
    if (l.size === l.lo.length) l = this.grow();
    const s = l.size++;
    l.lo[s] = lo;
    l.hi[s] = hi;
    l.reply[s] = reply;
    l.mention[s] = mention;
    l.repost[s] = repost;
    l.coAnswer[s] = coAnswer;
    l.coSession[s] = coSession;
    l.coAnswerShare[s] = coAnswerShare;
    l.coSessionShare[s] = coSessionShare;
  }

  list(): PairList {
    return this.list_;
  }

  private grow(): PairList {
    const l = this.list_;
    const n = l.lo.length * 2;
    this.list_ = {
      size: l.size,
      lo: grown(l.lo, n),
      hi: grown(l.hi, n),
      reply: grown(l.reply, n),
      mention: grown(l.mention, n),
      repost: grown(l.repost, n),
      coAnswer: grown(l.coAnswer, n),
      coSession: grown(l.coSession, n),
      coAnswerShare: grown(l.coAnswerShare, n),
      coSessionShare: grown(l.coSessionShare, n),
    };
    return this.list_;
  }
}

function grown<T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a.subarray(0, Math.min(a.length, length)));
  return b;
}
