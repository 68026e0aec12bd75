/**
 * `GET /api/datasets/:id/graph` and `GET /api/datasets/:id/export`: the
 * GraphPayload for a query (cached per dataset version and query), as JSON
 * to draw or as a file to download.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, GraphPayloadSchema, GraphQuerySchema, type Dataset, type GraphPayload, type GraphQuery } from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

export const EXPORT_FORMATS = ['json'] as const;
const ExportQuerySchema = GraphQuerySchema.extend({ format: z.enum(EXPORT_FORMATS).default('json') });

/** A file name people can keep: `uklibchat-graph.json`. */
function downloadName(dataset: Dataset, extension: string): string {
  const base = dataset.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'dataset';
  return `${base}-graph.${extension}`;
}

/** The JSON text of a GraphPayload, typed as what it encodes for the route's reply type. */
const asPayload = (json: string) => json as unknown as GraphPayload;

const graph: FastifyPluginAsyncZod = async (app) => {
  const load = async (id: string, query: GraphQuery) => {
    const dataset = await app.store.getDataset(id);
    if (!dataset) throw notFound(`dataset ${id}`);
    return { dataset, graph: await app.graphs.get(dataset, query) };
  };

  app.get(
    '/api/datasets/:id/graph',
    {
      schema: {
        tags: ['graph'],
        summary: 'The co-participation graph with communities (graphology serialization + meta)',
        params: DatasetParamsSchema,
        querystring: GraphQuerySchema,
        response: { 200: GraphPayloadSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { graph: cached } = await load(request.params.id, request.query);
      // Sent as the cached JSON text (Fastify passes a string with a JSON type through untouched):
      // serializing a large payload again per request is the cost the cache avoids.
      return reply.type('application/json; charset=utf-8').send(asPayload(cached.json));
    },
  );

  app.get(
    '/api/datasets/:id/export',
    {
      schema: {
        tags: ['graph'],
        summary: 'Download the graph (same query as the graph route)',
        params: DatasetParamsSchema,
        querystring: ExportQuerySchema,
        response: { 200: GraphPayloadSchema, ...errorReplies, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { dataset, graph: cached } = await load(request.params.id, query);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${downloadName(dataset, format)}"`)
        .send(asPayload(cached.json));
    },
  );
};

export default graph;
