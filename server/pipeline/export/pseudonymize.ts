/**
 * Pseudonymisation for sharing a graph outside the team: people become
 * "Participant 17", small communities merge, and every free-text string left
 * in the payload is cleaned of participants' names.
 *
 * - Numbers are ranks in the order of HMAC-SHA256(salt, key): the same graph
 *   and salt give the same numbers, and without the salt nobody holding a
 *   list of handles can recompute who is who (a plain hash would let them).
 *   Being ranks, they shift when people join the graph.
 * - Node attributes and meta are rebuilt field by field, so a field added to
 *   the payload later (a bio, a location) stays out until someone decides it
 *   is safe; only the options (settings) and counts (numbers) are copied.
 * - Communities smaller than k merge into one "other" community, numbered
 *   after the kept ones (which keep their order, 0 = largest). A small group
 *   can be identifying through its sector and region mix. People with no
 *   ties stay in no community (NO_COMMUNITY): merging them into "other"
 *   would make them a community again; their figures are made k-anonymous
 *   among themselves, as a community's are.
 * - Names are scrubbed against everyone the dataset knows (`knownPeople`:
 *   people opted out or outside the view included, since a chat named after
 *   someone outlives their node): any whole-word occurrence of a key, handle
 *   or display name (case ignored) in a chat name, session id or the dataset
 *   name becomes that participant's pseudonym, or "Participant" for someone
 *   not in the graph (a WhatsApp DM chat is named after the person).
 * - A chat named as a hashtag or channel (`#medlibsuk`) is the chat's public
 *   name and is kept even when an organiser's handle is the same word: the
 *   legend, caption and panels then all read "#medlibsuk", never
 *   "#Participant 34".
 * - Hashtags other than the chats' own that contain a handle or name (of 5
 *   letters or more: `#alicefanclub`), or are one, are dropped.
 * - The payload says nothing that joins it to the named data: no dataset id,
 *   positions from a layout of its own (the caller analyses with another
 *   seed), and figures made k-anonymous (k-anonymous.ts).
 */
import { createHmac } from 'node:crypto';
import { NO_COMMUNITY, type CommunitySummary, type GraphMeta, type GraphPayload, type NodeAttributes } from '../../../shared/index.js';
import { writeCaption } from '../caption.js';
import { kAnonymousNodes } from './k-anonymous.js';
import { hashtagMatcher, isPublicChatName, makeScrubber, nameVariants } from './name-scrubber.js';
import { DEFAULT_METRICS_OPTIONS, round } from '../metrics.js';
import { isLoose, looseReasons } from '../community/loose.js';

export interface PseudonymizeOptions {
  /** Communities with fewer members than this merge into one "other" community. */
  k: number;
  /** Secret that orders the numbering; keep it out of the shared files. */
  salt: string;
  /** Everyone the dataset knows, in the graph or not (opted out, filtered out): their names are scrubbed too. */
  knownPeople?: readonly KnownPerson[];
}

/** A person's key and the names they go by. */
export interface KnownPerson {
  key: string;
  handle?: string | undefined;
  name?: string | undefined;
}

export const DEFAULT_PSEUDONYMIZE_OPTIONS: Pick<PseudonymizeOptions, 'k'> = { k: 5 };

export const pseudonymLabel = (n: number) => `Participant ${n}`;

/** Counts → `[{value, count}]`, most first, ties by value (as metrics.ts ranks them). */
function ranked(counts: Map<string, number>, limit = Infinity): { value: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Weighted modularity (Newman 2004, "Analysis of weighted networks") with Louvain's resolution γ, for the merged partition. */
function modularityOf(payload: GraphPayload, communityOf: Map<string, number>, resolution: number): number {
  let total = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const { source, target, attributes } of payload.edges) {
    const [a, b, w] = [communityOf.get(source)!, communityOf.get(target)!, attributes.weight];
    total += w;
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + w);
    degree.set(a, (degree.get(a) ?? 0) + w);
    degree.set(b, (degree.get(b) ?? 0) + w);
  }
  if (total === 0) return 0;
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / total - resolution * (d / (2 * total)) ** 2;
  return round(q);
}

