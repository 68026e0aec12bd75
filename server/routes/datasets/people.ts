/** `GET /api/datasets/:id/people/:key`: who someone is (profile) and where they talk. */
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
  type PersonDetail,
} from '../../../shared/index.js';
import { makeScrubber, nameVariants } from '../../pipeline/export/name-scrubber.js';
import { DEFAULT_PEER_OPTIONS, suggestPeersFor } from '../../pipeline/peers.js';
import { personTopics, type Topics } from '../../pipeline/words.js';
import { mergeIdentities } from '../../graphs/compute-graph.js';
import { datasetContexts } from '../../graphs/context-overrides.js';
import { notFound } from '../../plugins/errors.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import { identityGroups } from '../../privacy/identity-groups.js';
import { errorReplies } from './schemas.js';

/** Opted-out people's handles in others' words, replaced as the messages route does. */
function optedOutScrubber(optedOut: ReadonlySet<string>): (text: string) => string {
  if (optedOut.size === 0) return (text) => text;
  const handles = new Map<string, string>();
  for (const k of optedOut) for (const name of nameVariants(k)) handles.set(`@${name}`, '@[someone who opted out]');
  return makeScrubber(handles);
}

/**
 * Key phrases of a view's messages, for the few views asked last: reading them is most of a peers request, and
 * is the same for everyone in the view. Keyed by dataset version, the view's options, opt-outs and identity links.
 */
const TOPIC_CACHE_SIZE = 4;
const topicCache = new Map<string, Topics>();
function cachedTopics(cacheKey: string, read: () => Topics): Topics {
  const hit = topicCache.get(cacheKey);
  if (hit) {
    topicCache.delete(cacheKey);
    topicCache.set(cacheKey, hit);
    return hit;
  }
  const topics = read();
  topicCache.set(cacheKey, topics);
  if (topicCache.size > TOPIC_CACHE_SIZE) topicCache.delete(topicCache.keys().next().value!);
  return topics;
}

const PersonParamsSchema = z.object({ id: z.string().min(1).max(64), key: z.string().min(3).max(300) });

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
      const optedOut = await optedOutIn(app.store, id);
      if (optedOut.has(key)) throw notFound(`person ${key} in this view of dataset ${id}`);
      const options = resolveBuildOptions(query);
      const [cached, messages] = await Promise.all([
        app.graphs.get(dataset, options),
        // Their words are no one's to share, not even as "words you both use".
        app.store.getMessages(id, {
          chats: options.chats,
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          excludeAuthors: [...optedOut],
        }),
      ]);
      const payload = cached.payload();
      const me = payload.nodes.find((n) => n.key === key);
      if (!me) throw notFound(`person ${key} in this view of dataset ${id}`);
      // What they said is quoted back (excerpts): no one who opted out may show through, not even as a handle in it.
      const scrub = optedOutScrubber(optedOut);
      const links = await app.store.getIdentities(id);
      // One person across platforms is one node in the graph: their messages under its key.
      const merged = mergeIdentities(messages, [], links).messages;
      const quoted = merged.map((m) => ({ ...m, text: scrub(m.text), mentions: m.mentions.filter((k) => !optedOut.has(k)) }));
      const nodes = new Set(payload.nodes.map((n) => n.key));
      const view = JSON.stringify([id, dataset.version, options, [...optedOut].sort(), links]);
      const topics = cachedTopics(view, () => personTopics(quoted.filter((m) => nodes.has(m.author))));
      const suggestions = suggestPeersFor(
        key,
        payload,
        quoted,
        { limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) },
        { topics },
      );
      return { person: key, sector: me.attributes.sector, region: me.attributes.region, ...suggestions };
    },
  );
};

export default people;
