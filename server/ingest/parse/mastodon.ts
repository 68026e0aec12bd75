/**
 * Mastodon statuses from the REST API (docs.joinmastodon.org/entities/Status):
 * a JSON array (tag, public or account timelines), a `{ancestors,
 * descendants}` context, a `{statuses}` search result, one status, or JSON
 * Lines of statuses. People are `mastodon:user@instance`.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { htmlToText } from './html-to-text.js';
import { isObject, readJsonContainer, str } from './read-json.js';
import { extractHashtags, extractMentionHandles, toIsoTime } from './text.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;
interface Item {
  value: unknown;
  at: Pick<Skipped, 'line' | 'record'>;
}

/** Visibilities anyone can read; `private`, `direct` and forks' `limited` are left out. */
const PUBLIC = new Set(['public', 'unlisted']);

const isStatus = (v: unknown): v is Json => isObject(v) && isObject(v.account) && str(v, 'id') !== undefined;

/** The statuses in the file with where each sits (record number in a document, line in JSON Lines). */
function readItems(text: string, fileName: string): { items: Item[]; skipped: Skipped[] } {
  const container = readJsonContainer(text, fileName);
  if (container.kind === 'lines') {
    // A line may hold one status or one API page (an array of them).
    const items = container.records.flatMap(({ line, value }) =>
      (Array.isArray(value) ? value : [value]).map((v) => ({ value: v, at: { line } })),
    );
    return { items, skipped: container.skipped };
  }
  const doc = container.value;
  let list: unknown[] | undefined;
  if (Array.isArray(doc)) list = doc;
  else if (isStatus(doc)) list = [doc];
  else if (isObject(doc)) {
    // A context is numbered ancestors first, then descendants, as they appear in the file.
    const parts = ['ancestors', 'descendants', 'statuses'].map((k) => doc[k]).filter(Array.isArray);
    if (parts.length > 0) list = parts.flat();
  }
  if (!list) {
    throw new TranscriptError('unreadable_file', `${fileName}: expected Mastodon statuses (a JSON array, a context or JSON Lines)`, {
      file: fileName,
    });
  }
  return { items: list.map((value, i) => ({ value, at: { record: i + 1 } })), skipped: [] };
}

/**
 * `user@instance` for an account or mention. A local account's `acct` has no
 * instance; it is the host of its profile `url` (`https://glammr.us/@ann`).
 */
export function fullHandle(o: Json): string | undefined {
  const acct = (str(o, 'acct') ?? str(o, 'username'))?.trim().replace(/^@+/, '');
  if (!acct || acct.includes('@')) return acct;
  try {
    return `${acct}@${new URL(str(o, 'url') ?? '').hostname}`;
  } catch {
    return acct;
  }
}

const keyOf = (o: unknown): string | undefined => {
  const handle = isObject(o) ? fullHandle(o) : undefined;
  return handle ? personKey('mastodon', handle) : undefined;
};

/** An account's or mention's profile; `bio` only for full accounts (`withBio`). */
function profileOf(account: Json, withBio: boolean): PersonProfile | undefined {
  const handle = fullHandle(account);
  if (!handle) return undefined;
  const profile: PersonProfile = { key: personKey('mastodon', handle), platform: 'mastodon', handle };
  const name = str(account, 'display_name')?.trim();
  const bio = withBio ? htmlToText(str(account, 'note') ?? '') : '';
  const url = str(account, 'url');
  const id = str(account, 'id');
  if (name) profile.name = name;
  if (bio) profile.bio = bio;
  if (url) profile.url = url;
  if (id) profile.platformId = id;
  return profile;
}

const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The status this one quotes, when the quote was accepted (Mastodon 4.5 `quote`). */
function quotedStatus(status: Json): Json | undefined {
  const quote = status.quote;
  if (!isObject(quote) || (quote.state !== undefined && quote.state !== 'accepted')) return undefined;
  return isStatus(quote.quoted_status) ? quote.quoted_status : undefined;
}

