/**
 * IRC channel logs → messages, in every common client's and bot's dialect
 * (the line layouts are in irc-lines.ts; HTML logs are turned into their
 * lines by irc-html.ts). Joins, parts, quits, modes, notices, nick changes
 * and the like are skipped and counted, wherever they are in the file.
 *
 * Times are wall-clock: read as UTC unless the line states its zone
 * (Textual). The day comes from the line (WeeChat, Limnoria, Textual,
 * Konversation), from a day line (irssi's `--- Day changed`, mIRC's
 * `Session Start:`, XChat's `**** BEGIN LOGGING AT`), else from the file or
 * folder name (irc-dates.ts), else 1970-01-01 with a warning; a clock that
 * runs backwards means the next day. Nicks the user names as bots
 * (`context.bots`) are left out.
 *
 * One person, one key: nick changes are followed (`a is now known as b`
 * makes b the same person as a), and the person is keyed by the nick they
 * wrote the most messages under in this file (ties: the first), so
 * `Guest123` renames and `nick_` reconnects don't split anyone.
 *
 * Replies: `nick: …` / `nick, …` addressing a nick of the channel is a reply
 * to that person's latest earlier message (rule 1 of reply-inference.ts);
 * the other inference rules add what they can, conservatively.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import {
  addressedPerson,
  atMentions,
  buildNameIndex,
  inferReplies,
  type NameIndex,
  type ReplyInferenceOptions,
} from './reply-inference.js';
import { contentId, extractHashtags } from './text.js';
import { DAY_MS, logPathChannel, logPathDay, logPathYear, utcDay } from './irc-dates.js';
import { htmlLogLines, looksLikeHtml } from './irc-html.js';
import { readLine, type Clock } from './irc-lines.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

export { fileNameDay } from './irc-dates.js';

/** A channel an event line names: `has joined #c`, `left #c`, `Now talking in #c`, `Session Ident: #c`. */
const CHANNEL_IN_EVENT = /\b(?:has joined|has left|joined|left|talking (?:in|on)|Session Ident:)\s+([#&][^\s,:;)\]]*[^\s,:;)\].])/i;

/** Lines as the log shows them: an HTML log's text, a botbot.me page's Python bytes repr undone. */
export function logLines(text: string): string[] {
  if (looksLikeHtml(text.slice(0, 4096))) return htmlLogLines(text);
  const lines = text.split(/\r?\n/);
  // botbot.me scrapes saved as `b'…'` pages: the repr's quotes off, its escapes undone.
  if (!/^b'\d{4}-/m.test(text.slice(0, 4096))) return lines;
  return lines.map((l) => (l === "'" ? '' : l.replace(/^b'(?=\d{4}-)/, '').replace(/\\(['\\])/g, '$1')));
}

/** How many of these lines are messages, and how many any IRC line at all (events, day lines). */
export function ircLineCounts(lines: readonly string[]): { lines: number; says: number; known: number } {
  let says = 0;
  let known = 0;
  let count = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    count++;
    const read = readLine(l.replace(/\s+$/, ''));
    if (read) known++;
    if (read?.kind === 'say') says++;
  }
  return { lines: count, says, known };
}

function detect(head: string): number {
  const lines = logLines(head)
    .filter((l) => l.trim())
    .slice(0, 2000);
  if (lines.length === 0) return 0;
  const { says, known } = ircLineCounts(lines);
  const share = known / lines.length;
  return says >= 2 && share >= 0.5 ? Math.min(0.95, 0.5 + 0.45 * share) : 0;
}

// Channel bots (ubottu, supybot factoids): `!cmd | nick` (or `> nick`) points nick to the answer,
// and the line right after a bare `!cmd`, by someone else within the minute, is the bot answering
// the asker (after `!cmd | nick` the bot addresses nick by name instead).
const BOT_COMMAND = /^!\S/;
const BOT_POINTER = /^!\S.*?\s[|>]\s*([^\s|>]+)\s*$/;

