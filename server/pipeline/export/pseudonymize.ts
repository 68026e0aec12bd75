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
 *   can be identifying through its sector and region mix.
 * - Chat names, session ids, hashtags and the dataset name are scrubbed:
 *   any whole-word occurrence of a participant's key, handle or label (case
 *   ignored) becomes that participant's pseudonym (a WhatsApp DM chat is named
 *   after the person; an organiser's handle is often the chat's hashtag).
 *   Hashtags that mention someone are dropped rather than rewritten.
 */
import { createHmac } from 'node:crypto';
import { handleOf, type CommunitySummary, type GraphMeta, type GraphPayload, type NodeAttributes } from '../../../shared/index.js';
import { writeCaption } from '../caption.js';
import { DEFAULT_METRICS_OPTIONS, round } from '../metrics.js';

export interface PseudonymizeOptions {
  /** Communities with fewer members than this merge into one "other" community. */
  k: number;
  /** Secret that orders the numbering; keep it out of the shared files. */
  salt: string;
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

const WORD = /[\p{L}\p{N}_]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/** The run of word characters starting at `i`, or the single code unit there. */
function chunkAt(text: string, i: number): string {
  if (!isWord(text[i])) return text.slice(i, i + 1);
  let j = i + 1;
  while (isWord(text[j])) j++;
  return text.slice(i, j);
}

/**
 * Whole-word, case-insensitive replacement of many names at once. A regular
 * expression alternating thousands of names takes seconds per string; this
 * walks the text chunk by chunk (every word start and every other character)
 * and tries only the names whose first chunk is the one there.
 */
function makeScrubber(replacements: Map<string, string>): (text: string) => string {
  const byChunk = new Map<string, string[]>();
  for (const name of [...replacements.keys()].sort((a, b) => b.length - a.length)) {
    const first = chunkAt(name, 0);
    byChunk.set(first, [...(byChunk.get(first) ?? []), name]);
  }
  const memo = new Map<string, string>();
  return (original) => {
    const hit = memo.get(original);
    if (hit !== undefined) return hit;
    // Lower-casing can change a string's length (İ); the result is then lower-cased too, which only loses case.
    const lower = original.toLowerCase();
    const text = lower.length === original.length ? original : lower;
    const endsWord = (name: string, end: number) => !isWord(lower[end]) || !isWord(name[name.length - 1]);
    let out = '';
    for (let i = 0; i < text.length; ) {
      const chunk = chunkAt(lower, i);
      const name = byChunk.get(chunk)?.find((n) => lower.startsWith(n, i) && endsWord(n, i + n.length));
      out += name ? replacements.get(name)! : text.slice(i, i + chunk.length);
      i += name ? name.length : chunk.length;
    }
    memo.set(original, out);
    return out;
  };
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
    return { key: n.attributes.platform ? `${n.attributes.platform}:${handle}` : handle, handle, label: pseudonymLabel(number.get(n.key)!) };
  };
  const pseudonym = new Map(payload.nodes.map((n) => [n.key, keyOf(n)]));

  // Every way a person is named → their pseudonym; a name two people share → a bare "Participant".
  const replacements = new Map<string, string>();
  for (const n of payload.nodes) {
    const label = pseudonym.get(n.key)!.label;
    const handle = handleOf(n.key);
    // A Mastodon handle's local part (`ann` of `ann@glammr.us`) is how people write it.
    for (const name of [n.key, handle, handle.split('@')[0]!, n.attributes.handle, n.attributes.label]) {
      const lower = name.toLowerCase();
      if (!lower) continue;
      const seen = replacements.get(lower);
      replacements.set(lower, seen === undefined || seen === label ? label : 'Participant');
    }
  }
  const scrub = makeScrubber(replacements);

  // Communities: sizes counted from the nodes; those of k or more keep their order, the rest become "other".
  const sizes = new Map<number, number>();
  for (const n of payload.nodes) bump(sizes, n.attributes.community);
  const kept = [...sizes].filter(([, size]) => size >= k).map(([id]) => id).sort((a, b) => a - b);
  const renumber = new Map(kept.map((id, i) => [id, i]));
  const other = kept.length;
  const hasOther = kept.length < sizes.size;
  const communityOf = (old: number) => renumber.get(old) ?? other;
  const count = kept.length + (hasOther ? 1 : 0);
  const newCommunity = new Map(payload.nodes.map((n) => [n.key, communityOf(n.attributes.community)]));

  const nodes: GraphPayload['nodes'] = ordered.map((n) => {
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

  const edges: GraphPayload['edges'] = payload.edges
    .map(({ source, target, attributes: a }) => {
      const [s, t] = number.get(source)! < number.get(target)! ? [source, target] : [target, source];
      return {
        order: [number.get(s)!, number.get(t)!] as const,
        edge: { source: pseudonym.get(s)!.key, target: pseudonym.get(t)!.key, attributes: { weight: a.weight, reply: a.reply, mention: a.mention, coAnswer: a.coAnswer, coSession: a.coSession, repost: a.repost } },
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
      for (const { tag, count: n } of c.topHashtags) if (scrub(tag) === tag) bump(hashtags, tag, n);
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
    };
  });

  const merged = count !== sizes.size;
  const out: GraphMeta = {
    payloadVersion: meta.payloadVersion,
    dataset: { id: meta.dataset.id, name: scrub(meta.dataset.name), version: meta.dataset.version },
    // Only `chats` in the options is free text.
    options: { ...meta.options, chats: meta.options.chats.map(scrub) },
    counts: { ...meta.counts, communities: count },
    modularity: merged ? modularityOf(payload, newCommunity, meta.options.resolution) : meta.modularity,
    communities,
    sessions: meta.sessions.map((s) => ({
      id: scrub(s.id),
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
    bridges: meta.bridges.flatMap((b) => {
      const p = pseudonym.get(b.key);
      return p ? [{ ...b, key: p.key, label: p.label }] : [];
    }),
    welcomers: meta.welcomers.flatMap((w) => {
      const p = pseudonym.get(w.key);
      return p ? [{ key: p.key, label: p.label, welcomes: w.welcomes }] : [];
    }),
    caption: '',
  };
  out.caption = writeCaption(out);
  return { attributes: { meta: out }, options: { ...payload.options }, nodes, edges };
}
