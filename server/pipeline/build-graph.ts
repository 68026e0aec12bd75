/**
 * The co-participation graph: one node per author, one undirected weighted
 * edge per pair of people with at least one tie of an enabled kind.
 *
 * - reply: one replied to the other (the replied person's @-handle in the
 *   same message is the reply's address, not also a mention);
 * - mention: one named the other;
 * - coAnswer: both answered the same numbered question in the same session
 *   (`A3 …`, or a participant's `Q3: …`: sessions/questions.ts reads which);
 * - coSession: both took part in the same session: posted there at least
 *   `SESSION_PART_MESSAGES` messages, or spoke with someone in it (a reply,
 *   a mention, an answer to a question, or being replied to or named). One
 *   stray post carrying the tag (an advert, a follow-bait account, a
 *   passer-by) is not taking part: on real chats such posts tied their
 *   authors to everyone present, so they read as the chat's bridges.
 *
 * Messages between sessions (sessions.ts) make reply and mention ties only.
 * - repost: one reposted the other (off by default).
 *
 * coAnswer and coSession add 1/(n−1) per question or session with n
 * participants to the weight (Newman 2001, "Scientific collaboration
 * networks II"), so each participant spreads one unit over the others and a
 * crowd does not outweigh a conversation. Reposts carry no co-participation:
 * a boost during a chat is not taking part in it.
 *
 * Pairs are tallied in typed arrays (pair-tally.ts), person by person, and
 * the graph keeps them as columns (co-participation-graph.ts): people
 * numbered in key order, ties in (lo, hi) order.
 */
import type { BuildOptions, Message } from '../../shared/index.js';
import { CoParticipationGraph, type BuiltNode, type TieColumns } from './co-participation-graph.js';
import { PairTally, type PairList } from './pair-tally.js';
import type { Session } from './sessions.js';
import { readSessionQuestions } from './sessions/questions.js';

export type GraphBuildOptions = Pick<BuildOptions, 'kinds' | 'weights' | 'minWeight'>;

/** Messages in a session that make its author a participant by themselves (fewer need a conversation: see above). */
export const SESSION_PART_MESSAGES = 2;

/**
 * `relays`: accounts that relay others' words (an anonymous-question account,
 * a chat's bot): their messages count for the chat, but make no one's ties.
 */
export function buildGraph(
  messages: readonly Message[],
  sessions: readonly Session[],
  options: GraphBuildOptions,
  relays: ReadonlySet<string> = new Set(),
): CoParticipationGraph {
  const enabled = new Set(options.kinds);
  const authors = [...new Set(messages.map((m) => m.author))].sort();
  const index = new Map(authors.map((a, i) => [a, i]));
  // Each message's author as a number, looked up once: the loops below run over a million messages.
  const authorOf = new Int32Array(messages.length);
  for (let i = 0; i < messages.length; i++) authorOf[i] = index.get(messages[i]!.author)!;
  const relayed = new Uint8Array(authors.length);
  for (const key of relays) if (index.has(key)) relayed[index.get(key)!] = 1;
  const pairs = new PairTally(authors.length);

  const repliedAuthor = replyAuthorLookup(messages);
  // Whom each message speaks to (replied or named, others only), for who takes part in a session.
  const spokenTo: (number[] | undefined)[] = new Array(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const from = authorOf[i]!;
    if (relayed[from]) continue;
    if (m.kind === 'repost') {
      const to = m.repostOf === undefined ? undefined : index.get(m.repostOf);
      if (enabled.has('repost') && to !== undefined && !relays.has(m.repostOf!)) pairs.addTie('repost', from, to);
      continue;
    }
    const replyTo = m.replyToAuthor ?? (m.replyToId ? repliedAuthor(m.platform, m.replyToId) : undefined);
    const replyIndex = replyTo === undefined || relays.has(replyTo) ? undefined : index.get(replyTo);
    if (enabled.has('reply') && replyIndex !== undefined) pairs.addTie('reply', from, replyIndex);
    if (replyIndex !== undefined && replyIndex !== from) (spokenTo[i] ??= []).push(replyIndex);
    for (const key of m.mentions) {
      const to = index.get(key);
      if (to === undefined || key === replyTo || relays.has(key)) continue;
      if (enabled.has('mention')) pairs.addTie('mention', from, to);
      if (to !== from) (spokenTo[i] ??= []).push(to);
    }
  }

  const sessionsOf = new Uint32Array(authors.length);
  const messagesOf = new Uint32Array(authors.length);
  const chatsOf: Set<string>[] = authors.map(() => new Set());
  for (let i = 0; i < messages.length; i++) {
    const who = authorOf[i]!;
    messagesOf[who]! += 1;
    chatsOf[who]!.add(messages[i]!.chat);
  }
  // Who was seen in the current session (stamped with its number + 1), instead of a Set per session.
  const seenIn = new Int32Array(authors.length);
  const postedIn = new Int32Array(authors.length);
  const partIn = new Int32Array(authors.length);
  const postsIn = new Uint32Array(authors.length);
  sessions.forEach((session, number) => {
    const stamp = number + 1;
    const posters: number[] = [];
    const takesPart = (who: number) => {
      if (seenIn[who] === stamp) partIn[who] = stamp;
    };
    for (const mi of session.members) {
      const m = messages[mi]!;
      const who = authorOf[mi]!;
      if (postedIn[who] !== stamp) {
        postedIn[who] = stamp;
        sessionsOf[who]! += 1;
      }
      if (m.kind === 'repost' || relayed[who]) continue;
      if (seenIn[who] !== stamp) {
        seenIn[who] = stamp;
        postsIn[who] = 0;
        posters.push(who);
      }
      postsIn[who]! += 1;
      if (postsIn[who]! >= SESSION_PART_MESSAGES || m.question !== undefined || m.answer !== undefined || spokenTo[mi]) takesPart(who);
    }
    // Being spoken to counts once the one spoken to has posted in the session too.
    for (const mi of session.members) for (const to of spokenTo[mi] ?? []) takesPart(to);
    const participants = posters.filter((who) => partIn[who] === stamp);
    if (enabled.has('coSession')) pairs.addGroup('coSession', Int32Array.from(participants).sort());
    if (enabled.has('coAnswer')) {
      for (const q of readSessionQuestions(messages, session)) {
        const answerers = [...new Set(q.answers.map((mi) => authorOf[mi]!).filter((who) => !relayed[who]))];
        pairs.addGroup('coAnswer', Int32Array.from(answerers).sort());
      }
    }
  });

  const nodes: BuiltNode[] = authors.map((_key, i) => ({
    messages: messagesOf[i]!,
    sessions: sessionsOf[i]!,
    chats: [...chatsOf[i]!].sort(),
  }));
  const { columns, size } = weighTies(pairs.pairs(), options);
  return new CoParticipationGraph(authors, nodes, columns, size);
}

