/**
 * `GET /api/datasets/:id/graph` and `GET /api/datasets/:id/export`: the
 * GraphPayload for a query (cached per dataset version and query), as JSON
 * to draw (a big graph's ties thinned to a backbone, said in its meta) or
 * as a file to download (every tie).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, GraphPayloadSchema, GraphQuerySchema, resolveBuildOptions, type GraphPayload } from '../../../shared/index.js';
import { encodedBody, pickEncoding } from '../../graphs/graph-cache.js';
import { DEFAULT_PSEUDONYMIZE_OPTIONS, EXPORT_FORMATS, exportFileName, writeExport } from '../../pipeline/export/index.js';
import { pseudonymousRequest } from '../../privacy/pseudonymous.js';
import { notFound } from '../../plugins/errors.js';
import { asExportBody, ExportResponse } from '../export-response.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const ExportQuerySchema = GraphQuerySchema.extend({
  format: z.enum(EXPORT_FORMATS).default('json'),
  /** `named` (default) or `pseudonymous`: stable "Participant N" names, small communities merged. */
  privacy: z.enum(['named', 'pseudonymous']).default('named'),
  /** Communities smaller than k are merged into "other" in pseudonymous exports. */
  k: z.coerce.number().int().min(2).max(100).default(DEFAULT_PSEUDONYMIZE_OPTIONS.k),
});

const graph: FastifyPluginAsyncZod = async (app) => {
  const datasetOf = async (id: string) => {
    const dataset = await app.store.getDataset(id);
    if (!dataset) throw notFound(`dataset ${id}`);
    return dataset;
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
      const dataset = await datasetOf(request.params.id);
      const options = resolveBuildOptions(request.query);
      const etag = app.graphs.etag(dataset, options);
      reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === etag) return (reply as unknown as FastifyReply).code(304).send();
      const cached = await app.graphs.get(dataset, options);
      // The cached bytes, compressed once per encoding and kept: re-serializing or re-compressing a
      // large payload on every request is the cost the cache avoids.
      const encoding = pickEncoding(request.headers['accept-encoding']);
      const body = await encodedBody(cached, encoding);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply.type('application/json; charset=utf-8').send(body as unknown as GraphPayload);
    },
  );

  app.get(
    '/api/datasets/:id/export',
    {
      schema: {
        tags: ['graph'],
        summary: 'Download the graph: json, gexf, graphml, nodes-csv or edges-csv (same query as the graph route)',
        params: DatasetParamsSchema,
        querystring: ExportQuerySchema,
        response: { 200: ExportResponse, ...errorReplies, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { format, privacy, k, ...query } = request.query;
      const dataset = await datasetOf(request.params.id);
      // Every tie, never the page's backbone, and every tie count written out: a file is read by other tools.
      // A pseudonymous file is computed apart (own layout, k-anonymous figures, no dataset id: privacy/pseudonymous).
      const pseudonymous = privacy === 'pseudonymous';
      const options = resolveBuildOptions(query);
      const cached = pseudonymous
        ? await app.graphs.get(dataset, options, 'all', pseudonymousRequest(app.secret, dataset.id, k))
        : await app.graphs.getEveryTie(dataset, options);
      const payload = cached.payload();
      const file = writeExport(payload, format);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${exportFileName(payload.attributes.meta.dataset.name, format, pseudonymous)}"`,
        )
        .send(asExportBody(file.body));
    },
  );
};

export default graph;
