/**
 * The co-participation graph: one node per author, one undirected weighted
 * edge per pair of people with at least one tie of an enabled kind.
 *
 * - reply: one replied to the other (the replied person's @-handle in the
 *   same message is the reply's address, not also a mention);
 * - mention: one named the other;
 * - coAnswer: both answered the same numbered question in the same session;
 * - coSession: both posted in the same session;
 * - repost: one reposted the other (off by default).
 *
 * coAnswer and coSession add 1/(n−1) per question or session with n
 * participants to the weight (Newman 2001, "Scientific collaboration
 * networks II"), so each participant spreads one unit over the others and a
 * crowd does not outweigh a conversation. Reposts carry no co-participation:
 * a boost during a chat is not taking part in it.
 *
 * Pairs are aggregated in a packed-key map first and each edge is added once:
 * graphology's mergeEdge per tie is an order of magnitude slower.
 */
import { UndirectedGraph } from 'graphology';
import type { BuildOptions, Message, TieKind } from '../../shared/index.js';
import type { Session } from './sessions.js';

export type GraphBuildOptions = Pick<BuildOptions, 'kinds' | 'weights' | 'minWeight'>;

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

export type CoParticipationGraph = UndirectedGraph<BuiltNode, BuiltEdge>;

class PairAccumulator {
  private readonly slots = new Map<number, number>();
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  readonly counts: Record<TieKind, number[]> = { reply: [], mention: [], coAnswer: [], coSession: [], repost: [] };
  readonly newman: { coAnswer: number[]; coSession: number[] } = { coAnswer: [], coSession: [] };

  constructor(private readonly size: number) {}

  slot(a: number, b: number): number {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const packed = lo * this.size + hi;
    let s = this.slots.get(packed);
    if (s === undefined) {
      s = this.lo.length;
      this.slots.set(packed, s);
      this.lo.push(lo);
      this.hi.push(hi);
      for (const k of Object.values(this.counts)) k.push(0);
      this.newman.coAnswer.push(0);
      this.newman.coSession.push(0);
    }
    return s;
  }

  add(kind: TieKind, a: number, b: number, newmanShare = 0): void {
    if (a === b) return;
    const s = this.slot(a, b);
    this.counts[kind][s]! += 1;
    if (kind === 'coAnswer' || kind === 'coSession') this.newman[kind][s]! += newmanShare;
  }

  /** Every pair of `group`, sharing 1/(n−1) each. */
  addClique(kind: 'coAnswer' | 'coSession', group: readonly number[]): void {
    const n = group.length;
    if (n < 2) return;
    const share = 1 / (n - 1);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) this.add(kind, group[i]!, group[j]!, share);
  }
}

/**
 * `relays`: accounts that relay others' words (an anonymous-question account,
 * a chat's bot): their messages count for the chat, but make no one's ties.
 */
export function buildGraph(messages: readonly Message[], sessions: readonly Session[], options: GraphBuildOptions, relays: ReadonlySet<string> = new Set()): CoParticipationGraph {
  const enabled = new Set(options.kinds);
  const authors = [...new Set(messages.map((m) => m.author))].sort();
  const index = new Map(authors.map((a, i) => [a, i]));
  const pairs = new PairAccumulator(authors.length);

  const authorOfMessage = new Map<string, string>();
  for (const m of messages) authorOfMessage.set(`${m.platform}:${m.id}`, m.author);

  for (const m of messages) {
    const from = index.get(m.author)!;
    if (relays.has(m.author)) continue;
    if (m.kind === 'repost') {
      const to = m.repostOf === undefined ? undefined : index.get(m.repostOf);
      if (enabled.has('repost') && to !== undefined && !relays.has(m.repostOf!)) pairs.add('repost', from, to);
      continue;
    }
    const replyTo = m.replyToAuthor ?? (m.replyToId ? authorOfMessage.get(`${m.platform}:${m.replyToId}`) : undefined);
    const replyIndex = replyTo === undefined || relays.has(replyTo) ? undefined : index.get(replyTo);
    if (enabled.has('reply') && replyIndex !== undefined) pairs.add('reply', from, replyIndex);
    if (enabled.has('mention')) {
      for (const key of m.mentions) {
        const to = index.get(key);
        if (to !== undefined && key !== replyTo && !relays.has(key)) pairs.add('mention', from, to);
      }
    }
  }

  const sessionsOf = new Uint32Array(authors.length);
  const messagesOf = new Uint32Array(authors.length);
  const chatsOf: Set<string>[] = authors.map(() => new Set());
  for (const m of messages) {
    const i = index.get(m.author)!;
    messagesOf[i]! += 1;
    chatsOf[i]!.add(m.chat);
  }
  for (const session of sessions) {
    const participants = new Set<number>();
    const answerers = new Map<number, Set<number>>();
    for (const mi of session.members) {
      const m = messages[mi]!;
      const who = index.get(m.author)!;
      if (m.kind === 'repost' || relays.has(m.author)) continue;
      participants.add(who);
      if (m.answer !== undefined) {
        const set = answerers.get(m.answer) ?? new Set<number>();
        set.add(who);
        answerers.set(m.answer, set);
      }
    }
    for (const who of new Set(session.members.map((mi) => index.get(messages[mi]!.author)!))) sessionsOf[who]! += 1;
    if (enabled.has('coSession')) pairs.addClique('coSession', [...participants].sort((a, b) => a - b));
    if (enabled.has('coAnswer')) {
      for (const q of [...answerers.keys()].sort((a, b) => a - b)) pairs.addClique('coAnswer', [...answerers.get(q)!].sort((a, b) => a - b));
    }
  }

  const graph: CoParticipationGraph = new UndirectedGraph<BuiltNode, BuiltEdge>();
  authors.forEach((key, i) => graph.addNode(key, { messages: messagesOf[i]!, sessions: sessionsOf[i]!, chats: [...chatsOf[i]!].sort() }));

  const w = options.weights;
  const order = pairs.lo.map((_, s) => s).sort((a, b) => pairs.lo[a]! - pairs.lo[b]! || pairs.hi[a]! - pairs.hi[b]!);
  for (const s of order) {
    const c = pairs.counts;
    const weight =
      w.reply * c.reply[s]! + w.mention * c.mention[s]! + w.repost * c.repost[s]! +
      w.coAnswer * pairs.newman.coAnswer[s]! + w.coSession * pairs.newman.coSession[s]!;
    if (weight <= 0 || weight < options.minWeight) continue;
    graph.addUndirectedEdge(authors[pairs.lo[s]!]!, authors[pairs.hi[s]!]!, {
      weight,
      reply: c.reply[s]!,
      mention: c.mention[s]!,
      coAnswer: c.coAnswer[s]!,
      coSession: c.coSession[s]!,
      repost: c.repost[s]!,
    });
  }
  return graph;
}
