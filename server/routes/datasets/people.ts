/**
 * `GET /api/datasets/:id/people/:key`: who someone is (profile) and where they talk; `…/people/:key/peers`:
 * people to meet beyond their context; `/api/datasets/:id/communities/:community/peers`: the same for a whole
 * community (peers/community.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GraphQuerySchema,
  PeersSchema,
  PersonDetailSchema,
  PlatformSchema,
  handleOf,
  platformOf,
  resolveBuildOptions,
  type GraphQuery,
  type PersonDetail,
} from '../../../shared/index.js';
import { DEFAULT_PEER_OPTIONS } from '../../pipeline/peers.js';
import { personTopicsYielding } from '../../pipeline/words.js';
import { answerPeers, type PeersAsk, type PeersOutcome } from '../../graphs/peers-answer.js';
import { PeersViewCache, peersViewKey, readPeersView } from '../../graphs/peers-view.js';
import { datasetContexts } from '../../graphs/context-overrides.js';
import { notFound } from '../../plugins/errors.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import { identityGroups } from '../../privacy/identity-groups.js';
import { errorReplies } from './schemas.js';

/**
 * For an in-memory store, the few peers views asked last, read here (an analysis process reads and keeps them
 * for a store on disk: graphs/compute-peers). One cache per store: two apps in one process never share a view.
 */
const inProcessViews = new WeakMap<object, PeersViewCache>();

const PersonParamsSchema = z.object({ id: z.string().min(1).max(64), key: z.string().min(3).max(300) });

const PeersQuerySchema = GraphQuerySchema.extend({
  sector: z.string().max(40).optional(),
  region: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PEER_OPTIONS.limit),
});

/**
 * A peers answer for a view (the query's options): the dataset, who opted out and who is linked as one person
 * read here, the view itself and the ranking in an analysis process (graphs/compute-peers), or here for an
 * in-memory store. The graph is asked first (as the page does), so the process finds it stored. Someone who
 * opted out is not here at all: the same answer as for someone who never was.
 */
async function peersAnswer(app: FastifyInstance, id: string, query: GraphQuery, ask: PeersAsk): Promise<PeersOutcome> {
  const dataset = await app.store.getDataset(id);
  if (!dataset) throw notFound(`dataset ${id}`);
  const optedOut = await optedOutIn(app.store, id);
  const options = resolveBuildOptions(query);
  const [cached, links] = await Promise.all([app.graphs.get(dataset, options), app.store.getIdentities(id)]);
  if (ask.person !== undefined && optedOut.has(ask.person)) return { notFound: `person ${ask.person} in this view of dataset ${id}` };
  const people = { optedOut: [...optedOut], links };
  const inWorker = app.graphs.peersInWorker(dataset, options, people, ask);
  if (inWorker) return (await inWorker).outcome;
  const key = peersViewKey(dataset, options, people, app.graphs.resultKey(options));
  let views = inProcessViews.get(app.store);
  if (!views) inProcessViews.set(app.store, (views = new PeersViewCache({ views: 4, messages: Infinity })));
  views.dropOlder(dataset);
  const { view } = views.get(key, () =>
    readPeersView(app.store, id, options, people, cached.payload(), (messages) => personTopicsYielding(messages)),
  );
  return answerPeers(await view, id, ask);
}

/** The answer, or the 404 it is. */
function answerOf(outcome: PeersOutcome) {
  if ('notFound' in outcome) throw notFound(outcome.notFound);
  return outcome.answer;
}

const people: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/datasets/:id/people/:key',
    {
      schema: {
        tags: ['people'],
        summary: 'A person: profile and activity',
        params: PersonParamsSchema,
        response: { 200: PersonDetailSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { id, key } = request.params;
      const dataset = await app.store.getDataset(id);
      if (!dataset) throw notFound(`dataset ${id}`);
      const [optedOut, links] = await Promise.all([optedOutIn(app.store, id), app.store.getIdentities(id)]);
      // Someone who opted out is not here at all: the same answer as for someone who never was.
      if (optedOut.has(key)) throw notFound(`person ${key} in dataset ${id}`);
      // Only what the page shows: their profile and counts of their messages (all their identities), never the messages.
      const keys = identityGroups(links)(key);
      const [profiles, activity] = await Promise.all([app.store.getPeople(id, keys), app.store.getAuthorActivity(id, keys)]);
      const profile = profiles.find((p) => p.key === key) ?? profiles[0];
      if (!profile && activity.messages === 0) throw notFound(`person ${key} in dataset ${id}`);
      const platform = PlatformSchema.safeParse(platformOf(key));
      const context = (await datasetContexts(app.store, id, profile ? [{ ...profile, key }] : [])).of(key);
      const detail: PersonDetail = {
        sector: context.sector,
        region: context.region,
        profile: profile ? { ...profile, key } : { key, platform: platform.success ? platform.data : 'csv', handle: handleOf(key) },
        messages: activity.messages,
        chats: activity.chats,
        ...(activity.firstSeen && activity.lastSeen ? { firstSeen: activity.firstSeen, lastSeen: activity.lastSeen } : {}),
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
        querystring: PeersQuerySchema,
        response: { 200: PeersSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { id, key } = request.params;
      const { sector, region, limit, ...query } = request.query;
      return answerOf(
        await peersAnswer(app, id, query, { person: key, limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) }),
      );
    },
  );

  app.get(
    '/api/datasets/:id/communities/:community/peers',
    {
      schema: {
        tags: ['people'],
        summary: 'People to meet beyond a community’s corner (its members’ most common known sector and region), with reasons',
        params: z.object({ id: z.string().min(1).max(64), community: z.coerce.number().int().min(0).max(1_000_000) }),
        querystring: PeersQuerySchema,
        response: { 200: PeersSchema, ...errorReplies },
      },
    },
    async (request) => {
      const { id, community } = request.params;
      const { sector, region, limit, ...query } = request.query;
      return answerOf(
        await peersAnswer(app, id, query, { community, limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) }),
      );
    },
  );
};

export default people;
