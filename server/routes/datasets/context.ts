/**
 * Setting sector and region: `PUT /api/datasets/:id/people/:key` by hand,
 * `PUT /api/datasets/:id/roster` from a CSV (`handle,sector,region[,name]`,
 * as text/csv or a multipart `file`). Both override inference; a hand edit
 * overrides the roster.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, PersonEditSchema, RosterResultSchema } from '../../../shared/index.js';
import { COUNTRY_CODES, SECTORS, countryCodeOf, findRosterEntry, parseRoster, rosterKey } from '../../pipeline/context/index.js';
import { acceptCsvBodies } from '../../plugins/csv-body.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import type { ContextOverride } from '../../store/types.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const PersonParamsSchema = z.object({ id: z.string().min(1).max(64), key: z.string().min(3).max(300) });

function checkSector(sector: string | undefined): string | undefined {
  if (sector === undefined) return undefined;
  const s = sector.trim().toLowerCase();
  if (!(SECTORS as readonly string[]).includes(s))
    throw new HttpError(400, 'invalid_request', `unknown sector "${sector}"; use one of: ${SECTORS.join(', ')}`);
  return s;
}

function checkRegion(region: string | undefined): string | undefined {
  if (region === undefined) return undefined;
  const code = COUNTRY_CODES.has(region.trim().toUpperCase()) ? region.trim().toUpperCase() : countryCodeOf(region);
  if (!code) throw new HttpError(400, 'invalid_request', `unknown region "${region}"; use an ISO 3166-1 alpha-2 code such as GB, US, AU`);
  return code;
}

const context: FastifyPluginAsyncZod = async (app) => {
  acceptCsvBodies(app);

  app.put(
    '/api/datasets/:id/people/:key',
    {
      schema: {
        tags: ['people'],
        summary: 'Set a person’s sector and/or region (overrides inference and roster)',
        params: PersonParamsSchema,
        body: PersonEditSchema,
        response: { 200: z.object({ key: z.string(), sector: z.string().optional(), region: z.string().optional() }), ...errorReplies },
      },
    },
    async (request) => {
      const { id, key } = request.params;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      // Read only whether they are there: their profile, or a count of their messages.
      const [people, activity] = await Promise.all([app.store.getPeople(id, [key]), app.store.getAuthorActivity(id, [key])]);
      if (people.length === 0 && activity.messages === 0) throw notFound(`person ${key} in dataset ${id}`);
      const sector = checkSector(request.body.sector);
      const region = checkRegion(request.body.region);
      await app.store.setContextOverrides(id, [{ key, sector, region, source: 'edited', evidence: 'set by hand' }]);
      app.graphs.drop(id);
      return { key, ...(sector ? { sector } : {}), ...(region ? { region } : {}) };
    },
  );

  app.put(
    '/api/datasets/:id/roster',
    {
      schema: {
        tags: ['people'],
        summary: 'Upload a roster CSV (handle,sector,region[,name]) that overrides inference',
        params: DatasetParamsSchema,
        consumes: ['text/csv', 'multipart/form-data'],
        response: { 200: RosterResultSchema, ...errorReplies, 415: ApiErrorSchema, 422: ApiErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      let text: string;
      if (request.isMultipart()) {
        const file = (await request.file()) as MultipartFile | undefined;
        if (!file) throw new HttpError(400, 'invalid_request', 'send the roster as a multipart part named "file"');
        text = (await file.toBuffer()).toString('utf8');
      } else if (typeof request.body === 'string') text = request.body;
      else throw new HttpError(415, 'unsupported_media_type', 'send the roster as text/csv or as a multipart "file"');
      let roster: ReturnType<typeof parseRoster>;
      try {
        roster = parseRoster(text.replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new HttpError(422, 'unreadable_file', `roster: ${(error as Error).message}`, { line: 1 });
      }
      const keys = new Set([
        ...(await app.store.getPeople(id)).map((p) => p.key),
        ...(await app.store.getMessages(id)).map((m) => m.author),
      ]);
      const overrides: ContextOverride[] = [];
      const matched = new Set<string>();
      for (const key of keys) {
        const entry = findRosterEntry(roster, key);
        if (!entry || (!entry.sector && !entry.region)) continue;
        matched.add(
          rosterKey(key).includes(':') && roster.has(key.toLowerCase()) ? key.toLowerCase() : key.slice(key.indexOf(':') + 1).toLowerCase(),
        );
        overrides.push({ key, sector: entry.sector, region: entry.region, source: 'roster', evidence: `roster line ${entry.line}` });
      }
      if (overrides.length > 0) await app.store.setContextOverrides(id, overrides);
      app.graphs.drop(id);
      const unmatched = [...roster.keys()].filter((k) => !matched.has(k)).sort();
      return { applied: overrides.length, unmatched, problems: roster.problems };
    },
  );
};

export default context;
