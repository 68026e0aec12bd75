/**
 * WhatsApp chat export (.txt) → messages. Android writes
 * `dd/mm/yy, HH:MM - Name: msg`, iOS `[dd.mm.yy, HH:MM:SS] Name: msg`; locales
 * vary the separators (`/ . -`), the year (2 or 4 digits, sometimes first),
 * the clock (24-hour, or 12-hour with `AM`, `am`, `a. m.`, often after a
 * narrow no-break space) and the order of day and month, which is read from
 * the whole file. A line that does not start a message continues the one
 * before (multi-line messages). Mixed CRLF/LF and invisible direction marks
 * (LRM/RLM) are tolerated.
 *
 * System lines (encryption notice, "created group", "added", "left",
 * "changed the subject"…) have no author and are skipped; the last that
 * names the group ("created group", "changed the subject to") names the chat. Media placeholders
 * (`<Media omitted>`, `<attached: …>`, `image omitted`) are kept as messages
 * with that text: sending a photo is taking part. Times have no zone: read as
 * UTC. No reply links in the format: reply-inference.ts adds cautious ones.
 */
import { personKey, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { atMentions, buildNameIndex, inferReplies, namesOf } from './reply-inference.js';
import { contentId, extractHashtags } from './text.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// date, optional `klo`-style word, time, optional AM/PM, then `] `, ` - ` or `: ` before the rest.
const HEADER =
  /^(\[)?(\d{1,4})([./-]) ?(\d{1,2})\3 ?(\d{1,4})\.?,?[ \u00a0\u202f]+(?:\p{L}{1,4}\.? +)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[ \u00a0\u202f]*([AaPp])\.?[ \u00a0\u202f]?[Mm]\.?)?(?:\]|[ \u00a0]-|:)? +(.*)$/u;
// `<Media omitted>`, `<attached: x.jpg>`, `<adjunto: …>`, `image omitted`, `imagen omitida`…, in several languages.
const MEDIA = /^(?:<[^<>]+>|\S+(?: \S+)? (?:omitted|omitid[oa]|weggelassen|ausgeschlossen|omise?|omess[oa]|weggelaten))$/i;
// iOS writes system events as a message of the group opened by an LRM (`Group: \u200eAnn added Bo`),
// in the phone's language; of LRM-opened texts only these are people's doing.
const LRM_KEPT =
  /^(?:.*(?:deleted|eliminó|eliminado|gelöscht|supprimé|eliminato|verwijderd)|(?:location|ubicación|standort|position|posizione|locatie): )/i;

