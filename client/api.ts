/** Typed calls to the API; every response is parsed with the shared schema. */
import { z } from 'zod';
import {
  ApiErrorSchema,
  DatasetListSchema,
  GraphMetaSchema,
  GraphPayloadSchema,
  ImportJobSchema,
  PeersSchema,
  SnapshotCreatedSchema,
  SnapshotSchema,
  TableMappingSchema,
  MessageSchema,
  PersonDetailSchema,
  PersonEditSchema,
  type Message,
  type PersonEdit,
  type Peers,
  type Dataset,
  type GraphPayload,
  type Privacy,
  type SourceResult,
  type Snapshot,
  type SnapshotCreated,
  type SnapshotInput,
  type TableMapping,
} from '../shared/index.js';

export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function failure(status: number, body: unknown, url: string): ApiFailure {
  const parsed = ApiErrorSchema.safeParse(body);
  return parsed.success
    ? new ApiFailure(parsed.data.error.message, status, parsed.data.error.code, parsed.data.error.details)
    : new ApiFailure(`${url}: HTTP ${status}`, status, 'http_error');
}

const TOKEN_KEY = 'chat-atlas-token';

/** The server's write token, when this browser was given one (kept for the tab's session only). */
export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function authHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...authHeaders() } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response.status, body, url);
  return body;
}

export async function listDatasets(): Promise<Dataset[]> {
  return DatasetListSchema.parse(await getJson('/api/datasets')).datasets;
}

/** `arrived`: given the JSON before it is parsed (the first picture draws from it), and awaited. */
export async function fetchGraph(
  datasetId: string,
  query: Record<string, string> = {},
  arrived?: (json: unknown) => Promise<void>,
): Promise<GraphPayload> {
  const params = new URLSearchParams(query).toString();
  const json = await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/graph${params ? `?${params}` : ''}`);
  await arrived?.(json);
  return GraphPayloadSchema.parse(json);
}

/** A pseudonymous payload may leave out its dataset's id: nothing in it should lead back to the named data. */
const ExportPayloadSchema = GraphPayloadSchema.extend({
  attributes: z.object({ meta: GraphMetaSchema.extend({ dataset: GraphMetaSchema.shape.dataset.partial({ id: true }) }) }),
});

/** The export route's JSON (every tie; `pseudonymous`: the server's pseudonymised payload, the only one a pseudonymous picture may use). */
export async function fetchExportPayload(datasetId: string, query: Record<string, string>, privacy: Privacy): Promise<GraphPayload> {
  const params = new URLSearchParams({ ...query, privacy, format: 'json' }).toString();
  const payload = ExportPayloadSchema.parse(await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/export?${params}`));
  // The explorer's types read the id in named views only; here it is never read.
  return payload as GraphPayload;
}

export interface UploadProgress {
  /** 0..1 of the bytes sent, then 0..1 of the import (the server's job). */
  done: number;
  phase: 'uploading' | 'importing';
  /** Messages read so far, while importing. */
  messages?: number;
}

export interface UploadResult {
  dataset: Dataset;
  /** What each transcript of this upload held (a zip may hold several). */
  files: SourceResult[];
}

/** How often the page asks after an import job. */
const FOLLOW_EVERY_MS = 300;

/** Follows an import job to its end: the dataset, or its error as an ApiFailure. */
export async function followImport(id: string, onProgress: (p: UploadProgress) => void): Promise<UploadResult> {
  for (;;) {
    const job = ImportJobSchema.parse(await getJson(`/api/imports/${encodeURIComponent(id)}`));
    onProgress({ done: job.percent / 100, phase: 'importing', messages: job.messages });
    if (job.status === 'done' && job.dataset) return { dataset: job.dataset, files: job.files };
    if (job.status === 'failed') {
      const error = job.error ?? { status: 500, code: 'internal_error', message: 'the import failed' };
      throw new ApiFailure(error.message, error.status, error.code, error.details);
    }
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_EVERY_MS));
  }
}

/** What an upload says besides its files (the form fields of `POST /api/imports`). */
export interface UploadFields {
  /** A new dataset's name. */
  name?: string;
  /** Add to this dataset (its id) instead of making a new one. */
  dataset?: string;
  /** Which column is which, for tables whose columns are not known. */
  mapping?: TableMapping;
  /** Time zone of table times written without an offset. */
  timezone?: string;
  /** The chat of messages whose file names none (no channel, group or chat tag); else it is named from the file. */
  chat?: string;
}

