/** `GET /api/datasets`, `GET /api/datasets/:id`, `DELETE /api/datasets/:id`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DatasetListSchema, DatasetSchema } from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const datasets: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/datasets', { schema: { tags: ['datasets'], summary: 'List datasets', response: { 200: DatasetListSchema } } }, async () => ({
    datasets: await app.store.listDatasets(),
  }));

  app.get(
    '/api/datasets/:id',
    { schema: { tags: ['datasets'], summary: 'One dataset', params: DatasetParamsSchema, response: { 200: DatasetSchema, ...errorReplies } } },
    async (request) => {
      const dataset = await app.store.getDataset(request.params.id);
      if (!dataset) throw notFound(`dataset ${request.params.id}`);
      return dataset;
    },
  );

  app.delete(
    '/api/datasets/:id',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Delete a dataset with its messages and people',
        params: DatasetParamsSchema,
        response: { 200: z.object({ deleted: z.string() }), ...errorReplies },
      },
    },
    async (request) => {
      const deleted = await app.store.deleteDataset(request.params.id);
      if (!deleted) throw notFound(`dataset ${request.params.id}`);
      app.graphs.drop(request.params.id);
      return { deleted: request.params.id };
    },
  );
};

export default datasets;
