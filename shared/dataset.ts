/** Dataset: a named collection of imported files, with counts and a version. */
import { z } from 'zod';
import { FormatIdSchema } from './formats.js';
import { ChatScheduleSchema } from './session-schedule.js';

/** A line or record a parser could not use, and why. */
export const SkippedSchema = z.object({
  /** 1-based line number in the file, for line formats (JSONL, CSV, text logs). */
  line: z.number().int().positive().optional(),
  /** 1-based record number, for document formats (JSON arrays). */
  record: z.number().int().positive().optional(),
  reason: z.string(),
});
export type Skipped = z.infer<typeof SkippedSchema>;

export const SourceResultSchema = z.object({
  file: z.string(),
  format: FormatIdSchema,
  /** Messages read from the file (before de-duplication against the dataset). */
  messages: z.number().int().nonnegative(),
  /** Messages newly stored (the rest were already in the dataset). */
  stored: z.number().int().nonnegative(),
  /** Number of skipped lines or records; `skippedItems` lists the first ones. */
  skipped: z.number().int().nonnegative(),
  skippedItems: z.array(SkippedSchema),
  warnings: z.array(z.string()),
});
export type SourceResult = z.infer<typeof SourceResultSchema>;

/**
 * Table roles a mapping can name: who wrote (`author`), what (`text`), when
 * (`time`, with `date` when the day is a column of its own), and optional
 * reply, mention, repost and profile columns.
 */
export const TABLE_ROLES = [
  'author',
  'text',
  'time',
  'date',
  'to',
  'replyToId',
  'replyToUserId',
  'chat',
  'id',
  'platform',
  'name',
  'location',
  'bio',
  'userId',
  'mentions',
  'repostOf',
  'repostOfUserId',
  'quoteOfUserId',
  'kind',
] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

/** Role → column name as written in the table's header (any case): `{"author": "user_screen_name", …}`. */
export const TableMappingSchema = z.strictObject(
  Object.fromEntries(TABLE_ROLES.map((r) => [r, z.string().min(1).max(200).optional()])) as Record<TableRole, z.ZodOptional<z.ZodString>>,
);
export type TableMapping = z.infer<typeof TableMappingSchema>;

/** `details` of a 422 `needs_mapping`: what a person needs to say which column is which. */
export const NeedsMappingDetailsSchema = z.object({
  file: z.string(),
  /** Roles the table's columns did not give. */
  missing: z.array(z.enum(TABLE_ROLES)),
  header: z.array(z.string()),
  /** Up to five rows, cells as written. */
  sample: z.array(z.array(z.string())),
  /** A column (as written in the header) per role, guessed from names and cells. */
  guesses: TableMappingSchema,
  /** Columns a given mapping named that the header does not have. */
  unknownColumns: z.array(z.string()).optional(),
});
export type NeedsMappingDetails = z.infer<typeof NeedsMappingDetailsSchema>;

export const DatasetCountsSchema = z.object({
  messages: z.number().int().nonnegative(),
  people: z.number().int().nonnegative(),
  chats: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
});
export type DatasetCounts = z.infer<typeof DatasetCountsSchema>;

export const DatasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Increases whenever the content changes; graph caches key on it. */
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  counts: DatasetCountsSchema,
  chats: z.array(z.string()),
  /** First and last message time, ISO UTC; absent for an empty dataset. */
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  sources: z.array(SourceResultSchema),
  /** The column mapping given for its tables, applied to tables added later. */
  mapping: TableMappingSchema.optional(),
  /** Time zone (IANA name or `+01:00`) for table times written without an offset, applied to files added later. */
  timezone: z.string().optional(),
  /** Chats' schedules the user gave (PUT /api/datasets/:id/schedules): their sessions are these hours, in every graph and count. */
  schedules: z.array(ChatScheduleSchema).optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** The body of PUT /api/datasets/:id/schedules: the whole list (empty: none, sessions found again). */
export const SessionSchedulesBodySchema = z.object({ schedules: z.array(ChatScheduleSchema).max(100) });

export const DatasetListSchema = z.object({ datasets: z.array(DatasetSchema) });
export type DatasetList = z.infer<typeof DatasetListSchema>;
