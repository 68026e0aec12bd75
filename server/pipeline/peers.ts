/**
 * Peers beyond your context: people in another sector or another region —
 * never the same in both — ranked by how close they already are: questions
 * answered together and sessions shared, common neighbours weighted à la
 * Adamic & Adar (2003, "Friends and neighbors on the Web"), chats in common,
 * and words both use. Every suggestion says why, in sentences.
 */
import type { GraphPayload, Message, Peer } from '../../shared/index.js';
import { round } from './metrics.js';
import { splitSessions } from './sessions.js';
import { sharedTerms, termVectors } from './words.js';

export interface PeerOptions {
  /** Only peers in this sector / region. */
  sector?: string;
  region?: string;
  limit: number;
  /** Weights of the closeness signals. */
  weights: { coAnswer: number; coSession: number; adamicAdar: number; sharedChats: number; words: number };
}

export const DEFAULT_PEER_OPTIONS: PeerOptions = {
  limit: 10,
  weights: { coAnswer: 2, coSession: 1, adamicAdar: 1.5, sharedChats: 0.5, words: 3 },
};

const SECTOR_WORDS: Record<string, string> = {
  academic: 'academic libraries', public: 'public libraries', school: 'school libraries', health: 'health libraries', law: 'law libraries',
  government: 'government libraries', national: 'a national library', special: 'special libraries', archives: 'archives',
  education: 'LIS education', vendor: 'a library vendor',
};

const dateText = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The first session and question both people answered, for a reason people can check. */
function sharedAnswer(messages: readonly Message[], a: string, b: string): string | undefined {
  const mine = messages.filter((m) => (m.author === a || m.author === b) && m.answer !== undefined);
  const sessions = splitSessions(mine);
  for (const s of sessions) {
    const by = new Map<number, Set<string>>();
    for (const i of s.members) {
      const m = mine[i]!;
      by.set(m.answer!, (by.get(m.answer!) ?? new Set()).add(m.author));
    }
    const q = [...by].find(([, who]) => who.size === 2)?.[0];
    if (q !== undefined) return `you both answered Q${q} in ${s.chat} on ${dateText(s.start)}`;
  }
  return undefined;
}

function contextText(sector: string, region: string): string {
  const s = SECTOR_WORDS[sector];
  const r = region === 'unknown' ? undefined : region;
  return s && r ? `works in ${s} (${r})` : s ? `works in ${s}` : r ? `is in ${r}` : '';
}

export function suggestPeers(key: string, payload: GraphPayload, messages: readonly Message[], input: Partial<PeerOptions> = {}): Peer[] {
  const options = { ...DEFAULT_PEER_OPTIONS, ...input, weights: { ...DEFAULT_PEER_OPTIONS.weights, ...input.weights } };
  const nodes = new Map(payload.nodes.map((n) => [n.key, n.attributes]));
  const me = nodes.get(key);
  if (!me) return [];
  const neighbours = new Map<string, Map<string, (typeof payload.edges)[number]['attributes']>>();
  for (const e of payload.edges) {
    if (!neighbours.has(e.source)) neighbours.set(e.source, new Map());
    if (!neighbours.has(e.target)) neighbours.set(e.target, new Map());
    neighbours.get(e.source)!.set(e.target, e.attributes);
    neighbours.get(e.target)!.set(e.source, e.attributes);
  }
  const mine = neighbours.get(key) ?? new Map();
  const vectors = termVectors(messages.filter((m) => m.author === key || nodes.has(m.author)));
  const w = options.weights;

  const peers: Peer[] = [];
  for (const [other, a] of nodes) {
    if (other === key) continue;
    if (a.sector === me.sector && a.region === me.region) continue; // never the same context in both
    if (options.sector && a.sector !== options.sector) continue;
    if (options.region && a.region !== options.region) continue;
    const tie = mine.get(other);
    const common = [...(neighbours.get(other)?.keys() ?? [])].filter((z) => mine.has(z));
    const adamicAdar = common.reduce((s, z) => s + 1 / Math.log(Math.max(2, neighbours.get(z)!.size)), 0);
    const chats = a.chats.filter((c) => me.chats.includes(c));
    const words = sharedTerms(vectors.get(key), vectors.get(other));
    const score =
      w.coAnswer * (tie?.coAnswer ?? 0) + w.coSession * (tie?.coSession ?? 0) + w.adamicAdar * adamicAdar + w.sharedChats * chats.length + w.words * words.similarity;
    if (score <= 0) continue;

    const reasons: string[] = [];
    if ((tie?.coAnswer ?? 0) > 0) {
      const example = sharedAnswer(messages, key, other);
      reasons.push(example ? `${example}${tie!.coAnswer > 1 ? ` (and ${tie!.coAnswer - 1} more question${tie!.coAnswer > 2 ? 's' : ''})` : ''}` : `you both answered ${tie!.coAnswer} of the same questions`);
    } else if ((tie?.coSession ?? 0) > 0) reasons.push(`you were in ${tie!.coSession} session${tie!.coSession > 1 ? 's' : ''} together`);
    if (common.length > 0) reasons.push(`${common.length} ${common.length === 1 ? 'person you talk with talks' : 'people you talk with talk'} with them`);
    if (chats.length > 0 && !reasons.some((r) => r.includes(' in #'))) reasons.push(`you both take part in ${chats.slice(0, 3).join(' and ')}`);
    if (words.terms.length > 0) reasons.push(`you both write about ${words.terms.join(' and ')}`);
    const context = contextText(a.sector, a.region);
    if (context) reasons.push(`${a.label} ${context}`);
    peers.push({ key: other, label: a.label, sector: a.sector, region: a.region, score: round(score), reasons });
  }
  return peers.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : 1)).slice(0, options.limit);
}
