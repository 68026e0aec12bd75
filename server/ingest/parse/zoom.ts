/**
 * Zoom meeting chat (.txt) → messages. Layouts, any mix, line by line:
 * - local "Save chat", old: `HH:MM:SS\t From  Name : msg`, `HH:MM:SS From Name to Everyone : msg`;
 * - local, newer: `HH:MM:SS From  Name  to  Everyone:` then the body on indented lines;
 * - cloud recording: `HH:MM:SS\tName:\tmsg` (times count from the recording's start).
 * A line that starts no entry continues the one before (multi-line bodies).
 *
 * Direct messages are never imported: `to Name(Direct Message)`,
 * `to Name(Privately)`, `to Me`, any recipient that is not a group (Everyone,
 * panelists, attendees, hosts, waiting room) is skipped as "direct message",
 * body and all. The new chat experience adds thread replies (`Replying to
 * "first 20 chars..." text`: a reply to the latest earlier message starting
 * with the quote) and reactions (`Reacted to "…" with 👍`, `Removed a 👍
 * reaction from "…"`, bodies `add 👍` / `remove 👍`), which are skipped.
 *
 * Times are wall-clock without a zone or date: read as UTC, on the
 * `YYYY-MM-DD` of the file name (Zoom's folder is `2024-03-14 10.00.00 …`),
 * else on the day the file was last saved when the upload says (a browser
 * knows every file's last-modified time; `dayOfSaving`), else 1970-01-01,
 * each with a warning; cloud files named `GMT20240314-100000…`
 * count from that instant. A clock running backwards means the next day.
 * Pronouns Zoom appends to names (`Ann Lee (she/her)`) stay in the display
 * name but not in the key. Other replies: reply-inference.ts, cautiously.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { fileNameDay } from './irc.js';
import { atMentions, buildNameIndex, inferReplies, namesOf } from './reply-inference.js';
import { contentId, extractHashtags } from './text.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

// Newer saves pad names with two spaces (`From  Ann to Bo  to  Everyone:`), which settles names holding " to ".
const LOCAL_PADDED = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s+From  ([^:]+?)  to  ([^:]+?)\s*:[ \t]*(.*)$/i;
const LOCAL = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s+From\s+(.+?)(?:\s+to\s+(.+?))?\s*:[ \t]*(.*)$/i;
const CLOUD = /^(\d{1,2}):(\d{2}):(\d{2})\t([^\t]+?):\t?(.*)$/;
const PRIVATE = /\((?:direct message|privately)\)/i;
const GROUP = /^(?:everyone|all panelists|(?:all )?panelists and attendees|hosts and panelists|(?:co-)?hosts|waiting room participants)\b/i;
const REPLY = /^Replying to "([\s\S]*?)"(?:\s+|$)([\s\S]*)$/;
const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\u200d\ufe0f]+$/u;
const PRONOUNS = /\s*\((?:she|he|they|ze|xe|any|it)(?:\/\w+)+\)\s*$/i;

interface Entry {
  line: number;
  seconds: number;
  name: string;
  direct: boolean;
  body: string[];
  cloud: boolean;
}

/** A line that starts an entry, in either layout. */
function readHeader(raw: string, line: number): Entry | undefined {
  let m = LOCAL_PADDED.exec(raw) ?? LOCAL.exec(raw);
  if (m) {
    const to = m[5]?.trim();
    // Anyone but a group is one person: a direct message, however Zoom marks it.
    const direct = PRIVATE.test(raw.slice(0, raw.length - (m[6]?.length ?? 0))) || (to !== undefined && !GROUP.test(to));
    const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
    return { line, seconds, name: m[4]!.trim(), direct, body: m[6] ? [m[6]] : [], cloud: false };
  }
  m = CLOUD.exec(raw);
  if (!m) return undefined;
  const who = /^(.+?)\s+to\s+(.+)$/i.exec(m[4]!);
  const direct = PRIVATE.test(m[4]!) || (!!who && !GROUP.test(who[2]!.trim()));
  const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return { line, seconds, name: (who?.[1] ?? m[4]!).trim(), direct, body: m[5] ? [m[5]] : [], cloud: true };
}

/** Reactions are not messages: `Reacted to "…" with 👍`, `Removed a 👍 reaction from "…"`, `add 👍`, `remove 👍`. */
export function isReaction(text: string): boolean {
  return (
    /^Reacted to ".*" with \S/s.test(text) ||
    /^Removed a .+ reaction from "/s.test(text) ||
    (/^(?:add|remove)\s+\S/.test(text) && EMOJI_ONLY.test(text.replace(/^(?:add|remove)\s+/, '').replace(/\s/g, '')))
  );
}

