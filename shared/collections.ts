/**
 * Live collections: a hashtag followed on Mastodon instances or Bluesky and
 * collected into a dataset, now and on a weekly schedule. What `POST
 * /api/datasets/:id/collections` takes and what the collection routes answer.
 * Credentials go in and never come out: a collection only says it has some.
 */
import { z } from 'zod';

export const COLLECTION_SOURCES = ['mastodon', 'bluesky'] as const;
export const CollectionSourceSchema = z.enum(COLLECTION_SOURCES);
export type CollectionSource = z.infer<typeof CollectionSourceSchema>;

/** Bluesky's public AppView: searchPosts, getPostThread and getProfiles without an account. */
export const BLUESKY_PUBLIC_SERVICE = 'https://public.api.bsky.app';

export const CreateCollectionSchema = z.strictObject({
  source: CollectionSourceSchema,
  /**
   * Mastodon: the instance(s) to read, `glammr.us` or `https://glammr.us`, several merged (a post once, by its
   * URI). Bluesky: the service (default public.api.bsky.app; an app password needs your PDS, e.g. bsky.social).
   */
  instance: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(10)]).optional(),
  /** The hashtag, with or without `#` (Bluesky: any search term too). */
  tag: z.string().trim().min(1).max(100),
  /** Only posts written from / until these times (ISO). */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** When to collect again, e.g. `Tuesdays 22:00 Europe/London`, `daily 08:00 UTC`; none: only when asked. */
  schedule: z.string().trim().min(1).max(100).optional(),
  /** Mastodon: an access token for these instances (a read-only app token). Stored encrypted, never shown. */
  accessToken: z.string().min(1).max(1000).optional(),
  /** Bluesky: handle or e-mail and an app password, used when the service asks for an account. Stored encrypted. */
  identifier: z.string().min(1).max(300).optional(),
  appPassword: z.string().min(1).max(300).optional(),
  /** Create paused (no first run now). */
  paused: z.boolean().optional(),
});
export type CreateCollection = z.infer<typeof CreateCollectionSchema>;

export const LeftOutSchema = z.object({
  /** Posts of accounts that opted out of discovery or search, or of people on the opt-out lists. */
  optedOut: z.number().int().nonnegative(),
  /** Posts not public (Mastodon unlisted, private, direct). */
  notPublic: z.number().int().nonnegative(),
  /** Posts outside since/until. */
  outsideWindow: z.number().int().nonnegative(),
  /** Posts already collected from another instance or an earlier run (same URI). */
  duplicates: z.number().int().nonnegative(),
});
export type LeftOut = z.infer<typeof LeftOutSchema>;

export const CollectionRunSchema = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  status: z.enum(['done', 'failed', 'cancelled']),
  /** What started it. */
  trigger: z.enum(['created', 'schedule', 'manual', 'resumed']),
  /** Posts fetched and kept. */
  posts: z.number().int().nonnegative(),
  /** Of them, new in the dataset. */
  stored: z.number().int().nonnegative(),
  leftOut: LeftOutSchema,
  /** The import job that stored them (GET /api/imports/:id). */
  importId: z.string().optional(),
  /** Why it failed (no credential is ever in it). */
  error: z.string().optional(),
  /** Seconds spent waiting on rate limits and retries. */
  waitedSeconds: z.number().nonnegative(),
});
export type CollectionRun = z.infer<typeof CollectionRunSchema>;

export const CollectionProgressSchema = z.object({
  runId: z.string(),
  trigger: CollectionRunSchema.shape.trigger,
  startedAt: z.iso.datetime(),
  /** `fetching` pages and threads, then `importing` them as one import job. */
  phase: z.enum(['fetching', 'importing']),
  pages: z.number().int().nonnegative(),
  posts: z.number().int().nonnegative(),
  importId: z.string().optional(),
});

export const CollectionSchema = z.object({
  id: z.string(),
  datasetId: z.string(),
  source: CollectionSourceSchema,
  /** Origins read, `https://glammr.us`. */
  instances: z.array(z.string()),
  tag: z.string(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  schedule: z.string().optional(),
  /** Next scheduled run, ISO UTC. */
  nextRunAt: z.iso.datetime().optional(),
  /** `running` a run now, `paused` (no runs; a paused run resumes where it stopped), else `idle`. */
  status: z.enum(['idle', 'running', 'paused']),
  /** Whether a token or app password is stored (never the credential itself). */
  credentials: z.boolean(),
  createdAt: z.iso.datetime(),
  current: CollectionProgressSchema.optional(),
  /** Runs, newest first (the last 50). */
  history: z.array(CollectionRunSchema),
});
export type Collection = z.infer<typeof CollectionSchema>;

export const CollectionListSchema = z.object({ collections: z.array(CollectionSchema) });
export type CollectionList = z.infer<typeof CollectionListSchema>;
