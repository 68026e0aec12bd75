/**
 * Communities that can be told apart: each community summary (metrics.ts)
 * gains its distinctive terms (terms.ts), busiest period and sessions
 * (period.ts), stability across seeds (stability.ts) and a label built from
 * them (label.ts) with a shorter one for the canvas (canvas-label.ts); the partition gains whether it is loose (loose.ts).
 *
 * Reading phrases is the costly part on a big view (every message's text
 * through a part-of-speech tagger, words.ts: about 40 µs a message on the
 * bench's machine, 2 s for 50k): past `maxMessages` an even, deterministic
 * sample of the messages is read, since terms are counted by people and a
 * sample keeps who writes what. The server reads text at all
 * only for datasets of up to LABEL_TEXT_MAX_MESSAGES (compute-graph.ts):
 * beyond, text would cost a third of the memory, and labels go without terms.
 */
import type { CommunitySummary, GraphMeta, Message } from '../../../shared/index.js';
import type { CoParticipationGraph } from '../co-participation-graph.js';
import type { CommunityResult } from '../communities.js';
import { readPhrases } from '../words.js';
import { canvasLabels } from './canvas-label.js';
import { labelCommunities } from './label.js';
import { isLoose, looseReasons } from './loose.js';
import { activePeriods } from './period.js';
import { measureStability, type StabilityOptions } from './stability.js';
import { distinctiveTerms, type TermOptions } from './terms.js';

export interface DescribeOptions {
  terms: Partial<TermOptions>;
  stability: Partial<StabilityOptions> & Pick<StabilityOptions, 'seed' | 'resolution'>;
  /** Messages read for phrases at most (an even sample beyond). */
  maxMessages: number;
}

export const DEFAULT_MAX_PHRASE_MESSAGES = 50_000;
export const LABEL_TEXT_MAX_MESSAGES = 200_000;

export interface DescribeInput {
  graph: CoParticipationGraph;
  communities: CommunityResult;
  summaries: CommunitySummary[];
  messages: readonly Message[];
  sessions: readonly { id: string; members: readonly number[] }[];
  chats: number;
  labelOf: (key: string) => string;
  handleOf: (key: string) => string;
  sectorOf: (key: string) => string;
  regionOf: (key: string) => string;
}

function evenSample<T>(items: readonly T[], most: number): readonly T[] {
  if (items.length <= most) return items;
  const step = items.length / most;
  return Array.from({ length: most }, (_, i) => items[Math.floor(i * step)]!);
}

export function describeCommunities(
  input: DescribeInput,
  options: Pick<DescribeOptions, 'stability'> & Partial<DescribeOptions>,
): { communities: CommunitySummary[]; partition: NonNullable<GraphMeta['partition']> } {
  const { communities, summaries } = input;
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_PHRASE_MESSAGES;
  const names = new Set<string>();
  const nameWords = new Set<string>();
  const sectors = new Map<string, number>();
  const regions = new Map<string, number>();
  for (const key of input.graph.keys) {
    const label = input.labelOf(key);
    names.add(label.toLowerCase());
    // "John", "Mckinney": each word of a person's name ("John Smith"), alone or together, is someone, not a topic.
    const words = label.split(/\s+/);
    if (words.length >= 2) for (const w of words) if (/^\p{Lu}[\p{L}'’-]{2,}$/u.test(w)) nameWords.add(w.toLowerCase());
    const handle = input.handleOf(key).replace(/^@+/, '').toLowerCase();
    if (handle) names.add(handle);
    sectors.set(input.sectorOf(key), (sectors.get(input.sectorOf(key)) ?? 0) + 1);
    regions.set(input.regionOf(key), (regions.get(input.regionOf(key)) ?? 0) + 1);
  }
  const phrases = readPhrases(evenSample(input.messages, maxMessages));
  const terms = distinctiveTerms(phrases, communities.membership, communities.count, names, options.terms, nameWords);
  const active = activePeriods(input.messages, input.sessions, communities.membership, communities.count);
  const stability = measureStability(input.graph, communities, options.stability);
  const facts = summaries.map((c) => ({
    id: c.id,
    size: c.size,
    chats: c.chats,
    terms: terms[c.id]!,
    sectors: c.sectors,
    regions: c.regions,
    period: active.periods[c.id],
    topMember: c.topMembers[0]?.label,
  }));
  const view = { chats: input.chats, sectors, regions };
  const labels = labelCommunities(facts, view);
  const canvas = canvasLabels(facts, view, labels);
  const described = summaries.map((c, i) => ({
    ...c,
    label: labels[i]!,
    canvasLabel: canvas[i]!.label,
    ...(canvas[i]!.omitsChat === undefined ? {} : { canvasOmitsChat: canvas[i]!.omitsChat }),
    terms: terms[c.id]!,
    ...(active.periods[c.id] ? { period: active.periods[c.id]! } : {}),
    activeSessions: active.sessions[c.id]!,
    ...(stability.runs > 0 ? { stability: stability.communities[c.id]! } : {}),
  }));
  const loose = isLoose(looseReasons({ communities: communities.count }, communities.modularity, stability.overall));
  return {
    communities: described,
    partition: { runs: stability.runs, ...(stability.overall === undefined ? {} : { stability: stability.overall }), loose },
  };
}
