/**
 * Peers beyond your context, across the whole atlas: anyone in the dataset
 * whose known sector or known region differs from the person's own known one
 * (peers/known-context.ts; unknown is never a difference) and who is worth
 * meeting: they share something with the person, a topic both wrote about
 * (words.ts, above a floor), a tie, a session or question, or a contact in
 * common (peers/relevance.ts). A difference of context alone qualifies no one:
 * a hashtag's one-post follow-bait account in another country is not a peer.
 * Those who qualify are ranked by the topics, how reachable they are through
 * people both talk with (Adamic & Adar 2003, "Friends and neighbors on the
 * Web"), a shared sector or region (a peer in the same job elsewhere, or
 * another kind of library nearby), how much they wrote, and chats the person
 * has not joined; people one already talks with count less. The list is then
 * spread across communities, sectors and regions (peers/select.ts), at least
 * half from outside the person's community when there are such people; it is
 * shorter than asked when fewer qualify, never padded. Each suggestion says
 * why, links their profile and what they said.
 */
import type { GraphPayload, Message, Peer, Peers } from '../../shared/index.js';
import { round } from './metrics.js';
import { beyondThrough, knownFields, sharedFields, unknownNote } from './peers/known-context.js';
import { profileUrl, saidIn } from './peers/reach.js';
import { peerReasons, sharedSittings } from './peers/reasons.js';
import { DEFAULT_RELEVANCE_OPTIONS, commonContact, isRelevant, type RelevanceOptions } from './peers/relevance.js';
import { selectDiverse, type Candidate } from './peers/select.js';
import { adjacency, chatAccounts, talkCounts } from './peers/ties.js';
import { personTopics, sharedTopics, type TopicOptions, type Topics } from './words.js';

export interface PeerOptions {
  /** Only peers in this sector / region. */
  sector?: string;
  region?: string;
  limit: number;
  /** Weights of the relevance signals, each read on 0..1; `alreadyTalk` is taken off for a peer one already talks with. */
  weights: { topics: number; reach: number; fit: number; activity: number; newChat: number; alreadyTalk: number };
  /** Weight of relevance against diversity in the spread (1 = relevance alone). */
  lambda: number;
  topics: Partial<TopicOptions>;
  /** What makes someone worth suggesting at all (peers/relevance.ts). */
  relevance: RelevanceOptions;
}

export const DEFAULT_PEER_OPTIONS: PeerOptions = {
  limit: 10,
  weights: { topics: 0.4, reach: 0.15, fit: 0.15, activity: 0.1, newChat: 0.2, alreadyTalk: 0.15 },
  lambda: 0.75,
  topics: {},
  relevance: DEFAULT_RELEVANCE_OPTIONS,
};

export const PEER_RANKING =
  'Only people who share something with you: a topic you both wrote about, a conversation, a session or question, or someone you both talk with. ' +
  'Ranked by topics you both wrote about (phrases weighted so that words everyone uses count little), people you both talk with, ' +
  'a sector or region you share, how much they wrote, and chats you have not joined; people you already talk with count less. ' +
  'The list is spread across communities, sectors and regions, and at least half come from outside your own community when there are such people.';

type Suggestions = Omit<Peers, 'person' | 'sector' | 'region'>;

export interface PeerPrecomputed {
  /** personTopics of these same messages, when the caller keeps them between requests. */
  topics?: Topics;
  /** A person's sector evidence (the context inference's, or an edit's), so reasons say the sector as truthfully as it allows. */
  sectorEvidence?: (key: string) => string | undefined;
}

