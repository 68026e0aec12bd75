/**
 * A peers answer from a view (peers-view): a person's people to meet, or a
 * whole community's (peers/community.ts), as the peers routes send it. The
 * same code answers in an analysis process (compute-peers) and, for an
 * in-memory store, in the route, so the two answer with the same bytes.
 */
import type { Peers } from '../../shared/index.js';
import { suggestPeersFor } from '../pipeline/peers.js';
import { communityAsPerson } from '../pipeline/peers/community.js';
import type { PeersView } from './peers-view.js';

/** Whose peers (a person's key or a community's number) and the route's filters. */
export interface PeersAsk {
  person?: string;
  community?: number;
  sector?: string;
  region?: string;
  limit: number;
}

/** The answer, or what the view does not hold (the route's 404, worded the same wherever it was found). */
export type PeersOutcome = { answer: Peers } | { notFound: string };

export async function answerPeers(view: PeersView, datasetId: string, ask: PeersAsk): Promise<PeersOutcome> {
  const { sector, region, limit } = ask;
  const filters = { limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) };
  if (ask.community === undefined) {
    const key = ask.person ?? '';
    const me = view.payload.nodes.find((n) => n.key === key);
    if (!me) return { notFound: `person ${key} in this view of dataset ${datasetId}` };
    const [topics, sectorEvidence] = await Promise.all([view.topics(), view.sectorEvidence()]);
    const suggestions = suggestPeersFor(key, view.payload, view.messages, filters, { topics, sectorEvidence });
    return { answer: { person: key, sector: me.attributes.sector, region: me.attributes.region, ...suggestions } };
  }
  const { community } = ask;
  const whole = communityAsPerson(view.payload, view.messages, community);
  if (!whole) return { notFound: `community ${community + 1} in this view of dataset ${datasetId}` };
  // The members' words as one person's: weighed against everyone else's, as a person's are.
  const members = view.payload.nodes.filter((n) => n.attributes.community === community).map((n) => n.key);
  const [topics, sectorEvidence] = await Promise.all([view.topics({ key: whole.key, members }), view.sectorEvidence()]);
  const suggestions = suggestPeersFor(whole.key, whole.payload, whole.messages, filters, { topics, sectorEvidence });
  const me = whole.payload.nodes.find((n) => n.key === whole.key)!.attributes;
  const note = communityNote(community, me, whole);
  return { answer: { person: whole.key, sector: me.sector, region: me.region, ...suggestions, ...(note ? { note } : {}) } };
}

/** What "beyond" means for a community, and when part of it cannot be judged. */
function communityNote(
  community: number,
  me: { sector: string; region: string },
  whole: { sectorShare: number; regionShare: number },
): string | undefined {
  const name = `Community ${community + 1}`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const parts = [
    me.sector === 'unknown' ? undefined : `${pct(whole.sectorShare)} of its members with a known sector are in ${me.sector}`,
    me.region === 'unknown' ? undefined : `${pct(whole.regionShare)} of those with a known region are in ${me.region}`,
  ].filter(Boolean);
  if (parts.length === 0) return `No one in ${name} has a known sector or region, so no one can be placed beyond it yet.`;
  return `${name} as a whole: ${parts.join(', ')}; "you" in the reasons means its members.`;
}
