/**
 * The whole analysis, messages → GraphPayload: select, split sessions, build
 * the graph, find communities, measure, lay out, thin a big graph's ties to a
 * backbone for drawing (everything before uses them all), serialize. Pure and
 * deterministic: the same messages, people and options give the same bytes.
 */
import {
  resolveBuildOptions,
  type BuildOptionsInput,
  type GraphMeta,
  type GraphPayload,
  type Message,
  type PersonProfile,
  type SessionSummary,
} from '../../shared/index.js';
import { extractBackbone, type BackboneOptions } from './backbone.js';
import { buildGraph } from './build-graph.js';
import { resolveContexts } from './context/resolve.js';
import { computeBridges } from './bridges.js';
import { findWelcomers, type SessionNewcomers } from './welcomers.js';
import { detectCommunities } from './communities.js';
import { describeCommunities } from './community/describe.js';
import { layoutGraph } from './layout.js';
import { computeMetrics } from './metrics.js';
import { toGraphPayload } from './payload.js';
import { splitSessions, type Session } from './sessions.js';
import { readSessionQuestions } from './sessions/questions.js';

export interface AnalyzeInput {
  messages: readonly Message[];
  people: readonly PersonProfile[];
  dataset: GraphMeta['dataset'];
  /** Sector/region of a person; default: inferred from `people` (context/). */
  sectorOf?: (key: string) => string;
  regionOf?: (key: string) => string;
  /** People who opted out: their messages are left out entirely, so they are nowhere in the graph. */
  optedOut?: ReadonlySet<string>;
  /** Relay accounts: their messages count for the chat, not as ties (see buildGraph). */
  relays?: ReadonlySet<string>;
  /**
   * How a graph too big to draw is thinned in the payload's edges (default
   * DEFAULT_BACKBONE_OPTIONS); `false` writes every tie, as exports need.
   */
  backbone?: Partial<BackboneOptions> | false;
  /** Seed of the layout alone (default: the options' seed); a pseudonymous share is laid out with a seed of its own. */
  layoutSeed?: number;
}

/** Messages within the options' chats and time window. */
export function selectMessages(
  messages: readonly Message[],
  options: { chats: string[]; from?: string | undefined; to?: string | undefined },
): Message[] {
  const chats = new Set(options.chats);
  const from = options.from ? Date.parse(options.from) : -Infinity;
  const to = options.to ? Date.parse(options.to) : Infinity;
  return messages.filter((m) => {
    if (chats.size > 0 && !chats.has(m.chat)) return false;
    const t = Date.parse(m.time);
    return t >= from && t <= to;
  });
}

function summarizeSession(session: Session, messages: readonly Message[], newcomers: SessionNewcomers | undefined): SessionSummary {
  const authors = new Set<string>();
  for (const i of session.members) authors.add(messages[i]!.author);
  // The highest question a host asked (a participant's `Q3:` is an answer, not a question).
  const questions = Math.max(
    0,
    ...readSessionQuestions(messages, session)
      .filter((q) => q.askedBy !== undefined)
      .map((q) => q.number),
  );
  return {
    id: session.id,
    chat: session.chat,
    start: session.start,
    end: session.end,
    foundBy: session.foundBy,
    messages: session.members.length,
    participants: authors.size,
    questions,
    firstTimers: newcomers?.firstTimers ?? 0,
    firstTimersWelcomed: newcomers?.welcomed ?? 0,
  };
}

export function analyze(input: AnalyzeInput, optionsInput: BuildOptionsInput = {}): GraphPayload {
  const options = resolveBuildOptions(optionsInput);
  // Sector and region inferred from profiles unless the caller resolved them (roster, edits).
  const inferred = input.sectorOf && input.regionOf ? undefined : resolveContexts(input.people);
  const sectorOf = input.sectorOf ?? inferred!.sectorOf;
  const regionOf = input.regionOf ?? inferred!.regionOf;
  const sectors = new Set(options.sectors);
  const regions = new Set(options.regions);
  const inContext = (key: string) =>
    (sectors.size === 0 || sectors.has(sectorOf(key))) && (regions.size === 0 || regions.has(regionOf(key)));

  const optedOut = input.optedOut ?? new Set<string>();
  const messages = selectMessages(input.messages, options).filter((m) => inContext(m.author) && !optedOut.has(m.author));
  const sessions = splitSessions(messages, options);
  const graph = buildGraph(messages, sessions, options, input.relays);
  const communities = detectCommunities(graph, options);

  const profiles = new Map(input.people.map((p) => [p.key, p]));
  const labelOf = (key: string) => profiles.get(key)?.name?.trim() || profiles.get(key)?.handle || key.slice(key.indexOf(':') + 1);
  const displayHandleOf = (key: string) => profiles.get(key)?.handle ?? '';
  const metrics = computeMetrics({ graph, membership: communities.membership, messages, labelOf, sectorOf, regionOf });
  const chats = [...new Set(messages.map((m) => m.chat))].sort();
  const described = describeCommunities(
    {
      graph,
      communities,
      summaries: metrics.communities,
      messages,
      sessions,
      chats: chats.length,
      labelOf,
      handleOf: displayHandleOf,
      sectorOf,
      regionOf,
    },
    { stability: { seed: options.seed, resolution: options.resolution } },
  );
  const positions = layoutGraph(graph, communities.membership, { seed: input.layoutSeed ?? options.seed });
  const bridges = computeBridges(graph, communities.membership, sectorOf, regionOf);
  const welcome = findWelcomers(messages, sessions);
  return toGraphPayload({
    graph,
    communities,
    metrics: { ...metrics, communities: described.communities },
    partition: described.partition,
    positions,
    sessions: sessions.map((s) => summarizeSession(s, messages, welcome.bySession.get(s.id))),
    messageCount: messages.length,
    betweenSessions: messages.length - sessions.reduce((n, s) => n + s.members.length, 0),
    chats,
    options,
    dataset: input.dataset,
    labelOf,
    displayHandleOf,
    sectorOf,
    regionOf,
    bridges,
    welcomes: welcome.welcomes,
    backbone: input.backbone === false ? undefined : extractBackbone(graph, input.backbone),
  });
}
