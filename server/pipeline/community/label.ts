/**
 * A community's short name, from what sets it apart: its chat (when the view
 * has several), its two most distinctive terms, its sector and region when
 * they are its own, and its busiest period when that is its own and the
 * chat's name does not say it already — "#critlib · zines, instruction ·
 * April 2015". Only what is distinctive goes in, so a label says how this
 * community differs from the others; where two would still read the same,
 * more terms, then the best-connected member, tell them apart.
 */
import { isNamedTopic } from '../words.js';
import type { ActivePeriod } from './period.js';
import type { DistinctiveTerm } from './terms.js';

/** Sector ids as a sentence says them. */
export const SECTOR_WORDS: Record<string, string> = {
  academic: 'academic',
  public: 'public',
  school: 'school',
  health: 'health',
  law: 'law',
  government: 'government',
  national: 'national',
  special: 'special',
  archives: 'archives',
  education: 'LIS education',
  vendor: 'vendor',
};

/**
 * When a part is the community's own. A chat: it holds `chatShare` of the
 * community's messages. A sector or region: it holds `mixShare` of the
 * members whose sector or region is known, and that share is `mixLift` times
 * its share in the whole view. A period: `periodShare` of the community's
 * messages, `periodLift` times the view's share then.
 */
/**
 * Messages before 1971 are undated, not old: a Zoom chat saved with times of day only and no file date is read as
 * 1 January 1970 (read-transcript warns so). Its period would say "1 Jan 1970"; the label leaves it out.
 */
const DATED = Date.UTC(1971, 0, 1);

export const LABEL_THRESHOLDS = { chatShare: 0.4, mixShare: 0.5, mixLift: 1.5, periodShare: 0.3, periodLift: 1.5 };

export interface LabelFacts {
  id: number;
  /** Its members. */
  size: number;
  /** The community's messages per chat, most first. */
  chats: { chat: string; messages: number }[];
  terms: DistinctiveTerm[];
  sectors: { value: string; count: number }[];
  regions: { value: string; count: number }[];
  period: ActivePeriod | undefined;
  topMember: string | undefined;
}

export interface ViewFacts {
  /** Chats in the view. */
  chats: number;
  /** Everyone's sector and region counts in the view (people with and without ties). */
  sectors: Map<string, number>;
  regions: Map<string, number>;
}

/** A label's chat part is cut (at a word) past this many characters: the canvas draws it among the people. */
export const MAX_LABEL_CHAT_CHARS = 32;

