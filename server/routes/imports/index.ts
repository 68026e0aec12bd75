/**
 * Import jobs: `POST /api/imports` takes the same multipart upload as
 * `POST /api/datasets` (plus `dataset` to add to one) and answers at once,
 * 202 with the job and its `Location`; `GET /api/imports/:id` reports it —
 * status, percent, per-file results, then the dataset or the error — from
 * whichever server process on the database is asked.
 */
import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, ImportJobSchema } from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { uploadErrors } from '../datasets/upload.js';
import { applyTableReading, readUploadForm, uploadName } from '../upload-form.js';

const ImportParamsSchema = z.object({ id: z.string().min(1).max(100) });

const imports: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Start importing transcript files; follow the job',
        description:
          'multipart/form-data as `POST /api/datasets`: one or more `file` parts; optional `name`, `format`, `chat`, `mapping`, `timezone`, `bots`, `modified`, and `dataset` (an id: add to that dataset, read as its tables were). Answers 202 with the job at once; poll `GET /api/imports/:id` (a table needing a mapping fails with `needs_mapping`).',
        consumes: ['multipart/form-data'],
        response: { 202: ImportJobSchema, ...uploadErrors, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const form = await readUploadForm(request, app.uploadDir, app.config.MAX_UPLOAD_MB);
      const existing = form.dataset === undefined ? undefined : await app.store.getDataset(form.dataset);
      if (form.dataset !== undefined && !existing) {
        await Promise.all(form.files.map((f) => fs.promises.rm(f.path, { force: true })));
        throw notFound(`dataset ${form.dataset}`);
      }
      const table = applyTableReading(form, existing);
      const { job } = await app.imports.start({
        ...(existing ? { datasetId: existing.id } : {}),
        name: existing?.name ?? uploadName(form),
        files: form.files,
        table,
      });
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'An import job: status, percent, results',
        params: ImportParamsSchema,
        response: { 200: ImportJobSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const job = await app.store.getImportJob(request.params.id);
      if (!job) throw notFound(`import ${request.params.id}`);
      return job;
    },
  );
};

export default imports;
