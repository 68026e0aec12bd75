/**
 * `GET /api/datasets/:id/people/:key/peers`: people to meet beyond one's own context, each with reasons.
 * Fields added after the first version are optional, so an older answer still parses.
 */
import { z } from 'zod';

export const ContextFieldSchema = z.enum(['sector', 'region']);

/** One of the peer's messages that relates to the person (a shared topic): the page links it to the replay. */
export const PeerSaidSchema = z.object({
  id: z.string(),
  chat: z.string(),
  /** ISO 8601, UTC. */
  time: z.string(),
  /** The message's first words (about 140 characters). */
  excerpt: z.string(),
  /** The shared topic it speaks of, when it was found through one. */
  topic: z.string().optional(),
});
export type PeerSaid = z.infer<typeof PeerSaidSchema>;

export const PeerSchema = z.object({
  key: z.string(),
  label: z.string(),
  sector: z.string(),
  region: z.string(),
  /**
   * Rank score: relevance less likeness to the peers listed above (maximal marginal relevance); never rises down
   * the list, which is in this order.
   */
  score: z.number(),
  /** Sentences a person reads: why this suggestion, strongest first. Never empty. */
  reasons: z.array(z.string()).min(1),
  /** Handle as the platform shows it, and the platform. */
  handle: z.string().optional(),
  platform: z.string().optional(),
  /** Their profile on the platform (X/Twitter, Mastodon, Bluesky); absent where a handle is no address. */
  profileUrl: z.string().url().optional(),
  /** The known fields through which they are beyond the person's context (never empty when present). */
  beyond: z.array(ContextFieldSchema).optional(),
  /** Their community (0 = largest; −1 for someone with no ties, in no community) and whether it is the person's own. */
  community: z.number().int().min(-1).optional(),
  sameCommunity: z.boolean().optional(),
  /** Whether the two already talk (a tie in the graph). */
  alreadyTalk: z.boolean().optional(),
  chats: z.array(z.string()).optional(),
  /** Topics both wrote about, most telling first. */
  topics: z.array(z.string()).optional(),
  /** A few of their messages on those topics. */
  said: z.array(PeerSaidSchema).optional(),
});
export type Peer = z.infer<typeof PeerSchema>;

export const PeersSchema = z.object({
  person: z.string(),
  sector: z.string(),
  region: z.string(),
  peers: z.array(PeerSchema),
  /** The person's own known fields: "beyond" is judged by these alone. */
  known: z.array(ContextFieldSchema).optional(),
  /** Said when the person's sector or region is unknown (and how to set it). */
  note: z.string().optional(),
  /** How the list is ranked, in a sentence or two. */
  ranking: z.string().optional(),
  /**
   * The person's community, and how many candidates were beyond their context in all (`beyond`), how many of those
   * share something with the person (`relevant`: a topic, a tie, a session or question, a contact in common; only
   * they can be suggested) and how many of those are outside the person's community.
   */
  community: z.number().int().min(-1).optional(),
  candidates: z
    .object({
      beyond: z.number().int().nonnegative(),
      relevant: z.number().int().nonnegative().optional(),
      outsideCommunity: z.number().int().nonnegative(),
    })
    .optional(),
});
export type Peers = z.infer<typeof PeersSchema>;
