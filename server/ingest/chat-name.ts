/**
 * The name of a chat whose messages name none (IRC logs without joins,
 * WhatsApp, Zoom, a Bluesky search), read from the file's name and path the
 * way its platform writes them, so that a label says "irc log 19 dec 2016"
 * or "library folk" rather than "2016-12-19_20.raw". Two rules:
 * - `chatNamedByExport`: a name the export gives the chat itself — WhatsApp's
 *   "WhatsApp Chat with <group>.txt" (Android) or "WhatsApp Chat - <group>.zip"
 *   (iOS), a Zoom recording folder's topic ("2024-03-14 10.00.00 <topic>
 *   <meeting id>/meeting_saved_chat.txt"), else what the file's text calls it
 *   (a WhatsApp group's subject). Every message of the file takes it.
 * - `chatFromFileName`: the name of last resort, after the upload's chat field
 *   and the file's chat tags: the file name without its extensions (`.raw.txt`),
 *   an IRC log's channel (`ubuntu_2016-12-19.log` → `#ubuntu`), and for a name
 *   that says nothing — a date (`2016-12-19_20`) or a platform's default
 *   (`_chat`, `meeting_saved_chat`, `app.bsky.feed.searchPosts-5d343d`) — the
 *   kind of chat and its day: "irc log 19 dec 2016".
 * Names are lower case, as every chat is (filters and schedules match them so),
 * and stable: the same file gives the same name on every upload.
 */
import type { Platform } from '../../shared/index.js';
import { logPathChannel } from './parse/irc-dates.js';

/** A name read from a file name is cut (at a word) to this many characters: it ends up in labels and legends. */
export const MAX_FILE_CHAT_NAME = 48;

/** Extensions of transcripts and of what exporters add before them (`2016-12-19_20.raw.txt`, `x.irc.log.html`). */
const EXTENSIONS = /(?:\.(?:txt|raw|log|logs|json|jsonl|ndjson|csv|tsv|xml|html?|weechatlog|irc|zip|xlsx))+$/i;

/** WhatsApp's export names in the languages it is most used in: "WhatsApp Chat with X", "Chat de WhatsApp con X"… */
const WHATSAPP_EXPORT = /whats\s?app[\s-]?(?:chat|-chat)?\s*(?:-|with|mit|con|avec|com|met|z)\s+(.+)$/i;

/** A Zoom local recording folder: "2024-03-14 10.00.00 Topic 85012345678" (the meeting id is optional). */
const ZOOM_FOLDER = /^(\d{4})-(\d\d)-(\d\d) \d\d\.\d\d\.\d\d (.+?)(?: \d{9,11})?$/;

/** Names platforms give every export, as plainWords reads them: they say nothing about the chat. */
const DEFAULT_NAMES = new Set([
  'chat',
  'meeting saved chat',
  'meeting saved new chat',
  'newchat',
  'recording',
  'recording newchat',
  'app bsky feed searchposts',
  'searchposts',
  'whatsapp chat',
  'messages',
  'message',
  'export',
  'result',
  'results',
  'untitled',
  'log',
  'irc',
]);

/**
 * A name's words without days, times, numbers, separators and a trailing
 * hash (`app.bsky.feed.searchPosts-5d343d` → `app bsky feed searchposts`,
 * `GMT20240314-100000_Recording` → `recording`, `2016-12-19_20` → ``).
 */
