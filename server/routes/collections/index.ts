/**
 * Live collections of a dataset: `POST /api/datasets/:id/collections`
 * starts one (its first run at once unless `paused`), `GET` lists them with
 * their progress and history; pause, resume, run (collect what is new now),
 * cancel (drop the run under way) and `DELETE`. Writes need the token like
 * every write (plugins/auth.ts). No answer ever carries a credential.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, CollectionListSchema, CollectionSchema, CreateCollectionSchema } from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { errorReplies } from '../datasets/schemas.js';

const Params = z.object({ id: z.string().min(1).max(64) });
const OneParams = Params.extend({ collection: z.string().min(1).max(64) });
const replies = { 200: CollectionSchema, ...errorReplies, 409: ApiErrorSchema };
const tags = ['collections'];

const collections: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/datasets/:id/collections',
    {
      schema: {
        tags,
        summary: 'Collect a hashtag from Mastodon instances or Bluesky into this dataset, now and on a schedule',
        params: Params,
        body: CreateCollectionSchema,
        response: { 201: CollectionSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const dataset = await app.store.getDataset(request.params.id);
      if (!dataset) throw notFound(`dataset ${request.params.id}`);
      const created = await app.collections.create(dataset.id, request.body);
      return reply.code(201).header('location', `/api/datasets/${dataset.id}/collections/${created.id}`).send(created);
    },
  );

  app.get(
    '/api/datasets/:id/collections',
    {
      schema: {
        tags,
        summary: "The dataset's collections: progress and history",
        params: Params,
        response: { 200: CollectionListSchema, ...errorReplies },
      },
    },
    async (request) => {
      if (!(await app.store.getDataset(request.params.id))) throw notFound(`dataset ${request.params.id}`);
      return { collections: await app.collections.list(request.params.id) };
    },
  );

  app.get(
    '/api/datasets/:id/collections/:collection',
    { schema: { tags, summary: 'One collection', params: OneParams, response: replies } },
    async (request) => app.collections.view(await app.collections.get(request.params.id, request.params.collection)),
  );

  const actions = {
    pause: 'Pause: no runs; a run under way stops after its current request and resumes from there',
    resume: 'Resume runs and the schedule',
    run: 'Collect what is new now',
    cancel: 'Drop the run under way; nothing of it is stored',
  } as const;
  for (const [action, summary] of Object.entries(actions) as [keyof typeof actions, string][]) {
    app.post(
      `/api/datasets/:id/collections/:collection/${action}`,
      { schema: { tags, summary, params: OneParams, response: replies } },
      async (request) => {
        const record = await app.collections.get(request.params.id, request.params.collection);
        if (action === 'pause') return app.collections.pause(record);
        if (action === 'resume') return app.collections.resume(record);
        if (action === 'run') return app.collections.runNow(record);
        return app.collections.cancel(record);
      },
    );
  }

  app.delete(
    '/api/datasets/:id/collections/:collection',
    {
      schema: {
        tags,
        summary: 'Delete a collection (the posts it stored stay in the dataset)',
        params: OneParams,
        response: { 204: z.null(), ...errorReplies },
      },
    },
    async (request, reply) => {
      await app.collections.delete(await app.collections.get(request.params.id, request.params.collection));
      return reply.code(204).send(null);
    },
  );
};

export default collections;
