/**
 * `POST /api/datasets` (new dataset) and `POST /api/datasets/:id/files` (add
 * to one): multipart with one or more `file` parts and optional `name`,
 * `format` and `chat` fields. All files are read before anything is stored.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ApiErrorSchema, DatasetSchema, FormatIdSchema, FORMAT_IDS, type FormatId } from '../../../shared/index.js';
import { importUploads, type UploadedFile } from '../../import-files.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

interface UploadForm {
  name?: string;
  format?: FormatId;
  chat?: string;
  files: { fileName: string; bytes: Uint8Array }[];
}

async function readForm(request: FastifyRequest): Promise<UploadForm> {
  if (!request.isMultipart()) throw new HttpError(415, 'unsupported_media_type', 'send the files as multipart/form-data with one or more "file" parts');
  const form: UploadForm = { files: [] };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await (part as MultipartFile).toBuffer();
      form.files.push({ fileName: part.filename || `file-${form.files.length + 1}`, bytes });
      continue;
    }
    const value = typeof part.value === 'string' ? part.value.trim() : '';
    if (part.fieldname === 'name' && value) form.name = value.slice(0, 200);
    else if (part.fieldname === 'chat' && value) form.chat = value.slice(0, 200);
    else if (part.fieldname === 'format' && value && value !== 'auto') {
      const format = FormatIdSchema.safeParse(value);
      if (!format.success) throw new HttpError(400, 'invalid_request', `unknown format "${value}"; use one of: ${FORMAT_IDS.join(', ')}`);
      form.format = format.data;
    }
  }
  if (form.files.length === 0) throw new HttpError(400, 'invalid_request', 'no file: send at least one multipart part named "file"');
  return form;
}

function toUploads(form: UploadForm): UploadedFile[] {
  return form.files.map((f) => ({ ...f, ...(form.format ? { format: form.format } : {}), ...(form.chat ? { chat: form.chat } : {}) }));
}

const multipartDoc = { consumes: ['multipart/form-data'] };
const uploadErrors = { 400: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema };

const upload: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/datasets',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Create a dataset from transcript files',
        description: 'multipart/form-data: one or more `file` parts; optional `name`, `format` (else detected) and `chat`.',
        ...multipartDoc,
        response: { 201: DatasetSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const form = await readForm(request);
      const name = form.name ?? form.files.map((f) => f.fileName).join(', ').slice(0, 200);
      const dataset = await importUploads(app.store, { name, files: toUploads(form) });
      return reply.code(201).send(dataset);
    },
  );

  app.post(
    '/api/datasets/:id/files',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Add transcript files to a dataset',
        ...multipartDoc,
        params: DatasetParamsSchema,
        response: { 201: DatasetSchema, ...uploadErrors, 404: errorReplies[404] },
      },
    },
    async (request, reply) => {
      const existing = await app.store.getDataset(request.params.id);
      if (!existing) throw notFound(`dataset ${request.params.id}`);
      const form = await readForm(request);
      const dataset = await importUploads(app.store, { datasetId: existing.id, name: existing.name, files: toUploads(form) });
      app.graphs.drop(existing.id);
      return reply.code(201).send(dataset);
    },
  );
};

export default upload;
