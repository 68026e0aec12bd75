/**
 * One IRC log line → what it says, in every common client's and bot's
 * layout. A line is a timestamp, then a body; both come in many dialects:
 *
 * | timestamp | written by |
 * |---|---|
 * | `YYYY-MM-DD HH:MM:SS<TAB>nick<TAB>msg` | WeeChat ≥ 0.3 |
 * | `[H:MM]`, `[HH:MM:SS]` | irclogs.ubuntu.com, ZNC, EnergyMech, mIRC, eggdrop, LogBot HTML |
 * | `[YYYY-MM-DD HH:MM:SS]`, `[YYYY-MM-DDTHH:MM:SS+0200]` | Quassel's exports, Textual (with its zone) |
 * | `[DD Mon HH:MM]` | dircproxy |
 * | `[Sun Mar 4 2012] [22:08:26]` | Konversation |
 * | `YYYY-MM-DDTHH:MM:SS` | Limnoria/Supybot ChannelLogger, botbot.me |
 * | `YYYY Mon DD HH:MM:SS` | WeeChat 0.2 |
 * | `Mon DD HH:MM:SS` | XChat, HexChat |
 * | `H:MM`, `HH:MM:SS` | irssi, LimeChat |
 * | `T <unix seconds>` | XChat/HexChat scrollback |
 *
 * Bodies: `<nick> msg` (a mode sign, `nick!user@host`, dircproxy's `+`/`-`
 * identify flag), actions (`* nick …`, Textual's `• nick: …`, eggdrop's
 * `Action: nick …`), system lines (`***`, `-!-`, `-->`, `<--`, `---`, `-=-`,
 * Konversation's `Join<TAB>…`), bare events (`nick (user@host) joined the
 * channel`, `Nick change: a -> b`), notices (`-server- …`). mIRC colour and
 * formatting codes are dropped first.
 */
import { monthNumber, readLogDate, utcDay } from './irc-dates.js';

export interface Clock {
  /** UTC midnight of the line's day, when the timestamp names it. */
  day?: number;
  /** Month and day without a year (`dec 31`, `[15 Jan …]`): the year comes from the file. */
  monthDay?: readonly [number, number];
  seconds: number;
  /** The zone the timestamp states (`+0200`), in ms east of UTC. */
  offsetMs?: number;
  /** A whole instant (scrollback's unix seconds). */
  epochMs?: number;
}

export type Line =
  | { kind: 'say'; clock: Clock; nick: string; text: string }
  | { kind: 'nick'; from: string; to: string }
  | { kind: 'day'; day: number | undefined }
  | { kind: 'skip'; reason: string };

const FORMATTING = /\x03(?:\d{1,2}(?:,\d{1,2})?)?|[\x02\x0f\x16\x1d\x1f\x11\x08]/g;
const hms = (h: string, m: string, s?: string) => Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);

