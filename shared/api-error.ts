/** The one error shape of the API: `{error: {code, message, details?}}`. */
import { z } from 'zod';

export const ApiErrorSchema = z.object({
  error: z.object({
    /** Stable, machine-readable: `invalid_request`, `not_found`, `unknown_format`, `unreadable_file`… */
    code: z.string(),
    /** A sentence for people, naming the file and line/record at fault where there is one. */
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
