/** Saving a dataset's chat schedules (`PUT /api/datasets/:id/schedules`), with the page's write token; the answer parsed with the shared schema. */
import { ApiErrorSchema, DatasetSchema, type ChatSchedule, type Dataset } from '../../shared/index.js';
import { ApiFailure, authHeaders } from '../api.js';

/** Replaces the whole list stored with the dataset (empty: every chat's sessions are found again). */
export async function saveSchedules(datasetId: string, schedules: ChatSchedule[]): Promise<Dataset> {
  const url = `/api/datasets/${encodeURIComponent(datasetId)}/schedules`;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
    // Not parsed here: a schedule the server refuses comes back as its 400, named by field, shown at that field.
    body: JSON.stringify({ schedules }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(body);
    if (!parsed.success) throw new ApiFailure(`${url}: HTTP ${response.status}`, response.status, 'http_error');
    const { message, code, details } = parsed.data.error;
    throw new ApiFailure(message, response.status, code, details);
  }
  return DatasetSchema.parse(body);
}