/** The instant a cloud recording began, from Zoom's `GMT20240314-100000` file names. */
function recordingStart(fileName: string): number | undefined {
  const m = /GMT(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(fileName);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : undefined;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const DAY_MS = 86_400_000;

/**
 * The meeting's day from when its chat file was last saved (Zoom saves it as
 * the meeting ends): the UTC midnight that puts the last entry's wall-clock
 * time nearest to that instant. Right whenever the saver's zone is within
 * twelve hours of UTC; undefined for an instant that is not a real date.
 */
export function dayOfSaving(entries: readonly Pick<Entry, 'seconds'>[], savedAt: number): number | undefined {
  if (!Number.isFinite(savedAt) || savedAt <= 0) return undefined;
  let elapsed = 0;
  let last = -1;
  for (const entry of entries) {
    if (entry.seconds < last - 60) elapsed += DAY_MS; // past midnight, as the reading below counts it
    last = entry.seconds;
  }
  if (last < 0) return undefined;
  return Math.round((savedAt - elapsed - last * 1000) / DAY_MS) * DAY_MS;
}

function detect(head: string): number {
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 100);
  const headers = lines.filter((l, i) => readHeader(l, i));
  if (headers.length === 0) return 0;
  return lines[0] && readHeader(lines[0], 0) ? (headers.length >= 2 ? 0.9 : 0.6) : headers.length >= 2 ? 0.6 : 0;
}

function parse(text: string, context: ParseContext): ParseResult {
  const skipped: Skipped[] = [];
  const warnings: string[] = [];
  const entries: Entry[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const entry = readHeader(raw, i + 1);
    if (entry) entries.push(entry);
    else if (entries.length > 0) entries.at(-1)!.body.push(raw.trim());
    else if (raw.trim()) skipped.push({ line: i + 1, reason: 'not a Zoom chat line' });
  }
  if (entries.length === 0) {
    throw new TranscriptError(
      'unreadable_file',
      `${context.fileName}: no Zoom chat lines (expected "HH:MM:SS From Name to Everyone:" or "HH:MM:SS<TAB>Name:<TAB>message")`,
      { file: context.fileName, line: 1 },
    );
  }
  const start = recordingStart(context.fileName);
  const named = fileNameDay(context.fileName);
  let day = named ?? 0;
  if (named === undefined && start === undefined) {
    const saved = context.modifiedAt === undefined ? undefined : dayOfSaving(entries, context.modifiedAt);
    if (saved === undefined) warnings.push(`${context.fileName}: no date in the file name; times are on 1970-01-01 (UTC)`);
    else {
      day = saved;
      warnings.push(
        `${context.fileName}: no date in the file name; the chat is dated ${new Date(saved).toISOString().slice(0, 10)}, the day the file was last saved (name the file "YYYY-MM-DD …" to set it)`,
      );
    }
  }

  const messages: ParsedMessage[] = [];
  const people = new Map<string, PersonProfile>();
  const repeats = new Map<string, number>();
  const ties = new Map<string, number>();
  let lastSeconds = -1;
  let unresolved = 0;
  for (const entry of entries) {
    if (!entry.cloud || start === undefined) {
      if (entry.seconds < lastSeconds - 60) day += DAY_MS; // past midnight
      lastSeconds = entry.seconds;
    }
    const base = entry.cloud && start !== undefined ? start : day;
    const body = entry.body.join('\n').trim();
    if (entry.direct) skipped.push({ line: entry.line, reason: 'direct message' });
    else if (isReaction(body)) skipped.push({ line: entry.line, reason: 'reaction' });
    if (entry.direct || isReaction(body)) continue;
    const reply = REPLY.exec(body);
    const own = (reply?.[2] ?? body).trim();
    if (!own) {
      skipped.push({ line: entry.line, reason: 'empty message' });
      continue;
    }
    const handle = entry.name.replace(PRONOUNS, '').trim() || entry.name;
    const author = personKey('zoom', handle);
    if (!people.has(author)) people.set(author, { key: author, platform: 'zoom', handle, name: entry.name });
    const rawIso = new Date(base + entry.seconds * 1000).toISOString();
    const repeat = `${author}\u0000${rawIso}\u0000${own}`;
    const n = repeats.get(repeat) ?? 0;
    repeats.set(repeat, n + 1);
    // Entries sharing a second get a millisecond each, so normalize's sort keeps file order.
    const tie = ties.get(rawIso) ?? 0;
    ties.set(rawIso, tie + 1);
    const message: ParsedMessage = {
      id: contentId(author, rawIso, own, String(n)),
      platform: 'zoom',
      time: new Date(Date.parse(rawIso) + tie).toISOString(),
      author,
      text: own,
      mentions: [],
      hashtags: extractHashtags(own),
      kind: 'post',
    };
    if (reply) {
      // Zoom quotes the first 20 characters, then `...`: the parent is the latest message starting so.
      const quote = collapse(reply[1]!).replace(/(?:\.\.\.|…)$/, '');
      const parent = quote ? messages.findLast((m) => collapse(m.text).startsWith(quote)) : undefined;
      if (parent) Object.assign(message, { kind: 'reply', replyToId: parent.id, replyToAuthor: parent.author });
      else unresolved++;
    }
    messages.push(message);
  }
  if (messages.length === 0) {
    throw new TranscriptError(
      'no_messages',
      `${context.fileName}: a Zoom chat with no public messages (only ${skipped[0]?.reason ?? 'empty'} entries)`,
      { file: context.fileName, line: skipped[0]?.line ?? 1 },
    );
  }
  if (unresolved > 0) warnings.push(`${unresolved} reply(ies) quote a message not in the file: read as plain messages`);
  const index = buildNameIndex([...people.values()].map((p) => [p.key, namesOf(p.handle)] as const));
  for (const m of messages) m.mentions = atMentions(m.text, index).filter((k) => k !== m.author);
  return { messages: inferReplies(messages, index), people: [...people.values()], skipped, warnings };
}

export const zoomParser: Parser = { format: 'zoom', detect, parse };
