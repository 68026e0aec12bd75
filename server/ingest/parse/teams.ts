/**
 * Microsoft Teams messages as Microsoft Graph returns them (learn.microsoft.com
 * graph/api/resources/chatmessage): a `GET /teams/{id}/channels/{id}/messages`
 * or `GET /chats/{id}/messages` page (`{"@odata.context", value: [...]}`,
 * replies nested under `replies` with `$expand=replies`), a bare array of
 * chatMessage, or JSON Lines of pages or messages.
 *
 * - People are keyed by Azure AD user id (`teams:<guid>`): display names
 *   collide and change, the id does neither. The display name is the handle
 *   and the name, so people read as themselves; the id is `platformId`.
 * - Chat: Graph names no channel or chat on a message, only ids; a channel or
 *   chat renamed/added event in the file gives the name. Otherwise the chat is
 *   left to normalize (the upload's chat, else the file name).
 * - Read: `messageType: message` from a user. System events, deleted
 *   messages, bot/app messages and one-on-one chats (direct messages, never
 *   imported) are skipped with a reason.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { htmlToText } from './html-to-text.js';
import { isObject, parseJsonSafely, readJsonContainer, str } from './read-json.js';
import { extractHashtags, toIsoTime } from './text.js';
import type { ParsedMessage, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;
interface Item {
  value: unknown;
  at: Pick<Skipped, 'line' | 'record'>;
}

/** One-on-one chat ids are `19:<user>_<user>@unq.gbl.spaces`; group and meeting chats end `@thread.v2`. */
const ONE_ON_ONE = /@unq\.gbl\.spaces$/i;
/** Events that carry a channel's or chat's display name. */
const NAMING_EVENTS = /#microsoft\.graph\.(channelRenamed|channelAdded|chatRenamed)EventMessageDetail$/;

const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const isChatMessage = (v: unknown): v is Json =>
  isObject(v) && str(v, 'id') !== undefined && ('messageType' in v || 'createdDateTime' in v);

/** A page's messages, each root followed by its expanded replies. */
function flatten(list: unknown[]): unknown[] {
  return list.flatMap((v) => (isObject(v) && Array.isArray(v.replies) ? [v, ...v.replies] : [v]));
}

function messagesOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return flatten(v);
  if (isObject(v) && Array.isArray(v.value)) return flatten(v.value);
  return flatten([v]);
}

function readItems(text: string, fileName: string): { items: Item[]; skipped: Skipped[] } {
  const container = readJsonContainer(text, fileName);
  if (container.kind === 'lines') {
    const items = container.records.flatMap(({ line, value }) => messagesOf(value).map((v) => ({ value: v, at: { line } })));
    return { items, skipped: container.skipped };
  }
  const doc = container.value;
  if (!Array.isArray(doc) && !isChatMessage(doc) && !(isObject(doc) && Array.isArray(doc.value))) {
    throw new TranscriptError(
      'unreadable_file',
      `${fileName}: expected Microsoft Graph chatMessage JSON (a {value: [...]} page, an array or JSON Lines)`,
      {
        file: fileName,
      },
    );
  }
  // Records count messages in file order, each root's replies right after it.
  return { items: messagesOf(doc).map((value, i) => ({ value, at: { record: i + 1 } })), skipped: [] };
}

/** The channel or chat a message belongs to. */
const conversationOf = (m: Json): string | undefined =>
  (isObject(m.channelIdentity) ? str(m.channelIdentity, 'channelId') : undefined) ?? str(m, 'chatId');

/** A Graph identity set's user as a profile; applications, devices and conversations are not people. */
function profileOf(identity: unknown, fallbackName?: string): PersonProfile | undefined {
  const user = isObject(identity) && isObject(identity.user) ? identity.user : undefined;
  if (!user) return undefined;
  const id = str(user, 'id')?.trim();
  const name = str(user, 'displayName')?.trim() ?? fallbackName?.trim();
  // Without an id (rare: some guests) the display name is all there is to key on.
  const keyPart = id ?? name;
  if (!keyPart) return undefined;
  const profile: PersonProfile = { key: personKey('teams', keyPart), platform: 'teams', handle: name ?? keyPart };
  if (name) profile.name = name;
  if (id) profile.platformId = id;
  return profile;
}