function readStatus(status: Json, accountsById: Map<string, string>): ParsedMessage | string {
  const author = keyOf(status.account);
  if (!author) return 'status without an account handle';
  const time = toIsoTime(str(status, 'created_at'));
  if (!time) return `unreadable created_at "${str(status, 'created_at') ?? ''}"`;
  // A boost's own content is empty: what it spreads is the reblogged status.
  const reblog = isStatus(status.reblog) ? status.reblog : undefined;
  const quoted = reblog ? undefined : quotedStatus(status);
  const source = reblog ?? status;
  const repostOf = keyOf((reblog ?? quoted)?.account);
  const spoiler = str(source, 'spoiler_text')?.trim();
  const body = htmlToText(str(source, 'content') ?? '');
  const text = spoiler ? `${spoiler}\n\n${body}` : body;

  const mentionList = arrayOf(source.mentions);
  // Mentions come from `mentions[]`: the text shows only `@ann`, without the
  // instance. Fully qualified `@ann@glammr.us` in the text is added.
  const mentionKeys = mentionList.map(keyOf).filter((k): k is string => k !== undefined);
  const textKeys = extractMentionHandles(text)
    .filter((h) => h.includes('@'))
    .map((h) => personKey('mastodon', h));
  // A boost's mentions are the original author's words (as in the Twitter parsers).
  const mentions = reblog ? [] : [...new Set([...mentionKeys, ...textKeys])].filter((k) => k !== author);
  const tagNames = arrayOf(source.tags).flatMap((t) => (str(t, 'name') ? [`#${str(t, 'name')!.toLowerCase().replace(/^#/, '')}`] : []));
  const hashtags = [...new Set([...tagNames, ...extractHashtags(text)])];

  const replyToId = str(status, 'in_reply_to_id');
  const replyAccountId = str(status, 'in_reply_to_account_id');
  const replyMention = mentionList.find((m) => replyAccountId !== undefined && str(m, 'id') === replyAccountId);
  const replyToAuthor = replyAccountId ? (keyOf(replyMention) ?? accountsById.get(replyAccountId)) : undefined;
  return {
    // The instance's own id, the one `in_reply_to_id` refers to.
    id: str(status, 'id')!,
    platform: 'mastodon',
    time,
    author,
    text,
    ...(replyToId ? { replyToId } : {}),
    ...(replyToAuthor ? { replyToAuthor } : {}),
    mentions,
    hashtags,
    kind: reblog ? 'repost' : quoted ? 'quote' : replyToId ? 'reply' : 'post',
    ...(repostOf ? { repostOf } : {}),
  };
}

function detect(head: string): number {
  const h = head.trimStart();
  if (!h.startsWith('[') && !h.startsWith('{')) return 0;
  const has = (key: string) => h.includes(`"${key}"`);
  // `acct` is Mastodon's own word; Twitter and Bluesky JSON never use it as a key.
  if (!has('account') || !has('acct')) return 0;
  if (!has('visibility')) return 0.6;
  return has('content') && has('in_reply_to_account_id') ? 0.95 : 0.8;
}

function parse(text: string, { fileName }: ParseContext): ParseResult {
  const { items, skipped } = readItems(text, fileName);
  const statuses = items.filter((it) => isStatus(it.value)).map((it) => it.value as Json);

  // Every account the file shows, by the instance's id, to name reply targets.
  const accountsById = new Map<string, string>();
  for (const s of statuses) {
    const nested = [s.reblog, quotedStatus(s)].filter(isStatus);
    for (const o of [...[s, ...nested].map((x) => x.account), ...[s, ...nested].flatMap((x) => arrayOf(x.mentions))]) {
      const id = isObject(o) ? str(o, 'id') : undefined;
      const key = keyOf(o);
      if (id && key && !accountsById.has(id)) accountsById.set(id, key);
    }
  }

  const messages: ParsedMessage[] = [];
  // Authors keep their whole profile; people only boosted, quoted or mentioned keep handle, name, url, id.
  const authors = new Map<string, PersonProfile>();
  const others = new Map<string, PersonProfile>();
  let hidden = 0;
  for (const { value, at } of items) {
    if (!isStatus(value)) {
      skipped.push({ ...at, reason: 'not a Mastodon status' });
      continue;
    }
    const visibility = str(value, 'visibility');
    // No visibility at all (a non-Mastodon server) is read as public.
    if (visibility !== undefined && !PUBLIC.has(visibility)) {
      hidden++;
      skipped.push({ ...at, reason: `${visibility} status: only public and unlisted ones are read` });
      continue;
    }
    const read = readStatus(value, accountsById);
    if (typeof read === 'string') {
      skipped.push({ ...at, reason: read });
      continue;
    }
    messages.push(read);
    // Profiles only of statuses read: a left-out direct message names no one.
    const author = profileOf(value.account as Json, true);
    if (author && !authors.has(author.key)) authors.set(author.key, author);
    const spread = [value.reblog, quotedStatus(value)].filter(isStatus);
    const named = [...spread.map((x) => x.account), ...(read.kind === 'repost' ? [] : arrayOf(value.mentions))].filter(isObject);
    for (const other of named.map((o) => profileOf(o, false))) {
      if (other && !others.has(other.key)) others.set(other.key, other);
    }
  }

  skipped.sort((a, b) => (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0));
  if (messages.length === 0) {
    const first = skipped[0];
    throw new TranscriptError('no_messages', `${fileName}: no readable public statuses${first ? `; first problem: ${first.reason}` : ''}`, {
      file: fileName,
      ...(first ? { line: first.line, record: first.record } : {}),
    });
  }
  const warnings = hidden > 0 ? [`${hidden} non-public status(es) (private, direct, limited) left out`] : [];
  const people = [...authors.values(), ...[...others.values()].filter((p) => !authors.has(p.key))];
  return { messages, people, skipped, warnings };
}

export const mastodonParser: Parser = { format: 'mastodon', detect, parse };
