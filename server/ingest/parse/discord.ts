/**
 * Discord channel exports written by DiscordChatExporter's JSON writer
 * (Tyrrrz/DiscordChatExporter, `JsonMessageWriter.cs`): one document
 * `{guild, channel, dateRange, exportedAt, messages[], messageCount}`.
 *
 * - Chat: `<guild> #<channel>`; a thread's messages go to its parent channel
 *   (the writer puts the parent in `category` for threads), so a thread is part
 *   of the channel's conversation, and two guilds' `#general` stay apart.
 * - People: `discord:<username>`; an account still on a legacy 4-digit
 *   discriminator (not `0000`) is `discord:<username>#1234`, which is what
 *   made it unique (the exporter's `FullName`). `nickname` is the name shown.
 * - Read: types `Default` and `Reply`. Bots, system messages (joins, pins,
 *   thread notices…) are skipped with a reason. Direct-message exports are
 *   refused as a whole: Chat Atlas never imports direct messages.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, readJsonContainer, str } from './read-json.js';
import { extractHashtags, toIsoTime } from './text.js';
import type { ParsedMessage, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;

/** Message types that are people talking; the exporter prints unknown numeric types as numbers. */
const READ_TYPES = new Set(['Default', 'Reply', '0', '19']);
const DIRECT = new Set(['DirectTextChat', 'DirectGroupTextChat']);
const THREADS = new Set(['GuildNewsThread', 'GuildPublicThread', 'GuildPrivateThread']);

const arrayOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** `ann.reads`, or `Bob#4821` for a legacy discriminator. */
function handleOf(user: Json): string | undefined {
  const name = str(user, 'name')?.trim();
  if (!name) return undefined;
  const disc = str(user, 'discriminator');
  return disc && /^\d{4}$/.test(disc) && disc !== '0000' ? `${name}#${disc}` : name;
}

function profileOf(user: Json): PersonProfile | undefined {
  const handle = handleOf(user);
  if (!handle) return undefined;
  const profile: PersonProfile = { key: personKey('discord', handle), platform: 'discord', handle };
  const nickname = str(user, 'nickname')?.trim();
  const id = str(user, 'id');
  if (nickname) profile.name = nickname;
  if (id) profile.platformId = id;
  return profile;
}

