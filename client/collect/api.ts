/** The collection routes, typed: every answer parsed with the shared schema (shared/collections.ts). */
import { CollectionListSchema, CollectionSchema, type Collection, type CreateCollection } from '../../shared/index.js';
import { ApiFailure, authHeaders } from '../api.js';

const base = (datasetId: string) => `/api/datasets/${encodeURIComponent(datasetId)}/collections`;

async function call(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...authHeaders(), ...(init.headers ?? {}) } });
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { message?: string; code?: string } } | undefined)?.error;
    throw new ApiFailure(error?.message ?? `${url}: HTTP ${response.status}`, response.status, error?.code ?? 'http_error');
  }
  return body;
}

export async function listCollections(datasetId: string): Promise<Collection[]> {
  return CollectionListSchema.parse(await call(base(datasetId))).collections;
}

export async function createCollection(datasetId: string, body: CreateCollection): Promise<Collection> {
  return CollectionSchema.parse(
    await call(base(datasetId), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

export type CollectionAction = 'pause' | 'resume' | 'run' | 'cancel';

export async function collectionAction(datasetId: string, id: string, action: CollectionAction): Promise<Collection> {
  return CollectionSchema.parse(await call(`${base(datasetId)}/${encodeURIComponent(id)}/${action}`, { method: 'POST' }));
}

export async function deleteCollection(datasetId: string, id: string): Promise<void> {
  await call(`${base(datasetId)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
