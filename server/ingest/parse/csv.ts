/**
 * Any table with a header, one message per row: CSV and TSV (chunked for big
 * files), or a JSON array of flat records. The columns come from a known
 * column set (twarc2 `csv`, twarc 1 json2csv and Hydrator, rtweet: see
 * table/columns.ts), else from generic aliases (Netlytic's `author,to,
 * description,pubdate` reads as is), and the user's mapping wins over both.
 * Without an author, a text and a time column the answer is `needs_mapping`
 * with the header, sample rows and guesses.
 */
import { PLATFORMS, personKey, type Platform, type PersonProfile, type Skipped } from '../../../shared/index.js';
import { csvHeader, noMessagesError, readCsv } from './csv-reader.js';
import { excerpt, isObject } from './read-json.js';
import { findColumns, GENERIC, REQUIRED, columnName, columnSetFor, type ColumnSet, type Role } from './table/columns.js';
import { readTableDate } from './table/dates.js';
import { readAuthor, readHashtagList, readKind, readMentions, readTargets, stripAt } from './table/cells.js';
import { needsMappingError } from './table/needs-mapping.js';
import { isJsonArrayHead, readTable, rowPlace } from './table/rows.js';
import { restoreRoundedReplyIds } from './table/rounded-ids.js';
import { contentId, extractHashtags, extractMentionHandles, retweetedHandle } from './text.js';
import { unescapeTweetText } from './twitter-entities.js';
import type { ParseContext, ParsedMessage, Parser, ParseResult } from './types.js';

export { readTableDate } from './table/dates.js';
export { readAuthor } from './table/cells.js';

/** Ids that are just 1, 2, 3… (or 0, 1, 2…) number rows, not messages, and would collide across files. */
function isRowCounter(ids: string[]): boolean {
  if (ids.length < 2) return false;
  const base = Number(ids[0]);
  return (base === 0 || base === 1) && ids.every((v, i) => v.trim() === String(base + i));
}

function readPlatform(value: string | undefined): Platform | undefined {
  const v = value?.trim().toLowerCase();
  return (PLATFORMS as readonly string[]).includes(v ?? '') ? (v as Platform) : undefined;
}