export function pseudonymize(payload: GraphPayload, options: Partial<PseudonymizeOptions> & { salt: string }): GraphPayload {
  const { k, salt } = { ...DEFAULT_PSEUDONYMIZE_OPTIONS, ...options };
  if (typeof salt !== 'string' || salt.length === 0) throw new Error('pseudonymize: a non-empty salt is required');
  if (!Number.isInteger(k) || k < 1) throw new Error(`pseudonymize: k must be a positive integer, got ${k}`);
  const meta = payload.attributes.meta;
  const topN = DEFAULT_METRICS_OPTIONS.topN;

  // Numbering by keyed hash, then new keys in the `platform:handle` shape the app's helpers expect.
  const digest = new Map(payload.nodes.map((n) => [n.key, createHmac('sha256', salt).update(n.key).digest('hex')]));
  const ordered = [...payload.nodes].sort((a, b) => compare(digest.get(a.key)!, digest.get(b.key)!) || compare(a.key, b.key));
  const number = new Map(ordered.map((n, i) => [n.key, i + 1]));
  const keyOf = (n: GraphPayload['nodes'][number]) => {
    const handle = `participant-${number.get(n.key)}`;
    return {
      key: n.attributes.platform ? `${n.attributes.platform}:${handle}` : handle,
      handle,
      label: pseudonymLabel(number.get(n.key)!),
    };
  };
  const pseudonym = new Map(payload.nodes.map((n) => [n.key, keyOf(n)]));

  // Every way a person is named → their pseudonym; a name two people share, or someone not in the graph → a bare "Participant".
  const replacements = new Map<string, string>();
  const addName = (name: string, label: string) => {
    const seen = replacements.get(name);
    replacements.set(name, seen === undefined || seen === label ? label : 'Participant');
  };
  for (const n of payload.nodes)
    for (const name of nameVariants(n.key, n.attributes.handle, n.attributes.label)) addName(name, pseudonym.get(n.key)!.label);
  for (const p of options.knownPeople ?? [])
    if (!pseudonym.has(p.key)) for (const name of nameVariants(p.key, p.handle, p.name)) addName(name, 'Participant');
  const scrubText = makeScrubber(replacements);
  // The chats' own names are public names (see above): kept whole.
  const chatNames = new Set([...meta.chats, ...meta.options.chats].map((c) => c.toLowerCase()));
  const scrub = (text: string) => (isPublicChatName(text, chatNames) ? text : scrubText(text));
  const namesSomeone = hashtagMatcher(replacements.keys());
  const keepHashtag = (tag: string) => chatNames.has(tag.toLowerCase()) || !namesSomeone(tag);

  // Communities: sizes counted from the nodes; those of k or more keep their order, the rest become "other".
  const sizes = new Map<number, number>();
  for (const n of payload.nodes) if (n.attributes.community !== NO_COMMUNITY) bump(sizes, n.attributes.community);
  const kept = [...sizes]
    .filter(([, size]) => size >= k)
    .map(([id]) => id)
    .sort((a, b) => a - b);
  const renumber = new Map(kept.map((id, i) => [id, i]));
  const other = kept.length;
  const hasOther = kept.length < sizes.size;
  const communityOf = (old: number) => (old === NO_COMMUNITY ? NO_COMMUNITY : (renumber.get(old) ?? other));
  const count = kept.length + (hasOther ? 1 : 0);
  const newCommunity = new Map(payload.nodes.map((n) => [n.key, communityOf(n.attributes.community)]));

  const named: GraphPayload['nodes'] = ordered.map((n) => {
    const a = n.attributes;
    const p = pseudonym.get(n.key)!;
    const attributes: NodeAttributes = {
      label: p.label,
      handle: p.handle,
      platform: a.platform,
      community: newCommunity.get(n.key)!,
      sector: a.sector,
      region: a.region,
      x: a.x,
      y: a.y,
      size: a.size,
      messages: a.messages,
      sessions: a.sessions,
      degree: a.degree,
      weightedDegree: a.weightedDegree,
      chats: a.chats.map(scrub),
      participation: a.participation,
      sectorsReached: a.sectorsReached,
      regionsReached: a.regionsReached,
      welcomes: a.welcomes,
    };
    return { key: p.key, attributes };
  });
  const nodes = kAnonymousNodes(named, k);
  const anonymous = new Map(ordered.map((n, i) => [n.key, nodes[i]!.attributes]));

  const edges: GraphPayload['edges'] = payload.edges
    .map(({ source, target, attributes: a }) => {
      const [s, t] = number.get(source)! < number.get(target)! ? [source, target] : [target, source];
      return {
        order: [number.get(s)!, number.get(t)!] as const,
        edge: {
          source: pseudonym.get(s)!.key,
          target: pseudonym.get(t)!.key,
          attributes: {
            weight: a.weight,
            reply: a.reply,
            mention: a.mention,
            coAnswer: a.coAnswer,
            coSession: a.coSession,
            repost: a.repost,
          },
        },
      };
    })
    .sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1])
    .map(({ edge }) => edge);

  const communities: CommunitySummary[] = Array.from({ length: count }, (_, id) => {
    const members = nodes.filter((n) => n.attributes.community === id);
    const sources = meta.communities.filter((c) => communityOf(c.id) === id);
    const hashtags = new Map<string, number>();
    const chats = new Map<string, number>();
    for (const c of sources) {
      for (const { tag, count: n } of c.topHashtags) if (keepHashtag(tag)) bump(hashtags, tag, n);
      for (const { chat, messages } of c.chats) bump(chats, scrub(chat), messages);
    }
    const sectors = new Map<string, number>();
    const regions = new Map<string, number>();
    for (const n of members) {
      bump(sectors, n.attributes.sector);
      bump(regions, n.attributes.region);
    }
    // Members are already in pseudonym order, so ties fall by number, not by the real handles.
    const top = [...members].sort((a, b) => b.attributes.weightedDegree - a.attributes.weightedDegree).slice(0, topN);
    return {
      id,
      size: members.length,
      topMembers: top.map((n) => ({ key: n.key, label: n.attributes.label, weightedDegree: n.attributes.weightedDegree })),
      // Merged from each community's own top list, so approximate for "other".
      topHashtags: ranked(hashtags, topN).map(({ value, count: n }) => ({ tag: value, count: n })),
      chats: ranked(chats).map(({ value, count: n }) => ({ chat: value, messages: n })),
      sectors: ranked(sectors),
      regions: ranked(regions),
      // No label, terms or sessions: written from what people said and who leads, they could name someone.
      terms: [],
      activeSessions: [],
    };
  });

  const merged = count !== sizes.size;
  const modularity = merged ? modularityOf(payload, newCommunity, meta.options.resolution) : meta.modularity;
  const out: GraphMeta = {
    payloadVersion: meta.payloadVersion,
    // No id: a pseudonymous share must not lead back to the named dataset.
    dataset: { id: '', name: scrub(meta.dataset.name), version: meta.dataset.version },
    // Only `chats` in the options is free text.
    options: { ...meta.options, chats: meta.options.chats.map(scrub) },
    counts: { ...meta.counts, communities: count },
    modularity,
    // Whether the split holds is about the whole view, and names no one; merging small communities can make
    // it hold (or leave one community, which is not loose), so it is judged again on what is shared.
    ...(meta.partition
      ? {
          partition: {
            ...meta.partition,
            loose: merged ? isLoose(looseReasons({ communities: count }, modularity, meta.partition.stability)) : meta.partition.loose,
          },
        }
      : {}),
    communities,
    sessions: meta.sessions.map((s) => ({
      // `chat@start`: the chat part as every other chat name, the time as it is.
      id: s.id.startsWith(`${s.chat}@`) ? `${scrub(s.chat)}${s.id.slice(s.chat.length)}` : scrub(s.id),
      chat: scrub(s.chat),
      start: s.start,
      end: s.end,
      messages: s.messages,
      participants: s.participants,
      questions: s.questions,
      firstTimers: s.firstTimers,
      firstTimersWelcomed: s.firstTimersWelcomed,
    })),
    chats: meta.chats.map(scrub),
    // Figures as on the (k-anonymous) nodes, never the exact ones.
    bridges: meta.bridges.flatMap((b) => {
      const p = pseudonym.get(b.key);
      const a = anonymous.get(b.key);
      return p && a
        ? [
            {
              ...b,
              key: p.key,
              label: p.label,
              participation: a.participation,
              sectorsReached: a.sectorsReached,
              regionsReached: a.regionsReached,
            },
          ]
        : [];
    }),
    welcomers: meta.welcomers.flatMap((w) => {
      const p = pseudonym.get(w.key);
      const a = anonymous.get(w.key);
      // Averaged over k alike, a welcomer's count can round to 0: then they are no longer listed as one.
      return p && a && a.welcomes > 0 ? [{ key: p.key, label: p.label, welcomes: a.welcomes }] : [];
    }),
    caption: '',
  };
  out.caption = writeCaption(out);
  return { attributes: { meta: out }, options: { ...payload.options }, nodes, edges };
}