/**
 * Body HTML as text. `<at id="0">Ann</at>` mention tags read `@Ann`; `<emoji alt="👍">`
 * keeps its character (the tag has no text). `[^<>]*` keeps both scans linear.
 */
function bodyText(m: Json): string {
  const body = isObject(m.body) ? m.body : {};
  const content = str(body, 'content') ?? '';
  const subject = str(m, 'subject')?.trim();
  const text =
    str(body, 'contentType') === 'text'
      ? content.trim()
      : htmlToText(content.replace(/<at\b[^<>]*>/gi, '$&@').replace(/<emoji\b[^<>]*>/gi, (tag) => /\balt="([^"]*)"/i.exec(tag)?.[1] ?? ''));
  return subject ? `${subject}\n\n${text}` : text;
}

/** A chat reply quotes its parent in a `messageReference` attachment (channel replies use `replyToId`). */
function quotedReference(m: Json): { id?: string; author?: PersonProfile } {
  const ref = arrayOf(m.attachments).find((a) => str(a, 'contentType') === 'messageReference');
  if (!ref) return {};
  let content: unknown = ref.content;
  try {
    if (typeof content === 'string') content = parseJsonSafely(content);
  } catch {
    content = undefined; // a broken reference still names the parent by its attachment id
  }
  const inner = isObject(content) ? content : {};
  const author = profileOf(inner.messageSender);
  return { id: str(inner, 'messageId') ?? str(ref, 'id'), ...(author ? { author } : {}) };
}

/** Why a record is not read, or undefined when it is a person's message. */
function skipReason(m: Json): string | undefined {
  const chatId = str(m, 'chatId');
  if (chatId && ONE_ON_ONE.test(chatId)) return 'one-on-one chat: direct messages are never imported';
  const type = str(m, 'messageType') ?? 'message';
  if (type !== 'message') return `${type}: not a message`;
  if (str(m, 'deletedDateTime')) return 'deleted message';
  const from = isObject(m.from) ? m.from : undefined;
  if (!isObject(from?.user)) {
    const app = isObject(from?.application) ? from.application : undefined;
    return app ? `bot or app message by ${str(app, 'displayName') ?? 'an app'}` : 'message without a sender';
  }
  return undefined;
}