/** Replies by the bot-command conventions, on messages not addressed by name (those are rule 1's). */
function linkBotCommands(messages: readonly ParsedMessage[], index: NameIndex): ParsedMessage[] {
  const latest = new Map<string, ParsedMessage>();
  return messages.map((m, i) => {
    const prev = messages[i - 1];
    let target: string | undefined;
    if (!addressedPerson(m.text, index)) {
      const pointed = BOT_POINTER.exec(m.text)?.[1];
      if (pointed) target = index.get(pointed.toLowerCase());
      else if (prev && BOT_COMMAND.test(prev.text) && !BOT_POINTER.test(prev.text) && Date.parse(m.time) - Date.parse(prev.time) <= 60_000)
        target = prev.author;
    }
    const parent = target && latest.get(target);
    const out: ParsedMessage =
      target && target !== m.author ? { ...m, kind: 'reply', replyToAuthor: target, ...(parent ? { replyToId: parent.id } : {}) } : m;
    latest.set(m.author, out);
    return out;
  });
}

export interface IrcLog extends ParseResult {
  /** Message id → 1-based file line, for comparing with line-numbered annotations. */
  lineOf: Map<string, number>;
}

/** The parser's work, with the line side table; `inference` overrides reply-inference defaults. */
export function readIrcLog(text: string, context: ParseContext, inference: Partial<ReplyInferenceOptions> = {}): IrcLog {
  const warnings: string[] = [];
  const skipped: Skipped[] = [];
  const fromName = logPathDay(context.fileName);
  const pathYear = logPathYear(context.fileName);
  const bots = new Set((context.bots ?? []).map((b) => b.toLowerCase()));
  let day = fromName ?? 0;
  let dated = fromName !== undefined;
  let lastSeconds = -1;
  /** The UTC time of a said line: its own day, else the day the log is at (the next one when the clock ran backwards). */
  const timeOf = (clock: Clock): number => {
    if (clock.epochMs !== undefined) {
      dated = true;
      return clock.epochMs;
    }
    if (clock.day !== undefined) [day, dated] = [clock.day, true];
    else if (clock.monthDay) {
      const year = dated ? new Date(day).getUTCFullYear() : (pathYear ?? 1970);
      const next = utcDay(year, ...clock.monthDay);
      // December's log running into January is the next year.
      if (next !== undefined) day = dated && next < day - 180 * DAY_MS ? (utcDay(year + 1, ...clock.monthDay) ?? next) : next;
      dated ||= pathYear !== undefined;
    } else if (clock.seconds < lastSeconds - 60) day += DAY_MS; // the clock ran backwards: past midnight
    lastSeconds = clock.seconds;
    return day + clock.seconds * 1000 - (clock.offsetMs ?? 0);
  };

  // Pass 1: lines → said lines, following nick changes person by person.
  const persons: Map<string, number>[] = []; // per person: nick as written → messages
  const holder = new Map<string, number>(); // lower-cased nick → person now using it
  const personOf = (nick: string) => {
    let p = holder.get(nick.toLowerCase());
    if (p === undefined) {
      p = persons.push(new Map([[nick, 0]])) - 1;
      holder.set(nick.toLowerCase(), p);
    }
    return p;
  };
  const said: { line: number; nick: string; person: number; rawMs: number; text: string }[] = [];
  const channels = new Map<string, number>(); // channels events name (`has joined #c`) → lines
  let recognised = 0;
  for (const [index, raw] of logLines(text).entries()) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const read = readLine(line);
    if (!read) {
      skipped.push({ line: index + 1, reason: 'not an IRC log line' });
      continue;
    }
    recognised++;
    if (read.kind !== 'say') {
      const named = CHANNEL_IN_EVENT.exec(line)?.[1]?.toLowerCase();
      if (named) channels.set(named, (channels.get(named) ?? 0) + 1);
    }
    if (read.kind === 'skip') skipped.push({ line: index + 1, reason: read.reason });
    else if (read.kind === 'day') {
      skipped.push({ line: index + 1, reason: 'log date line' });
      if (read.day !== undefined) [day, dated, lastSeconds] = [read.day, true, -1];
    } else if (read.kind === 'nick') {
      skipped.push({ line: index + 1, reason: 'nick change' });
      const p = personOf(read.from);
      holder.delete(read.from.toLowerCase());
      holder.set(read.to.toLowerCase(), p);
      if (!persons[p]!.has(read.to)) persons[p]!.set(read.to, 0);
    } else if (bots.has(read.nick.toLowerCase())) {
      skipped.push({ line: index + 1, reason: 'bot' });
    } else {
      const rawMs = timeOf(read.clock);
      const person = personOf(read.nick);
      persons[person]!.set(read.nick, (persons[person]!.get(read.nick) ?? 0) + 1);
      said.push({ line: index + 1, nick: read.nick, person, rawMs, text: read.text });
    }
  }
  if (recognised === 0) {
    throw new TranscriptError(
      'unreadable_file',
      `${context.fileName}: no IRC log lines (expected lines such as "[HH:MM] <nick> message" of irssi, WeeChat, ZNC, mIRC, HexChat, Textual and other clients' logs)`,
      { file: context.fileName, line: 1 },
    );
  }
  if (!dated && said.length > 0) warnings.push(`${context.fileName}: no date in the log or its name; times are on 1970-01-01 (UTC)`);

  // Pass 2: each person's key is the nick they wrote most under.
  const keys = persons.map((nicks) => [...nicks].reduce((best, n) => (n[1] > best[1] ? n : best))[0]);
  const index = buildNameIndex(persons.map((nicks, p) => [personKey('irc', keys[p]!), [...nicks.keys()]] as const));
  const people = new Map<string, PersonProfile>();
  const lineOf = new Map<string, number>();
  const repeats = new Map<string, number>();
  const ties = new Map<string, number>();
  // The channel: named by the path, else by the events (`has joined #c`); else normalize names the chat.
  const channel = logPathChannel(context.fileName) ?? [...channels].sort((a, b) => b[1] - a[1])[0]?.[0];
  const messages: ParsedMessage[] = said.map((s) => {
    const author = personKey('irc', keys[s.person]!);
    const rawIso = new Date(s.rawMs).toISOString();
    // Same author, time and text again is a repeat, not a duplicate: count it into the id.
    const repeat = `${s.nick}\u0000${rawIso}\u0000${s.text}`;
    const n = repeats.get(repeat) ?? 0;
    repeats.set(repeat, n + 1);
    // Lines share a minute: a millisecond each keeps file order through normalize's sort by time.
    const tie = ties.get(rawIso) ?? 0;
    ties.set(rawIso, tie + 1);
    const id = contentId(s.nick, rawIso, s.text, String(n));
    lineOf.set(id, s.line);
    if (!people.has(author)) people.set(author, { key: author, platform: 'irc', handle: keys[s.person]!, name: keys[s.person]! });
    return {
      id,
      platform: 'irc',
      time: new Date(s.rawMs + tie).toISOString(),
      author,
      text: s.text,
      mentions: atMentions(s.text, index).filter((k) => k !== author),
      hashtags: extractHashtags(s.text),
      kind: 'post',
      ...(channel ? { chat: channel } : {}),
    } satisfies ParsedMessage;
  });
  if (messages.length === 0) {
    const first = skipped[0];
    throw new TranscriptError('no_messages', `${context.fileName}: an IRC log with no messages (only ${first?.reason ?? 'system'} lines)`, {
      file: context.fileName,
      line: first?.line ?? 1,
    });
  }
  return {
    messages: inferReplies(linkBotCommands(messages, index), index, inference),
    people: [...people.values()],
    skipped,
    warnings,
    lineOf,
  };
}

export const ircParser: Parser = {
  format: 'irc',
  detect,
  parse: (text, context) => {
    const { lineOf: _lines, ...result } = readIrcLog(text, context);
    return result;
  },
};