// The system lines that name the group (English exports): the last of them in the file is its name then.
const GROUP_NAMED =
  /(?:created group|changed (?:the subject|the group name|this group's name)(?: from [“"].*?[”"])? to)\s*[“"](.+)[”"]\s*$/i;

interface Header {
  line: number;
  bracket: boolean;
  sep: string;
  fields: [string, string, string];
  clock: [number, number, number];
  ampm?: 'a' | 'p';
  rest: string;
  /** An LRM opens the text after `Name: ` (iOS's mark of events and media). */
  marked: boolean;
}

/** A line that starts an entry (message or system line), or undefined. */
function readHeader(raw: string, line: number): Header | undefined {
  const m = HEADER.exec(raw.replace(INVISIBLE, ''));
  if (!m) return undefined;
  const ampm = m[9]?.toLowerCase() as 'a' | 'p' | undefined;
  const colon = raw.indexOf(': ');
  return {
    line,
    bracket: !!m[1],
    sep: m[3]!,
    fields: [m[2]!, m[4]!, m[5]!],
    clock: [Number(m[6]), Number(m[7]), Number(m[8] ?? 0)],
    ...(ampm ? { ampm } : {}),
    rest: m[10]!,
    marked: colon >= 0 && raw[colon + 2] === '\u200e',
  };
}

type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * Day-first or month-first, from every date in the file: a first field above
 * 12 means day-first, a second above 12 month-first; failing that, in a
 * chronological file the day is the field that falls back when a month ends.
 */
export function inferDateOrder(dates: readonly (readonly [string, string, string])[]): { order: DateOrder; sure: boolean } {
  if (dates.some(([a]) => a.length === 4)) return { order: 'ymd', sure: true };
  const n = dates.map(([a, b, c]) => [Number(a), Number(b), Number(c)] as const);
  if (n.some(([a]) => a > 12)) return { order: 'dmy', sure: true };
  if (n.some(([, b]) => b > 12)) return { order: 'mdy', sure: true };
  for (let i = 1; i < n.length; i++) {
    const [a0, b0, y0] = n[i - 1]!;
    const [a1, b1, y1] = n[i]!;
    if (y0 !== y1) continue;
    if (a1 < a0 && b1 > b0) return { order: 'dmy', sure: true };
    if (b1 < b0 && a1 > a0) return { order: 'mdy', sure: true };
  }
  return { order: 'dmy', sure: false };
}

/** Header → ISO time (UTC), or undefined when a part is out of range. */
function headerTime(h: Header, order: DateOrder): string | undefined {
  const [a, b, c] = h.fields.map(Number) as [number, number, number];
  const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  const year = y < 100 ? 2000 + y : y;
  let [hour, minute, second] = h.clock;
  if (h.ampm) hour = (hour % 12) + (h.ampm === 'p' ? 12 : 0);
  if (mo < 1 || mo > 12 || d < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const t = Date.UTC(year, mo - 1, d, hour, minute, second);
  return new Date(t).getUTCDate() === d ? new Date(t).toISOString() : undefined;
}

/** `Name: text` → parts; undefined for a system line (no author, or an event in the text). */
function splitAuthor(rest: string, marked: boolean): { name: string; text: string } | undefined {
  const m = /^([^:]+?):(?: |$)([\s\S]*)$/.exec(rest) ?? /^([^:]+?):([^\d\s][\s\S]*)$/.exec(rest);
  if (!m) return undefined;
  const name = m[1]!.replace(INVISIBLE, '').trim();
  // An author with quotes is a subject change (`X changed the subject to "a: b"`).
  if (!name || /["“”]/.test(name)) return undefined;
  const text = m[2]!.replace(INVISIBLE, '');
  if (marked && !MEDIA.test(text.trim()) && !LRM_KEPT.test(text.trim())) return undefined;
  return { name, text };
}

/** Names someone is called by; a phone number also by its digits, as `@491511234` mentions write it. */
const namesFor = (name: string) => (/^\+[\d\s()-]+$/.test(name) ? [name, name.replace(/\D/g, '')] : namesOf(name));

function detect(head: string): number {
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 100);
  const headers = lines.map((l, i) => readHeader(l, i)).filter((h): h is Header => !!h);
  if (headers.length < 2 || !headers.some((h) => splitAuthor(h.rest, h.marked))) return 0;
  return readHeader(lines[0]!, 0) ? 0.9 : 0.6;
}

function parse(text: string, context: ParseContext): ParseResult {
  const lines = text.split(/\r?\n/);
  const skipped: Skipped[] = [];
  const warnings: string[] = [];
  // The first header fixes the layout: a continuation line that merely looks like a date stays text.
  let layout: { bracket: boolean; sep: string } | undefined;
  const entries: { header: Header; body: string[] }[] = [];
  for (const [i, raw] of lines.entries()) {
    const h = readHeader(raw, i + 1);
    if (h && (!layout || (h.bracket === layout.bracket && h.sep === layout.sep))) {
      layout ??= { bracket: h.bracket, sep: h.sep };
      entries.push({ header: h, body: [] });
    } else if (entries.length > 0) entries.at(-1)!.body.push(raw.replace(INVISIBLE, ''));
    else if (raw.trim()) skipped.push({ line: i + 1, reason: 'before the first message' });
  }
  if (entries.length === 0) {
    throw new TranscriptError(
      'unreadable_file',
      `${context.fileName}: no WhatsApp message lines (expected "dd/mm/yy, HH:MM - Name: message" or "[dd.mm.yy, HH:MM:SS] Name: message")`,
      { file: context.fileName, line: 1 },
    );
  }
  const { order, sure } = inferDateOrder(entries.map((e) => e.header.fields));
  if (!sure) warnings.push(`${context.fileName}: no day above 12, so day and month can't be told apart; read as day first`);

  const said: { header: Header; name: string; time: string; text: string }[] = [];
  let groupName: string | undefined;
  for (const { header, body } of entries) {
    const time = headerTime(header, order);
    const entry = [header.rest, ...body].join('\n').replace(/\s+$/, '');
    const parts = splitAuthor(entry, header.marked);
    if (!time) skipped.push({ line: header.line, reason: `unreadable date "${header.fields.join(header.sep)}"` });
    else if (!parts) {
      skipped.push({ line: header.line, reason: 'system message' });
      groupName = GROUP_NAMED.exec(entry.replace(INVISIBLE, ''))?.[1]?.trim() || groupName;
    } else if (!parts.text.trim()) skipped.push({ line: header.line, reason: 'empty message' });
    else said.push({ header, name: parts.name, time, text: parts.text });
  }
  const keyOf = (name: string) => personKey('whatsapp', name);
  const index = buildNameIndex(said.map((s) => [keyOf(s.name), namesFor(s.name)] as const));
  const people = new Map<string, PersonProfile>();
  const repeats = new Map<string, number>();
  const ties = new Map<string, number>();
  let media = 0;
  const messages: ParsedMessage[] = said.map(({ name, time, text: body }) => {
    const author = keyOf(name);
    if (!people.has(author)) people.set(author, { key: author, platform: 'whatsapp', handle: name, name });
    if (MEDIA.test(body.trim())) media++;
    const repeat = `${author}\u0000${time}\u0000${body}`;
    const n = repeats.get(repeat) ?? 0;
    repeats.set(repeat, n + 1);
    // Messages sharing a minute get a millisecond each, so normalize's sort keeps file order.
    const tie = ties.get(time) ?? 0;
    ties.set(time, tie + 1);
    return {
      id: contentId(author, time, body, String(n)),
      platform: 'whatsapp',
      time: new Date(Date.parse(time) + tie).toISOString(),
      author,
      text: body,
      mentions: atMentions(body, index).filter((k) => k !== author),
      hashtags: extractHashtags(body),
      kind: 'post',
    } satisfies ParsedMessage;
  });
  if (messages.length === 0) {
    throw new TranscriptError('no_messages', `${context.fileName}: a WhatsApp export with only system lines`, {
      file: context.fileName,
      line: skipped[0]?.line ?? 1,
    });
  }
  if (media > 0) warnings.push(`${media} message(s) are media placeholders (<attached: …>, <Media omitted>): kept, as taking part`);
  return {
    messages: inferReplies(messages, index),
    people: [...people.values()],
    skipped,
    warnings,
    ...(groupName ? { chatName: groupName } : {}),
  };
}

export const whatsappParser: Parser = { format: 'whatsapp', detect, parse };
