/**
 * Opt-outs and relay accounts. An opted-out person disappears from every
 * graph and export of the dataset (or of every dataset, for the global list)
 * and from its named snapshots, on the next request: their node is removed,
 * not pseudonymised. A relay account's messages count for the chat but make
 * no one's ties (an anonymous-question relay is not a person).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../plugins/errors.js';
import type { PersonFlag } from '../../store/types.js';
import { errorReplies } from './schemas.js';

const KeyParams = z.object({ key: z.string().min(3).max(300) });
const DatasetKeyParams = KeyParams.extend({ id: z.string().min(1).max(64) });
const FlagReply = z.object({ key: z.string(), flag: z.enum(['opt-out', 'relay']), on: z.boolean(), scope: z.string() });
const FLAG_OF = { 'opt-outs': 'opt-out', relays: 'relay' } as const satisfies Record<string, PersonFlag>;

const flags: FastifyPluginAsyncZod = async (app) => {
  for (const [segment, flag] of Object.entries(FLAG_OF)) {
    for (const [method, on] of [['PUT', true], ['DELETE', false]] as const) {
      app.route({
        method,
        url: `/api/datasets/:id/${segment}/:key`,
        schema: {
          tags: ['privacy'],
          summary: `${on ? 'Add to' : 'Remove from'} the dataset’s ${flag === 'opt-out' ? 'opt-out list' : 'relay accounts'}`,
          params: DatasetKeyParams,
          response: { 200: FlagReply, ...errorReplies },
        },
        handler: async (request) => {
          const { id, key } = request.params;
          if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
          await app.store.setPersonFlag(id, key, flag, on);
          app.graphs.drop(id);
          return { key, flag, on, scope: id };
        },
      });
    }
    app.get(
      `/api/datasets/:id/${segment}`,
      {
        schema: {
          tags: ['privacy'],
          summary: `The dataset’s ${flag === 'opt-out' ? 'opt-outs (the global ones included)' : 'relay accounts'}`,
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ people: z.array(z.object({ key: z.string(), scope: z.string() })) }), ...errorReplies },
        },
      },
      async (request) => {
        const { id } = request.params;
        if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
        const list = (await app.store.getPersonFlags(id)).filter((f) => f.flag === flag);
        return { people: list.map((f) => ({ key: f.key, scope: f.datasetId === '*' ? 'global' : f.datasetId })) };
      },
    );
  }

  for (const [method, on] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method,
      url: '/api/opt-outs/:key',
      schema: { tags: ['privacy'], summary: `${on ? 'Add to' : 'Remove from'} the global opt-out list (every dataset)`, params: KeyParams, response: { 200: FlagReply, ...errorReplies } },
      handler: async (request) => {
        await app.store.setPersonFlag('*', request.params.key, 'opt-out', on);
        for (const d of await app.store.listDatasets()) app.graphs.drop(d.id);
        return { key: request.params.key, flag: 'opt-out' as const, on, scope: 'global' };
      },
    });
  }
};

export default flags;
