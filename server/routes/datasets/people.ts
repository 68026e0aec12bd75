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
  type Dataset,
  type GraphPayload,
  type GraphQuery,
  type PersonDetail,
} from '../../../shared/index.js';
import { DEFAULT_PEER_OPTIONS, suggestPeersFor } from '../../pipeline/peers.js';
import { communityAsPerson } from '../../pipeline/peers/community.js';
import { personTopicsYielding, type Topics } from '../../pipeline/words.js';
import { readPeersMessages, topicMessages, type TopicsCommunity } from '../../graphs/peers-messages.js';
import { readSectorEvidence } from '../../graphs/sector-evidence.js';
import { datasetContexts } from '../../graphs/context-overrides.js';
import { notFound } from '../../plugins/errors.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import { identityGroups } from '../../privacy/identity-groups.js';
import { errorReplies } from './schemas.js';

/**
 * What is the same for everyone in a view, for the few views asked last: its key phrases (reading them is most of a
 * peers request) and its people's sector evidence (every profile read). Keyed by dataset version (a context edit or
 * roster bumps it), the view's options, opt-outs and identity links.
 */
const VIEW_CACHE_SIZE = 4;
type SectorEvidence = (key: string) => string | undefined;
const topicCache = new Map<string, Promise<Topics>>();
const evidenceCache = new Map<string, Promise<SectorEvidence>>();

function recall<T>(cache: Map<string, T>, key: string): T | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function keep<T>(cache: Map<string, T>, key: string, value: T): T {
  cache.set(key, value);
  if (cache.size > VIEW_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}

/**
 * The readings themselves run in an analysis process (tagging a big dataset's messages, or inferring every
 * profile's context, takes seconds), or for an in-memory store here, and are kept as promises, so requests
 * arriving meanwhile wait for the one reading; a failed one is not kept.
 */
function cachedReading<T>(cache: Map<string, Promise<T>>, cacheKey: string, read: () => Promise<T>): Promise<T> {
  const hit = recall(cache, cacheKey);
  if (hit) return hit;
  const reading = read();
  reading.catch(() => {
    if (cache.get(cacheKey) === reading) cache.delete(cacheKey);
  });
  return keep(cache, cacheKey, reading);
}

/**
 * What each sector was read from (inference, roster or edit), so a reason says "works in academic libraries" only
 * when a library role is stated; the graph's own sector decides, the evidence only how it is said.
 */
async function sectorEvidenceOf(
  app: FastifyInstance,
  dataset: Dataset,
  payload: GraphPayload,
  links: readonly { alias: string; canonical: string }[],
): Promise<SectorEvidence> {
  const request = { links, nodes: payload.nodes.map((n) => n.key) };
  const readings = await (app.graphs.sectorEvidenceInWorker(dataset, request) ?? readSectorEvidence(app.store, dataset.id, request));
  const sectors = new Map(payload.nodes.map((n) => [n.key, n.attributes.sector]));
  return (key) => {
    const s = readings.get(key);
    return s && s.sector === sectors.get(key) ? s.evidence : undefined;
  };
}

const PersonParamsSchema = z.object({ id: z.string().min(1).max(64), key: z.string().min(3).max(300) });

const PeersQuerySchema = GraphQuerySchema.extend({
  sector: z.string().max(40).optional(),
  region: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(DEFAULT_PEER_OPTIONS.limit),
});

/**
 * What every peers request reads: the view's graph and its messages (peers-messages: without anyone who opted
 * out, one person across platforms under one key), and the key the view's topics are cached under.
 */
async function readPeersView(app: FastifyInstance, id: string, query: GraphQuery) {
  const dataset = await app.store.getDataset(id);
  if (!dataset) throw notFound(`dataset ${id}`);
  const optedOut = await optedOutIn(app.store, id);
  const options = resolveBuildOptions(query);
  const reading = app.store.getIdentities(id);
  const [cached, links, quoted] = await Promise.all([
    app.graphs.get(dataset, options),
    reading,
    reading.then((links) => readPeersMessages(app.store, id, options, optedOut, links)),
  ]);
  const payload = cached.payload();
  const nodes = new Set(payload.nodes.map((n) => n.key));
  /** The view's key phrases (for a community, its members' as one person's), read in an analysis process when there is one. */
  const readTopics = (community?: TopicsCommunity): Promise<Topics> =>
    app.graphs.topicsInWorker(dataset, options, {
      optedOut: [...optedOut],
      links,
      nodes: [...nodes],
      ...(community ? { community } : {}),
    }) ?? personTopicsYielding(topicMessages(quoted, nodes, community));
  const cacheKey = JSON.stringify([id, dataset.version, options, [...optedOut].sort(), links]);
  // Asked now, awaited with the topics: the two readings queue for the analysis processes together.
  const sectorEvidence = cachedReading(evidenceCache, cacheKey, () => sectorEvidenceOf(app, dataset, payload, links));
  return {
    optedOut,
    payload,
    quoted,
    sectorEvidence,
    readTopics,
    cacheKey,
  };
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
      const view = await readPeersView(app, id, query);
      if (view.optedOut.has(key)) throw notFound(`person ${key} in this view of dataset ${id}`);
      const me = view.payload.nodes.find((n) => n.key === key);
      if (!me) throw notFound(`person ${key} in this view of dataset ${id}`);
      const [topics, sectorEvidence] = await Promise.all([
        cachedReading(topicCache, view.cacheKey, () => view.readTopics()),
        view.sectorEvidence,
      ]);
      const suggestions = suggestPeersFor(
        key,
        view.payload,
        view.quoted,
        { limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) },
        { topics, sectorEvidence },
      );
      return { person: key, sector: me.attributes.sector, region: me.attributes.region, ...suggestions };
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
      const view = await readPeersView(app, id, query);
      const whole = communityAsPerson(view.payload, view.quoted, community);
      if (!whole) throw notFound(`community ${community + 1} in this view of dataset ${id}`);
      // The members' words as one person's: weighed against everyone else's, as a person's are.
      const members = view.payload.nodes.filter((n) => n.attributes.community === community).map((n) => n.key);
      const [topics, sectorEvidence] = await Promise.all([
        cachedReading(topicCache, `${view.cacheKey}#${whole.key}`, () => view.readTopics({ key: whole.key, members })),
        view.sectorEvidence,
      ]);
      const suggestions = suggestPeersFor(
        whole.key,
        whole.payload,
        whole.messages,
        { limit, ...(sector ? { sector } : {}), ...(region ? { region } : {}) },
        { topics, sectorEvidence },
      );
      const me = whole.payload.nodes.find((n) => n.key === whole.key)!.attributes;
      const note = communityNote(community, me, whole);
      return {
        person: whole.key,
        sector: me.sector,
        region: me.region,
        ...suggestions,
        ...(note ? { note } : {}),
      };
    },
  );
};

/** What "beyond" means for a community, and when part of it cannot be judged. */
function communityNote(
  community: number,
  me: { sector: string; region: string },
  whole: { sectorShare: number; regionShare: number },
): string | undefined {
  const name = `Community ${community + 1}`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const parts = [
    me.sector === 'unknown' ? undefined : `${pct(whole.sectorShare)} of its members with a known sector are in ${me.sector}`,
    me.region === 'unknown' ? undefined : `${pct(whole.regionShare)} of those with a known region are in ${me.region}`,
  ].filter(Boolean);
  if (parts.length === 0) return `No one in ${name} has a known sector or region, so no one can be placed beyond it yet.`;
  return `${name} as a whole: ${parts.join(', ')}; "you" in the reasons means its members.`;
}

export default people;
