/** `GET /api/datasets`, `GET /api/datasets/:id`, `DELETE /api/datasets/:id`, `PUT /api/datasets/:id/schedules`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, DatasetListSchema, DatasetSchema, SessionSchedulesBodySchema } from '../../../shared/index.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const datasets: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/datasets',
    { schema: { tags: ['datasets'], summary: 'List datasets', response: { 200: DatasetListSchema } } },
    async () => ({
      datasets: await app.store.listDatasets(),
    }),
  );

  app.get(
    '/api/datasets/:id',
    {
      schema: {
        tags: ['datasets'],
        summary: 'One dataset',
        params: DatasetParamsSchema,
        response: { 200: DatasetSchema, ...errorReplies },
      },
    },
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
        description:
          'A dataset with snapshots is only deleted with `?confirm=true`: its snapshots go with it, and their links stop working.',
        params: DatasetParamsSchema,
        querystring: z.object({ confirm: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ deleted: z.string(), snapshotsDeleted: z.number().int() }), ...errorReplies, 409: ApiErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      const snapshots = await app.store.countSnapshots(id);
      if (snapshots > 0 && request.query.confirm !== 'true') {
        throw new HttpError(
          409,
          'has_snapshots',
          `Deleting this dataset also deletes its ${snapshots} snapshot(s), and their links stop working. Repeat with ?confirm=true to go ahead.`,
          { snapshots },
        );
      }
      await app.store.deleteDataset(id);
      app.graphs.drop(id);
      return { deleted: id, snapshotsDeleted: snapshots };
    },
  );

  app.put(
    '/api/datasets/:id/schedules',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Set the chats’ schedules (their sessions are the scheduled hours)',
        description:
          'The whole list, replacing the one stored: `{"schedules": [{"chat": "#critlib", "weekday": "tuesday", "start": "21:00", "timeZone": "America/New_York", "minutes": 60}]}`; an empty list goes back to sessions found from bursts and question series. Every graph of the dataset uses them unless its query gives `schedules`; the dataset’s session count follows.',
        params: DatasetParamsSchema,
        body: SessionSchedulesBodySchema,
        response: { 200: DatasetSchema, ...errorReplies },
      },
    },
    async (request) => {
      const dataset = await app.store.setSessionSchedules(request.params.id, request.body.schedules);
      if (!dataset) throw notFound(`dataset ${request.params.id}`);
      app.graphs.drop(dataset.id);
      return dataset;
    },
  );
};

export default datasets;
