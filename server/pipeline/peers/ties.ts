/**
 * What the graph and the messages say about who talks with whom, for peers:
 * each person's ties, a chat's own account (who talks with everyone), and
 * replies and mentions counted between two people.
 */
import type { GraphPayload, Message } from '../../../shared/index.js';

export function adjacency(payload: GraphPayload): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of payload.edges) {
    if (!out.has(e.source)) out.set(e.source, new Set());
    if (!out.has(e.target)) out.set(e.target, new Set());
    out.get(e.source)!.add(e.target);
    out.get(e.target)!.add(e.source);
  }
  return out;
}

/**
 * A chat's own accounts, who talk with everyone, so are neither peers nor go-betweens: the account named
 * after the chat (`twitter:medlibsuk` for #medlibsuk), and its hosts — whoever first posted two or more of a
 * chat's question numbers (`Q1 …`, `Q2 …`; sessions/questions.ts reads the habit the same way), as
 * @DocumentingTheNow hosts #DocNowCommunity.
 */
export function chatAccounts(payload: GraphPayload, messages: readonly Message[] = []): Set<string> {
  const chats = new Set(payload.nodes.flatMap((n) => n.attributes.chats.map((c) => c.replace(/^#/, '').toLowerCase())));
  const accounts = new Set(payload.nodes.filter((n) => chats.has(n.attributes.handle.split('@')[0]!.toLowerCase())).map((n) => n.key));
  const firstAsker = new Map<string, string>();
  // Only question-marked posts, a few in a chat's thousands, are sorted: this runs on every peers request.
  const asked = messages.filter((m) => m.kind !== 'repost' && m.question !== undefined);
  for (const m of asked.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1))) {
    const number = `${m.chat.toLowerCase()}\u0000${m.question}`;
    if (!firstAsker.has(number)) firstAsker.set(number, m.author);
  }
  const firsts = new Map<string, number>();
  for (const author of firstAsker.values()) firsts.set(author, (firsts.get(author) ?? 0) + 1);
  for (const [author, n] of firsts) if (n >= 2) accounts.add(author);
  return accounts;
}

/** Replies and mentions between two people, either way. */
export function talkCounts(messages: readonly Message[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (a: string, b: string) => {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = out.get(x) ?? new Map<string, number>();
      out.set(x, m.set(y, (m.get(y) ?? 0) + 1));
    }
  };
  for (const m of messages) {
    const to = new Set([...(m.replyToAuthor ? [m.replyToAuthor] : []), ...m.mentions]);
    for (const k of to) add(m.author, k);
  }
  return out;
}
