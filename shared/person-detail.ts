/** `GET /api/datasets/:id/people/:key`: one person's profile and activity. */
import { z } from 'zod';
import { ContextValueSchema, PersonProfileSchema } from './person.js';

export const PersonDetailSchema = z.object({
  profile: PersonProfileSchema,
  /** Sector and region with where they came from (inferred, roster, edited) and the evidence. */
  sector: ContextValueSchema,
  region: ContextValueSchema,
  messages: z.number().int().nonnegative(),
  chats: z.array(z.object({ chat: z.string(), messages: z.number().int().positive() })),
  firstSeen: z.iso.datetime().optional(),
  lastSeen: z.iso.datetime().optional(),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

/** `PUT /api/datasets/:id/people/:key`: set someone's sector and/or region by hand. */
export const PersonEditSchema = z
  .object({ sector: z.string().min(1).max(40).optional(), region: z.string().min(1).max(60).optional() })
  .refine((e) => e.sector !== undefined || e.region !== undefined, { message: 'give a sector, a region or both' });
export type PersonEdit = z.infer<typeof PersonEditSchema>;

export const RosterResultSchema = z.object({
  /** People of the dataset the roster set a sector or region for. */
  applied: z.number().int().nonnegative(),
  /** Roster handles that match no one in the dataset. */
  unmatched: z.array(z.string()),
  /** Rows that could not be read, by line. */
  problems: z.array(z.object({ line: z.number().int().positive(), message: z.string() })),
});
export type RosterResult = z.infer<typeof RosterResultSchema>;
