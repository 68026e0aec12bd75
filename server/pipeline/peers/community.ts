/**
 * A community as one person, so the peers of a whole corner are found by the
 * same ranking as a person's (peers.ts): its members become one node whose
 * sector and region are the members' most common *known* ones (unknown never
 * counts), whose ties to outsiders are the members' ties (weights and counts
 * summed), and whose messages are the members' (replies and mentions of a
 * member point at it). Members are no candidates: what is sought is beyond
 * the corner. "You" in the reasons then means the community's members.
 */
import type { EdgeAttributes, GraphPayload, Message, NodeAttributes } from '../../../shared/index.js';

export interface CommunityAsPerson {
  key: string;
  payload: GraphPayload;
  messages: Message[];
  /** Members' known sector and region shares behind the community's context (for the note). */
  sectorShare: number;
  regionShare: number;
}

/** The most common known value and its share among members who have one ("unknown" when none has). */
function mostCommonKnown(values: readonly string[]): { value: string; share: number } {
  const counts = new Map<string, number>();
  for (const v of values) if (v && v !== 'unknown') counts.set(v, (counts.get(v) ?? 0) + 1);
  const known = [...counts.values()].reduce((a, b) => a + b, 0);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? { value: best[0], share: best[1] / known } : { value: 'unknown', share: 0 };
}

export function communityKey(community: number): string {
  return `community:${community}`;
}

/** Undefined when the view has no such community. */
export function communityAsPerson(payload: GraphPayload, messages: readonly Message[], community: number): CommunityAsPerson | undefined {
  const members = payload.nodes.filter((n) => n.attributes.community === community);
  if (community < 0 || members.length === 0) return undefined;
  const key = communityKey(community);
  const isMember = new Set(members.map((n) => n.key));
  const as = (k: string) => (isMember.has(k) ? key : k);
  const sector = mostCommonKnown(members.map((n) => n.attributes.sector));
  const region = mostCommonKnown(members.map((n) => n.attributes.region));
  const sum = (f: (a: NodeAttributes) => number) => members.reduce((s, n) => s + f(n.attributes), 0);
  const node: NodeAttributes = {
    ...members[0]!.attributes,
    label: `Community ${community + 1}`,
    handle: key,
    platform: 'community',
    community,
    sector: sector.value,
    region: region.value,
    messages: sum((a) => a.messages),
    sessions: Math.max(...members.map((n) => n.attributes.sessions)),
    chats: [...new Set(members.flatMap((n) => n.attributes.chats))].sort(),
  };

  // Ties to outsiders, one per outsider: the members' ties summed kind by kind.
  const edges = new Map<string, GraphPayload['edges'][number]>();
  for (const e of payload.edges) {
    const [s, t] = [as(e.source), as(e.target)];
    if (s === t) continue;
    if (s !== key && t !== key) {
      edges.set(`${e.source}\u0000${e.target}`, e);
      continue;
    }
    const other = s === key ? t : s;
    const seen = edges.get(other);
    const a = e.attributes as EdgeAttributes;
    if (!seen) edges.set(other, { source: key, target: other, attributes: { ...a } });
    else
      for (const k of ['weight', 'reply', 'mention', 'coAnswer', 'coSession', 'repost'] as const)
        (seen.attributes as EdgeAttributes)[k] = ((seen.attributes as EdgeAttributes)[k] ?? 0) + (a[k] ?? 0);
  }
  return {
    key,
    payload: {
      ...payload,
      nodes: [...payload.nodes.filter((n) => !isMember.has(n.key)), { key, attributes: node }],
      edges: [...edges.values()],
    },
    messages: communityMessages(messages, isMember, key),
    sectorShare: sector.share,
    regionShare: region.share,
  };
}

/** The messages with a community's members written as its one key `key` (authors, replies, mentions). */
export function communityMessages(messages: readonly Message[], isMember: ReadonlySet<string>, key: string): Message[] {
  const as = (k: string) => (isMember.has(k) ? key : k);
  return messages.map((m) =>
    isMember.has(m.author) || (m.replyToAuthor && isMember.has(m.replyToAuthor)) || m.mentions.some((k) => isMember.has(k))
      ? {
          ...m,
          author: as(m.author),
          ...(m.replyToAuthor ? { replyToAuthor: as(m.replyToAuthor) } : {}),
          mentions: [...new Set(m.mentions.map(as))].filter((k) => k !== as(m.author)),
        }
      : m,
  );
}
