/**
 * Snapshot: an immutable, self-contained view to share — the analysis
 * options, the explorer's view, the privacy mode, the dataset version and
 * the very payload it showed. Ids are unguessable capabilities.
 */
import { z } from 'zod';
import { GraphQuerySchema } from './build-options.js';
import { GraphPayloadSchema } from './graph-payload.js';
import { SessionHealthSchema } from './health.js';
import { CameraSchema, COLOUR_BY, SIZE_BY, VIEW_MODES } from './view-state.js';

export const PRIVACY_MODES = ['named', 'pseudonymous'] as const;
export const PrivacySchema = z.enum(PRIVACY_MODES);
export type Privacy = z.infer<typeof PrivacySchema>;

/** The explorer's look and selection (everything but the dataset and analysis options). */
export const SnapshotViewSchema = z.object({
  colourBy: z.enum(COLOUR_BY).default('community'),
  sizeBy: z.enum(SIZE_BY).default('weightedDegree'),
  hidden: z.array(z.string().max(200)).max(500).default([]),
  community: z.number().int().nonnegative().optional(),
  selected: z.string().max(300).optional(),
  camera: CameraSchema.optional(),
  mode: z.enum(VIEW_MODES).default('graph'),
});
export type SnapshotView = z.infer<typeof SnapshotViewSchema>;

export const SnapshotInputSchema = z.object({
  datasetId: z.string().min(1).max(64),
  options: GraphQuerySchema.default({}),
  view: SnapshotViewSchema.default({ colourBy: 'community', sizeBy: 'weightedDegree', hidden: [], mode: 'graph' }),
  privacy: PrivacySchema.default('named'),
  /**
   * Share a session's report (Chat health) instead of the view: its figures frozen as computed now, with the
   * session's own graph (its chat, its hours) as the payload; `options` and `view` are then the server's.
   */
  report: z.object({ session: z.string().min(1).max(1000) }).optional(),
});
export type SnapshotInput = z.infer<typeof SnapshotInputSchema>;

export const SnapshotCreatedSchema = z.object({
  id: z.string(),
  /** Opens the snapshot in the explorer, read-only. */
  url: z.string(),
  /** Chrome-less view for an iframe. */
  embedUrl: z.string(),
});
export type SnapshotCreated = z.infer<typeof SnapshotCreatedSchema>;

export const SnapshotSchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  /** Named snapshots only: a pseudonymous one does not say where it came from. */
  datasetId: z.string().optional(),
  datasetVersion: z.number().int().positive().optional(),
  options: GraphQuerySchema,
  view: SnapshotViewSchema,
  privacy: PrivacySchema,
  payload: GraphPayloadSchema,
  /** A shared session report, read-only; a named one less anyone who opted out since (as the payload). */
  report: SessionHealthSchema.optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