/** Each pair's weight by the options; pairs under minWeight (or of no weight) left out, the rest kept in order. */
function weighTies(p: PairList, options: GraphBuildOptions): { columns: TieColumns; size: number } {
  const w = options.weights;
  const columns: TieColumns = {
    lo: p.lo,
    hi: p.hi,
    weight: new Float64Array(p.size),
    reply: p.reply,
    mention: p.mention,
    coAnswer: p.coAnswer,
    coSession: p.coSession,
    repost: p.repost,
  };
  const kinds = ['lo', 'hi', 'reply', 'mention', 'coAnswer', 'coSession', 'repost'] as const;
  let size = 0;
  for (let s = 0; s < p.size; s++) {
    const weight =
      w.reply * p.reply[s]! +
      w.mention * p.mention[s]! +
      w.repost * p.repost[s]! +
      w.coAnswer * p.coAnswerShare[s]! +
      w.coSession * p.coSessionShare[s]!;
    if (weight <= 0 || weight < options.minWeight) continue;
    // Compacted in place: a kept pair moves down over the ones left out before it.
    if (size !== s) for (const kind of kinds) columns[kind][size] = columns[kind][s]!;
    columns.weight[size++] = weight;
  }
  // Cut to size: the tally's columns grew by doubling, and the graph lives through the whole analysis.
  const c = columns;
  return {
    size,
    columns: {
      lo: c.lo.slice(0, size),
      hi: c.hi.slice(0, size),
      weight: c.weight.slice(0, size),
      reply: c.reply.slice(0, size),
      mention: c.mention.slice(0, size),
      coAnswer: c.coAnswer.slice(0, size),
      coSession: c.coSession.slice(0, size),
      repost: c.repost.slice(0, size),
    },
  };
}

/**
 * The author of a replied-to message by platform and id, for replies that
 * name only the message. The index is made on first use, per platform
 * (no joined key string per message); most exports name the author too.
 */
function replyAuthorLookup(messages: readonly Message[]): (platform: string, id: string) => string | undefined {
  let byPlatform: Map<string, Map<string, string>> | undefined;
  return (platform, id) => {
    if (!byPlatform) {
      byPlatform = new Map();
      for (const m of messages) {
        let ids = byPlatform.get(m.platform);
        if (!ids) byPlatform.set(m.platform, (ids = new Map()));
        ids.set(m.id, m.author);
      }
    }
    return byPlatform.get(platform)?.get(id);
  };
}