/** The chat every message of the export belongs to. */
function chatOf(doc: Json): string | undefined {
  const guild = isObject(doc.guild) ? str(doc.guild, 'name')?.trim() : undefined;
  const channel = isObject(doc.channel) ? doc.channel : {};
  const thread = THREADS.has(str(channel, 'type') ?? '');
  const name = ((thread ? str(channel, 'category') : undefined) ?? str(channel, 'name'))?.trim().replace(/^#/, '');
  if (!name) return undefined;
  return guild ? `${guild} #${name}` : `#${name}`;
}

/**
 * Content exported with `--markdown false` keeps Discord's markup: `<@id>` and
 * `<@!id>` users, `<#id>` channels, `<:name:id>` emoji, `<t:unix:style>` times.
 * It becomes what a reader sees; a user or channel the file doesn't know stays as written.
 */
function renderMarkup(content: string, users: Map<string, Json>, channels: Map<string, string>): string {
  return content
    .replace(/<@!?(\d{5,25})>/g, (whole, id: string) => {
      const user = users.get(id);
      const shown = user ? (str(user, 'nickname') ?? str(user, 'name')) : undefined;
      return shown ? `@${shown}` : whole;
    })
    .replace(/<#(\d{5,25})>/g, (whole, id: string) => (channels.has(id) ? `#${channels.get(id)}` : whole))
    .replace(/<a?:(\w{1,64}):\d{5,25}>/g, ':$1:')
    .replace(/<t:(-?\d{1,13})(?::[tTdDfFR])?>/g, (whole, secs: string) => toIsoTime(Number(secs) * 1000) ?? whole);
}

/** Does the text name this user (`@Nickname`, `@username`)? A reply's automatic ping does not. */
function namedInText(text: string, user: Json): boolean {
  const lower = text.toLowerCase();
  return [str(user, 'nickname'), str(user, 'name')].some((n) => n !== undefined && lower.includes(`@${n.toLowerCase()}`));
}

/** Text of a message: its content, else what was forwarded, else the names of its attachments and stickers. */
function textOf(message: Json, render: (s: string) => string): string {
  const content = render(str(message, 'content') ?? '').trim();
  if (content) return content;
  const forwarded = isObject(message.forwardedMessage) ? render(str(message.forwardedMessage, 'content') ?? '').trim() : '';
  if (forwarded) return forwarded;
  const files = [...arrayOf(message.attachments).map((a) => str(a, 'fileName')), ...arrayOf(message.stickers).map((s) => str(s, 'name'))];
  return files
    .filter((f): f is string => !!f)
    .map((f) => `[${f}]`)
    .join(' ');
}

function detect(head: string): number {
  const h = head.trimStart();
  if (!h.startsWith('{')) return 0;
  // `guild` + `channel` objects open every DiscordChatExporter export, and no other format we read has them.
  if (!/"guild"\s*:\s*\{/.test(h) || !/"channel"\s*:\s*\{/.test(h)) return 0;
  return /"messages"\s*:\s*\[/.test(h) || /"dateRange"\s*:/.test(h) ? 0.95 : 0.7;
}

function readDocument(text: string, fileName: string): Json & { messages: unknown[] } {
  const container = readJsonContainer(text, fileName);
  const doc = container.kind === 'document' ? container.value : undefined;
  if (!isObject(doc) || !Array.isArray(doc.messages) || !isObject(doc.channel)) {
    throw new TranscriptError('unreadable_file', `${fileName}: expected a DiscordChatExporter JSON export ({guild, channel, messages})`, {
      file: fileName,
    });
  }
  return doc as Json & { messages: unknown[] };
}

function parse(text: string, context: { fileName: string }): ParseResult {
  const { fileName } = context;
  const doc = readDocument(text, fileName);
  const channel = doc.channel as Json;
  const channelType = str(channel, 'type') ?? '';
  if (DIRECT.has(channelType)) {
    throw new TranscriptError(
      'no_messages',
      `${fileName}: a Discord direct-message export (${channelType}); Chat Atlas never imports direct messages`,
      {
        file: fileName,
        messages: doc.messages.length,
      },
    );
  }
  const chat = chatOf(doc);
  const records = doc.messages.map((value, i) => ({ value, at: { record: i + 1 } as Pick<Skipped, 'record'> }));

  // Everyone the file shows, by Discord id: `<@id>` markup and reply targets are resolved against them.
  const users = new Map<string, Json>();
  for (const { value } of records) {
    if (!isObject(value)) continue;
    for (const u of [value.author, ...arrayOf(value.mentions)]) {
      const id = isObject(u) ? str(u, 'id') : undefined;
      if (id && !users.has(id)) users.set(id, u as Json);
    }
  }
  // The channel itself and, for a thread, its parent are the only channels the file names.
  const channels = new Map<string, string>();
  for (const [id, name] of [
    [str(channel, 'id'), str(channel, 'name')],
    THREADS.has(channelType) ? [str(channel, 'categoryId'), str(channel, 'category')] : [],
  ]) {
    if (id && name) channels.set(id, name);
  }
  const render = (s: string) => renderMarkup(s, users, channels);

  const messages: ParsedMessage[] = [];
  const skipped: Skipped[] = [];
  const people = new Map<string, PersonProfile>();
  const authorOf = new Map<string, string>(); // message id → person key, for messages read
  const pending: { message: ParsedMessage; candidates: { user: Json; written: boolean }[] }[] = [];
  let bots = 0;
  for (const { value, at } of records) {
    const author = isObject(value) && isObject(value.author) ? value.author : undefined;
    const id = isObject(value) ? str(value, 'id') : undefined;
    if (!isObject(value) || !author || !id) {
      skipped.push({ ...at, reason: 'not a Discord message (no id or author)' });
      continue;
    }
    if (author.isBot === true) {
      bots++;
      skipped.push({ ...at, reason: `bot message by ${str(author, 'name') ?? 'a bot'}` });
      continue;
    }
    const type = str(value, 'type') ?? 'Default';
    if (!READ_TYPES.has(type)) {
      skipped.push({ ...at, reason: `system message (${type})` });
      continue;
    }
    const profile = profileOf(author);
    if (!profile) {
      skipped.push({ ...at, reason: 'author without a name' });
      continue;
    }
    const time = toIsoTime(str(value, 'timestamp'));
    if (!time) {
      skipped.push({ ...at, reason: `unreadable timestamp "${str(value, 'timestamp') ?? ''}"` });
      continue;
    }
    const body = textOf(value, render);
    // mentions[], plus `<@id>` markup of people the file knows that mentions[] left out (exporter issue #304).
    const written = [...(str(value, 'content') ?? '').matchAll(/<@!?(\d{5,25})>/g)].map((m) => m[1]!);
    const candidates = [...arrayOf(value.mentions), ...written.map((w) => users.get(w)).filter(isObject)]
      .filter((u) => u.isBot !== true)
      .map((user) => ({ user, written: written.includes(str(user, 'id') ?? '') }));
    // A reply is type Reply; a forward also carries a `reference`, but answers no one.
    const replyToId =
      type === 'Reply' || type === '19' ? (isObject(value.reference) ? str(value.reference, 'messageId') : undefined) : undefined;
    const message: ParsedMessage = {
      id,
      platform: 'discord',
      ...(chat ? { chat } : {}),
      time,
      author: profile.key,
      text: body,
      ...(replyToId ? { replyToId } : {}),
      mentions: [],
      // `#reference-desk` is a channel link, not a hashtag.
      hashtags: extractHashtags([...channels.values()].reduce((t, name) => t.split(`#${name}`).join(' '), body)),
      kind: replyToId ? 'reply' : 'post',
    };
    messages.push(message);
    pending.push({ message, candidates });
    authorOf.set(id, profile.key);
    if (!people.has(profile.key)) people.set(profile.key, profile);
  }

  // Second pass: a reply target may come later in the file (DiscordChatExporter can write newest first).
  for (const { message, candidates } of pending) {
    const target = message.replyToId ? authorOf.get(message.replyToId) : undefined;
    if (target) message.replyToAuthor = target;
    const keys = new Set<string>();
    for (const { user, written } of candidates) {
      const p = profileOf(user);
      // Discord pings a reply's target and lists them in mentions[]: that is the reply, not a mention,
      // unless the text names them too.
      if (!p || p.key === message.author || (p.key === target && !written && !namedInText(message.text, user))) continue;
      keys.add(p.key);
      if (!people.has(p.key)) people.set(p.key, p);
    }
    message.mentions = [...keys];
  }

  if (messages.length === 0) {
    const first = skipped[0];
    throw new TranscriptError(
      'no_messages',
      `${fileName}: no messages by people in this Discord export${first ? `; first problem: ${first.reason}` : ''}`,
      {
        file: fileName,
        ...(first ? { record: first.record } : {}),
      },
    );
  }
  const warnings = bots > 0 ? [`${bots} bot message(s) left out`] : [];
  return { messages, people: [...people.values()], skipped, warnings };
}

export const discordParser: Parser = { format: 'discord', detect, parse };
