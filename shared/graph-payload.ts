/**
 * GraphPayload: graphology's own serialization (`Graph.from(payload)` works
 * as is) with the analysis summary in `attributes.meta`. Bump
 * PAYLOAD_VERSION whenever a field changes meaning.
 */
import { z } from 'zod';
import { BuildOptionsSchema } from './build-options.js';

/**
 * 2: people with no ties are in no community (`community` −1, NO_COMMUNITY), counted apart in
 * `counts.isolated`; `counts.communities` and `communities` are the real communities only.
 * 1: each person with no ties was a community of one. Stored snapshots keep the payload they showed,
 * so readers still accept 1 (its `counts.isolated` reads 0: no one was set apart then).
 * 3: each community has a `label` and what it is built from (`terms`, `period`, `activeSessions`), and its
 * `stability` across seeds; `meta.partition` says whether the split is worth reading. Versions 1 and 2 have
 * none of these (their communities are named by number, their partition never called loose).
 * 3 also: sessions are a chat's sittings found from quiet around them, bursts, question series or a schedule
 * (`foundBy`), not every stretch without a 3-hour gap; messages in none are counted in `counts.betweenSessions`.
 */
export const PAYLOAD_VERSION = 3;

/** The `community` of a person with no ties: in no community (a community needs a tie to form around). */
export const NO_COMMUNITY = -1;

export const NodeAttributesSchema = z.object({
  label: z.string(),
  handle: z.string(),
  platform: z.string(),
  /** Community number, 0 = largest; NO_COMMUNITY (−1) for a person with no ties. */
  community: z.number().int().min(NO_COMMUNITY),
  sector: z.string(),
  region: z.string(),
  x: z.number(),
  y: z.number(),
  /** Display size derived from weighted degree. */
  size: z.number().positive(),
  messages: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  degree: z.number().int().nonnegative(),
  weightedDegree: z.number().nonnegative(),
  chats: z.array(z.string()),
  /** Participation coefficient across communities, 0..1 (Guimerà & Amaral 2005). */
  participation: z.number().min(0).max(1),
  /** Distinct known sectors / regions among this person's ties. */
  sectorsReached: z.number().int().nonnegative(),
  regionsReached: z.number().int().nonnegative(),
  /** First-timers this person replied to or mentioned in their first session. */
  welcomes: z.number().int().nonnegative(),
});
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;

/**
 * A tie count of 0 may be left out, and reads as 0: the server sends only the
 * kinds a tie has (most ties are one or two kinds), and parsing with this
 * schema writes the zeros back.
 */
const tieCount = z.number().int().nonnegative().default(0);

export const EdgeAttributesSchema = z.object({
  /** Combined weight (see BuildOptions.weights). */
  weight: z.number().nonnegative(),
  /** Replies either way. */
  reply: tieCount,
  /** Mentions either way. */
  mention: tieCount,
  /** Numbered questions both answered in the same session. */
  coAnswer: tieCount,
  /** Sessions both posted in. */
  coSession: tieCount,
  /** Reposts either way (counted only when the `repost` kind is on). */
  repost: tieCount,
});
export type EdgeAttributes = z.infer<typeof EdgeAttributesSchema>;

export const CommunitySummarySchema = z.object({
  id: z.number().int().nonnegative(),
  size: z.number().int().positive(),
  /** Most connected members, by weighted degree. */
  topMembers: z.array(z.object({ key: z.string(), label: z.string(), weightedDegree: z.number() })),
  topHashtags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  /** Members' messages per chat, most first. */
  chats: z.array(z.object({ chat: z.string(), messages: z.number().int() })),
  sectors: z.array(z.object({ value: z.string(), count: z.number().int() })),
  regions: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Short name from what sets it apart ("#critlib · zines, instruction · April 2015"); no two alike in a view. */
  label: z.string().optional(),
  /**
   * The label as the canvas draws it among the people: the parts that tell communities apart (a chat most share
   * left out, a lone word alone beside whom it gathers around: "around Ben64 · data"); no two alike in a view.
   * Absent in payloads from before it: the canvas shortens `label`.
   */
  canvasLabel: z.string().optional(),
  /** The chat `canvasLabel` leaves out because most communities share it: the canvas says it once over them. */
  canvasOmitsChat: z.string().optional(),
  /** Phrases and hashtags its members use more than the rest of the view (log-odds z-score), most distinctive first. */
  terms: z.array(z.object({ term: z.string(), members: z.number().int().positive(), score: z.number() })).default([]),
  /** The period holding most of its messages: its share of them, and that share over the whole view's then. */
  period: z.object({ label: z.string(), start: z.iso.datetime(), end: z.iso.datetime(), share: z.number(), lift: z.number() }).optional(),
  /** Sessions its members posted most in (ids of `meta.sessions`), most first. */
  activeSessions: z.array(z.object({ id: z.string(), messages: z.number().int().positive() })).default([]),
  /** Mean best Jaccard overlap with a community of Louvain runs under other seeds, 0..1; absent when not measured. */
  stability: z.number().min(0).max(1).optional(),
});
export type CommunitySummary = z.infer<typeof CommunitySummarySchema>;

/** How a session was found (see SessionSummary.foundBy). */
export const SessionFoundBySchema = z.enum(['gap', 'burst', 'questions', 'schedule']);
export type SessionFoundBy = z.infer<typeof SessionFoundBySchema>;

