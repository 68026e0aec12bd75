/**
 * A Mastodon archive unzipped before upload (real: tests/fixtures/real/mastodon-archive,
 * SOURCES rows 24–25): actor.json sent beside outbox.json is the author's
 * profile, not a file that is no transcript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => t.close());

const OWNER = 'mastodon:dealingwith@indieweb.social';

describe('a Mastodon archive uploaded as its loose files', () => {
  it('reads outbox.json and takes the author’s name, bio and website from actor.json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([
        { filename: 'actor.json', content: fixture('real', 'mastodon-archive', 'actor.json') },
        { filename: 'outbox.json', content: fixture('real', 'mastodon-archive', 'outbox.json') },
      ]),
    });
    expect(res.statusCode).toBe(201);
    const dataset = DatasetSchema.parse(res.json());
    expect(dataset.counts.messages).toBe(270);
    expect(dataset.sources.map((s) => [s.file, s.format])).toEqual([['outbox.json', 'mastodon-archive']]);
    const person = (await t.app.inject(`/api/datasets/${dataset.id}/people/${encodeURIComponent(OWNER)}`)).json() as {
      profile: Record<string, unknown>;
    };
    expect(person.profile).toMatchObject({
      handle: 'dealingwith@indieweb.social',
      name: 'dealingwith',
      bio: 'ennui. far too much more info at link below',
      url: 'https://daniel.industries',
    });
  });

  it('answers an actor.json sent alone with what it is and what to send with it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart([{ filename: 'actor.json', content: fixture('real', 'mastodon-archive', 'actor.json') }]),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({
      error: {
        code: 'unknown_format',
        message:
          "actor.json is a Mastodon account's profile (an archive's actor.json), not its posts: upload it with the archive's outbox.json, or the archive's zip",
      },
    });
  });
});
