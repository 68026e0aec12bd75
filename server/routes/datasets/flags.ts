/**
 * Opt-outs and relay accounts. An opted-out person disappears from every
 * route of the dataset (or of every dataset, for the global list) on the
 * next request: graphs, exports, named snapshots, messages, profiles,
 * peers, sessions. A relay account's messages count for the chat but make
 * no one's ties (an anonymous-question relay is not a person).
 *
 * A key is read the way person keys are made (`csv:Bob`, `csv: bob` and
 * `@bob` find `csv:bob`), and a flag holds for every identity linked to the
 * person. Each answer says who it matched; a dataset flag that matches no
 * one is a 404, so a typo never passes for an opt-out.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/index.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import { matchPeople } from '../../privacy/match-people.js';
import { readKeyInput, type KeyInput } from '../../privacy/person-keys.js';
import type { PersonFlag, Store } from '../../store/types.js';
import { errorReplies } from './schemas.js';

const KeyParams = z.object({ key: z.string().min(1).max(300) });
const DatasetKeyParams = KeyParams.extend({ id: z.string().min(1).max(64) });
const MatchSchema = z.object({ dataset: z.string(), key: z.string() });
const FlagReply = z.object({
  /** The key as read (`csv:bob`), or the handle when no platform was given. */
  key: z.string(),
  flag: z.enum(['opt-out', 'relay']),
  on: z.boolean(),
  scope: z.string(),
  /** Who the flag was set on or taken from: every identity of the person, per dataset. */
  matched: z.array(MatchSchema),
});
const FLAG_OF = { 'opt-outs': 'opt-out', relays: 'relay' } as const satisfies Record<string, PersonFlag>;
const replies = { 200: FlagReply, ...errorReplies, 422: ApiErrorSchema };

function readKey(raw: string): KeyInput {
  const input = readKeyInput(raw);
  if (!input)
    throw new HttpError(
      422,
      'invalid_key',
      `"${raw}" names no one: give a person key such as twitter:ann, mastodon:ann@glammr.us or csv:ann`,
    );
  return input;
}

const shown = (input: KeyInput) => (input.kind === 'key' ? input.key : input.handle);

/** The stored flags of `scope` that name any of `keys` (stored in any spelling). */
async function storedFor(store: Store, scope: string, flag: PersonFlag, keys: ReadonlySet<string>, handle?: string): Promise<string[]> {
  const flags = (await store.getPersonFlags(scope === '*' ? '\u0000' : scope)).filter((f) => f.datasetId === scope && f.flag === flag);
  return flags
    .filter((f) => {
      const read = readKeyInput(f.key);
      return read?.kind === 'key'
        ? keys.has(read.key)
        : read !== undefined && (read.handle === handle || [...keys].some((k) => k.endsWith(`:${read.handle}`)));
    })
    .map((f) => f.key);
}

const flags: FastifyPluginAsyncZod = async (app) => {
  const datasetOrThrow = async (id: string) => {
    const dataset = await app.store.getDataset(id);
    if (!dataset) throw notFound(`dataset ${id}`);
    return dataset;
  };

  for (const [segment, flag] of Object.entries(FLAG_OF)) {
    const what = flag === 'opt-out' ? 'opt-out list' : 'relay accounts';
    for (const [method, on] of [
      ['PUT', true],
      ['DELETE', false],
    ] as const) {
      app.route({
        method,
        url: `/api/datasets/:id/${segment}/:key`,
        schema: {
          tags: ['privacy'],
          summary: `${on ? 'Add to' : 'Remove from'} the dataset’s ${what}`,
          params: DatasetKeyParams,
          response: replies,
        },
        handler: async (request) => {
          const { id } = request.params;
          await datasetOrThrow(id);
          const input = readKey(request.params.key);
          const people = await matchPeople(app.store, id, input);
          let changed: string[];
          if (on) {
            if (people.length === 0)
              throw new HttpError(
                404,
                'not_found',
                `no one in dataset ${id} has the ${input.kind === 'key' ? 'key' : 'handle'} ${shown(input)}`,
              );
            changed = people;
          } else {
            const keys = new Set(people.length ? people : input.kind === 'key' ? [input.key] : []);
            changed = await storedFor(app.store, id, flag, keys, input.kind === 'handle' ? input.handle : undefined);
            if (changed.length === 0) throw new HttpError(404, 'not_found', `${shown(input)} is not on the dataset’s ${what}`);
          }
          for (const key of changed) await app.store.setPersonFlag(id, key, flag, on);
          app.graphs.drop(id);
          return { key: shown(input), flag, on, scope: id, matched: (on ? changed : people).map((key) => ({ dataset: id, key })) };
        },
      });
    }
    app.get(
      `/api/datasets/:id/${segment}`,
      {
        schema: {
          tags: ['privacy'],
          summary:
            flag === 'opt-out' ? 'Who opted out of this dataset (global opt-outs of its people included)' : 'The dataset’s relay accounts',
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ people: z.array(z.object({ key: z.string(), scope: z.string() })) }), ...errorReplies },
        },
      },
      async (request) => {
        const { id } = request.params;
        await datasetOrThrow(id);
        const stored = (await app.store.getPersonFlags(id)).filter((f) => f.flag === flag);
        const people: { key: string; scope: string }[] = [];
        for (const f of stored) {
          if (f.datasetId !== '*') people.push({ key: f.key, scope: f.datasetId });
          else {
            // A global opt-out is listed here only when it concerns someone of this dataset: the global list is no one's to browse.
            const read = readKeyInput(f.key);
            if (read && (await matchPeople(app.store, id, read)).length > 0)
              people.push({ key: read.kind === 'key' ? read.key : read.handle, scope: 'global' });
          }
        }
        return { people };
      },
    );
  }

  for (const [method, on] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/api/opt-outs/:key',
      schema: {
        tags: ['privacy'],
        summary: `${on ? 'Add to' : 'Remove from'} the global opt-out list (every dataset, and datasets imported later)`,
        params: KeyParams,
        response: replies,
      },
      handler: async (request) => {
        const input = readKey(request.params.key);
        if (input.kind !== 'key') {
          throw new HttpError(
            422,
            'invalid_key',
            `a global opt-out needs the platform too, e.g. twitter:${input.handle} or mastodon:${input.handle}@instance`,
          );
        }
        const datasets = await app.store.listDatasets();
        const matched: { dataset: string; key: string }[] = [];
        for (const d of datasets) for (const key of await matchPeople(app.store, d.id, input)) matched.push({ dataset: d.id, key });
        if (on) await app.store.setPersonFlag('*', input.key, 'opt-out', true);
        else {
          const stored = await storedFor(app.store, '*', 'opt-out', new Set([input.key]));
          if (stored.length === 0) throw new HttpError(404, 'not_found', `${input.key} is not on the global opt-out list`);
          for (const key of stored) await app.store.setPersonFlag('*', key, 'opt-out', false);
        }
        for (const d of datasets) app.graphs.drop(d.id);
        // Kept even when it matches no one yet: it holds for every dataset imported later.
        return { key: input.key, flag: 'opt-out' as const, on, scope: 'global', matched };
      },
    });
  }
};

export default flags;
