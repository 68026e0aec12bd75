/** `GET /api/datasets/:id/messages`: the messages of a chat window (for a session's replay), oldest first. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GraphQuerySchema, MessageSchema } from '../../../shared/index.js';
import { notFound } from '../../plugins/errors.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

export const MESSAGE_PAGE_LIMIT = 5000;

const messages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/datasets/:id/messages',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Messages of a dataset, by chat and time window',
        params: DatasetParamsSchema,
        querystring: GraphQuerySchema.pick({ chats: true, from: true, to: true }).extend({
          limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_LIMIT).default(1000),
        }),
        response: { 200: z.object({ messages: z.array(MessageSchema), truncated: z.boolean() }), ...errorReplies },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { chats, from, to, limit } = request.query;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      const all = await app.store.getMessages(id, { ...(chats ? { chats: chats.map((c) => c.toLowerCase()) } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
      return { messages: all.slice(0, limit), truncated: all.length > limit };
    },
  );
};

export default messages;
