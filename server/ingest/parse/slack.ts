/**
 * Slack workspace exports (slack.com/help/articles/220556107): `users.json`
 * (`org_users.json` on Enterprise Grid), `channels.json`, `groups.json`
 * (private channels) and one `<channel>/<YYYY-MM-DD>.json` per channel-day.
 * `parseSlackExport` reads a whole export, `slackParser` one channel-day file.
 * Direct and group-direct messages (`dms.json`, `mpims.json`) are never read.
 *
 * People are `slack:<name>`: the username, unique in a workspace, where the
 * display name is neither unique nor stable. A user the export never names is
 * keyed by their id (`slack:u0bmqb6je`). Message ids are `<channel>:<ts>`.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, parseJsonSafely, readJsonContainer, str } from './read-json.js';
import { extractHashtags, toIsoTime } from './text.js';
import type { ParsedMessage, ParseContext, ParseResult, Parser } from './types.js';

type Json = Record<string, unknown>;
export interface SlackFile {
  path: string;
  text: string;
}

/** Subtypes someone wrote; every other subtype is Slack or an app talking. */
const WRITTEN = new Set(['thread_broadcast', 'reply_broadcast', 'me_message', 'file_share']);
const DAY_FILE = /^(?:.*\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;
/** DM folders are named by the DM's id (`D…`), group DMs `mpdm-a--b-1`. */
const looksPrivate = (folder: string) => /^D[A-Z0-9]{6,}$/.test(folder) || folder.startsWith('mpdm-');

function skipReason(subtype: string): string {
  if (/^(channel|group)_/.test(subtype)) return `${subtype}: channel housekeeping (joins, leaves, topic, purpose), not conversation`;
  if (subtype.startsWith('bot_')) return `bot message: subtype ${subtype}`;
  if (subtype === 'tombstone') return 'tombstone: a deleted message';
  if (subtype.endsWith('pinned_item')) return `${subtype}: a pin notice`;
  if (subtype === 'file_comment') return 'file_comment: a comment on a file, not a channel message';
  return `${subtype}: not a message someone wrote`;
}

/** Who is who: users.json, else the `user_profile` newer exports copy into each message. */
class Directory {
  readonly byId = new Map<string, PersonProfile & { bot: boolean }>();

  add(id: string | undefined, u: Json, profile: Json | undefined, bot: boolean): void {
    const handle = str(u, 'name') ?? str(profile, 'name');
    if (!id || !handle || this.byId.has(id)) return;
    const p: PersonProfile & { bot: boolean } = { key: personKey('slack', handle), platform: 'slack', handle, platformId: id, bot };
    const name = (str(u, 'real_name') ?? str(profile, 'real_name') ?? str(profile, 'display_name'))?.trim();
    const bio = str(profile, 'title')?.trim();
    if (name) p.name = name;
    if (bio) p.bio = bio;
    this.byId.set(id, p);
  }

  addUser(u: Json): void {
    // Slackbot is `is_bot: false` in users.json.
    this.add(str(u, 'id'), u, isObject(u.profile) ? u.profile : undefined, u.is_bot === true || str(u, 'id') === 'USLACKBOT');
  }

  key(id: string): string {
    return this.byId.get(id)?.key ?? personKey('slack', id);
  }

  isBot(id: string): boolean {
    return this.byId.get(id)?.bot ?? id === 'USLACKBOT';
  }

  profiles(): PersonProfile[] {
    return [...this.byId.values()].filter((p) => !p.bot).map(({ bot: _bot, ...p }) => p);
  }
}

interface Day {
  channel?: string;
  path?: string;
  records: unknown[];
  where: (i: number) => Pick<Skipped, 'line' | 'record'>;
}
interface Read {
  message: ParsedMessage;
  parentUser?: string;
}

/** Slack's markup as people saw it: `<@U1|ann>` → `@ann`, `<#C1|general>` → `#general`, `<url|label>` → label. */
export function slackText(raw: string, users: Directory, channels: Map<string, string>): string {
  return raw
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar < 0 ? inner : inner.slice(0, bar);
      const label = bar < 0 ? undefined : inner.slice(bar + 1);
      if (target.startsWith('@')) return `@${users.byId.get(target.slice(1))?.handle ?? label?.replace(/^@/, '') ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? channels.get(target.slice(1)) ?? target.slice(1)}`;
      if (target.startsWith('!')) return label ?? (/^!(here|channel|everyone)/.test(target) ? `@${target.slice(1).split('^')[0]}` : '');
      return label ?? target.replace(/^mailto:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function readRecord(v: unknown, day: Day, users: Directory, channels: Map<string, string>): Read | string {
  if (!isObject(v)) return 'not a JSON object';
  if (v.type !== undefined && v.type !== 'message') return `a ${String(v.type)} event, not a message`;
  const subtype = str(v, 'subtype');
  if (subtype && !WRITTEN.has(subtype)) return skipReason(subtype);
  const user = str(v, 'user');
  if (str(v, 'bot_id')) return 'bot message: posted by an app or integration (bot_id)';
  if (!user) return 'no user';
  if (users.isBot(user)) return `bot message: @${users.byId.get(user)?.handle ?? user} is a bot`;
  const ts = str(v, 'ts');
  const time = ts && /^\d+(\.\d+)?$/.test(ts) ? toIsoTime(Math.floor(Number(ts) * 1000)) : undefined;
  if (!ts || !time) return `unreadable ts "${ts ?? ''}"`;

  const raw = typeof v.text === 'string' ? v.text : '';
  let text = slackText(raw, users, channels).trim();
  // A file posted without a comment is still someone taking part (in a thread, a reply): its title stands in.
  const files = Array.isArray(v.files) ? v.files.filter(isObject) : isObject(v.file) ? [v.file] : [];
  if (!text && files.length > 0) text = files.map((f) => `[file: ${str(f, 'title') ?? str(f, 'name') ?? 'untitled'}]`).join(' ');
  if (!text) return 'no text';
  const mentions = [...raw.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)]
    .map((m) => m[1]!)
    .filter((id) => !users.isBot(id))
    .map((id) => users.key(id));
  // Channel links are not hashtags: tags are read from the text without them.
  const hashtags = extractHashtags(slackText(raw.replace(/<#[^>]*>/g, ' '), users, channels));
  const prefix = day.channel ? `${day.channel}:` : '';
  const threadTs = str(v, 'thread_ts');
  const reply = threadTs !== undefined && threadTs !== ts;
  const parentUser = str(v, 'parent_user_id');
  const message: ParsedMessage = {
    id: `${prefix}${ts}`,
    platform: 'slack',
    time,
    author: users.key(user),
    text,
    mentions: [...new Set(mentions)],
    hashtags,
    kind: reply ? 'reply' : 'post',
    ...(reply ? { replyToId: `${prefix}${threadTs}` } : {}),
    ...(day.channel ? { chat: `#${day.channel}` } : {}),
  };
  return { message, ...(reply && parentUser ? { parentUser } : {}) };
}

/** Days → messages; a reply's author is the thread parent's, wherever in the export that parent is. */
function readDays(days: Day[], users: Directory, channels: Map<string, string>, skipped: Skipped[]): ParsedMessage[] {
  // Names the export lacks: each message's `user_profile`, then `<@U1|ann>` labels (the username, in old exports).
  for (const d of days)
    for (const v of d.records) if (isObject(v) && isObject(v.user_profile)) users.add(str(v, 'user'), {}, v.user_profile, false);
  for (const d of days) {
    for (const v of d.records) {
      for (const m of (isObject(v) && typeof v.text === 'string' ? v.text : '').matchAll(/<@([UW][A-Z0-9]+)\|([^>]+)>/g))
        users.add(m[1], { name: m[2]!.replace(/^@/, '') }, undefined, false);
    }
  }
  const read: Read[] = [];
  for (const d of days) {
    d.records.forEach((v, i) => {
      const r = readRecord(v, d, users, channels);
      if (typeof r === 'string') skipped.push({ ...d.where(i), reason: d.path ? `${d.path}: ${r}` : r });
      else read.push(r);
    });
  }
  const authorOf = new Map(read.map((r) => [r.message.id, r.message.author]));
  return read.map(({ message, parentUser }) => {
    const parent = message.replyToId
      ? (authorOf.get(message.replyToId) ?? (parentUser && !users.isBot(parentUser) ? users.key(parentUser) : undefined))
      : undefined;
    return parent ? { ...message, replyToAuthor: parent } : message;
  });
}

/** What a skipped list says in one line: `4 channel_join, 1 bot message`. */
export function tally(skipped: readonly Skipped[]): string[] {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const what = s.reason.replace(/^[^:]*\.json: /, '').split(':')[0]!;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return counts.size === 0 ? [] : [`skipped: ${[...counts].map(([k, n]) => `${n} × ${k}`).join(', ')}`];
}

function jsonArray(file: SlackFile | undefined, warnings: string[]): Json[] {
  if (!file) return [];
  try {
    const v: unknown = parseJsonSafely(file.text.replace(/^\uFEFF/, ''));
    if (Array.isArray(v)) return v.filter(isObject);
  } catch {
    /* reported below */
  }
  warnings.push(`${file.path} is not a JSON array; left out`);
  return [];
}

/** A whole export; `files` have paths relative to its root (`users.json`, `general/2024-03-14.json`). */
export function parseSlackExport(files: SlackFile[], { fileName }: ParseContext): ParseResult {
  const warnings: string[] = [];
  const skipped: Skipped[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const users = new Directory();
  for (const u of jsonArray(byPath.get('users.json') ?? byPath.get('org_users.json'), warnings)) users.addUser(u);
  const conversations = [...jsonArray(byPath.get('channels.json'), warnings), ...jsonArray(byPath.get('groups.json'), warnings)];
  const channels = new Map(conversations.flatMap((c) => (str(c, 'id') && str(c, 'name') ? [[str(c, 'id')!, str(c, 'name')!]] : [])));
  const names = new Set(channels.values());
  const direct = new Set(
    [...jsonArray(byPath.get('dms.json'), warnings), ...jsonArray(byPath.get('mpims.json'), warnings)].flatMap((c) =>
      [str(c, 'id'), str(c, 'name')].filter((s): s is string => !!s),
    ),
  );

  const byFolder = new Map<string, SlackFile[]>();
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const m = DAY_FILE.exec(f.path);
    if (m) byFolder.set(m[1]!, [...(byFolder.get(m[1]!) ?? []), f]);
  }
  const days: Day[] = [];
  const unlisted: string[] = [];
  for (const [folder, dayFiles] of byFolder) {
    if (direct.has(folder) || (!names.has(folder) && !channels.has(folder) && looksPrivate(folder))) {
      skipped.push({ reason: `direct messages are never imported: ${folder}/ (${dayFiles.length} day file(s)) left unread` });
      continue;
    }
    if (!names.has(folder) && !channels.has(folder)) unlisted.push(folder);
    const channel = channels.get(folder) ?? folder;
    for (const f of dayFiles) {
      try {
        const container = readJsonContainer(f.text.replace(/^\uFEFF/, ''), f.path);
        if (container.kind === 'document') {
          const records = Array.isArray(container.value) ? container.value : [container.value];
          days.push({ channel, path: f.path, records, where: (i) => ({ record: i + 1 }) });
        } else {
          skipped.push(...container.skipped.map((s) => ({ ...s, reason: `${f.path}: ${s.reason}` })));
          days.push({
            channel,
            path: f.path,
            records: container.records.map((r) => r.value),
            where: (i) => ({ line: container.records[i]!.line }),
          });
        }
      } catch (e) {
        if (!(e instanceof TranscriptError)) throw e;
        skipped.push({ reason: `${f.path}: ${e.message}` });
      }
    }
  }
  if (unlisted.length > 0) warnings.push(`folder(s) not in channels.json, read as channels: ${unlisted.join(', ')}`);
  const messages = readDays(days, users, channels, skipped);
  if (messages.length === 0) {
    throw new TranscriptError(
      'no_messages',
      `${fileName}: a Slack export with ${byFolder.size} conversation folder(s), but no message could be read${skipped[0] ? ` (${skipped[0].reason})` : ''}`,
      { file: fileName, skipped: skipped.slice(0, 100) },
    );
  }
  return { messages, people: users.profiles(), skipped, warnings: [...warnings, ...tally(skipped)] };
}

const USERS_LIKE = /"(real_name|is_bot|team_id)"\s*:/;
const CHANNELS_LIKE = /"(is_general|is_channel|purpose)"\s*:/;

function detect(head: string): number {
  if (!/^\s*\[/.test(head)) return 0;
  if (/"ts"\s*:\s*"\d{9,}\.\d+"/.test(head) && /"type"\s*:\s*"message"/.test(head)) return 0.9;
  // users.json or channels.json alone: claimed so the error can say to upload the whole export.
  return (USERS_LIKE.test(head) && /"profile"\s*:/.test(head)) || (CHANNELS_LIKE.test(head) && /"members"\s*:/.test(head)) ? 0.4 : 0;
}

/** One channel-day file. Its channel is known only from a `<channel>/<date>.json` path. */
function parse(text: string, { fileName }: ParseContext): ParseResult {
  const container = readJsonContainer(text, fileName);
  const records =
    container.kind === 'document'
      ? Array.isArray(container.value)
        ? container.value
        : [container.value]
      : container.records.map((r) => r.value);
  const first = records.find(isObject);
  if (first && !('ts' in first) && (('profile' in first && 'name' in first) || 'members' in first)) {
    throw new TranscriptError(
      'no_messages',
      `${fileName} is a Slack ${'profile' in first ? 'users' : 'channel'} list, not messages: upload the whole export (the .zip, or its folder with the CLI)`,
      { file: fileName },
    );
  }
  const folder = DAY_FILE.exec(fileName.replace(/\\/g, '/'))?.[1];
  const channel = folder && !/\.zip$/i.test(folder) ? folder : undefined;
  if (channel && looksPrivate(channel))
    throw new TranscriptError('no_messages', `${fileName}: direct messages are never imported`, { file: fileName });
  const where = container.kind === 'document' ? (i: number) => ({ record: i + 1 }) : (i: number) => ({ line: container.records[i]!.line });
  const skipped: Skipped[] = container.kind === 'lines' ? [...container.skipped] : [];
  const users = new Directory();
  const messages = readDays([{ ...(channel ? { channel } : {}), records, where }], users, new Map(), skipped);
  if (messages.length === 0) {
    throw new TranscriptError('no_messages', `${fileName}: no Slack message could be read${skipped[0] ? ` (${skipped[0].reason})` : ''}`, {
      file: fileName,
      ...skipped[0],
    });
  }
  return { messages, people: users.profiles(), skipped, warnings: tally(skipped) };
}

export const slackParser: Parser = { format: 'slack', detect, parse };
