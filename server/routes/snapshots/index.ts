/**
 * `POST /api/snapshots` stores an immutable view with the payload it shows;
 * `GET /api/snapshots/:id` reads it back. Ids carry 128 random bits: a link
 * is a capability, so knowing it is what grants reading it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  GraphPayloadSchema,
  resolveBuildOptions,
  SnapshotCreatedSchema,
  SnapshotInputSchema,
  SnapshotSchema,
  type GraphPayload,
  type Snapshot,
} from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { asExportBody, ExportResponse } from '../export-response.js';
import { removePeople } from '../../pipeline/export/remove-people.js';
import { DEFAULT_PSEUDONYMIZE_OPTIONS, EXPORT_FORMATS, exportFileName, writeExport } from '../../pipeline/export/index.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import { pseudonymousRequest } from '../../privacy/pseudonymous.js';
import type { StoredSnapshot } from '../../store/types.js';

const SnapshotParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a snapshot id') });

const snapshots: FastifyPluginAsyncZod = async (app) => {
  /**
   * What a stored snapshot shows now: a named one less anyone who opted out
   * since (node, ties, lists, hashtags, chat names, selection); a
   * pseudonymous one as stored (it never named anyone), less the dataset id
   * that snapshots stored before it was left out carried.
   */
  const currentParts = async (s: StoredSnapshot): Promise<{ payload: string; view: string }> => {
    if (s.privacy === 'pseudonymous') {
      const id = JSON.stringify(s.datasetId);
      return {
        payload: s.payload.includes(`"id":${id}`) ? s.payload.replace(`"dataset":{"id":${id}`, '"dataset":{"id":""') : s.payload,
        view: s.view,
      };
    }
    const optedOut = await optedOutIn(app.store, s.datasetId);
    if (optedOut.size === 0) return { payload: s.payload, view: s.view };
    const people = await app.store.getPeople(s.datasetId, [...optedOut]);
    const removed = [...optedOut].map((key) => people.find((p) => p.key === key) ?? { key });
    const view = JSON.parse(s.view) as Snapshot['view'];
    if (view.selected !== undefined && optedOut.has(view.selected)) delete view.selected;
    return { payload: JSON.stringify(removePeople(JSON.parse(s.payload) as GraphPayload, removed)), view: JSON.stringify(view) };
  };

  app.post(
    '/api/snapshots',
    {
      // A real view is a few KB (its hidden list and chat lists at most ~100 KB): the app's 10 MB is for identity lists.
      bodyLimit: 1024 * 1024,
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
      const pseudonymous = privacy === 'pseudonymous';
      // A pseudonymous share is computed apart: a layout of its own, k-anonymous figures, no dataset id (privacy/pseudonymous).
      const cached = await app.graphs.get(
        dataset,
        resolveBuildOptions(options),
        'shown',
        pseudonymous ? pseudonymousRequest(app.secret, datasetId, DEFAULT_PSEUDONYMIZE_OPTIONS.k) : undefined,
      );
      const json = cached.json;
      // A pseudonymous view names no one: no selection, no hidden categories (a chat category may carry a name),
      // no community by number (the share's communities are numbered anew), and the chats as the payload scrubbed them.
      const safeView = pseudonymous ? { ...view, selected: undefined, community: undefined, hidden: [] } : view;
      const safeOptions = pseudonymous ? { ...options, chats: (JSON.parse(json) as GraphPayload).attributes.meta.options.chats } : options;
      const id = randomBytes(16).toString('base64url');
      await app.store.createSnapshot({
        id,
        createdAt: new Date().toISOString(),
        datasetId,
        datasetVersion: dataset.version,
        privacy,
        options: JSON.stringify(safeOptions),
        view: JSON.stringify(safeView),
        payload: json,
      });
      return reply.code(201).send({ id, url: `/s/${id}`, embedUrl: `/embed/${id}` });
    },
  );

  app.get(
    '/api/snapshots/:id',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'A stored snapshot with its payload',
        params: SnapshotParamsSchema,
        response: { 200: SnapshotSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const s = await app.store.getSnapshot(request.params.id);
      if (!s) throw notFound('snapshot');
      const { payload, view } = await currentParts(s);
      // Assembled from the stored JSON texts: otherwise the payload is served exactly as it was stored.
      // A pseudonymous snapshot does not say which dataset it came from: it must not lead back to the named data.
      const source = s.privacy === 'named' ? `"datasetId":${JSON.stringify(s.datasetId)},"datasetVersion":${s.datasetVersion},` : '';
      const json = `{"id":${JSON.stringify(s.id)},"createdAt":${JSON.stringify(s.createdAt)},${source}"options":${s.options},"view":${view},"privacy":${JSON.stringify(s.privacy)},"payload":${payload}}`;
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
        response: { 200: ExportResponse, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const s = await app.store.getSnapshot(request.params.id);
      if (!s) throw notFound('snapshot');
      const json = (await currentParts(s)).payload;
      const payload = JSON.parse(json) as GraphPayload;
      const { format } = request.query;
      const file = format === 'json' ? { body: json, contentType: 'application/json; charset=utf-8' } : writeExport(payload, format);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${exportFileName(payload.attributes.meta.dataset.name, format, s.privacy === 'pseudonymous')}"`,
        )
        .send(asExportBody(file.body));
    },
  );
};

export default snapshots;
