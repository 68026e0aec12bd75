/**
 * A collection as asked for (`POST /api/datasets/:id/collections`), checked
 * and made into the record the server keeps: instances as origins, the tag
 * without `#`, dates as ISO UTC, the schedule's first run, credentials
 * sealed. Every refusal is a 400 saying what was wrong, and never repeats a
 * credential.
 */
import { BLUESKY_PUBLIC_SERVICE, type CreateCollection } from '../../shared/index.js';
import { HttpError } from '../plugins/errors.js';
import type { CollectionRecord } from './record.js';
import { nextRun, parseSchedule, ScheduleError } from './schedule.js';
import type { Credentials } from './sources/types.js';

export interface NewCollectionOptions {
  /** Plain-http instances allowed (COLLECT_ALLOW_PRIVATE_HOSTS, tests). */
  allowHttp: boolean;
  now: Date;
  id: string;
  /** Seals the credentials' JSON for this collection (secret-box.ts). */
  seal: (plaintext: string, boundTo: string) => string;
}

/** `glammr.us`, `https://glammr.us/` → `https://glammr.us`; a path, query or other scheme is refused. */
export function instanceOrigin(text: string, allowHttp: boolean): string {
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text.trim() : `https://${text.trim()}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new HttpError(400, 'invalid_request', `instance "${text}" is not a host name or URL`);
  }
  // A password typed into the address is never repeated back, not even in an error.
  if (url.username || url.password)
    throw new HttpError(400, 'invalid_request', `instance ${url.host}: give credentials as accessToken or appPassword, not in the address`);
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
    throw new HttpError(400, 'invalid_request', `instance "${text}": only https instances are collected from`);
  if (url.pathname !== '/' || url.search)
    throw new HttpError(400, 'invalid_request', `instance "${text}": give the instance's address only, e.g. glammr.us`);
  return url.origin;
}

export function newCollection(datasetId: string, body: CreateCollection, options: NewCollectionOptions): CollectionRecord {
  const given = body.instance === undefined ? [] : Array.isArray(body.instance) ? body.instance : body.instance.split(',');
  if (given.length === 0 && body.source === 'mastodon')
    throw new HttpError(400, 'invalid_request', 'a Mastodon collection needs an instance, e.g. glammr.us');
  const instances = [...new Set((given.length ? given : [BLUESKY_PUBLIC_SERVICE]).map((i) => instanceOrigin(i, options.allowHttp)))];
  const tag = body.tag.replace(/^#/, '');
  if (body.source === 'mastodon' && !/^[\p{L}\p{N}_]+$/u.test(tag))
    throw new HttpError(400, 'invalid_request', `tag "${body.tag}": a Mastodon hashtag is letters, digits and _ only`);
  if (body.source === 'mastodon' && (body.identifier || body.appPassword))
    throw new HttpError(400, 'invalid_request', 'identifier and appPassword are for Bluesky; Mastodon takes an accessToken');
  if (body.source === 'bluesky' && body.accessToken)
    throw new HttpError(400, 'invalid_request', 'accessToken is for Mastodon; Bluesky takes identifier and appPassword');
  if ((body.identifier === undefined) !== (body.appPassword === undefined))
    throw new HttpError(400, 'invalid_request', 'identifier and appPassword go together');
  const since = body.since && new Date(body.since).toISOString();
  const until = body.until && new Date(body.until).toISOString();
  if (since && until && since > until) throw new HttpError(400, 'invalid_request', `since (${since}) is after until (${until})`);
  let nextRunAt: string | undefined;
  if (body.schedule) {
    try {
      nextRunAt = nextRun(parseSchedule(body.schedule), options.now).toISOString();
    } catch (error) {
      if (error instanceof ScheduleError) throw new HttpError(400, 'invalid_schedule', error.message);
      throw error;
    }
  }
  const record: CollectionRecord = {
    id: options.id,
    datasetId,
    source: body.source,
    instances,
    tag,
    since,
    until,
    schedule: body.schedule,
    nextRunAt,
    paused: body.paused ?? false,
    createdAt: options.now.toISOString(),
    marks: {},
    history: [],
  };
  const credentials: Credentials = {
    ...(body.accessToken ? { accessToken: body.accessToken } : {}),
    ...(body.identifier ? { identifier: body.identifier, appPassword: body.appPassword! } : {}),
  };
  if (Object.keys(credentials).length > 0) record.credentials = options.seal(JSON.stringify(credentials), record.id);
  return record;
}
