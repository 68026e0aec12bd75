/**
 * TAGS (Martin Hawksey's Twitter Archiving Google Sheet) exported as CSV:
 * the Archive sheet, `id_str,from_user,text,created_at,time,…,status_url,
 * entities_str`. Older sheets lack `user_location` or `entities_str`;
 * tidytags writes missing values as `NA`; spreadsheets turn ids into
 * `1.25195E+18` or round them, so ids come from `status_url` where it exists.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { csvHeader, missingColumnsError, noMessagesError, readCsv } from './csv-reader.js';
import { readTableDate } from './table/dates.js';
import { isObject, parseJsonSafely, str } from './read-json.js';
import { extractHashtags, extractMentionHandles, retweetedHandle } from './text.js';
import { unescapeTweetText } from './twitter-common.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

/** Columns by role; the first present name wins. `to_user` is the pre-2013 search API's reply field. */
const COLUMNS = {
  id: ['id_str'],
  url: ['status_url'],
  author: ['from_user'],
  text: ['text'],
  createdAt: ['created_at'],
  time: ['time'],
  replyTo: ['in_reply_to_screen_name', 'to_user'],
  replyToId: ['in_reply_to_status_id_str'],
  replyToUserId: ['in_reply_to_user_id_str', 'to_user_id_str'],
  authorId: ['from_user_id_str'],
  location: ['user_location'],
  entities: ['entities_str'],
} as const;
type Role = keyof typeof COLUMNS;
/** Each requirement is met by any one of its roles. */
const REQUIRED: readonly (readonly Role[])[] = [['author'], ['text'], ['id', 'url'], ['createdAt', 'time']];

const STATUS_URL_ID = /\/status(?:es)?\/(\d+)/;

/**
 * An id as Twitter wrote it: digits only, and not one a spreadsheet rounded
 * to 15 significant digits (a 19-digit id ending in four zeros). The test
 * wrongly rejects 1 real id in 10,000; such a row still gets its id from
 * `status_url`.
 */
function exactId(value: string | undefined): string | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  return value.length > 15 && /^0+$/.test(value.slice(15)) ? undefined : value;
}

interface Named {
  handle: string;
  name?: string;
  id?: string;
}

/** `user_mentions[]` (handle, name, id) and `hashtags[].text` of `entities_str`, or undefined when unreadable. */
function readEntities(json: string | undefined): { mentions: Named[]; hashtags: string[] } | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = parseJsonSafely(json);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const list = (key: string) => (Array.isArray(value[key]) ? value[key] : []).filter(isObject);
  const mentions = list('user_mentions').flatMap((m) => {
    const handle = str(m, 'screen_name');
    return handle ? [{ handle, name: str(m, 'name'), id: str(m, 'id_str') }] : [];
  });
  const hashtags = list('hashtags').flatMap((h) => (str(h, 'text') ? [`#${str(h, 'text')!.toLowerCase()}`] : []));
  return { mentions, hashtags: [...new Set(hashtags)] };
}

/** A profile without undefined fields. */
function profileOf({ handle, name, id }: Named, location?: string): PersonProfile {
  const p: PersonProfile = { key: personKey('twitter', handle), platform: 'twitter', handle };
  if (name) p.name = name;
  if (location) p.location = location;
  if (id) p.platformId = id;
  return p;
}

function columnsOf(header: readonly string[]): Partial<Record<Role, number>> {
  const found: Partial<Record<Role, number>> = {};
  for (const role of Object.keys(COLUMNS) as Role[]) {
    const i = COLUMNS[role].map((name) => header.indexOf(name)).find((x) => x >= 0);
    if (i !== undefined) found[role] = i;
  }
  return found;
}

function detect(head: string): number {
  const header = csvHeader(head);
  if (!header) return 0;
  const cols = columnsOf(header);
  if (!REQUIRED.every((roles) => roles.some((r) => cols[r] !== undefined))) return 0;
  // `from_user` with `id_str`/`status_url` is TAGS's own vocabulary; its extra columns make it certain.
  return cols.url !== undefined || cols.entities !== undefined || cols.authorId !== undefined ? 0.95 : 0.9;
}

