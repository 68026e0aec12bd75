/** Route-level schemas for /api/datasets: params, queries and error replies. */
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/index.js';

export const DatasetParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** The error replies every dataset route may give. */
export const errorReplies = {
  400: ApiErrorSchema,
  404: ApiErrorSchema,
} as const;