export function suggestPeersFor(
  key: string,
  payload: GraphPayload,
  messages: readonly Message[],
  input: Partial<PeerOptions> = {},
  precomputed: PeerPrecomputed = {},
): Suggestions {
  const options = {
    ...DEFAULT_PEER_OPTIONS,
    ...input,
    weights: { ...DEFAULT_PEER_OPTIONS.weights, ...input.weights },
    relevance: { ...DEFAULT_PEER_OPTIONS.relevance, ...input.relevance },
  };
  if (!(options.limit >= 1) || !(options.lambda >= 0 && options.lambda <= 1)) throw new Error('peers: limit ≥ 1 and 0 ≤ lambda ≤ 1');
  const nodes = new Map(payload.nodes.map((n) => [n.key, n.attributes]));
  const me = nodes.get(key);
  if (!me) return { peers: [] };
  const known = knownFields(me);
  const note = unknownNote(me);
  const head = { known, ...(note ? { note } : {}), ranking: PEER_RANKING, community: me.community };
  const neighbours = adjacency(payload);
  const hosts = chatAccounts(payload, messages);
  const mine = neighbours.get(key) ?? new Set<string>();
  // Adamic–Adar over the person's contacts: a contact with few ties says more than one who talks with everyone.
  const adamicAdar = new Map<string, number>();
  const common = new Map<string, number>();
  for (const z of mine) {
    if (hosts.has(z)) continue;
    for (const other of neighbours.get(z) ?? []) {
      adamicAdar.set(other, (adamicAdar.get(other) ?? 0) + 1 / Math.log(Math.max(2, neighbours.get(z)!.size)));
      common.set(other, (common.get(other) ?? 0) + 1);
    }
  }
  const said = messages.filter((m) => nodes.has(m.author));
  const topics = precomputed.topics ?? personTopics(said, options.topics);
  const myTopics = topics.people.get(key);
  const maxMessages = Math.max(1, ...payload.nodes.map((n) => n.attributes.messages));
  // A participant's name ("craig berg") is someone both mention, not a topic.
  const names = new Set(payload.nodes.flatMap((n) => [n.attributes.label.toLowerCase(), n.attributes.handle.toLowerCase()]));
  const named = (t: string) => !names.has((topics.surface.get(t) ?? t).toLowerCase());

  let beyond = 0;
  const scored: (Candidate & { through: ReturnType<typeof beyondThrough>; similarity: number; topics: string[] })[] = [];
  for (const [other, a] of nodes) {
    if (other === key || hosts.has(other)) continue;
    const through = beyondThrough(me, a);
    if (through.length === 0) continue; // beyond only through something known
    if (options.sector && a.sector !== options.sector) continue;
    if (options.region && a.region !== options.region) continue;
    beyond++;
    const shared = sharedTopics(myTopics, topics.people.get(other), 2);
    const sharedNamed = shared.topics.filter(named);
    const signals = { tie: mine.has(other), commonContacts: common.get(other) ?? 0, topics: sharedNamed, similarity: shared.similarity };
    if (!isRelevant(signals, options.relevance)) continue; // a different context alone is no reason to meet
    scored.push({
      key: other,
      relevance: 0,
      community: a.community,
      sector: a.sector,
      region: a.region,
      chats: a.chats,
      inside: me.community >= 0 && a.community === me.community,
      through,
      similarity: shared.similarity,
      topics: sharedNamed,
    });
  }
  const maxSimilarity = Math.max(1e-9, ...scored.map((c) => c.similarity));
  const w = options.weights;
  for (const c of scored) {
    const a = nodes.get(c.key)!;
    const aa = adamicAdar.get(c.key) ?? 0;
    c.relevance =
      w.topics * (c.similarity / maxSimilarity) +
      w.reach * (aa / (aa + 1)) +
      w.fit * (sharedFields(me, a).length > 0 ? 1 : 0.5) +
      w.activity * (Math.log1p(a.messages) / Math.log1p(maxMessages)) +
      w.newChat * (a.chats.some((ch) => !me.chats.includes(ch)) ? 1 : 0) -
      w.alreadyTalk * (mine.has(c.key) ? 1 : 0);
  }
  const picked = selectDiverse(scored, options.limit, options.lambda);

  const talk = talkCounts(said);
  const byId = new Map(said.map((m) => [m.id, m]));
  const edges = new Map(
    payload.edges.filter((e) => e.source === key || e.target === key).map((e) => [e.source === key ? e.target : e.source, e.attributes]),
  );
  let sittings: ReturnType<typeof sharedSittings> | undefined;
  const sat = () => (sittings ??= sharedSittings(said, key, payload.attributes.meta.options));
  const evidence = precomputed.sectorEvidence ?? (() => undefined);
  const meSaid = { ...me, sectorEvidence: evidence(key) };
  const peers: Peer[] = picked.map(({ pick: c, score }) => {
    const a = nodes.get(c.key)!;
    const tie = edges.get(c.key);
    let connector: { label: string; mine: number; theirs: number } | undefined;
    // The go-between both talk with most, a contact of few ties preferred (as Adamic–Adar weighs them).
    let best = 0;
    for (const z of mine) {
      const [m, t] = [talk.get(key)?.get(z) ?? 0, talk.get(c.key)?.get(z) ?? 0];
      const strength = Math.min(m, t) / Math.log(Math.max(2, neighbours.get(z)?.size ?? 2));
      if (m > 0 && t > 0 && !hosts.has(z) && strength > best)
        [best, connector] = [strength, { label: nodes.get(z)?.label ?? z, mine: m, theirs: t }];
    }
    const answer = (tie?.coAnswer ?? 0) > 0 ? sat().answers.get(c.key) : undefined;
    const session = (tie?.coSession ?? 0) > 0 ? sat().sessions.get(c.key) : undefined;
    const contact = commonContact(mine, neighbours.get(c.key), neighbours, hosts);
    const surface = c.topics.map((t) => topics.surface.get(t) ?? t);
    const theirUses = topics.people.get(c.key)?.uses;
    const saidThere = c.topics.flatMap((t, i) =>
      saidIn((theirUses?.get(t) ?? []).slice(-2), byId, 2).map((s) => ({ ...s, topic: surface[i]! })),
    );
    const url = profileUrl(c.key, a.handle);
    return {
      key: c.key,
      label: a.label,
      sector: a.sector,
      region: a.region,
      score: round(score),
      reasons: peerReasons({
        label: a.label,
        me: meSaid,
        them: { ...a, sectorEvidence: evidence(c.key) },
        topics: surface,
        answer,
        moreAnswers: Math.max(0, (tie?.coAnswer ?? 0) - 1),
        connector,
        talked: talk.get(key)?.get(c.key) ?? 0,
        session,
        moreSessions: Math.max(0, (tie?.coSession ?? 0) - 1),
        commonContact: contact ? { label: nodes.get(contact.key)?.label ?? contact.key, others: contact.others } : undefined,
        newChats: a.chats.filter((ch) => !me.chats.includes(ch)),
      }),
      handle: a.handle,
      platform: a.platform,
      ...(url ? { profileUrl: url } : {}),
      beyond: c.through,
      community: a.community,
      sameCommunity: c.inside,
      alreadyTalk: mine.has(c.key),
      chats: a.chats,
      topics: surface,
      said: saidThere.slice(0, 3),
    };
  });
  return {
    ...head,
    peers,
    candidates: { beyond, relevant: scored.length, outsideCommunity: scored.filter((c) => !c.inside).length },
  };
}

/** The suggestions alone (see suggestPeersFor for the whole answer). */
export function suggestPeers(key: string, payload: GraphPayload, messages: readonly Message[], input: Partial<PeerOptions> = {}): Peer[] {
  return suggestPeersFor(key, payload, messages, input).peers;
}
