/** `GET /api/datasets/:id/people/:key`: who someone is (profile) and where they talk. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GraphQuerySchema, PeersSchema, PersonDetailSchema, PlatformSchema, handleOf, platformOf, resolveBuildOptions, type PersonDetail,
} from '../../../shared/index.js';
import { DEFAULT_PEER_OPTIONS, suggestPeers } from '../../pipeline/peers.js';
import { datasetContexts } from '../../context-overrides.js';
import { notFound } from '../../plugins/errors.js';
import { errorReplies } from './schemas.js';

const PersonParamsSchema = z.object({ id: z.string().min(1).max(64), key: z.string().min(3).max(300) });

const people: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/datasets/:id/people/:key',
    { schema: { tags: ['people'], summary: 'A person: profile and activity', params: PersonParamsSchema, response: { 200: PersonDetailSchema, ...errorReplies } } },
    async (request) => {
      const { id, key } = request.params;
      const dataset = await app.store.getDataset(id);
      if (!dataset) throw notFound(`dataset ${id}`);
      const [profiles, messages] = await Promise.all([app.store.getPeople(id), app.store.getMessages(id)]);
      const mine = messages.filter((m) => m.author === key);
      const profile = profiles.find((p) => p.key === key);
      if (!profile && mine.length === 0) throw notFound(`person ${key} in dataset ${id}`);
      const chats = new Map<string, number>();
      for (const m of mine) chats.set(m.chat, (chats.get(m.chat) ?? 0) + 1);
      const platform = PlatformSchema.safeParse(platformOf(key));
      const context = (await datasetContexts(app.store, id, profile ? [profile] : [])).of(key);
      const detail: PersonDetail = {
        sector: context.sector,
        region: context.region,
        profile: profile ?? { key, platform: platform.success ? platform.data : 'csv', handle: handleOf(key) },
        messages: mine.length,
        chats: [...chats].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([chat, n]) => ({ chat, messages: n })),
        ...(mine.length ? { firstSeen: mine[0]!.time, lastSeen: mine[mine.length - 1]!.time } : {}),
      };
      return detail;
    },
  );

  app.get(
    '/api/datasets/:id/people/:key/peers',
    {
      schema: {
        tags: ['people'],
        summary: 'People to meet beyond one’s own sector or region, with reasons',
        params: PersonParamsSchema,
        querystring: GraphQuerySchema.extend({
          sector: z.string().max(40).optional(),
          region: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PEER_OPTIONS.limit),
        }),
        response: { 200: PeersSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { id, key } = request.params;
      const { sector, region, limit, ...query } = request.query;
      const dataset = await app.store.getDataset(id);
      if (!dataset) throw notFound(`dataset ${id}`);
      const options = resolveBuildOptions(query);
      const [cached, messages] = await Promise.all([
        app.graphs.get(dataset, query),
        app.store.getMessages(id, { chats: options.chats, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) }),
      ]);
      const payload = cached.payload();
      const me = payload.nodes.find((n) => n.key === key);
      if (!me) throw notFound(`person ${key} in this view of dataset ${id}`);
      const peers = suggestPeers(key, payload, messages, { limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) });
      return { person: key, sector: me.attributes.sector, region: me.attributes.region, peers };
    },
  );
};

export default people;
