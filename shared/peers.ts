/** `GET /api/datasets/:id/people/:key/peers`: people to meet beyond one's own context, each with reasons. */
import { z } from 'zod';

export const PeerSchema = z.object({
  key: z.string(),
  label: z.string(),
  sector: z.string(),
  region: z.string(),
  score: z.number(),
  /** Sentences a person reads: why this suggestion. Never empty. */
  reasons: z.array(z.string()).min(1),
});
export type Peer = z.infer<typeof PeerSchema>;

export const PeersSchema = z.object({ person: z.string(), sector: z.string(), region: z.string(), peers: z.array(PeerSchema) });
export type Peers = z.infer<typeof PeersSchema>;
