/**
 * An import job: what `POST /api/imports` starts and `GET /api/imports/:id`
 * reports, from any server process on the same database. Big files are read
 * in the background; the page's progress bar follows `percent`.
 */
import { z } from 'zod';
import { DatasetSchema, SourceResultSchema } from './dataset.js';

/**
 * `queued` (waiting for this process's import worker), `reading` (files
 * parsed and staged batch by batch), `storing` (the staged messages moved
 * into the dataset in one transaction), then `done` or `failed`.
 */
export const IMPORT_STATUSES = ['queued', 'reading', 'storing', 'done', 'failed'] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const ImportJobSchema = z.object({
  id: z.string(),
  status: ImportStatusSchema,
  /** 0–100: bytes read of the upload (up to 95), then storing. */
  percent: z.number().min(0).max(100),
  bytesTotal: z.number().int().nonnegative(),
  bytesRead: z.number().int().nonnegative(),
  /** Messages read so far. */
  messages: z.number().int().nonnegative(),
  /** The dataset added to; for a new dataset, set once it exists (when done). */
  datasetId: z.string().optional(),
  name: z.string(),
  /** Per-file results as files finish (`stored` filled in when done). */
  files: z.array(SourceResultSchema),
  /** When done: the dataset as stored. */
  dataset: DatasetSchema.optional(),
  /** When failed: why, as the API would have answered (`status` the HTTP status). */
  error: z.object({ status: z.number().int(), code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
