/**
 * The chat-health routes, parsed with the shared schemas. The report's
 * selection is a dataset and at most one chat (the page's chat picker).
 */
import { z } from 'zod';
import { ApiErrorSchema, HealthSeriesSchema, SessionHealthSchema, SessionListSchema } from '../../shared/index.js';
import { ApiFailure } from '../api.js';

/** The same token the rest of the page sends (client/api.ts keeps it for the tab's session). */
const TOKEN_KEY = 'chat-atlas-token';

async function getParsed<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(url, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiErrorSchema.safeParse(body);
    throw error.success
      ? new ApiFailure(error.data.error.message, response.status, error.data.error.code)
      : new ApiFailure(`${url}: HTTP ${response.status}`, response.status, 'http_error');
  }
  return schema.parse(body);
}

const base = (dataset: string) => `/api/datasets/${encodeURIComponent(dataset)}`;
const query = (chat: string | undefined) => (chat ? `?chats=${encodeURIComponent(chat)}` : '');

export const fetchSessions = (dataset: string, chat?: string) => getParsed(`${base(dataset)}/sessions${query(chat)}`, SessionListSchema);
export const fetchSeries = (dataset: string, chat?: string) => getParsed(`${base(dataset)}/health${query(chat)}`, HealthSeriesSchema);
export const fetchSession = (dataset: string, id: string, chat?: string) =>
  getParsed(`${base(dataset)}/sessions/${encodeURIComponent(id)}${query(chat)}`, SessionHealthSchema);

/** The CSV download of a part, for a link. */
export const csvUrl = (dataset: string, part: 'sessions' | 'health', chat?: string) =>
  `${base(dataset)}/${part}?format=csv${chat ? `&chats=${encodeURIComponent(chat)}` : ''}`;
