/**
 * The organiser's view (issue 22): `GET /api/datasets/:id/sessions` (each
 * session's figures), `…/sessions/:sessionId` (its questions, first-timers,
 * mix and local hours) and `…/health` (series, returns, mixing matrices),
 * each as JSON or CSV (`?format=csv`, or `Accept: text/csv`). All three are
 * parts of one report per dataset version and query, computed in the
 * analysis processes and cached like graphs (GraphCache.health), with the
 * graph's selection (chats, from, to, sectors, regions, session gap, schedules), opt-outs
 * and privacy mode.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULT_RETURN_WINDOW,
  HealthQuerySchema,
  HealthSeriesSchema,
  resolveBuildOptions,
  SessionHealthSchema,
  SessionListSchema,
  type Dataset,
  type HealthOptions,
  type HealthQuery,
  type HealthReport,
} from '../../../shared/index.js';
import { seriesCsv, sessionCsv, sessionListCsv } from '../../pipeline/health/csv.js';
import { DEFAULT_PSEUDONYMIZE_OPTIONS } from '../../pipeline/export/index.js';
import { pseudonymousRequest } from '../../privacy/pseudonymous.js';
import { notFound } from '../../plugins/errors.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/** A 200 that is the schema's JSON, or the same figures as CSV. */
const jsonOrCsv = (schema: z.ZodType, csv: string) => ({
  description: 'JSON, or CSV with `format=csv` or `Accept: text/csv`',
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string().describe(csv) } },
});

/** The report's options from the query, in a fixed field order (the cache key is their JSON). */
export function healthOptionsOf(query: HealthQuery): HealthOptions {
  const o = resolveBuildOptions({
    chats: query.chats,
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    sectors: query.sectors,
    regions: query.regions,
    ...(query.sessionGapMinutes ? { sessionGapMinutes: query.sessionGapMinutes } : {}),
    ...(query.schedules ? { schedules: query.schedules } : {}),
  });
  return {
    chats: o.chats,
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
    sectors: o.sectors,
    regions: o.regions,
    sessionGapMinutes: o.sessionGapMinutes,
    returnWindow: DEFAULT_RETURN_WINDOW,
    ...(o.schedules ? { schedules: o.schedules } : {}),
  };
}

const wantsCsv = (request: FastifyRequest, query: HealthQuery) =>
  query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));

const chatHealth: FastifyPluginAsyncZod = async (app) => {
  const reportOf = async (id: string, query: HealthQuery): Promise<{ dataset: Dataset; report: HealthReport }> => {
    const dataset = await app.store.getDataset(id);
    if (!dataset) throw notFound(`dataset ${id}`);
    const pseudonymous =
      query.privacy === 'pseudonymous' ? pseudonymousRequest(app.secret, dataset.id, DEFAULT_PSEUDONYMIZE_OPTIONS.k) : undefined;
    const body = await app.graphs.health(dataset, healthOptionsOf(query), pseudonymous);
    return { dataset, report: JSON.parse(body.toString('utf8')) as HealthReport };
  };
  const sendCsv = (reply: FastifyReply, part: string, query: HealthQuery, csv: string) =>
    reply
      .type(CSV_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="chat-health-${part}${query.privacy === 'pseudonymous' ? '-pseudonymous' : ''}.csv"`,
      )
      .send(csv);

  app.get(
    '/api/datasets/:id/sessions',
    {
      schema: {
        tags: ['chat health'],
        summary: "Each session's figures: people new and returning, questions answered, newcomers welcomed and back",
        params: DatasetParamsSchema,
        querystring: HealthQuerySchema,
        response: { 200: jsonOrCsv(SessionListSchema, 'one row a session'), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { report } = await reportOf(request.params.id, request.query);
      const sessions = report.sessions.map(
        ({ questions: _q, unanswered: _u, firstTimers: _f, sectors: _s, regions: _r, localTimes: _l, ...figures }) => figures,
      );
      if (wantsCsv(request, request.query))
        return sendCsv(reply as unknown as FastifyReply, 'sessions', request.query, sessionListCsv(sessions));
      return { chats: report.chats, sessions };
    },
  );

  app.get(
    '/api/datasets/:id/sessions/:sessionId',
    {
      schema: {
        tags: ['chat health'],
        summary: 'One session: its questions and answerers, first-timers (welcomed? came back?), sector and region mix, local hours',
        params: DatasetParamsSchema.extend({ sessionId: z.string().min(1).max(300) }),
        querystring: HealthQuerySchema,
        response: { 200: jsonOrCsv(SessionHealthSchema, 'section, key, measure, value'), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { report } = await reportOf(request.params.id, request.query);
      const session = report.sessions.find((s) => s.id === request.params.sessionId);
      if (!session) throw notFound(`session ${request.params.sessionId} (in this dataset and selection)`);
      if (wantsCsv(request, request.query)) return sendCsv(reply as unknown as FastifyReply, 'session', request.query, sessionCsv(session));
      return session;
    },
  );

  app.get(
    '/api/datasets/:id/health',
    {
      schema: {
        tags: ['chat health'],
        summary:
          'The chat over time: people per session new vs returning, returns of welcomed vs not, sector and region mix, mixing matrices',
        params: DatasetParamsSchema,
        querystring: HealthQuerySchema,
        response: { 200: jsonOrCsv(HealthSeriesSchema, 'section, key, measure, value'), ...errorReplies },
      },
    },
    async (request, reply) => {
      const { report } = await reportOf(request.params.id, request.query);
      const { sessions: _s, chats: _c, ...series } = report;
      if (wantsCsv(request, request.query)) return sendCsv(reply as unknown as FastifyReply, 'series', request.query, seriesCsv(series));
      return series;
    },
  );
};

export default chatHealth;
