/**
 * IRC channel logs → messages. Three layouts, read line by line:
 * - irclogs.ubuntu.com, ZNC, energymech: `[HH:MM] <nick> msg`, `[HH:MM]  * nick action`,
 *   `=== a is now known as b`, `[HH:MM:SS] *** Joins: nick (…)`;
 * - irssi: `HH:MM <@nick> msg`, `HH:MM  * nick action`, `HH:MM -!- nick […] has joined #c`,
 *   dated by `--- Log opened Mon Dec 19 00:00:00 2016` and `--- Day changed Tue Dec 20 2016`;
 * - WeeChat: `YYYY-MM-DD HH:MM:SS<TAB>nick<TAB>msg`, system prefixes `-->`, `<--`, `--`, action ` *`.
 * Joins, parts, quits, modes, nick changes and the like are skipped and counted.
 *
 * Times are wall-clock without a zone: read as UTC. The date comes from the
 * file (WeeChat lines, irssi's log-opened/day-changed lines), else a
 * `YYYY-MM-DD` in the file name, else 1970-01-01 with a warning; a clock that
 * runs backwards means the next day.
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
import { addressedPerson, atMentions, buildNameIndex, inferReplies, type NameIndex, type ReplyInferenceOptions } from './reply-inference.js';
import { contentId, extractHashtags } from './text.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_MS = 86_400_000;

const WEECHAT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})\t([^\t]*)\t(.*)$/;
const BRACKET_TIME = /^\[(?:(\d{4})-(\d{2})-(\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?\]\s?(.*)$/;
const BARE_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s(.*)$/;
const SAY = /^<\s?[~&@%+!]?\s?([^>\s]+)>\s?(.*)$/;
const ACTION = /^\s*\*\s+([^\s*]\S*)(?:\s+(.*))?$/;
const SYSTEM = /^(?:===|\*\*\*|-!-|--)\s*(.*)$/;
const NOTICE = /^-[^\s-][^\s]*-\s/;
const DATE_LINE = /^---\s+(?:Log opened|Day changed|Log closed)\b(.*)$/i;

interface Clock { day?: number; seconds: number }
type Line =
  | { kind: 'say'; clock: Clock; nick: string; text: string }
  | { kind: 'nick'; from: string; to: string }
  | { kind: 'day'; day: number | undefined }
  | { kind: 'skip'; reason: string };

const utcDay = (y: number, mo: number, d: number) => {
  const t = Date.UTC(y, mo - 1, d);
  return mo >= 1 && mo <= 12 && new Date(t).getUTCDate() === d ? t : undefined;
};

/** `Mon Dec 19 00:00:00 2016`, `Tue Dec 20 2016`, `Tue, 20 Dec 2016` → the day's UTC midnight. */
function readLogDate(text: string): number | undefined {
  const year = /\b(\d{4})\b/.exec(text)?.[1];
  const m = /\b([A-Za-z]{3})[a-z]*\s+(\d{1,2})\b/.exec(text) ?? /\b(\d{1,2})\s+([A-Za-z]{3})/.exec(text);
  if (!year || !m) return undefined;
  const [mon, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  const mo = MONTHS.indexOf(mon.toLowerCase()) + 1;
  return mo > 0 ? utcDay(Number(year), mo, Number(day)) : undefined;
}

/** A `YYYY-MM-DD` in the file name, for logs whose lines carry only the time. */
export function fileNameDay(fileName: string): number | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(fileName);
  return m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** What a system line (after `===`, `-!-`, `***`, `--`) reports. */
function readSystem(text: string): Line {
  const nick = /^(\S+) is now known as (\S+)/.exec(text);
  if (nick) return { kind: 'nick', from: nick[1]!, to: nick[2]! };
  const reason = /has joined|^joins:/i.test(text) ? 'join'
    : /has left|^parts:/i.test(text) ? 'part'
    : /has quit|^quits:/i.test(text) ? 'quit'
    : /\bmode\b|sets mode/i.test(text) ? 'mode'
    : /topic/i.test(text) ? 'topic' : 'system';
  return { kind: 'skip', reason };
}

/** A chat line (after its timestamp): `<nick> msg`, `* nick action`, or a system line. */
function readBody(body: string, clock: Clock): Line | undefined {
  let m = SAY.exec(body);
  if (m) return m[2]!.trim() ? { kind: 'say', clock, nick: m[1]!, text: m[2]! } : { kind: 'skip', reason: 'empty message' };
  m = ACTION.exec(body);
  if (m) return m[2]?.trim() ? { kind: 'say', clock, nick: m[1]!, text: `/me ${m[2]}` } : { kind: 'skip', reason: 'empty message' };
  m = SYSTEM.exec(body);
  if (m) return readSystem(m[1]!);
  return NOTICE.test(body) ? { kind: 'skip', reason: 'notice' } : undefined;
}

/** One log line in any of the three layouts; undefined when it is none of them. */
function readLine(line: string): Line | undefined {
  let m = WEECHAT.exec(line);
  if (m) {
    const clock = { day: utcDay(Number(m[1]), Number(m[2]), Number(m[3])), seconds: Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]) };
    const prefix = m[7]!.trim();
    const text = m[8]!;
    if (prefix === '-->') return { kind: 'skip', reason: 'join' };
    if (prefix === '<--') return { kind: 'skip', reason: /has quit/i.test(text) ? 'quit' : 'part' };
    if (prefix === '--' || prefix === '' || prefix === '=!=') return readSystem(text);
    if (prefix === '*') return readBody(`* ${text}`, clock);
    return readBody(`<${prefix}> ${text}`, clock);
  }
  m = DATE_LINE.exec(line);
  if (m) return { kind: 'day', day: readLogDate(m[1]!) };
  m = BRACKET_TIME.exec(line);
  if (m) {
    const day = m[1] ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    return readBody(m[7]!, { ...(day !== undefined ? { day } : {}), seconds: Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0) });
  }
  m = BARE_TIME.exec(line);
  if (m) return readBody(m[4]!, { seconds: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) });
  m = SYSTEM.exec(line);
  return m && line.startsWith('===') ? readSystem(m[1]!) : undefined;
}