function plainWords(name: string): string {
  return name
    .replace(/[-_](?=[0-9a-f]*\d)[0-9a-f]{6,}$/i, '')
    .replace(/GMT(?=\d{8})/, '')
    .replace(/[\d\s_.:-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** What a nameless chat is called, by platform; a Bluesky file is a search when its name says so. */
const KINDS: Partial<Record<Platform, string>> = {
  irc: 'irc log',
  whatsapp: 'whatsapp chat',
  zoom: 'zoom chat',
  bluesky: 'bluesky posts',
  mastodon: 'mastodon posts',
  twitter: 'tweets',
  slack: 'slack chat',
  discord: 'discord chat',
  teams: 'teams chat',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A channel inside a log's name: WeeChat's `irc.libera.#code4lib`, old ZNC's `user_network_#code4lib_20160101`. */
const IRC_CHANNEL_INSIDE = /[._]([#&][^\s._#&]+)(?:[._-]?(?:19|20)\d\d-?\d\d-?\d\d.*)?$/;
/** A log named `<channel><separator><day>`, as logging bots write it: `ubuntu_2016-12-19`, `fluid-work-2015-10-06`. */
const IRC_CHANNEL_DATED = /^([a-z][\w-]*?)[-_.]+(?:19|20)\d\d[-.]?\d\d[-.]?\d\d(?:[-_.]\d+)?$/i;

/** A day in a name: `2016-12-19`, `2016.12.19`, `20161219`, Zoom cloud's `GMT20240314`. */
const DAY_IN_NAME = /(?:^|[^\d])((?:19|20)\d\d)[-._]?(0[1-9]|1[0-2])[-._]?(0[1-9]|[12]\d|3[01])(?!\d{3})/;

/** The last part of a path, and the parts before it (a zip's name, folders). */
function pathParts(fileName: string): { base: string; folders: string[] } {
  const parts = fileName.split(/[\\/]/).filter(Boolean);
  return { base: parts.pop() ?? fileName, folders: parts };
}

const withoutExtensions = (name: string) => name.replace(EXTENSIONS, '').trim();

/** Lower case, one space between words, cut at a word past MAX_FILE_CHAT_NAME characters. */
export function tidy(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim().toLowerCase();
  if (clean.length <= MAX_FILE_CHAT_NAME) return clean;
  const cut = clean.slice(0, MAX_FILE_CHAT_NAME);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_FILE_CHAT_NAME / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** `2016-12-19` → `19 dec 2016`. */
function dayLabel(year: string, month: string, day: string): string {
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** The day a name carries, as a label, or undefined. */
function dayInName(name: string): string | undefined {
  const m = DAY_IN_NAME.exec(name);
  return m ? dayLabel(m[1]!, m[2]!, m[3]!) : undefined;
}

/**
 * The name the export gives its chat: WhatsApp's file or zip name, a Zoom
 * folder's topic, else `named` (what the file's text calls it). Undefined
 * when none does.
 */
export function chatNamedByExport(fileName: string, named?: string): string | undefined {
  const { base, folders } = pathParts(fileName);
  for (const part of [base, ...folders.reverse()]) {
    const group = WHATSAPP_EXPORT.exec(withoutExtensions(part))?.[1];
    if (group?.trim()) return tidy(group);
  }
  const folder = folders[0];
  const topic = folder ? ZOOM_FOLDER.exec(folder.trim())?.[4] : undefined;
  if (topic && DEFAULT_NAMES.has(plainWords(withoutExtensions(base)))) return tidy(topic);
  return named?.trim() ? tidy(named) : undefined;
}

export interface FileChatFacts {
  /** The platform of the file's messages. */
  platform?: Platform | undefined;
  /** The file's first message time (ISO, UTC): the day of a name that has none. */
  firstTime?: string | undefined;
}

/** The chat of last resort for a file's messages (see the header). */
export function chatFromFileName(fileName: string, facts: FileChatFacts = {}): string {
  const { base } = pathParts(fileName);
  const name = withoutExtensions(base);
  if (facts.platform === 'irc') {
    const channel = logPathChannel(fileName) ?? IRC_CHANNEL_INSIDE.exec(name)?.[1] ?? IRC_CHANNEL_DATED.exec(name)?.[1];
    if (channel) return tidy(`#${channel.replace(/^[#&]/, '')}`);
  }
  const words = plainWords(name);
  const saysNothing = !/\p{L}/u.test(words) || DEFAULT_NAMES.has(words);
  if (!saysNothing) return tidy(name) || 'chat';
  const search = facts.platform === 'bluesky' && /searchposts/i.test(name) ? 'bluesky search' : undefined;
  const kind = search ?? (facts.platform && KINDS[facts.platform]) ?? 'chat';
  const first = /^\d{4}-\d\d-\d\d/.exec(facts.firstTime ?? '')?.[0];
  // An undated file (a Zoom chat with no date anywhere sits on 1970-01-01) gets no day rather than a wrong one.
  const day =
    dayInName(name) ??
    (first && !first.startsWith('1970') ? dayLabel(first.slice(0, 4), first.slice(5, 7), first.slice(8, 10)) : undefined);
  return day ? `${kind} ${day}` : kind;
}
