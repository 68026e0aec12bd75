/**
 * TAGS (Martin Hawksey's Twitter Archiving Google Sheet) Archive sheet as CSV,
 * the way tidytags hands it on (compare tests/fixtures/real/tags-csv): newest
 * tweet first, `NA` for a missing value, LF rows with RFC 4180 quoting, the
 * v1.1 `text` (HTML-escaped, retweets cut at 140), Twitter's `created_at`,
 * `time` as the sheet shows it (its own time zone, yet labelled `Z`), and
 * `entities_str` as Apps Script's JSON.stringify wrote it: 64-bit `id`s
 * rounded to doubles beside exact `id_str`s. With `mangleIds`, every id
 * column reads as a spreadsheet saves a long number (`1.25195E+18`): only
 * `status_url` still holds the tweet id.
 */
import { peopleByHandle, personOf, type ChatHistory, type GeneratedMessage, type GeneratedPerson } from '../model.js';
import { csvField } from './csv.js';
import { codePointIndex, codePointLength, escapeTwitter, findEntities, stableNumber } from './entities.js';
import { twitterDate } from './twitter-v1.js';
import { profileImageUrl } from './twitter-v2.js';

export const TAGS_HEADER = [
  'id_str', 'from_user', 'text', 'created_at', 'time', 'geo_coordinates', 'user_lang', 'in_reply_to_user_id_str',
  'in_reply_to_screen_name', 'from_user_id_str', 'in_reply_to_status_id_str', 'source', 'profile_image_url',
  'user_followers_count', 'user_friends_count', 'user_location', 'status_url', 'entities_str',
] as const;

export interface TagsCsvOptions {
  /** Write id columns as a spreadsheet opened and re-saved the file would. */
  mangleIds?: boolean;
  /** The sheet's time zone, in which `time` is shown. */
  sheetTimeZone?: string;
  /** Hashtags to write (default: every Twitter chat). */
  chats?: readonly string[];
}

const NA = 'NA';
const RETWEET_LIMIT = 140;
const CLIENTS = [
  '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
  '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
  '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
  '<a href="https://tweetdeck.twitter.com" rel="nofollow">TweetDeck</a>',
];

/**
 * A whole number as Excel's General format shows it, and so saves it to CSV:
 * up to 11 digits as is, longer ones as 6 significant digits (`1.25195E+18`).
 */
export function spreadsheetNumber(digits: string): string {
  if (!/^\d+$/.test(digits) || digits.length <= 11) return digits;
  const [mantissa, exponent] = Number(digits).toExponential(5).split('e') as [string, string];
  return `${mantissa.replace(/\.?0+$/, '')}E${exponent.startsWith('-') ? exponent : `+${exponent.replace('+', '').padStart(2, '0')}`}`;
}

/** `2023-03-14T20:00:00Z` in the sheet's zone: Sheets shows local wall time, the export keeps the `Z`. */
function sheetTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`;
}

/** v1.1 `text`: escaped, and a retweet as "RT @x: …" cut at 140 code points. */
function textOf(m: GeneratedMessage, index: Map<string, GeneratedPerson>): string {
  const text = escapeTwitter(m.text);
  if (!m.repostOf) return text;
  const full = `RT @${personOf(index, m.repostOf.author).handle}: ${text}`;
  return codePointLength(full) > RETWEET_LIMIT ? `${Array.from(full).slice(0, RETWEET_LIMIT - 1).join('')}…` : full;
}

/** v1.1 entities of the text, serialized as JSON.stringify does after JSON.parse: `id` loses its low digits. */
function entitiesStr(text: string, index: Map<string, GeneratedPerson>): string {
  const hashtags: object[] = [];
  const mentions: object[] = [];
  for (const e of findEntities(text)) {
    const indices = [codePointIndex(text, e.start), codePointIndex(text, e.end)];
    const p = e.kind === 'mention' ? index.get(e.value.toLowerCase()) : undefined;
    if (e.kind === 'hashtag') hashtags.push({ text: e.value, indices });
    else if (p) mentions.push({ screen_name: p.handle, name: p.name, id: Number(p.twitterId), id_str: p.twitterId, indices });
  }
  return JSON.stringify({ hashtags, symbols: [], user_mentions: mentions, urls: [] });
}

function rowOf(m: GeneratedMessage, index: Map<string, GeneratedPerson>, options: Required<Omit<TagsCsvOptions, 'chats'>>): string[] {
  const author = personOf(index, m.author);
  const target = m.replyTo ? personOf(index, m.replyTo.author) : undefined;
  const id = (digits: string | undefined) => (digits === undefined ? NA : options.mangleIds ? spreadsheetNumber(digits) : digits);
  const n = stableNumber(author.handle);
  const text = textOf(m, index);
  return [
    id(m.id), author.handle, text, twitterDate(m.time), sheetTime(m.time, options.sheetTimeZone),
    // Twitter stopped sending a user's `lang` in 2019; nobody in a chat geotags.
    NA, NA,
    id(target?.twitterId), target?.handle ?? NA, id(author.twitterId), id(m.replyTo?.id),
    CLIENTS[n % CLIENTS.length]!, profileImageUrl(author).replace(/^https:/, 'http:'),
    String(40 + (n % 2400)), String(60 + ((n >>> 8) % 1500)), author.location || NA,
    `http://twitter.com/${author.handle}/statuses/${m.id}`, entitiesStr(text, index),
  ];
}

/** The Twitter chats' tweets as a TAGS Archive CSV, newest first as the sheet keeps them. */
export function writeTagsCsv(model: ChatHistory, options: TagsCsvOptions = {}): string {
  const resolved = { mangleIds: options.mangleIds ?? false, sheetTimeZone: options.sheetTimeZone ?? 'Europe/London' };
  const index = peopleByHandle(model);
  const { chats } = options;
  const rows = model.messages
    .filter((m) => m.platform === 'twitter' && (!chats || chats.includes(m.chat)))
    .reverse()
    .map((m) => rowOf(m, index, resolved));
  return [TAGS_HEADER, ...rows].map((r) => `${r.map(csvField).join(',')}\n`).join('');
}
