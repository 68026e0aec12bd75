/** Typed calls to the API; every response is parsed with the shared schema. */
import { ApiErrorSchema, DatasetListSchema, GraphPayloadSchema, type Dataset, type GraphPayload } from '../shared/index.js';

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json();
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(body);
    throw new Error(parsed.success ? parsed.data.error.message : `${url}: HTTP ${response.status}`);
  }
  return body;
}

export async function listDatasets(): Promise<Dataset[]> {
  return DatasetListSchema.parse(await getJson('/api/datasets')).datasets;
}

export async function fetchGraph(datasetId: string, query: Record<string, string> = {}): Promise<GraphPayload> {
  const params = new URLSearchParams(query).toString();
  return GraphPayloadSchema.parse(await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/graph${params ? `?${params}` : ''}`));
}