/** The first record of a JSON array in `head`, when it is whole there and flat (scalars and lists of scalars): a table row. */
function firstFlatRecord(head: string): string[] | undefined {
  const start = head.indexOf('{');
  let depth = 0;
  let quoted = false;
  for (let i = start; i >= 0 && i < head.length; i++) {
    const c = head[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) {
        try {
          const record = JSON.parse(head.slice(start, i + 1)) as unknown;
          if (!isObject(record)) return undefined;
          const flat = Object.values(record).every(
            (v) => !isObject(v) && !(Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null)),
          );
          return flat ? Object.keys(record).map((k) => k.toLowerCase()) : undefined;
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

/** Whether a CSV head has a data row as wide as its header: a table, though its columns are unknown. */
function hasTableRows(head: string): boolean {
  const cut = head.lastIndexOf('\n');
  const table = readCsv(cut > 0 ? head.slice(0, cut + 1) : head);
  return table.header.length >= 2 && table.rows.length > 0 && table.problems.length === 0;
}

function detect(head: string): number {
  const names = isJsonArrayHead(head) ? firstFlatRecord(head) : csvHeader(head);
  if (!names) return 0;
  const set = columnSetFor(names.map(columnName));
  if (set !== GENERIC) return 0.85;
  const { cols } = findColumns(names);
  const found = REQUIRED.filter((r) => cols[r] !== undefined).length;
  // With one or two of the three columns it is still likely meant for us, and
  // so is any table with rows: parse then asks for a mapping (detection's
  // floor is 0.3). A line of prose with a comma stays "unknown format".
  if (found === 0) return isJsonArrayHead(head) || hasTableRows(head) ? 0.3 : 0.05;
  return [0.05, 0.3, 0.45, 0.6][found]!;
}

/** A cell as the column set writes it: trimmed, `NA` and `""` empty, JSON-encoded text decoded. */
function cellReader(set: ColumnSet) {
  return (raw: string | undefined): string | undefined => {
    let v = raw?.trim();
    if (!v || (set.na && v === 'NA')) return undefined;
    if (set.jsonCells && v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
      try {
        const decoded = JSON.parse(v) as unknown;
        if (typeof decoded === 'string') v = decoded.trim();
      } catch {
        // a cell that merely starts and ends with a quote
      }
    }
    if (set.xIds && /^x\d+$/.test(v)) v = v.slice(1);
    return v === '' ? undefined : v;
  };
}

/** The text's hashtags, then those only the hashtag column lists (the text was cut before them). */
function hashtagsOf(body: string, column: string | undefined): string[] {
  const own = extractHashtags(body);
  const listed = readHashtagList(column).filter((t) => !own.includes(t));
  return listed.length === 0 ? own : [...own, ...listed];
}

function parse(text: string, { fileName, table: options }: ParseContext): ParseResult {
  const table = readTable(text, fileName);
  const { set, cols, unknown, hashtags: hashtagCol } = findColumns(table.header, options?.mapping);
  const missing = REQUIRED.filter((r) => cols[r] === undefined);
  if (missing.length > 0) {
    throw needsMappingError(fileName, table, missing, unknown);
  }
  const timezone = options?.timezone;
  const read = cellReader(set);
  const cell = (fields: string[], role: Role) => (cols[role] === undefined ? undefined : read(fields[cols[role]!]));
  const header = table.header.map(columnName);
  // Separate `date` and `time` columns (`2024-03-14`, `20:00`) make one time.
  const dateCol = cols.date ?? header.indexOf('date');
  const timeCell = (fields: string[]): string | undefined => {
    const t = cell(fields, 'time');
    const d = dateCol >= 0 && dateCol !== cols.time ? fields[dateCol]?.trim() : undefined;
    return d && t && /^\d{1,2}:\d{2}(:\d{2})?$/.test(t) ? `${d} ${t}` : t;
  };
  const ids = table.rows.map((r) => cell(r.fields, 'id') ?? '');
  // Row numbers as ids would merge different files' rows, unless replies point at them.
  const useIds = cols.id !== undefined && (cols.replyToId !== undefined || !isRowCounter(ids));
  // Handles by user id, for tables that name a reply's target by id only (twarc2 csv).
  const handleOfId = new Map<string, string>();
  if (cols.replyToUserId !== undefined || cols.repostOfUserId !== undefined || cols.quoteOfUserId !== undefined) {
    for (const { fields } of table.rows) {
      const id = cell(fields, 'userId');
      const who = readAuthor(cell(fields, 'author') ?? '');
      if (id && who) handleOfId.set(id, who.handle);
      for (const m of readMentions(cell(fields, 'mentions'))) if (m.id) handleOfId.set(m.id, m.handle);
    }
  }

  const messages: ParsedMessage[] = [];
  const people = new Map<string, PersonProfile>();
  const others = new Map<string, PersonProfile>();
  const skipped: Skipped[] = [...table.problems];
  const warnings: string[] = [];
  const badPlatforms = new Set<string>();

  for (const [index, row] of table.rows.entries()) {
    const { fields } = row;
    const rawPlatform = cell(fields, 'platform');
    const platform = readPlatform(rawPlatform) ?? set.platform ?? 'csv';
    if (rawPlatform && !readPlatform(rawPlatform) && rawPlatform.toLowerCase() !== 'csv') badPlatforms.add(rawPlatform);
    const who = readAuthor(cell(fields, 'author') ?? '');
    const rawTime = timeCell(fields);
    const time = rawTime === undefined ? undefined : readTableDate(rawTime, timezone);
    if (!who || !time) {
      skipped.push({ ...rowPlace(row), reason: !who ? 'no author' : rawTime ? `unreadable date "${excerpt(rawTime, 40)}"` : 'no date' });
      continue;
    }
    const author = personKey(platform, who.handle);
    const rawText = read(fields[cols.text!]) ?? '';
    // Twitter's API escapes `&`, `<` and `>` in tweet text, and the exporters keep them.
    const body = set.platform === 'twitter' ? unescapeTweetText(rawText) : rawText;
    const mentioned = readMentions(cell(fields, 'mentions'));
    const replyToUserId = cell(fields, 'replyToUserId');
    const [target = replyToUserId ? handleOfId.get(replyToUserId) : undefined, ...alsoTo] = readTargets(cell(fields, 'to') ?? '');
    const replyToId = cell(fields, 'replyToId');
    const kind = readKind(cell(fields, 'kind'));
    const byId = (role: Role) => {
      const id = cell(fields, role);
      return id ? (handleOfId.get(id) ?? '') : undefined;
    };
    // '' is a repost or quote of someone whose handle the file does not give.
    const reposted =
      kind === 'quote' || kind === 'reply'
        ? undefined
        : ((kind === 'retweet' || kind === undefined ? cell(fields, 'repostOf') : undefined) ??
          retweetedHandle(body) ??
          byId('repostOfUserId') ??
          (kind === 'retweet' ? '' : undefined));
    const quoted = kind === 'quote' ? (cell(fields, 'repostOf') ?? byId('quoteOfUserId') ?? '') : byId('quoteOfUserId');
    // A repost's mentions are the original author's words (as in the Twitter parsers).
    const named = reposted !== undefined ? [] : [...alsoTo, ...mentioned.map((m) => m.handle), ...extractMentionHandles(body)];
    const message: ParsedMessage = {
      id: (useIds ? ids[index] : undefined) || contentId(author, time, body),
      platform,
      time,
      author,
      text: body,
      mentions: [...new Set(named.map((h) => personKey(platform, h)))].filter((k) => k !== author),
      hashtags: hashtagsOf(body, hashtagCol === undefined ? undefined : read(fields[hashtagCol])),
      kind: reposted !== undefined ? 'repost' : target || replyToId || replyToUserId ? 'reply' : quoted !== undefined ? 'quote' : 'post',
    };
    const chat = cell(fields, 'chat');
    if (chat) message.chat = chat.startsWith('#') || header[cols.chat!] === 'hashtag' ? `#${chat.replace(/^#/, '').toLowerCase()}` : chat;
    if (replyToId) message.replyToId = replyToId;
    if (target) message.replyToAuthor = personKey(platform, target);
    const original = reposted ?? quoted;
    if (original) message.repostOf = personKey(platform, stripAt(original));
    messages.push(message);

    if (!people.has(author)) {
      const profile: PersonProfile = { key: author, platform, handle: who.handle };
      const name = who.name ?? cell(fields, 'name');
      if (name) profile.name = name;
      for (const [field, role] of [
        ['location', 'location'],
        ['bio', 'bio'],
        ['platformId', 'userId'],
      ] as const) {
        const value = cell(fields, role);
        if (value) profile[field] = value;
      }
      people.set(author, profile);
    }
    // People only mentioned keep handle, name and id.
    for (const m of mentioned) {
      const key = personKey(platform, m.handle);
      if (!others.has(key))
        others.set(key, { key, platform, handle: m.handle, ...(m.name ? { name: m.name } : {}), ...(m.id ? { platformId: m.id } : {}) });
    }
  }

  skipped.sort((a, b) => (a.line ?? a.record ?? 0) - (b.line ?? b.record ?? 0));
  if (messages.length === 0) throw noMessagesError(fileName, skipped);
  if (badPlatforms.size > 0) warnings.push(`unknown platform ${[...badPlatforms].join(', ')}: read as csv`);
  if (set !== GENERIC) warnings.push(`${fileName}: read as ${set.label} columns`);
  const restored = cols.replyToId === undefined ? 0 : restoreRoundedReplyIds(messages);
  if (restored > 0) warnings.push(`${restored} reply id(s) rounded by a number conversion were matched to the tweet they answer`);
  return { messages, people: [...people.values(), ...[...others.values()].filter((p) => !people.has(p.key))], skipped, warnings };
}

export const csvParser: Parser = { format: 'csv', detect, parse };
