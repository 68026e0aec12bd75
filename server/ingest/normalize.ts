/**
 * Normalize: parsed messages → validated Messages. Fills what parsers leave
 * to a common rule: the chat a message belongs to, its Q/A number, clean
 * mention lists; drops in-file duplicates; orders by time then id.
 */
import { MESSAGE_KINDS, MessageSchema, PLATFORMS, type Message, type Skipped } from '../../shared/index.js';
import type { ParsedMessage } from './parse/types.js';
import { isCanonicalTime, questionAnswerNumber, readQuestionAnswer } from './parse/text.js';
import { chatFromFileName, chatNamedByExport } from './chat-name.js';

export interface NormalizeOptions {
  /** Chat for every message that names none (an upload's `chat` field). Default: inferred. */
  chat?: string;
  /** Read for the chat of last resort (chat-name.ts): `uklibchat.jsonl` → `uklibchat`, `2016-12-19_20.raw.txt` → `irc log 19 dec 2016`. */
  fileName: string;
  /**
   * What the file's text calls its chat (a WhatsApp group's subject): the chat
   * of every message that names none, unless the upload's `chat` field says
   * otherwise or the export's name names it (chat-name.ts).
   */
  named?: string | undefined;
  /**
   * Whether a chat named from a file name that says nothing ("_chat.txt") takes
   * the day of the first message (default true). A chunk of a big file is read
   * without: each chunk would name another day, so one file would be several chats.
   */
  dayFromMessages?: boolean;
  /**
   * A hashtag used by at least this share of the file's messages is a chat
   * tag (default 0.1): in a #uklibchat export nearly every message carries
   * #uklibchat, while topical tags (#openaccess) come and go.
   */
  chatTagShare?: number;
  /**
   * A hashtag carried by at least this share of the file's messages makes the
   * file one search archive, and that tag the chat of every message that names
   * none (default DEFAULT_SEARCH_TAG_SHARE): a `#auspreserves` search whose
   * tweets, cut at 140 characters, show only `#digipres` is still one chat. A
   * file mixing chats more evenly keeps each message's own tag.
   */
  searchTagShare?: number;
  /**
   * A longer text is cut to this many characters (UTF-16 units, default
   * DEFAULT_MAX_MESSAGE_CHARS), and the file's warnings say which messages
   * were cut: one message must not make every later read of the dataset
   * carry megabytes.
   */
  maxTextChars?: number | undefined;
  /** The stretch of the file these messages come from (`lines 1200–2400`), named in warnings. */
  where?: string;
}

export const DEFAULT_CHAT_TAG_SHARE = 0.1;
/** Most of a file: a real search archive carries its tag on 80 % of rows even with texts cut (#auspreserves, rtweet 0.6). */
export const DEFAULT_SEARCH_TAG_SHARE = 0.6;
/**
 * Far above any real post (Slack allows 40,000 characters, Mastodon 500 by
 * default, Discord 4,000), far below what slows a reader: a 250 MB quoted
 * CSV field was once stored whole.
 */
export const DEFAULT_MAX_MESSAGE_CHARS = 100_000;
/** Messages named in the warning about cut texts; the count says how many in all. */
const NAMED_CUTS = 5;
/** An untagged message this close after another takes that one's chat. */
const NEIGHBOUR_MINUTES = 60;

export interface NormalizeResult {
  messages: Message[];
  skipped: Skipped[];
  warnings: string[];
}

/** Whether `list[i]` is already among `list[0…i-1]` (as a Set sees it: NaN equals NaN). */
function seenBefore(list: readonly unknown[], i: number): boolean {
  const v = list[i];
  for (let j = 0; j < i; j++) if (list[j] === v || (v !== v && list[j] !== list[j])) return true;
  return false;
}

/**
 * `[...new Set(list)].filter((v) => v !== leave)` (no filter without `leave`)
 * in a new array, without the Set. Its size is its length: a list built by
 * `push` keeps room for 17, and an import keeps a million of them.
 */
