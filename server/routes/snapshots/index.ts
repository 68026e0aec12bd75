/**
 * `POST /api/snapshots` stores an immutable view with the payload it shows;
 * `GET /api/snapshots/:id` reads it back. Ids carry 128 random bits: a link
 * is a capability, so knowing it is what grants reading it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, GraphPayloadSchema, SnapshotCreatedSchema, SnapshotInputSchema, SnapshotSchema, type GraphPayload, type Snapshot } from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { withPrivacy } from '../../privacy.js';
import { removePeople } from '../../pipeline/export/remove-people.js';
import { EXPORT_FORMATS, exportFileName, writeExport } from '../../pipeline/export/index.js';
import type { StoredSnapshot } from '../../store/types.js';

const SnapshotParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a snapshot id') });

const snapshots: FastifyPluginAsyncZod = async (app) => {
  /** The stored payload, less anyone who opted out since (pseudonymous snapshots never named them). */
  const currentPayload = async (s: StoredSnapshot): Promise<string> => {
    const optedOut = new Set((await app.store.getPersonFlags(s.datasetId)).filter((f) => f.flag === 'opt-out').map((f) => f.key));
    return s.privacy === 'named' && optedOut.size > 0 ? JSON.stringify(removePeople(JSON.parse(s.payload) as GraphPayload, optedOut)) : s.payload;
  };

  app.post(
    '/api/snapshots',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Store a view to share (immutable)',
        body: SnapshotInputSchema,
        response: { 201: SnapshotCreatedSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { datasetId, options, view, privacy } = request.body;
      const dataset = await app.store.getDataset(datasetId);
      if (!dataset) throw notFound(`dataset ${datasetId}`);
      const cached = await app.graphs.get(dataset, options);
      const { json } = withPrivacy(cached.json, { privacy, datasetId, secret: app.secret });
      // A pseudonymous view must not name anyone: drop the selection, and chat categories that may carry a handle.
      const safeView = privacy === 'pseudonymous' ? { ...view, selected: undefined, hidden: view.colourBy === 'chat' ? [] : view.hidden } : view;
      const id = randomBytes(16).toString('base64url');
      await app.store.createSnapshot({
        id,
        createdAt: new Date().toISOString(),
        datasetId,
        datasetVersion: dataset.version,
        privacy,
        options: JSON.stringify(options),
        view: JSON.stringify(safeView),
        payload: json,
      });
      return reply.code(201).send({ id, url: `/s/${id}`, embedUrl: `/embed/${id}` });
    },
  );

  app.get(
    '/api/snapshots/:id',
    { schema: { tags: ['snapshots'], summary: 'A stored snapshot with its payload', params: SnapshotParamsSchema, response: { 200: SnapshotSchema, 404: ApiErrorSchema } } },
    async (request, reply) => {
      const s = await app.store.getSnapshot(request.params.id);
      if (!s) throw notFound('snapshot');
      const payloadJson = await currentPayload(s);
      // Assembled from the stored JSON texts: otherwise the payload is served exactly as it was stored.
      const json = `{"id":${JSON.stringify(s.id)},"createdAt":${JSON.stringify(s.createdAt)},"datasetId":${JSON.stringify(s.datasetId)},"datasetVersion":${s.datasetVersion},"options":${s.options},"view":${s.view},"privacy":${JSON.stringify(s.privacy)},"payload":${payloadJson}}`;
      return reply.type('application/json; charset=utf-8').send(json as unknown as Snapshot);
    },
  );

  app.get(
    '/api/snapshots/:id/export',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Download what a snapshot shows: json, gexf, graphml, nodes-csv, edges-csv or svg',
        params: SnapshotParamsSchema,
        querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('json') }),
        response: { 200: GraphPayloadSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const s = await app.store.getSnapshot(request.params.id);
      if (!s) throw notFound('snapshot');
      const json = await currentPayload(s);
      const payload = JSON.parse(json) as GraphPayload;
      const { format } = request.query;
      const file = format === 'json' ? { body: json, contentType: 'application/json; charset=utf-8' } : writeExport(payload, format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${exportFileName(payload.attributes.meta.dataset.name, format, s.privacy === 'pseudonymous')}"`)
        .send(file.body as unknown as GraphPayload);
    },
  );
};

export default snapshots;