function detect(head: string): number {
  if (!/^\s*[[{]/.test(head)) return 0;
  // `messageType` + `createdDateTime` are Graph's chatMessage words; no other format we read uses them.
  if (!/"messageType"\s*:/.test(head) || !/"createdDateTime"\s*:/.test(head)) return 0;
  const graph = /"@odata\.context"\s*:\s*"[^"]*\/(messages|replies)/.test(head) || /"(channelIdentity|chatId|replyToId)"\s*:/.test(head);
  return graph ? 0.95 : 0.6;
}

function parse(text: string, context: { fileName: string }): ParseResult {
  const { fileName } = context;
  const { items, skipped } = readItems(text, fileName);
  const records = items.filter((it) => isChatMessage(it.value)) as { value: Json; at: Item['at'] }[];

  // Channel and chat names from naming events, the latest event winning.
  const names = new Map<string, { name: string; time: string }>();
  for (const { value } of records) {
    const detail = isObject(value.eventDetail) ? value.eventDetail : undefined;
    if (!detail || !NAMING_EVENTS.test(str(detail, '@odata.type') ?? '')) continue;
    const id = str(detail, 'channelId') ?? str(detail, 'chatId') ?? conversationOf(value);
    const name = (str(detail, 'channelDisplayName') ?? str(detail, 'chatDisplayName'))?.trim();
    const time = str(value, 'createdDateTime') ?? '';
    if (id && name && (names.get(id)?.time ?? '') <= time) names.set(id, { name, time });
  }

  const messages: ParsedMessage[] = [];
  const authors = new Map<string, PersonProfile>();
  const others = new Map<string, PersonProfile>();
  const authorOf = new Map<string, string>();
  const counts = { bots: 0, direct: 0 };
  for (const { value, at } of items) {
    if (!isChatMessage(value)) {
      skipped.push({ ...at, reason: 'not a Teams chatMessage' });
      continue;
    }
    const reason = skipReason(value);
    if (reason) {
      if (reason.startsWith('bot')) counts.bots++;
      if (reason.startsWith('one-on-one')) counts.direct++;
      skipped.push({ ...at, reason });
      continue;
    }
    const author = profileOf(value.from);
    const time = toIsoTime(str(value, 'createdDateTime'));
    if (!author || !time) {
      skipped.push({
        ...at,
        reason: author ? `unreadable createdDateTime "${str(value, 'createdDateTime') ?? ''}"` : 'sender without an id or name',
      });
      continue;
    }
    const body = bodyText(value);
    const quoted = quotedReference(value);
    const replyToId = str(value, 'replyToId') ?? quoted.id;
    const mentioned = arrayOf(value.mentions)
      .map((mention) => profileOf(mention.mentioned, str(mention, 'mentionText')))
      .filter((p): p is PersonProfile => p !== undefined && p.key !== author.key);
    const chat = names.get(conversationOf(value) ?? '')?.name;
    const id = str(value, 'id')!;
    messages.push({
      id,
      platform: 'teams',
      ...(chat ? { chat } : {}),
      time,
      author: author.key,
      text: body,
      ...(replyToId ? { replyToId } : {}),
      ...(quoted.author ? { replyToAuthor: quoted.author.key } : {}),
      mentions: [...new Set(mentioned.map((p) => p.key))],
      hashtags: extractHashtags(body),
      kind: replyToId ? 'reply' : 'post',
    });
    authorOf.set(id, author.key);
    if (!authors.has(author.key)) authors.set(author.key, author);
    for (const p of [...mentioned, ...(quoted.author ? [quoted.author] : [])]) if (!others.has(p.key)) others.set(p.key, p);
  }
  // A channel reply's replyToId is its root, which may come before or after it in the file.
  for (const m of messages) if (m.replyToId && !m.replyToAuthor && authorOf.has(m.replyToId)) m.replyToAuthor = authorOf.get(m.replyToId)!;

  skipped.sort((a, b) => (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0));
  if (messages.length === 0) {
    const first = skipped[0];
    const why =
      counts.direct > 0 && counts.direct === skipped.length
        ? 'a one-on-one chat; Chat Atlas never imports direct messages'
        : `no messages by people${first ? `; first problem: ${first.reason}` : ''}`;
    throw new TranscriptError('no_messages', `${fileName}: ${why}`, {
      file: fileName,
      ...(first ? { line: first.line, record: first.record } : {}),
    });
  }
  const warnings: string[] = [];
  if (counts.bots > 0) warnings.push(`${counts.bots} bot or app message(s) left out`);
  if (counts.direct > 0) warnings.push(`${counts.direct} one-on-one chat message(s) left out: direct messages are never imported`);
  const conversations = new Set(records.map((r) => conversationOf(r.value)).filter((c): c is string => !!c));
  const unnamed = [...conversations].filter((c) => !names.has(c));
  if (conversations.size > 1 && unnamed.length > 0) {
    warnings.push(
      `messages from ${conversations.size} channels or chats; ${unnamed.length} without a name in the file share one chat (the upload's chat or the file name)`,
    );
  }
  const people = [...authors.values(), ...[...others.values()].filter((p) => !authors.has(p.key))];
  return { messages, people, skipped, warnings };
}

export const teamsParser: Parser = { format: 'teams', detect, parse };
