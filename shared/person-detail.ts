/** `GET /api/datasets/:id/people/:key`: one person's profile and activity. */
import { z } from 'zod';
import { PersonProfileSchema } from './person.js';

export const PersonDetailSchema = z.object({
  profile: PersonProfileSchema,
  messages: z.number().int().nonnegative(),
  chats: z.array(z.object({ chat: z.string(), messages: z.number().int().positive() })),
  firstSeen: z.iso.datetime().optional(),
  lastSeen: z.iso.datetime().optional(),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;