export const SessionSummarySchema = z.object({
  id: z.string(),
  chat: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /**
   * How it was found (server/pipeline/sessions/detect.ts): `gap` a short sitting with quiet around it, `burst`
   * a rate far above the chat's own, `questions` a host's Q1…Qn series, `schedule` the chat's given hours.
   * Absent before version 3 (sessions were split by gaps alone).
   */
  foundBy: SessionFoundBySchema.optional(),
  messages: z.number().int().positive(),
  participants: z.number().int().positive(),
  /** Highest question number asked (Qn), 0 if none. */
  questions: z.number().int().nonnegative(),
  /** People posting in this chat for the first time (0 for a chat's first session on record). */
  firstTimers: z.number().int().nonnegative(),
  /** Of those, how many someone replied to or mentioned. */
  firstTimersWelcomed: z.number().int().nonnegative(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const BridgeSchema = z.object({
  key: z.string(),
  label: z.string(),
  participation: z.number(),
  communitiesReached: z.number().int().nonnegative(),
  sectorsReached: z.number().int().nonnegative(),
  regionsReached: z.number().int().nonnegative(),
});
export type Bridge = z.infer<typeof BridgeSchema>;

/**
 * The ties drawn when a graph has too many to draw: a backbone of the most
 * significant ones by the disparity filter (Serrano et al. 2009), everyone
 * kept. Communities, metrics and `counts.edges` use every tie.
 */
export const BackboneSchema = z.object({
  method: z.literal('disparity'),
  /** Significance level: ties whose p-value is above it are left out (1: none for that reason). */
  alpha: z.number().positive().max(1),
  /** Most ties the payload carries. */
  maxEdges: z.number().int().positive(),
  /** Ties in the graph (as `counts.edges`). */
  edgesTotal: z.number().int().nonnegative(),
  /** Ties in the payload's `edges`. */
  edgesShown: z.number().int().nonnegative(),
});
export type Backbone = z.infer<typeof BackboneSchema>;

export const GraphMetaSchema = z.object({
  payloadVersion: z.union([z.literal(1), z.literal(2), z.literal(PAYLOAD_VERSION)]),
  dataset: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  options: BuildOptionsSchema,
  counts: z.object({
    /** People in `nodes`: everyone, or with `options.isolated` 'hide' everyone with a tie. */
    nodes: z.number().int().nonnegative(),
    /** Every tie of the graph; `edges` may hold fewer (see `backbone`). */
    edges: z.number().int().nonnegative(),
    messages: z.number().int().nonnegative(),
    sessions: z.number().int().nonnegative(),
    /**
     * Messages in no session (a busy hashtag's day around its chat hour, a help channel's steady traffic): they
     * make reply and mention ties but no co-session or co-answer ties. Absent before version 3: 0.
     */
    betweenSessions: z.number().int().nonnegative().default(0),
    chats: z.number().int().nonnegative(),
    /** Communities: groups Louvain found among people with ties (no one is a community alone for want of ties). */
    communities: z.number().int().nonnegative(),
    /**
     * People with no ties in this view (only reposts, or posts no one answered): in no community, laid out
     * on a ring aside, and left out of `nodes` when `options.isolated` is 'hide'. Absent in version 1: 0.
     */
    isolated: z.number().int().nonnegative().default(0),
  }),
  /** Present when `edges` holds only a backbone of the ties (a big graph); absent, `edges` is every tie. */
  backbone: BackboneSchema.optional(),
  /** Weighted modularity of the partition (Louvain's own figure). */
  modularity: z.number(),
  /**
   * How far the split into communities holds: Louvain runs under other seeds (0: not measured, the graph too
   * big), the size-weighted stability of the communities, and `loose` when modularity or stability is under
   * the thresholds of server/pipeline/community/loose.ts (the caption then calls the view one community with
   * loose corners). Absent before version 3.
   */
  partition: z
    .object({ runs: z.number().int().nonnegative(), stability: z.number().min(0).max(1).optional(), loose: z.boolean() })
    .optional(),
  communities: z.array(CommunitySummarySchema),
  sessions: z.array(SessionSummarySchema),
  chats: z.array(z.string()),
  /** People whose ties spread most across communities, most first. */
  bridges: z.array(BridgeSchema),
  /** People who most often welcome first-timers, most first. */
  welcomers: z.array(z.object({ key: z.string(), label: z.string(), welcomes: z.number().int().positive() })),
  /** The view in a few plain sentences. */
  caption: z.string(),
});
export type GraphMeta = z.infer<typeof GraphMetaSchema>;

export const GraphPayloadSchema = z.object({
  attributes: z.object({ meta: GraphMetaSchema }),
  options: z.object({ type: z.literal('undirected'), multi: z.literal(false), allowSelfLoops: z.literal(false) }),
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributesSchema })),
  edges: z.array(
    z.object({
      key: z.string().optional(),
      source: z.string(),
      target: z.string(),
      attributes: EdgeAttributesSchema,
      undirected: z.boolean().optional(),
    }),
  ),
});
export type GraphPayload = z.infer<typeof GraphPayloadSchema>;
/** A payload as sent, before parsing: tie counts of 0 may be absent. */
export type GraphPayloadInput = z.input<typeof GraphPayloadSchema>;

/** Writes back the tie counts a sent payload left out, without re-validating the rest (the server's own output). */
export function withTieCounts(payload: GraphPayloadInput): GraphPayload {
  const edges = payload.edges.map((e) => {
    const a = e.attributes;
    return {
      ...e,
      attributes: {
        weight: a.weight,
        reply: a.reply ?? 0,
        mention: a.mention ?? 0,
        coAnswer: a.coAnswer ?? 0,
        coSession: a.coSession ?? 0,
        repost: a.repost ?? 0,
      },
    };
  });
  return { ...(payload as GraphPayload), edges };
}
