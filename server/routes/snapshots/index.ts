/**
 * `POST /api/snapshots` stores an immutable view with the payload it shows,
 * or a session's report (Chat health) with the session's graph;
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
  type Dataset,
  type GraphPayload,
  type GraphQuery,
  type HealthReport,
  type Snapshot,
  type SnapshotInput,
} from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { asExportBody, ExportResponse } from '../export-response.js';
import { removePeople } from '../../pipeline/export/remove-people.js';
import { DEFAULT_PSEUDONYMIZE_OPTIONS, EXPORT_FORMATS, exportFileName, writeExport } from '../../pipeline/export/index.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import { pseudonymousRequest, type PseudonymousRequest } from '../../privacy/pseudonymous.js';
import { removeFromReport, type FrozenReport, type Ledger } from '../../pipeline/health/remove-people.js';
import type { StoredSnapshot } from '../../store/types.js';
import { healthOptionsOf } from '../datasets/chat-health.js';

const SnapshotParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a snapshot id') });

const snapshots: FastifyPluginAsyncZod = async (app) => {
  /**
   * What a stored snapshot shows now: a named one less anyone who opted out
   * since (node, ties, lists, hashtags, chat names, selection; a shared
   * report counted again without them); a pseudonymous one as stored (it
   * never named anyone), less the dataset id that snapshots stored before it
   * was left out carried.
   */
  const currentParts = async (s: StoredSnapshot): Promise<{ payload: string; view: string; options?: string; report?: string }> => {
    // The report as served: its session, never the ledger of who took part that a named one keeps for opt-outs.
    const frozen = s.report === undefined ? undefined : (JSON.parse(s.report) as FrozenReport);
    const session = frozen && { report: JSON.stringify(frozen.session) };
    if (s.privacy === 'pseudonymous') {
      const id = JSON.stringify(s.datasetId);
      return {
        payload: s.payload.includes(`"id":${id}`) ? s.payload.replace(`"dataset":{"id":${id}`, '"dataset":{"id":""') : s.payload,
        view: s.view,
        ...session,
      };
    }
    const optedOut = await optedOutIn(app.store, s.datasetId);
    if (optedOut.size === 0) return { payload: s.payload, view: s.view, ...session };
    const people = await app.store.getPeople(s.datasetId, [...optedOut]);
    const removed = [...optedOut].map((key) => people.find((p) => p.key === key) ?? { key });
    const view = JSON.parse(s.view) as Snapshot['view'];
    if (view.selected !== undefined && optedOut.has(view.selected)) delete view.selected;
    const stored = JSON.parse(s.payload) as GraphPayload;
    const payload = removePeople(stored, removed);
    // The options' chats as the payload now names them (a DM named after them is renamed there).
    const renamed = new Map(stored.attributes.meta.options.chats.map((c, i) => [c, payload.attributes.meta.options.chats[i]!]));
    const options = JSON.parse(s.options) as GraphQuery;
    if (options.chats) options.chats = options.chats.map((c) => renamed.get(c.toLowerCase()) ?? c);
    return {
      payload: JSON.stringify(payload),
      view: JSON.stringify(view),
      options: JSON.stringify(options),
      ...(frozen ? { report: JSON.stringify(removeFromReport(frozen, removed)) } : {}),
    };
  };

  /**
   * A session's report to share, as computed now (GraphCache.health: opt-outs left out, pseudonymous when asked)
   * with, for a named one, who took part; and the graph query of the session itself (its chat and hours).
   */
  const reportToShare = async (
    dataset: Dataset,
    sessionId: string,
    pseudonymous: PseudonymousRequest | undefined,
  ): Promise<{ frozen: FrozenReport; options: GraphQuery }> => {
    // A session id is `chat@start`: the chat's whole history is read, and the window is the session's start.
    const at = sessionId.lastIndexOf('@');
    const [chat, start] = [sessionId.slice(0, at), sessionId.slice(at + 1)];
    if (at <= 0 || Number.isNaN(Date.parse(start))) throw notFound(`session ${sessionId}`);
    const window = healthOptionsOf({ chats: [chat], from: start, to: start, privacy: 'named' });
    const body = await app.graphs.health(dataset, pseudonymous ? window : { ...window, ledger: true }, pseudonymous);
    const report = JSON.parse(body.toString('utf8')) as HealthReport & { ledger?: Ledger[] };
    // A pseudonymous report's ids have names scrubbed out: the session is the one starting then (one chat asked for).
    const i = report.sessions.findIndex((s) => (pseudonymous ? s.start === window.from : s.id === sessionId));
    const session = report.sessions[i];
    if (!session) throw notFound(`session ${sessionId} (in dataset ${dataset.id})`);
    return {
      frozen: { session, ...report.ledger?.[i] },
      options: { chats: [chat], from: session.start, to: session.end },
    };
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
      const { datasetId, privacy } = request.body;
      const dataset = await app.store.getDataset(datasetId);
      if (!dataset) throw notFound(`dataset ${datasetId}`);
      const pseudonymous = privacy === 'pseudonymous';
      const share = pseudonymous ? pseudonymousRequest(app.secret, datasetId, DEFAULT_PSEUDONYMIZE_OPTIONS.k) : undefined;
      // A report: its session's graph, shown beside it in the Chat health view.
      const shared = request.body.report && (await reportToShare(dataset, request.body.report.session, share));
      const options: SnapshotInput['options'] = shared ? shared.options : request.body.options;
      const view: SnapshotInput['view'] = shared
        ? { colourBy: 'community', sizeBy: 'weightedDegree', hidden: [], mode: 'health' }
        : request.body.view;
      // A pseudonymous share is computed apart: a layout of its own, k-anonymous figures, no dataset id (privacy/pseudonymous).
      const cached = await app.graphs.get(dataset, resolveBuildOptions(options), 'shown', share);
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
        ...(shared ? { report: JSON.stringify(shared.frozen) } : {}),
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
      const { payload, view, options = s.options, report } = await currentParts(s);
      // Assembled from the stored JSON texts: otherwise the payload is served exactly as it was stored.
      // A pseudonymous snapshot does not say which dataset it came from: it must not lead back to the named data.
      const source = s.privacy === 'named' ? `"datasetId":${JSON.stringify(s.datasetId)},"datasetVersion":${s.datasetVersion},` : '';
      const json = `{"id":${JSON.stringify(s.id)},"createdAt":${JSON.stringify(s.createdAt)},${source}"options":${options},"view":${view},"privacy":${JSON.stringify(s.privacy)},"payload":${payload}${report === undefined ? '' : `,"report":${report}`}}`;
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