/** A chat as a label says it: a long name (a Teams topic, a WhatsApp group) cut at a word, with an ellipsis. */
export function labelChat(chat: string): string {
  if (chat.length <= MAX_LABEL_CHAT_CHARS) return chat;
  const cut = chat.slice(0, MAX_LABEL_CHAT_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= MAX_LABEL_CHAT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const MONTH_WORDS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Whether a chat's name already says when: a chat named by its day (chat-name.ts: "zoom chat 14 mar 2024")
 * inside the period. Its label then says the day once ("zoom chat 14 mar 2024", not "… · 14 Mar 2024").
 */
function placesIn(chat: string, period: ActivePeriod): boolean {
  const day = /\b(\d{1,2}) ([a-z]{3}) (\d{4})\b/.exec(chat);
  const month = day ? MONTH_WORDS.indexOf(day[2]!) : -1;
  if (!day || month === -1) return false;
  const t = Date.UTC(Number(day[3]), month, Number(day[1]));
  return t >= Date.parse(period.start) && t < Date.parse(period.end);
}

/** The value of a mix that is the community's own, if any. */
function ownValue(mix: LabelFacts['sectors'], view: Map<string, number>): string | undefined {
  const known = mix.filter((x) => x.value !== 'unknown');
  const total = known.reduce((s, x) => s + x.count, 0);
  const top = known[0];
  if (!top || total === 0) return undefined;
  let viewKnown = 0;
  for (const [value, n] of view) if (value !== 'unknown') viewKnown += n;
  const share = top.count / total;
  const viewShare = (view.get(top.value) ?? 0) / Math.max(1, viewKnown);
  return share >= LABEL_THRESHOLDS.mixShare && share >= LABEL_THRESHOLDS.mixLift * viewShare ? top.value : undefined;
}

/** The same plural rule as phrase keys (words.ts), so "zines" reads as the vocabulary's "zine". */
const keyOf = (term: string) =>
  term
    .toLowerCase()
    .split(' ')
    .map((w) => (w.length > 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');

/** A label's parts, in its order; `joinParts` says them as the label does ("chat · terms · mix · period"). */
export interface LabelParts {
  /** The community's chat, when the view has several and it holds most of its messages (cut: labelChat). */
  chat?: string;
  /** Its terms, named topics first (isNamedTopic: phrases, hashtags, the LIS vocabulary), then lone words. */
  terms: { term: string; named: boolean }[];
  /** Its own sector and region ("school, US"). */
  mix?: string;
  /** Its own period ("April 2015"). */
  period?: string;
}

/**
 * Terms for a label: named topics (phrases, hashtags, the LIS vocabulary) before lone words, each group in
 * its order of distinctiveness. A lone word that ranks high is often an adjective of the chat ("available",
 * "higher") that no stop list foresaw; a phrase or a hashtag is what people name a topic by.
 */
function labelTerms(terms: readonly DistinctiveTerm[], count: number): LabelParts['terms'] {
  const named = terms.filter((t) => isNamedTopic(keyOf(t.term))).map((t) => ({ term: t.term, named: true }));
  const lone = terms.filter((t) => !isNamedTopic(keyOf(t.term))).map((t) => ({ term: t.term, named: false }));
  return [...named, ...lone].slice(0, count);
}

export function labelParts(c: LabelFacts, view: ViewFacts, termCount: number): LabelParts {
  const total = c.chats.reduce((s, x) => s + x.messages, 0);
  const main = c.chats[0];
  const chat = view.chats > 1 && main && main.messages >= LABEL_THRESHOLDS.chatShare * total ? labelChat(main.chat) : undefined;
  const terms = labelTerms(c.terms, termCount);
  const sector = ownValue(c.sectors, view.sectors);
  const region = ownValue(c.regions, view.regions);
  // A sector a term already names ("school") is not said twice.
  const sectorWord = sector && (SECTOR_WORDS[sector] ?? sector);
  const mix = [sectorWord && !terms.some((t) => t.term.toLowerCase() === sectorWord) ? sectorWord : undefined, region].filter(Boolean);
  const period = c.period;
  const ownPeriod =
    period &&
    period.share >= LABEL_THRESHOLDS.periodShare &&
    period.lift >= LABEL_THRESHOLDS.periodLift &&
    !(chat && placesIn(chat, period)) &&
    Date.parse(period.start) >= DATED;
  return {
    ...(chat ? { chat } : {}),
    terms,
    ...(mix.length ? { mix: mix.join(', ') } : {}),
    ...(ownPeriod ? { period: period.label } : {}),
  };
}

/** A label's parts as it says them, in order. */
export function joinParts(p: LabelParts): string[] {
  const out: string[] = [];
  if (p.chat) out.push(p.chat);
  if (p.terms.length) out.push(p.terms.map((t) => t.term).join(', '));
  if (p.mix) out.push(p.mix);
  if (p.period) out.push(p.period);
  return out;
}

/** Labels for all communities of a view, in order, no two alike. */
export function labelCommunities(communities: readonly LabelFacts[], view: ViewFacts): string[] {
  const build = (c: LabelFacts, terms: number, withMember: boolean) => {
    const p = joinParts(labelParts(c, view, terms));
    if (withMember && c.topMember) p.push(`with ${c.topMember}`);
    if (p.length === 0) return c.topMember ? `around ${c.topMember}` : `community ${c.id + 1}`;
    return p.join(' · ');
  };
  const labels = communities.map((c) => build(c, 2, false));
  // Labels that clash get more of what sets them apart, step by step: a third term, then their best-connected member.
  const steps: [number, boolean][] = [
    [3, false],
    [3, true],
  ];
  for (const [terms, withMember] of steps) {
    const seen = new Map<string, number>();
    for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
    labels.forEach((l, i) => {
      if (seen.get(l)! > 1) labels[i] = build(communities[i]!, terms, withMember);
    });
  }
  // Still alike (same terms and same best-connected name): the number says which.
  const seen = new Map<string, number>();
  for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
  return labels.map((l, i) => (seen.get(l)! > 1 ? `${l} (${communities[i]!.id + 1})` : l));
}
