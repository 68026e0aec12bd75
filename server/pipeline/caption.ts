/**
 * A plain-language caption of a graph view (like NodeXL's graph summary, but
 * about contexts): how many people, chats, sessions and ties; how many have
 * no ties (in no community: on a hashtag chat often most people, who posted
 * once or only retweeted); the largest communities by their labels
 * (community/label.ts), or, when the split is weak or unstable, that the view
 * is one community with loose corners (community/loose.ts); who bridges most.
 */
import type { CommunitySummary, GraphMeta } from '../../shared/index.js';
import { SECTOR_WORDS } from './community/label.js';
import { LOOSE_THRESHOLDS, looseReasons } from './community/loose.js';

const n = (x: number) => x.toLocaleString('en-GB');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** "mostly #medlibsuk, health, GB": the chat, sector and region that hold over 40% of a community (payloads before labels). */
function dominates(c: CommunitySummary): string {
  const parts: string[] = [];
  const total = c.chats.reduce((s, x) => s + x.messages, 0);
  const chat = c.chats[0];
  if (chat && chat.messages / Math.max(1, total) >= 0.4) parts.push(chat.chat);
  const sector = c.sectors.find((s) => s.value !== 'unknown');
  if (sector && sector.count / c.size >= 0.4) parts.push(SECTOR_WORDS[sector.value] ?? sector.value);
  const region = c.regions.find((r) => r.value !== 'unknown');
  if (region && region.count / c.size >= 0.4) parts.push(region.value);
  return parts.length ? `mostly ${parts.join(', ')}` : 'mixed';
}

/** The sentence on people with no ties: set apart, left out (`hidden`), or everyone. */
function isolatedSentence(isolated: number, nodes: number, hidden: boolean): string | undefined {
  if (isolated === 0) return undefined;
  const people = plural(isolated, 'person', 'people');
  const are = isolated === 1 ? 'is' : 'are';
  if (hidden) return `${people} with no ties ${are} left out.`;
  if (isolated === nodes) return `No one has a tie, so there are no communities.`;
  return `${people} with no ties ${are} set apart, in no community.`;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Communities not worth listing: "one community with loose corners", and why
 * (modularity, stability), with the thresholds, so a reader can judge.
 */
function looseSentence(meta: Pick<GraphMeta, 'counts' | 'modularity' | 'partition'>): string | undefined {
  const stability = meta.partition?.stability;
  if (!meta.partition?.loose) return undefined;
  const reasons = looseReasons(meta.counts, meta.modularity, stability);
  const why = [
    reasons.lowModularity
      ? `the split is weak (modularity ${meta.modularity.toFixed(2)}, under ${LOOSE_THRESHOLDS.minModularity})`
      : undefined,
    reasons.unstable && stability !== undefined
      ? `it changes with the seed (under other seeds the groups are ${percent(stability)} alike, under ${percent(LOOSE_THRESHOLDS.minStability)})`
      : undefined,
  ].filter(Boolean);
  if (why.length === 0) return undefined; // a partition called loose for reasons that no longer hold (a merged share)
  const people = meta.counts.nodes - (meta.counts.isolated ?? 0);
  return `The ${plural(people, 'person', 'people')} with ties read as one community with loose corners: Louvain splits them into ${meta.counts.communities} groups, but ${why.join(' and ')}: the groups shown are corners of it, not communities apart, and the caption names none.`;
}

export function writeCaption(meta: Pick<GraphMeta, 'counts' | 'communities' | 'bridges' | 'options' | 'modularity' | 'partition'>): string {
  const { counts } = meta;
  const sentences = [
    `${plural(counts.nodes, 'person', 'people')} in ${plural(counts.chats, 'chat')} (${plural(counts.sessions, 'session')}, ${plural(counts.messages, 'message')}) with ${plural(counts.edges, 'tie')}.`,
  ];
  // `?? 0` and `=== 'hide'`: a payload stored before people without ties were set apart has neither.
  const alone = isolatedSentence(counts.isolated ?? 0, counts.nodes, meta.options?.isolated === 'hide');
  if (alone) sentences.push(alone);
  // Communities of one or two (a connected pair; one at a high resolution) say nothing worth a caption.
  const big = meta.communities.filter((c) => c.size >= 3).slice(0, 3);
  const loose = looseSentence(meta);
  if (loose) sentences.push(loose);
  else if (big.length) {
    sentences.push(`Largest communities: ${big.map((c) => `${c.id + 1} (${c.size} people, ${c.label ?? dominates(c)})`).join('; ')}.`);
    const { runs, stability } = meta.partition ?? {};
    if (runs && stability !== undefined)
      sentences.push(`Under ${plural(runs, 'other seed')} the communities are ${percent(stability)} alike.`);
  }
  // Bridging between groups that are not there says nothing.
  const bridges = loose ? [] : meta.bridges.filter((b) => b.participation > 0).slice(0, 3);
  if (bridges.length) {
    sentences.push(
      `Bridging most: ${bridges
        .map(
          (b) =>
            `${b.label} (ties into ${plural(b.communitiesReached, 'community', 'communities')}${b.sectorsReached > 1 ? `, ${b.sectorsReached} sectors` : ''}${b.regionsReached > 1 ? `, ${b.regionsReached} regions` : ''})`,
        )
        .join(', ')}.`,
    );
  }
  return sentences.join(' ');
}