/**
 * Uploads files as a new dataset or into one: sent with XHR (fetch cannot
 * report upload progress), imported by the server as a job the page then follows.
 */
export function uploadDataset(files: File[], fields: UploadFields, onProgress: (p: UploadProgress) => void): Promise<UploadResult> {
  const form = new FormData();
  if (fields.name) form.append('name', fields.name);
  if (fields.dataset) form.append('dataset', fields.dataset);
  if (fields.mapping) form.append('mapping', JSON.stringify(TableMappingSchema.parse(fields.mapping)));
  if (fields.timezone) form.append('timezone', fields.timezone);
  if (fields.chat) form.append('chat', fields.chat);
  // Each file's last-saved time: dates a Zoom chat whose name carries no date.
  form.append('modified', JSON.stringify(files.map((f) => f.lastModified)));
  for (const f of files) form.append('file', f, f.name);
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress({ done: e.lengthComputable ? e.loaded / e.total : 0, phase: 'uploading' });
    xhr.upload.onload = () => onProgress({ done: 0, phase: 'importing' });
    xhr.onerror = () => reject(new ApiFailure('The upload could not reach the server.', 0, 'network_error'));
    xhr.onload = () => {
      if (xhr.status === 202) {
        const parsed = ImportJobSchema.safeParse(xhr.response);
        if (parsed.success) resolve(parsed.data.id);
        else reject(new ApiFailure('The server answered in an unexpected shape.', xhr.status, 'bad_response'));
      } else reject(failure(xhr.status, xhr.response, '/api/imports'));
    };
    xhr.send(form);
  }).then((id) => followImport(id, onProgress));
}

export interface PersonProfileView {
  key: string;
  handle: string;
  name?: string | undefined;
  bio?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  /** Where sector and region came from: "inferred (bio: 'NHS Foundation Trust')", "roster line 4". */
  sectorSource?: string;
  regionSource?: string;
}

const sourceText = (c: { source: string; evidence?: string | undefined }) =>
  c.source === 'unknown'
    ? 'no evidence'
    : c.source === 'inferred'
      ? `inferred from ${c.evidence ?? 'the profile'}`
      : (c.evidence ?? c.source);

export async function fetchPerson(datasetId: string, key: string): Promise<PersonProfileView> {
  const body = PersonDetailSchema.parse(await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/people/${encodeURIComponent(key)}`));
  return { ...body.profile, sectorSource: sourceText(body.sector), regionSource: sourceText(body.region) };
}

export async function createSnapshot(input: SnapshotInput): Promise<SnapshotCreated> {
  const response = await fetch('/api/snapshots', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders() },
    body: JSON.stringify(input),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response.status, body, '/api/snapshots');
  return SnapshotCreatedSchema.parse(body);
}

export async function fetchSnapshot(id: string): Promise<Snapshot> {
  return SnapshotSchema.parse(await getJson(`/api/snapshots/${encodeURIComponent(id)}`));
}

export async function fetchPeers(datasetId: string, key: string, query: Record<string, string>): Promise<Peers> {
  const params = new URLSearchParams(query).toString();
  return PeersSchema.parse(
    await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/people/${encodeURIComponent(key)}/peers${params ? `?${params}` : ''}`),
  );
}

/** Peers beyond a whole community's corner (its members' most common known sector and region). */
export async function fetchCommunityPeers(datasetId: string, community: number, query: Record<string, string>): Promise<Peers> {
  const params = new URLSearchParams(query).toString();
  return PeersSchema.parse(
    await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/communities/${community}/peers${params ? `?${params}` : ''}`),
  );
}

export async function fetchMessages(datasetId: string, query: Record<string, string>): Promise<Message[]> {
  const params = new URLSearchParams({ ...query, limit: '5000' }).toString();
  const body = (await getJson(`/api/datasets/${encodeURIComponent(datasetId)}/messages?${params}`)) as { messages: unknown[] };
  return body.messages.map((m) => MessageSchema.parse(m));
}

/** Sets someone's sector and/or region by hand (`PUT /api/datasets/:id/people/:key`): it overrides inference and rosters. */
export async function setPersonContext(datasetId: string, key: string, edit: PersonEdit): Promise<void> {
  const url = `/api/datasets/${encodeURIComponent(datasetId)}/people/${encodeURIComponent(key)}`;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
    body: JSON.stringify(PersonEditSchema.parse(edit)),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(response.status, body, url);
}