function parse(text: string, { fileName, table: options }: ParseContext): ParseResult {
  const table = readCsv(text);
  const cols = columnsOf(table.header.map((h) => h.toLowerCase()));
  const missing = REQUIRED.filter((roles) => roles.every((r) => cols[r] === undefined));
  if (missing.length > 0) {
    const described = missing.map((roles) => ({ role: roles.join(' or '), aliases: roles.flatMap((r) => COLUMNS[r]) }));
    throw missingColumnsError(fileName, described, table.header);
  }
  const cell = (fields: string[], role: Role): string | undefined => {
    const i = cols[role];
    const v = i === undefined ? undefined : fields[i]?.trim();
    return v === '' || v === 'NA' ? undefined : v;
  };

  const messages: ParsedMessage[] = [];
  const authorProfiles = new Map<string, PersonProfile>();
  const otherProfiles = new Map<string, PersonProfile>();
  const skipped: Skipped[] = [...table.problems];
  let droppedReplyIds = 0;

  for (const { line, fields } of table.rows) {
    const handle = cell(fields, 'author')?.replace(/^@+/, '');
    if (!handle) {
      skipped.push({ line, reason: 'no from_user' });
      continue;
    }
    const rawId = cell(fields, 'id');
    const id = STATUS_URL_ID.exec(cell(fields, 'url') ?? '')?.[1] ?? exactId(rawId);
    if (!id) {
      skipped.push({ line, reason: `id "${rawId ?? ''}" was mangled by a spreadsheet and there is no status_url` });
      continue;
    }
    // `created_at` is Twitter's own string. TAGS writes `time` as a sheet
    // date shown in the sheet's time zone (`05/05/2017 01:53:49`, or a serial
    // day in a workbook), read in the time zone given, UTC without one.
    const time = readTableDate(cell(fields, 'createdAt') ?? '') ?? readTableDate(cell(fields, 'time') ?? '', options?.timezone);
    if (!time) {
      skipped.push({ line, reason: `unreadable created_at/time "${cell(fields, 'createdAt') ?? cell(fields, 'time') ?? ''}"` });
      continue;
    }
    const author = personKey('twitter', handle);
    // TAGS stores the API's text, which escapes `&`, `<` and `>`.
    const body = unescapeTweetText(fields[cols.text!] ?? '');
    const entities = readEntities(cell(fields, 'entities'));
    const named: Named[] = entities?.mentions ?? extractMentionHandles(body).map((h) => ({ handle: h }));
    const reposted = retweetedHandle(body);
    const replyTo = cell(fields, 'replyTo')?.replace(/^@+/, '');
    const rawReplyId = cell(fields, 'replyToId');
    const replyToId = exactId(rawReplyId);
    if (rawReplyId && !replyToId) droppedReplyIds++;
    // A retweet's mentions are the original author's words and the retweeted
    // author is `repostOf` (as in the Twitter API parsers): a boost is no conversation.
    const mentions = reposted ? [] : [...new Set(named.map((m) => personKey('twitter', m.handle)))].filter((k) => k !== author);
    const message: ParsedMessage = {
      id,
      platform: 'twitter',
      time,
      author,
      text: body,
      mentions,
      hashtags: entities?.hashtags ?? extractHashtags(body),
      kind: reposted ? 'repost' : replyTo || replyToId ? 'reply' : 'post',
    };
    if (replyToId) message.replyToId = replyToId;
    if (replyTo) message.replyToAuthor = personKey('twitter', replyTo);
    if (reposted) message.repostOf = personKey('twitter', reposted);
    messages.push(message);

    if (!authorProfiles.has(author)) {
      authorProfiles.set(author, profileOf({ handle, id: exactId(cell(fields, 'authorId')) }, cell(fields, 'location')));
    }
    // People only named keep handle, name and id; their own rows, if any, win.
    const others = reposted ? [named.find((m) => personKey('twitter', m.handle) === message.repostOf) ?? { handle: reposted }] : named;
    if (replyTo) others.push({ handle: replyTo, id: exactId(cell(fields, 'replyToUserId')) });
    for (const o of others) {
      const key = personKey('twitter', o.handle);
      if (!otherProfiles.has(key)) otherProfiles.set(key, profileOf(o));
    }
  }

  skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (messages.length === 0) throw noMessagesError(fileName, skipped);
  const warnings =
    droppedReplyIds > 0 ? [`${droppedReplyIds} reply id(s) mangled by a spreadsheet were dropped; the replied-to person is kept`] : [];
  const people = [...authorProfiles.values(), ...[...otherProfiles.values()].filter((p) => !authorProfiles.has(p.key))];
  return { messages, people, skipped, warnings };
}

export const tagsCsvParser: Parser = { format: 'tags-csv', detect, parse };