const WEECHAT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})\t([^\t]*)\t(.*)$/;
const BRACKET_DATED = /^\[(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?\]\s?(.*)$/;
const BRACKET_TIME = /^\[(\d{1,2}):(\d{2})(?::(\d{2}))?\]\s?(.*)$/;
const DIRCPROXY = /^\[(\d{1,2}) ([A-Za-z]{3}) (\d{1,2}):(\d{2})(?::(\d{2}))?\]\s?(.*)$/;
const KONVERSATION = /^\[[A-Za-z]+,? ([A-Za-z]+)\.? (\d{1,2}),? (\d{4})\] \[(\d{1,2}):(\d{2})(?::(\d{2}))?\]\s?(.*)$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?\s+(.*)$/;
const WEECHAT_OLD = /^(\d{4}) ([A-Za-z]{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2})\s+(.*)$/;
const XCHAT = /^\s?([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2})\s+(.*)$/;
const BARE_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s(.*)$/;
const SCROLLBACK = /^T (\d{1,11}) (.*)$/;

const SAY = /^<\s?[~&@%+!]?\s?([^>\s-][^>\s]*)>\s?(.*)$/;
const ACTION = /^\s*\*\s+([^\s*]\S*)(?:\s+(.*))?$/;
const TEXTUAL_ACTION = /^•\s+([^\s:]+):?\s+(.*)$/;
const EGGDROP_ACTION = /^Action: (\S+) (.*)$/;
const SYSTEM = /^(?:-->|<--|<->|-=-|-@-|-\*-|-!-|---|--|===|\*\*\*)\s*(.*)$/;
const KONVERSATION_EVENT = /^(?:Join|Part|Quit|Nick|Mode|Topic|Info|Kick|Away|Error|Notice|Server|Ban|Unban|Op|Voice)\t(.*)$/;
const NOTICE = /^-[^\s-][^\s]*-\s/;
const LIMECHAT_SAY = /^([^\s:<>*•][^\s:]*): (.*)$/;
/** Events written without a prefix (Textual, eggdrop, LimeChat) or as `* …` (mIRC, botbot.me). */
const EVENT =
  /^(?:(\S+) (?:\([^)]*\) )?(?:joined(?: the channel| #\S+)|left (?:IRC|irc|the channel|#\S+)|has (?:joined|left|quit)|is now known as|was kicked|sets mode|changes topic|changed the topic|set the topic)|(?:Joins|Parts|Quits|Kicks|Nick change|Now talking|Talking on|Speaking now|Topic (?:is|for|of)|Set by|Retrieving|Disconnected|Attempting|Rejoined|You're now known)\b|#\S+: mode change|Topic changed on)/;
const NICK_CHANGE = /^(?:Nick change: )?(\S+?)(?: \([^)]*\))? (?:is now known as|->) (\S+?)\.?$/;
/** Lines that open a session and date what follows. */
const DATE_LINE = /^(?:---\s+(?:Log opened|Day changed|Log closed)|Session (?:Start|Close):|\*{4}\s+\S.*?\d{4})(.*)$/i;

/** What a system line (after `===`, `-!-`, `***`, `-->`…) or a bare event reports. */
export function readSystem(text: string): Line {
  const nick = NICK_CHANGE.exec(text.trim());
  if (nick) return { kind: 'nick', from: nick[1]!.replace(/!.*$/, ''), to: nick[2]! };
  const reason = /has joined|joined|^joins:|ist in den Channel/i.test(text)
    ? 'join'
    : /has left|left (?:the channel|#)|^parts:/i.test(text)
      ? 'part'
      : /quit|left irc/i.test(text)
        ? 'quit'
        : /\bmode\b|sets mode|modus/i.test(text)
          ? 'mode'
          : /topic/i.test(text)
            ? 'topic'
            : 'system';
  return { kind: 'skip', reason };
}

/** `nick!user@host` → `nick`; dircproxy's identify flag (`+`/`-`) off the text of such lines. */
function say(clock: Clock, who: string, text: string): Line {
  const hostmask = who.includes('!');
  const nick = who.replace(/!.*$/, '');
  const body = hostmask && /^[+-]/.test(text) ? text.slice(1) : text;
  return body.trim() ? { kind: 'say', clock, nick, text: body } : { kind: 'skip', reason: 'empty message' };
}

/** A line's body, after its timestamp; `bare` for irssi/LimeChat's `HH:MM` lines, where `nick: msg` is LimeChat's say. */
function readBody(body: string, clock: Clock, bare = false): Line | undefined {
  let m = SAY.exec(body);
  if (m) return say(clock, m[1]!, m[2]!);
  if (EVENT.test(body.replace(/^\*\s+/, ''))) return readSystem(body.replace(/^\*\s+/, ''));
  m = ACTION.exec(body) ?? TEXTUAL_ACTION.exec(body) ?? EGGDROP_ACTION.exec(body);
  if (m) return m[2]?.trim() ? { kind: 'say', clock, nick: m[1]!, text: `/me ${m[2]}` } : { kind: 'skip', reason: 'empty message' };
  m = SYSTEM.exec(body) ?? KONVERSATION_EVENT.exec(body);
  if (m) return readSystem(m[1]!);
  if (NOTICE.test(body)) return { kind: 'skip', reason: 'notice' };
  m = bare ? LIMECHAT_SAY.exec(body) : null;
  return m ? say(clock, m[1]!, m[2]!) : undefined;
}

const zoneMs = (zone: string | undefined) => {
  if (!zone || zone === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
};

/** WeeChat ≥ 0.3: the prefix column says what the line is. */
function readWeechat(m: RegExpExecArray): Line | undefined {
  const clock = { day: utcDay(Number(m[1]), Number(m[2]), Number(m[3])), seconds: hms(m[4]!, m[5]!, m[6]) };
  const prefix = m[7]!.trim();
  const text = m[8]!;
  if (prefix === '-->') return { kind: 'skip', reason: 'join' };
  if (prefix === '<--') return { kind: 'skip', reason: /has quit/i.test(text) ? 'quit' : 'part' };
  if (prefix === '--' || prefix === '' || prefix === '=!=') return readSystem(text);
  if (prefix === '*') return readBody(`* ${text}`, clock);
  return readBody(`<${prefix}> ${text}`, clock);
}

/** One log line in any of the layouts above; undefined when it is none of them. */
export function readLine(raw: string): Line | undefined {
  const line = raw.includes('\x03') || /[\x02\x0f\x16\x1d\x1f\x11\x08]/.test(raw) ? raw.replace(FORMATTING, '') : raw;
  let m = WEECHAT.exec(line);
  if (m) return readWeechat(m);
  if (/^Session (?:Ident|Time):/.test(line)) return { kind: 'skip', reason: 'log date line' };
  m = DATE_LINE.exec(line);
  if (m)
    return /^Session Close|Log closed|^\*{4}\s+(?:END|ENDING|FINE)/i.test(line)
      ? { kind: 'skip', reason: 'log date line' }
      : { kind: 'day', day: readLogDate(line) };
  if ((m = BRACKET_DATED.exec(line))) {
    const clock = { day: utcDay(Number(m[1]), Number(m[2]), Number(m[3])), seconds: hms(m[4]!, m[5]!, m[6]), offsetMs: zoneMs(m[7]) };
    return readBody(m[8]!, clock);
  }
  if ((m = BRACKET_TIME.exec(line))) return readBody(m[4]!, { seconds: hms(m[1]!, m[2]!, m[3]) });
  if ((m = DIRCPROXY.exec(line)) && monthNumber(m[2]!))
    return readBody(m[6]!, { monthDay: [monthNumber(m[2]!), Number(m[1])], seconds: hms(m[3]!, m[4]!, m[5]) });
  if ((m = KONVERSATION.exec(line)) && monthNumber(m[1]!)) {
    return readBody(m[7]!, { day: utcDay(Number(m[3]), monthNumber(m[1]!), Number(m[2])), seconds: hms(m[4]!, m[5]!, m[6]) });
  }
  if ((m = ISO.exec(line))) {
    const clock = { day: utcDay(Number(m[1]), Number(m[2]), Number(m[3])), seconds: hms(m[4]!, m[5]!, m[6]), offsetMs: zoneMs(m[7]) };
    return readBody(m[8]!, clock);
  }
  if ((m = WEECHAT_OLD.exec(line)) && monthNumber(m[2]!)) {
    return readBody(m[7]!, { day: utcDay(Number(m[1]), monthNumber(m[2]!), Number(m[3])), seconds: hms(m[4]!, m[5]!, m[6]) });
  }
  if ((m = XCHAT.exec(line)) && monthNumber(m[1]!)) {
    if (Number(m[3]) > 23 || Number(m[4]) > 59 || Number(m[5]) > 59) return { kind: 'skip', reason: 'impossible time' };
    return readBody(m[6]!, { monthDay: [monthNumber(m[1]!), Number(m[2])], seconds: hms(m[3]!, m[4]!, m[5]) });
  }
  if ((m = BARE_TIME.exec(line))) return readBody(m[4]!, { seconds: hms(m[1]!, m[2]!, m[3]) }, true);
  if ((m = SCROLLBACK.exec(line))) {
    const epochMs = Number(m[1]) * 1000;
    return epochMs > 0 ? readBody(m[2]!.trim(), { seconds: 0, epochMs }) : { kind: 'skip', reason: 'no time' };
  }
  m = SYSTEM.exec(line);
  return m && line.startsWith('===') ? readSystem(m[1]!) : undefined;
}
