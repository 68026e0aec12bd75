/**
 * Mastodon, any instance (docs.joinmastodon.org/methods): the hashtag
 * timeline `GET /api/v1/timelines/tag/:tag`, newest first, paged back with
 * `max_id` from the `Link` header's `rel="next"` and bounded below by
 * `since_id` (what earlier runs saw); a thread's `GET
 * /api/v1/statuses/:id/context`; and `GET /api/v1/accounts/:id` for an
 * author whose status came without a bio. An access token, when given, is
 * sent as a Bearer header, never in a URL.
 */
import { personKey } from '../../../shared/index.js';
import { fullHandle } from '../../ingest/parse/mastodon.js';
import { isObject } from '../../ingest/parse/read-json.js';
import { mastodonOptOut } from '../ethics.js';
import { ApiError } from '../net/polite-client.js';
import { newerId, type Json, type Source, type SourceContext, type SourceCursor } from './types.js';

const PAGE = 40;

const auth = (c: SourceContext): Record<string, string> =>
  c.credentials?.accessToken ? { authorization: `Bearer ${c.credentials.accessToken}` } : {};

/** The `max_id` of the Link header's next page (RFC 8288: `<url>; rel="next"`). */
export function nextMaxId(link: string | string[] | undefined): string | undefined {
  const text = Array.isArray(link) ? link.join(',') : (link ?? '');
  for (const part of text.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) return new URL(m[1]!, 'https://x.invalid').searchParams.get('max_id') ?? undefined;
  }
  return undefined;
}

const statuses = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((s): s is Json => isObject(s) && isObject(s.account)) : []);

async function withBios(context: SourceContext, items: Json[]): Promise<Json[]> {
  const missing = [
    ...new Set(items.filter((s) => typeof (s.account as Json).note !== 'string').map((s) => String((s.account as Json).id))),
  ];
  const accounts = new Map<string, Json>();
  for (const id of missing) {
    const url = `${context.instance}/api/v1/accounts/${encodeURIComponent(id)}`;
    const { body } = await context.client.getJson(url, auth(context), context.signal);
    if (isObject(body)) accounts.set(id, body);
  }
  return items.map((s) => {
    const full = accounts.get(String((s.account as Json).id));
    return full ? { ...s, account: { ...(s.account as Json), ...full } } : s;
  });
}

export const mastodonSource: Source = {
  async step(context, cursor) {
    if (cursor.stage === 'timeline') {
      const url = new URL(`${context.instance}/api/v1/timelines/tag/${encodeURIComponent(context.tag)}`);
      url.searchParams.set('limit', String(PAGE));
      if (cursor.next) url.searchParams.set('max_id', cursor.next);
      if (context.sinceMark) url.searchParams.set('since_id', context.sinceMark);
      const { body, response } = await context.client.getJson(url.href, auth(context), context.signal);
      const items = statuses(body);
      const next = nextMaxId(response.headers.link);
      const oldest = items.at(-1);
      // Past `since` (pages are newest first), or back at what earlier runs saw: the timeline is done.
      const pastSince = context.since !== undefined && oldest !== undefined && String(oldest.created_at) < context.since;
      const reachedMark =
        context.sinceMark !== undefined && items.some((s) => newerId(String(s.id), context.sinceMark) === context.sinceMark);
      const done = items.length === 0 || !next || pastSince || reachedMark;
      const newest = items.reduce<string | undefined>((n, s) => newerId(n, String(s.id)), cursor.newest);
      const kept = items.filter((s) => context.sinceMark === undefined || newerId(String(s.id), context.sinceMark) !== context.sinceMark);
      return { items: await withBios(context, kept), cursor: { ...cursor, next, newest, stage: done ? 'threads' : 'timeline' } };
    }
    if (cursor.stage === 'threads' && cursor.threads.length > 0) {
      const [id, ...rest] = cursor.threads;
      const url = `${context.instance}/api/v1/statuses/${encodeURIComponent(id!)}/context`;
      let items: Json[] = [];
      try {
        const { body } = await context.client.getJson(url, auth(context), context.signal);
        if (isObject(body)) items = [...statuses(body.ancestors), ...statuses(body.descendants)];
      } catch (error) {
        // A status deleted since the timeline was read has no context: nothing to add.
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
      const covered = new Set(items.map((s) => String(s.id)));
      const threads = rest.filter((t) => !covered.has(t));
      return { items: await withBios(context, items), cursor: { ...cursor, threads, stage: threads.length > 0 ? 'threads' : 'done' } };
    }
    return { items: [], cursor: { ...cursor, stage: 'done' } };
  },

  describe(item) {
    const account = isObject(item.account) ? item.account : {};
    const handle = fullHandle(account);
    const visibility = item.visibility;
    return {
      uri: String(item.uri ?? item.url ?? item.id),
      time: typeof item.created_at === 'string' ? new Date(item.created_at).toISOString() : undefined,
      author: handle ? personKey('mastodon', handle) : undefined,
      // Public only: unlisted posts were kept off public timelines by their authors.
      public: visibility === undefined || visibility === 'public',
      optOut: mastodonOptOut(account),
    };
  },

  threadsOf(items) {
    const ids = new Set(items.map((s) => String(s.id)));
    return items
      .filter((s) => Number(s.replies_count ?? 0) > 0 || (s.in_reply_to_id != null && !ids.has(String(s.in_reply_to_id))))
      .map((s) => String(s.id));
  },

  line: (items) => items,
  itemsOf: (line) => line as Json[],
  newer: newerId,
};