function uniqueWithout(list: readonly string[], leave?: string): string[] {
  let clean = true;
  for (let i = 0; clean && i < list.length; i++) clean = list[i] !== leave && !seenBefore(list, i);
  // Parsers mostly give clean lists: one copy of the right size.
  if (clean) return list.slice();
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) if ((leave === undefined || list[i] !== leave) && !seenBefore(list, i)) out.push(list[i]!);
  return out;
}

/** Chat tags of a file: hashtags carried by at least `share` of its messages, by count. */
function chatTags(messages: readonly ParsedMessage[], share: number): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (tag: string) => counts.set(tag, (counts.get(tag) ?? 0) + 1);
  for (const m of messages) {
    const tags = m.hashtags;
    // Each tag once per message, as a Set of them would give; a Set only for odd (non-array) values.
    if (!Array.isArray(tags)) for (const tag of new Set<string>(tags)) count(tag);
    else for (let i = 0; i < tags.length; i++) if (!seenBefore(tags, i)) count(tags[i]!);
  }
  const threshold = Math.max(2, Math.ceil(messages.length * share));
  return new Map([...counts].filter(([, n]) => n >= threshold || (messages.length < 2 && n >= 1)));
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z$/;

/** ISO_UTC.test(v), without the regular expression for the layout every parser writes. */
const isIsoUtc = (v: string): boolean => isCanonicalTime(v) || ISO_UTC.test(v);
const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
const KIND_SET: ReadonlySet<string> = new Set(MESSAGE_KINDS);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const optionalCount = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) > 0);
function strings(v: readonly unknown[]): boolean {
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

/** What normalize adds to a parsed message; with it, the candidate MessageSchema is asked about. */
interface Added {
  chat: string;
  mentions: string[];
  hashtags: string[];
  question: number | undefined;
  answer: number | undefined;
}

/**
 * MessageSchema's rules, checked by hand on `{ ...m, ...added }` without
 * building it; the message with only its known fields, or undefined.
 */
function checkMessage(m: ParsedMessage, a: Added): Message | undefined {
  if (!nonEmpty(m.id) || !PLATFORM_SET.has(m.platform) || !nonEmpty(a.chat) || typeof m.time !== 'string' || !isIsoUtc(m.time))
    return undefined;
  if (!nonEmpty(m.author) || typeof m.text !== 'string' || !KIND_SET.has(m.kind) || !strings(a.mentions) || !strings(a.hashtags))
    return undefined;
  if (
    !optionalString(m.replyToId) ||
    !optionalString(m.replyToAuthor) ||
    !optionalString(m.repostOf) ||
    !optionalCount(a.question) ||
    !optionalCount(a.answer)
  )
    return undefined;
  const out: Message = {
    id: m.id,
    platform: m.platform,
    chat: a.chat,
    time: m.time,
    author: m.author,
    text: m.text,
    mentions: a.mentions,
    hashtags: a.hashtags,
    kind: m.kind,
  };
  if (m.replyToId !== undefined) out.replyToId = m.replyToId;
  if (m.replyToAuthor !== undefined) out.replyToAuthor = m.replyToAuthor;
  if (m.repostOf !== undefined) out.repostOf = m.repostOf;
  if (a.question !== undefined) out.question = a.question;
  if (a.answer !== undefined) out.answer = a.answer;
  return out;
}

/** The candidate as the schema sees it (only for messages the hand check refused: it says why). */
const candidateOf = (m: ParsedMessage, chat: string) => ({
  ...m,
  chat,
  mentions: [...new Set(m.mentions)].filter((k) => k !== m.author),
  hashtags: [...new Set(m.hashtags)],
  ...readQuestionAnswer(m.text),
});

/** What normalize adds, without the candidate's spreads and Sets; undefined for odd shapes the candidate must judge. */
function addedFields(m: ParsedMessage, chat: string): Added | undefined {
  if (!Array.isArray(m.mentions) || !Array.isArray(m.hashtags) || typeof m.text !== 'string') return undefined;
  const qa = questionAnswerNumber(m.text);
  return {
    chat,
    mentions: uniqueWithout(m.mentions, m.author),
    hashtags: uniqueWithout(m.hashtags),
    question: qa > 0 ? qa : (m as { question?: number }).question,
    answer: qa < 0 ? -qa : (m as { answer?: number }).answer,
  };
}

/**
 * Messages without the repeats of an earlier one's platform and id. Ids are
 * kept per platform (no joined string per message), which tells the same
 * apart as joining `platform\0id` as long as no platform holds a \0;
 * should one, the joined strings decide.
 */
function withoutRepeats(parsed: readonly ParsedMessage[]): { unique: ParsedMessage[]; duplicates: number } {
  const seen = new Map<string, Set<string>>();
  const unique: ParsedMessage[] = [];
  for (const m of parsed) {
    const platform = `${m.platform}`;
    let ids = seen.get(platform);
    if (!ids) {
      if (platform.includes('\u0000')) return withoutRepeatsJoined(parsed);
      seen.set(platform, (ids = new Set()));
    }
    const id = `${m.id}`;
    if (!ids.has(id)) {
      ids.add(id);
      unique.push(m);
    }
  }
  return { unique, duplicates: parsed.length - unique.length };
}

function withoutRepeatsJoined(parsed: readonly ParsedMessage[]): { unique: ParsedMessage[]; duplicates: number } {
  const seen = new Set<string>();
  const unique: ParsedMessage[] = [];
  for (const m of parsed) {
    const id = `${m.platform}\u0000${m.id}`;
    if (!seen.has(id)) {
      seen.add(id);
      unique.push(m);
    }
  }
  return { unique, duplicates: parsed.length - unique.length };
}

const byTimeThenId = (a: ParsedMessage, b: ParsedMessage) =>
  a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** `[...unique].sort(byTimeThenId)`; exports are mostly in order already, and a stable sort then keeps it. */
function inTimeOrder(unique: ParsedMessage[]): ParsedMessage[] {
  // As the sort's own first run is counted: it stops at the first pair out of order.
  for (let i = 1; i < unique.length; i++) if (byTimeThenId(unique[i]!, unique[i - 1]!) < 0) return unique.sort(byTimeThenId);
  return unique;
}

/** The message's most used chat tag (ties: first by name), by sorting its chat tags. */
const sortedChatTag = (m: ParsedMessage, tags: ReadonlyMap<string, number>): string | undefined =>
  m.hashtags.filter((t) => tags.has(t)).sort((a, b) => tags.get(b)! - tags.get(a)! || (a < b ? -1 : 1))[0];

/** sortedChatTag in one pass without sorting, when the tags are strings (a proper order, so the same pick). */
function ownChatTag(m: ParsedMessage, tags: ReadonlyMap<string, number>): string | undefined {
  if (!Array.isArray(m.hashtags)) return sortedChatTag(m, tags);
  let best: string | undefined;
  let bestCount = 0;
  for (const t of m.hashtags) {
    const n = tags.get(t);
    if (n === undefined) continue;
    if (typeof t !== 'string') return sortedChatTag(m, tags);
    if (best === undefined || n > bestCount || (n === bestCount && t < best)) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

/** `text` cut to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
function cutText(text: string, max: number): string {
  const end = max > 0 && (text.charCodeAt(max - 1) & 0xfc00) === 0xd800 ? max - 1 : max;
  return text.slice(0, end);
}

/** The one warning about the texts cut in a file (or a stretch of it). */
function cutWarning(options: NormalizeOptions, max: number, cut: readonly Message[]): string {
  const n = max.toLocaleString('en-US');
  const named = cut
    .slice(0, NAMED_CUTS)
    .map((m) => `id ${m.id} by ${m.author} at ${m.time}`)
    .join('; ');
  const more = cut.length > NAMED_CUTS ? ` and ${cut.length - NAMED_CUTS} more` : '';
  const where = options.where ? `${options.fileName}, ${options.where}` : options.fileName;
  return `${where}: ${cut.length} message(s) longer than ${n} characters were cut to ${n}: ${named}${more}`;
}

export function normalizeMessages(parsed: readonly ParsedMessage[], options: NormalizeOptions): NormalizeResult {
  const share = options.chatTagShare ?? DEFAULT_CHAT_TAG_SHARE;
  const maxText = options.maxTextChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  if (!(Number.isInteger(maxText) && maxText > 0)) throw new Error(`normalize: maxTextChars must be a positive integer, not ${maxText}`);
  const cut: Message[] = [];
  const warnings: string[] = [];
  const skipped: Skipped[] = [];

  const { unique, duplicates } = withoutRepeats(parsed);
  if (duplicates > 0) warnings.push(`${duplicates} message(s) appeared more than once in ${options.fileName} and were read once`);

  const tags = chatTags(unique, share);
  const [topTag, topCount = 0] = [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  const searchTag = topCount >= (options.searchTagShare ?? DEFAULT_SEARCH_TAG_SHARE) * unique.length ? topTag : undefined;
  const chatOf = new Map<string, string>();
  const ordered = inTimeOrder(unique);
  // The upload's chat field, else the name the export gives its chat, else a search archive's tag, is the
  // chat of every message that names none.
  const fileChat = options.chat?.toLowerCase() ?? chatNamedByExport(options.fileName, options.named) ?? searchTag;
  const fallback =
    fileChat ??
    topTag ??
    chatFromFileName(options.fileName, {
      platform: ordered[0]?.platform,
      firstTime: options.dayFromMessages === false ? undefined : ordered[0]?.time,
    });

  const messages: Message[] = [];
  // The message just before: its time, chat, and that time in ms once a message needed it.
  let previousTime: string | undefined;
  let previousChat = '';
  let previousMs: number | undefined;
  for (let index = 0; index < ordered.length; index++) {
    const m = ordered[index]!;
    let chat = m.chat?.trim().toLowerCase() || fileChat;
    let ms: number | undefined;
    if (!chat) {
      // The message's most used chat tag; else its parent's chat (replies often drop the tag); else the
      // chat of the message just before it, if recent (people drop the tag mid-chat); else the file's.
      chat = ownChatTag(m, tags) ?? (m.replyToId ? chatOf.get(m.replyToId) : undefined);
      if (chat === undefined && previousTime !== undefined) {
        ms = Date.parse(m.time);
        if (ms - (previousMs ??= Date.parse(previousTime)) <= NEIGHBOUR_MINUTES * 60_000) chat = previousChat;
      }
      chat ??= fallback;
    }
    chatOf.set(m.id, chat);
    previousTime = m.time;
    previousChat = chat;
    previousMs = ms;
    // The common case is checked by hand (zod per message was an eighth of all parsing time); anything
    // that fails goes through the schema, which says exactly what is wrong.
    const added = addedFields(m, chat);
    let message = added && checkMessage(m, added);
    if (!message) {
      const result = MessageSchema.safeParse(candidateOf(m, chat));
      if (!result.success) {
        skipped.push({
          record: index + 1,
          reason: `invalid message ${m.id}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        });
        continue;
      }
      message = result.data;
    }
    // Mentions and hashtags were read from the whole text; only the text kept is cut.
    if (message.text.length > maxText) {
      message.text = cutText(message.text, maxText);
      cut.push(message);
    }
    messages.push(message);
  }
  if (cut.length > 0) warnings.push(cutWarning(options, maxText, cut));
  return { messages, skipped, warnings };
}
