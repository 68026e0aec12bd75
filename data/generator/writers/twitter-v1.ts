/**
 * Twitter API v1.1 statuses as JSON Lines, the way twarc 1 saves them in
 * extended mode: `full_text` (HTML-escaped, as the API sends it),
 * `display_text_range` past the leading reply mentions, `entities` with
 * code-point `indices`, numeric ids beside `id_str` (numbers beyond 2^53, as
 * in the real thing), and retweets as "RT @x: …" with `retweeted_status`.
 */
import { peopleByHandle, personOf, type ChatHistory, type GeneratedMessage, type GeneratedPerson } from '../model.js';
import { codePointIndex, codePointLength, escapeTwitter, findEntities, stableNumber } from './entities.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CLIENTS = [
  '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
  '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
  '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>',
  '<a href="https://tweetdeck.twitter.com" rel="nofollow">TweetDeck</a>',
];
/** Retweets longer than this show a cut `full_text`; the whole text is in `retweeted_status`. */
const RETWEET_LIMIT = 140;

/** `Wed Mar 14 20:00:00 +0000 2024`. */
export function twitterDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

// JSON.stringify cannot write a 64-bit integer; a marker string is swapped for the bare digits afterwards.
const big = (digits: string | null) => (digits === null ? null : `\u0000BIG:${digits}`);
const unmarkBigInts = (json: string) => json.replace(/"\\u0000BIG:(\d+)"/g, '$1');

function userObject(p: GeneratedPerson) {
  const n = stableNumber(p.handle);
  // The profile fields parsers read, and the counts every v1.1 user has; display settings left out to keep the demo small.
  return {
    id: big(p.twitterId), id_str: p.twitterId, name: p.name, screen_name: p.handle,
    location: p.location, description: p.bio, url: null, protected: false,
    followers_count: 40 + (n % 2400), friends_count: 60 + ((n >>> 8) % 1500),
    created_at: twitterDate(p.createdAt), verified: false, statuses_count: 300 + ((n >>> 3) % 20000),
  };
}

type Index = Map<string, GeneratedPerson>;

/** Entities of `fullText`; with `keep`, only those wholly inside its first `keep` UTF-16 units (a cut retweet). */
function entitiesOf(fullText: string, index: Index, keep = fullText.length) {
  const hashtags: { text: string; indices: [number, number] }[] = [];
  const mentions: { screen_name: string; name: string; id: string | null; id_str: string; indices: [number, number] }[] = [];
  for (const e of findEntities(fullText)) {
    if (e.end > keep) continue;
    const indices: [number, number] = [codePointIndex(fullText, e.start), codePointIndex(fullText, e.end)];
    if (e.kind === 'hashtag') hashtags.push({ text: e.value, indices });
    else {
      const p = index.get(e.value.toLowerCase());
      if (p) mentions.push({ screen_name: p.handle, name: p.name, id: big(p.twitterId), id_str: p.twitterId, indices });
    }
  }
  return { hashtags, symbols: [], user_mentions: mentions, urls: [] };
}

/** Where the shown text starts: after the "@a @b " a reply opens with. */
function displayStart(fullText: string, isReply: boolean): number {
  if (!isReply) return 0;
  const lead = /^(?:@[A-Za-z0-9_]{1,15}\s+)+/.exec(fullText);
  return lead ? codePointLength(lead[0]) : 0;
}

function statusOf(m: GeneratedMessage, index: Index, byId: Map<string, GeneratedMessage>, retweets: Map<string, number>): object {
  const author = personOf(index, m.author);
  const original = m.repostOf ? byId.get(m.repostOf.id) : undefined;
  let fullText = escapeTwitter(m.text);
  let entities = entitiesOf(fullText, index);
  if (original) {
    fullText = `RT @${personOf(index, original.author).handle}: ${fullText}`;
    const cut = codePointLength(fullText) > RETWEET_LIMIT;
    const kept = cut ? Array.from(fullText).slice(0, RETWEET_LIMIT - 1).join('') : fullText;
    // Entities cut by the ellipsis are dropped, as Twitter does.
    entities = entitiesOf(fullText, index, kept.length);
    if (cut) fullText = `${kept}…`;
  }
  const target = m.replyTo ? personOf(index, m.replyTo.author) : undefined;
  const n = stableNumber(m.id);
  return {
    created_at: twitterDate(m.time), id: big(m.id), id_str: m.id, full_text: fullText, truncated: false,
    display_text_range: [displayStart(fullText, !!target), codePointLength(fullText)],
    entities,
    source: CLIENTS[stableNumber(author.handle) % CLIENTS.length],
    in_reply_to_status_id: big(m.replyTo?.id ?? null), in_reply_to_status_id_str: m.replyTo?.id ?? null,
    in_reply_to_user_id: big(target?.twitterId ?? null), in_reply_to_user_id_str: target?.twitterId ?? null,
    in_reply_to_screen_name: target?.handle ?? null,
    user: userObject(author), geo: null, coordinates: null, place: null, contributors: null,
    ...(original ? { retweeted_status: statusOf(original, index, byId, retweets) } : {}),
    is_quote_status: false,
    retweet_count: retweets.get(original?.id ?? m.id) ?? 0,
    favorite_count: original ? 0 : n % 7,
    favorited: false, retweeted: false, lang: 'en',
  };
}

/**
 * The Twitter messages of `chats` (default: every Twitter chat) as twarc 1
 * JSON Lines, oldest first as a live `twarc filter` capture writes them.
 */
export function writeTwitterJsonl(model: ChatHistory, chats?: readonly string[]): string {
  const index = peopleByHandle(model);
  const byId = new Map(model.messages.map((m) => [m.id, m]));
  const retweets = new Map<string, number>();
  for (const m of model.messages) if (m.repostOf) retweets.set(m.repostOf.id, (retweets.get(m.repostOf.id) ?? 0) + 1);
  const wanted = (m: GeneratedMessage) => m.platform === 'twitter' && (!chats || chats.includes(m.chat));
  return model.messages.filter(wanted).map((m) => `${unmarkBigInts(JSON.stringify(statusOf(m, index, byId, retweets)))}\n`).join('');
}