function detect(head: string): number {
  const lines = head.split(/\r?\n/).filter((l) => l.trim()).slice(0, 200);
  if (lines.length === 0) return 0;
  const read = lines.map(readLine);
  const says = read.filter((l) => l?.kind === 'say').length;
  const share = read.filter(Boolean).length / lines.length;
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
      else if (prev && BOT_COMMAND.test(prev.text) && !BOT_POINTER.test(prev.text) && Date.parse(m.time) - Date.parse(prev.time) <= 60_000) target = prev.author;
    }
    const parent = target && latest.get(target);
    const out: ParsedMessage = target && target !== m.author ? { ...m, kind: 'reply', replyToAuthor: target, ...(parent ? { replyToId: parent.id } : {}) } : m;
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
  const fromName = fileNameDay(context.fileName);
  let day = fromName ?? 0;
  let dated = fromName !== undefined;
  let lastSeconds = -1;

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
  let recognised = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/\s+$/, '');
    if (!line) continue;
    const read = readLine(line);
    if (!read) {
      skipped.push({ line: index + 1, reason: 'not an IRC log line' });
      continue;
    }
    recognised++;
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
    } else {
      const { clock } = read;
      if (clock.day !== undefined) [day, dated] = [clock.day, true];
      else if (clock.seconds < lastSeconds - 60) day += DAY_MS; // the clock ran backwards: past midnight
      lastSeconds = clock.seconds;
      const person = personOf(read.nick);
      persons[person]!.set(read.nick, (persons[person]!.get(read.nick) ?? 0) + 1);
      said.push({ line: index + 1, nick: read.nick, person, rawMs: day + clock.seconds * 1000, text: read.text });
    }
  }
  if (recognised === 0) {
    throw new TranscriptError('unreadable_file', `${context.fileName}: no IRC log lines (expected "[HH:MM] <nick> message", irssi or WeeChat lines)`, { file: context.fileName, line: 1 });
  }
  if (!dated && said.length > 0) warnings.push(`${context.fileName}: no date in the log or its name; times are on 1970-01-01 (UTC)`);

  // Pass 2: each person's key is the nick they wrote most under.
  const keys = persons.map((nicks) => [...nicks].reduce((best, n) => (n[1] > best[1] ? n : best))[0]);
  const index = buildNameIndex(persons.map((nicks, p) => [personKey('irc', keys[p]!), [...nicks.keys()]] as const));
  const people = new Map<string, PersonProfile>();
  const lineOf = new Map<string, number>();
  const repeats = new Map<string, number>();
  const ties = new Map<string, number>();
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
      id, platform: 'irc', time: new Date(s.rawMs + tie).toISOString(), author, text: s.text,
      mentions: atMentions(s.text, index).filter((k) => k !== author), hashtags: extractHashtags(s.text), kind: 'post',
    } satisfies ParsedMessage;
  });
  if (messages.length === 0) {
    const first = skipped[0];
    throw new TranscriptError('no_messages', `${context.fileName}: an IRC log with no messages (only ${first?.reason ?? 'system'} lines)`, { file: context.fileName, line: first?.line ?? 1 });
  }
  return { messages: inferReplies(linkBotCommands(messages, index), index, inference), people: [...people.values()], skipped, warnings, lineOf };
}

export const ircParser: Parser = {
  format: 'irc',
  detect,
  parse: (text, context) => {
    const { lineOf: _lines, ...result } = readIrcLog(text, context);
    return result;
  },
};
