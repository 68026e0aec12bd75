/**
 * One person across platforms: `PUT /api/datasets/:id/identities` says that
 * keys are the same person (`mastodon:ann@glammr.us` is `twitter:ann`), as JSON
 * `{links: [{alias, canonical}]}` or a CSV `key,same_as`; the graph then has
 * one node for them. `GET` lists the links.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/index.js';
import { acceptCsvBodies } from '../../plugins/csv-body.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

const KEY = /^[a-z]+:\S+$/;
const LinkSchema = z.object({
  alias: z.string().regex(KEY, 'a person key such as mastodon:ann@glammr.us'),
  canonical: z.string().regex(KEY, 'a person key such as twitter:ann'),
});
const LinksSchema = z.object({ links: z.array(LinkSchema).max(100_000) });

/** `key,same_as` CSV (header required; `alias,canonical` also accepted) → links, with the line of any bad row. */
function linksFromCsv(text: string): z.infer<typeof LinkSchema>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '')
    .toLowerCase()
    .split(',')
    .map((h) => h.trim());
  const a = header.findIndex((h) => h === 'key' || h === 'alias');
  const c = header.findIndex((h) => h === 'same_as' || h === 'canonical');
  if (a < 0 || c < 0)
    throw new HttpError(422, 'missing_columns', 'identities CSV needs a header with key and same_as columns', { line: 1 });
  const links: z.infer<typeof LinkSchema>[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const cells = line.split(',').map((x) => x.trim().toLowerCase());
    const parsed = LinkSchema.safeParse({ alias: cells[a], canonical: cells[c] });
    if (!parsed.success)
      throw new HttpError(422, 'unreadable_file', `identities CSV line ${i + 2}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`, {
        line: i + 2,
      });
    links.push(parsed.data);
  });
  return links;
}

const identities: FastifyPluginAsyncZod = async (app) => {
  acceptCsvBodies(app);

  app.put(
    '/api/datasets/:id/identities',
    {
      schema: {
        tags: ['people'],
        summary: 'Say which person keys are the same person (one node in the graph)',
        params: DatasetParamsSchema,
        consumes: ['application/json', 'text/csv'],
        response: { 200: z.object({ links: z.number().int() }), ...errorReplies, 422: ApiErrorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      let links: z.infer<typeof LinkSchema>[];
      if (typeof request.body === 'string') links = linksFromCsv(request.body);
      else {
        const parsed = LinksSchema.safeParse(request.body);
        if (!parsed.success)
          throw new HttpError(
            400,
            'invalid_request',
            `invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        links = parsed.data.links.map((l) => ({ alias: l.alias.toLowerCase(), canonical: l.canonical.toLowerCase() }));
      }
      const self = links.find((l) => l.alias === l.canonical);
      if (self) throw new HttpError(400, 'invalid_request', `${self.alias} cannot be an alias of itself`);
      await app.store.setIdentities(id, links);
      app.graphs.drop(id);
      return { links: links.length };
    },
  );

  app.get(
    '/api/datasets/:id/identities',
    {
      schema: {
        tags: ['people'],
        summary: 'Person keys read as another',
        params: DatasetParamsSchema,
        response: { 200: LinksSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      const [links, optedOut] = await Promise.all([app.store.getIdentities(id), optedOutIn(app.store, id)]);
      // A link names both keys: those of someone who opted out are not listed.
      return { links: links.filter((l) => !optedOut.has(l.alias) && !optedOut.has(l.canonical)) };
    },
  );
};

export default identities;
