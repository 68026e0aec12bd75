/**
 * Normalize: parsed messages → validated Messages. Fills what parsers leave
 * to a common rule: the chat a message belongs to, its Q/A number, clean
 * mention lists; drops in-file duplicates; orders by time then id.
 */
import { MESSAGE_KINDS, MessageSchema, PLATFORMS, type Message, type Skipped } from '../../shared/index.js';
import type { ParsedMessage } from './parse/types.js';
import { readQuestionAnswer } from './parse/text.js';

export interface NormalizeOptions {
  /** Chat for every message that names none (an upload's `chat` field). Default: inferred. */
  chat?: string;
  /** Used as the chat of last resort: `uklibchat.jsonl` → `uklibchat`. */
  fileName: string;
  /**
   * A hashtag used by at least this share of the file's messages is a chat
   * tag (default 0.1): in a #uklibchat export nearly every message carries
   * #uklibchat, while topical tags (#openaccess) come and go.
   */
  chatTagShare?: number;
}

export const DEFAULT_CHAT_TAG_SHARE = 0.1;
/** An untagged message this close after another takes that one's chat. */
const NEIGHBOUR_MINUTES = 60;

export interface NormalizeResult {
  messages: Message[];
  skipped: Skipped[];
  warnings: string[];
}

/** `uklibchat-2024.jsonl` → `uklibchat-2024`. */
export function chatFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (base.replace(/\.[^.]+$/, '').trim() || 'chat').toLowerCase();
}

/** Chat tags of a file: hashtags carried by at least `share` of its messages, by count. */
function chatTags(messages: readonly ParsedMessage[], share: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) for (const tag of new Set(m.hashtags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const threshold = Math.max(2, Math.ceil(messages.length * share));
  return new Map([...counts].filter(([, n]) => n >= threshold || (messages.length < 2 && n >= 1)));
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z$/;
const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
const KIND_SET: ReadonlySet<string> = new Set(MESSAGE_KINDS);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const optionalCount = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) > 0);
const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** MessageSchema's rules, checked by hand; the message with only its known fields, or undefined. */
function checkMessage(c: ParsedMessage & { chat: string; question?: number; answer?: number }): Message | undefined {
  if (!nonEmpty(c.id) || !PLATFORM_SET.has(c.platform) || !nonEmpty(c.chat) || typeof c.time !== 'string' || !ISO_UTC.test(c.time)) return undefined;
  if (!nonEmpty(c.author) || typeof c.text !== 'string' || !KIND_SET.has(c.kind) || !strings(c.mentions) || !strings(c.hashtags)) return undefined;
  if (!optionalString(c.replyToId) || !optionalString(c.replyToAuthor) || !optionalString(c.repostOf) || !optionalCount(c.question) || !optionalCount(c.answer)) return undefined;
  const out: Message = { id: c.id, platform: c.platform, chat: c.chat, time: c.time, author: c.author, text: c.text, mentions: c.mentions, hashtags: c.hashtags, kind: c.kind };
  if (c.replyToId !== undefined) out.replyToId = c.replyToId;
  if (c.replyToAuthor !== undefined) out.replyToAuthor = c.replyToAuthor;
  if (c.repostOf !== undefined) out.repostOf = c.repostOf;
  if (c.question !== undefined) out.question = c.question;
  if (c.answer !== undefined) out.answer = c.answer;
  return out;
}

export function normalizeMessages(parsed: readonly ParsedMessage[], options: NormalizeOptions): NormalizeResult {
  const share = options.chatTagShare ?? DEFAULT_CHAT_TAG_SHARE;
  const warnings: string[] = [];
  const skipped: Skipped[] = [];

  const seen = new Set<string>();
  const unique: ParsedMessage[] = [];
  let duplicates = 0;
  for (const m of parsed) {
    const id = `${m.platform}\u0000${m.id}`;
    if (seen.has(id)) duplicates++;
    else {
      seen.add(id);
      unique.push(m);
    }
  }
  if (duplicates > 0) warnings.push(`${duplicates} message(s) appeared more than once in ${options.fileName} and were read once`);

  const tags = chatTags(unique, share);
  const fallback = options.chat?.toLowerCase() ?? [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? chatFromFileName(options.fileName);
  const chatOf = new Map<string, string>();
  const ordered = [...unique].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const messages: Message[] = [];
  let previous: { time: string; chat: string } | undefined;
  ordered.forEach((m, index) => {
    let chat = m.chat?.trim().toLowerCase() || options.chat?.toLowerCase();
    if (!chat) {
      // The message's most used chat tag; else its parent's chat (replies often drop the tag); else the
      // chat of the message just before it, if recent (people drop the tag mid-chat); else the file's.
      const own = m.hashtags.filter((t) => tags.has(t)).sort((a, b) => tags.get(b)! - tags.get(a)! || (a < b ? -1 : 1))[0];
      const recent = previous && Date.parse(m.time) - Date.parse(previous.time) <= NEIGHBOUR_MINUTES * 60_000 ? previous.chat : undefined;
      chat = own ?? (m.replyToId ? chatOf.get(m.replyToId) : undefined) ?? recent ?? fallback;
    }
    chatOf.set(m.id, chat);
    previous = { time: m.time, chat };
    const mentions = [...new Set(m.mentions)].filter((k) => k !== m.author);
    const candidate = { ...m, chat, mentions, hashtags: [...new Set(m.hashtags)], ...readQuestionAnswer(m.text) };
    // The common case is checked by hand (zod per message was an eighth of all parsing time); anything
    // that fails goes through the schema, which says exactly what is wrong.
    const fast = checkMessage(candidate);
    if (fast) messages.push(fast);
    else {
      const result = MessageSchema.safeParse(candidate);
      if (result.success) messages.push(result.data);
      else skipped.push({ record: index + 1, reason: `invalid message ${m.id}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
    }
  });
  return { messages, skipped, warnings };
}
