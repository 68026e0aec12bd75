/**
 * A multipart upload read the way big files need: each `file` part is
 * streamed to its own file under the upload folder (never whole in memory),
 * the other fields read as text. The size limit is enforced while
 * streaming (413); on any failure the files written so far are removed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import {
  FormatIdSchema,
  FORMAT_IDS,
  TableMappingSchema,
  TABLE_ROLES,
  type Dataset,
  type FormatId,
  type TableMapping,
} from '../../shared/index.js';
import { isTimezone } from '../ingest/parse/table/dates.js';
import type { FileOnDisk } from '../ingest/read-file.js';
import { HttpError } from '../plugins/errors.js';

export interface UploadForm {
  name?: string;
  format?: FormatId;
  chat?: string;
  /** `dataset` field (POST /api/imports): add to this dataset. */
  dataset?: string;
  /** `mapping` field: JSON, role → column name, for tables whose columns are not recognised. */
  mapping?: TableMapping;
  /** `timezone` field: IANA name or `+01:00`, for table times written without an offset. */
  timezone?: string;
  /** `bots` field: nicks (comma or space separated) whose lines are left out of IRC logs. */
  bots?: string[];
  /** `modified` field: JSON array, each file's last-modified time (ms since 1970) in the order of the files. */
  modified?: number[];
  files: FileOnDisk[];
}

/** The `mapping` field's JSON, checked: a 400 names what is wrong. */
export function readMappingField(value: string): TableMapping {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new HttpError(
      400,
      'invalid_request',
      `mapping must be JSON such as {"author": "user_screen_name", "text": "text", "time": "created_at"}`,
    );
  }
  const mapping = TableMappingSchema.safeParse(json);
  if (!mapping.success) {
    throw new HttpError(
      400,
      'invalid_request',
      `mapping: an object of column names by role (${TABLE_ROLES.join(', ')})`,
      mapping.error.issues,
    );
  }
  return mapping.data;
}

/** The `bots` field: nicks, comma or space separated, `@` dropped (at most 200, each at most 64 characters). */
export function readBotsField(value: string): string[] {
  const nicks = value
    .split(/[\s,]+/)
    .map((n) => n.replace(/^@+/, ''))
    .filter(Boolean);
  if (nicks.length > 200 || nicks.some((n) => n.length > 64))
    throw new HttpError(400, 'invalid_request', 'bots: at most 200 nicks of at most 64 characters, comma separated');
  return nicks;
}

/** The `modified` field: a JSON array of times (ms since 1970), as browsers give `File.lastModified`. */
export function readModifiedField(value: string): number[] {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    json = undefined;
  }
  if (
    !Array.isArray(json) ||
    json.length > 10_000 ||
    json.some((t) => typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 8.64e15)
  )
    throw new HttpError(
      400,
      'invalid_request',
      `modified must be a JSON array of each file's last-modified time in ms since 1970, in the order of the files, such as [1710412800000]; got ${JSON.stringify(value.slice(0, 80))}`,
    );
  return json as number[];
}

/** The `timezone` field, checked. */
export function readTimezoneField(value: string): string {
  if (!isTimezone(value))
    throw new HttpError(400, 'invalid_request', `unknown timezone "${value}": use an IANA name (Europe/London) or an offset (+01:00)`);
  return value;
}

/**
 * How the form's tables are read: its mapping and time zone, else what the
 * dataset they are added to remembers. Set on every file.
 */
export function applyTableReading(form: UploadForm, dataset?: Dataset): { mapping?: TableMapping; timezone?: string } | undefined {
  const mapping = form.mapping ?? dataset?.mapping;
  const timezone = form.timezone ?? dataset?.timezone;
  if (!mapping && !timezone) return undefined;
  const table = { ...(mapping ? { mapping } : {}), ...(timezone ? { timezone } : {}) };
  for (const f of form.files) f.table = table;
  return table;
}

export async function readUploadForm(request: FastifyRequest, uploadDir: string, maxUploadMb: number): Promise<UploadForm> {
  if (!request.isMultipart())
    throw new HttpError(415, 'unsupported_media_type', 'send the files as multipart/form-data with one or more "file" parts');
  await fs.promises.mkdir(uploadDir, { recursive: true });
  const form: UploadForm = { files: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const fileName = part.filename || `file-${form.files.length + 1}`;
        const filePath = path.join(uploadDir, `${Date.now()}-${randomBytes(9).toString('base64url')}.upload`);
        const file: FileOnDisk = { path: filePath, fileName, size: 0 };
        form.files.push(file);
        await pipeline(part.file, fs.createWriteStream(filePath, { flags: 'wx' }));
        if (part.file.truncated) throw new HttpError(413, 'too_large', `${fileName} is larger than the upload limit of ${maxUploadMb} MB`);
        file.size = (await fs.promises.stat(filePath)).size;
        continue;
      }
      const value = typeof part.value === 'string' ? part.value.trim() : '';
      if (part.fieldname === 'name' && value) form.name = value.slice(0, 200);
      else if (part.fieldname === 'chat' && value) form.chat = value.slice(0, 200);
      else if (part.fieldname === 'dataset' && value) form.dataset = value.slice(0, 200);
      else if (part.fieldname === 'mapping' && value) form.mapping = readMappingField(value);
      else if (part.fieldname === 'timezone' && value) form.timezone = readTimezoneField(value);
      else if (part.fieldname === 'bots' && value) form.bots = readBotsField(value);
      else if (part.fieldname === 'modified' && value) form.modified = readModifiedField(value);
      else if (part.fieldname === 'format' && value && value !== 'auto') {
        const format = FormatIdSchema.safeParse(value);
        if (!format.success) throw new HttpError(400, 'invalid_request', `unknown format "${value}"; use one of: ${FORMAT_IDS.join(', ')}`);
        form.format = format.data;
      }
    }
    if (form.files.length === 0) throw new HttpError(400, 'invalid_request', 'no file: send at least one multipart part named "file"');
    if (form.modified && form.modified.length !== form.files.length)
      throw new HttpError(
        400,
        'invalid_request',
        `modified holds ${form.modified.length} time(s) for ${form.files.length} file(s): give one per file, in the order of the files`,
      );
  } catch (error) {
    for (const f of form.files) fs.rm(f.path, { force: true }, () => {});
    throw error;
  }
  // Fields may come after the files; they apply to every file.
  for (const f of form.files) {
    if (form.format) f.format = form.format;
    if (form.chat) f.chat = form.chat;
    if (form.bots) f.bots = form.bots;
  }
  form.modified?.forEach((t, i) => (form.files[i]!.modifiedAt = t));
  return form;
}

/** The dataset name for a new import: the `name` field, else the files' names. */
export const uploadName = (form: UploadForm) =>
  form.name ??
  form.files
    .map((f) => f.fileName)
    .join(', ')
    .slice(0, 200);
