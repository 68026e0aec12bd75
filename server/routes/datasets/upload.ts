/**
 * `POST /api/datasets` (new dataset) and `POST /api/datasets/:id/files` (add
 * to one): multipart with one or more `file` parts and optional `name`,
 * `format` and `chat` fields. The files are streamed to disk and imported as
 * a job (see POST /api/imports for the same without waiting); this route
 * waits for it and answers with the dataset, or with the job's error.
 * All files are read before anything is stored.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { ApiErrorSchema, DatasetSchema, type Dataset } from '../../../shared/index.js';
import { ImportFailedError } from '../../imports/import-jobs.js';
import type { FileOnDisk } from '../../ingest/read-file.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import { applyTableReading, readUploadForm, uploadName } from '../upload-form.js';
import type { TableReading } from '../../store/rows.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const multipartDoc = { consumes: ['multipart/form-data'] };
export const uploadErrors = { 400: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema };

/** Runs the import as a job and waits for it; its failure becomes the answer. */
async function importAndWait(
  app: FastifyInstance,
  request: { datasetId?: string; name: string; files: FileOnDisk[]; table?: TableReading | undefined },
): Promise<Dataset> {
  const { done } = await app.imports.start(request);
  try {
    return await done;
  } catch (error) {
    if (error instanceof ImportFailedError) throw new HttpError(error.info.status, error.info.code, error.info.message, error.info.details);
    throw error;
  }
}

const upload: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/datasets',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Create a dataset from transcript files',
        description:
          'multipart/form-data: one or more `file` parts; optional `name`, `format` (else detected), `chat`, `mapping` (JSON: table column by role, `{"author": "user_screen_name", "text": "text", "time": "created_at"}`) `timezone` (for table times without an offset), `bots` (IRC nicks to leave out) and `modified` (JSON array: each file\'s last-modified time in ms, in file order; dates a Zoom chat whose name has none). A table whose columns are not recognised answers 422 `needs_mapping` with its header, sample rows and guesses.',
        ...multipartDoc,
        response: { 201: DatasetSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const form = await readUploadForm(request, app.uploadDir, app.config.MAX_UPLOAD_MB);
      const table = applyTableReading(form);
      const dataset = await importAndWait(app, { name: uploadName(form), files: form.files, table });
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
      const form = await readUploadForm(request, app.uploadDir, app.config.MAX_UPLOAD_MB);
      // Files added later are read as the dataset's tables were, unless the form says otherwise.
      const table = applyTableReading(form, existing);
      const dataset = await importAndWait(app, { datasetId: existing.id, name: existing.name, files: form.files, table });
      return reply.code(201).send(dataset);
    },
  );
};

export default upload;
