/**
 * Person: what a source told us about someone (profile), and the context
 * (sector, region) later stages attach. Unknown stays unknown.
 */
import { z } from 'zod';
import { PlatformSchema } from './platform.js';

export const PersonProfileSchema = z.object({
  /** `platform:handle`, lower-cased. */
  key: z.string().min(1),
  platform: PlatformSchema,
  /** Handle as the platform shows it (`Ann_Lib`, `ann@glammr.us`). */
  handle: z.string().min(1),
  name: z.string().optional(),
  bio: z.string().optional(),
  location: z.string().optional(),
  url: z.string().optional(),
  /** Platform user id (Twitter id, Bluesky DID, Slack U…) when the source gives one. */
  platformId: z.string().optional(),
});
export type PersonProfile = z.infer<typeof PersonProfileSchema>;

export const CONTEXT_SOURCES = ['roster', 'inferred', 'edited', 'unknown'] as const;

export const ContextValueSchema = z.object({
  value: z.string(),
  source: z.enum(CONTEXT_SOURCES),
  confidence: z.number().min(0).max(1),
  evidence: z.string().optional(),
});
export type ContextValue = z.infer<typeof ContextValueSchema>;

export const PersonSchema = PersonProfileSchema.extend({
  sector: ContextValueSchema,
  region: ContextValueSchema,
  messages: z.number().int().nonnegative(),
  chats: z.array(z.string()),
});
export type Person = z.infer<typeof PersonSchema>;
