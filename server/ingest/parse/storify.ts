/**
 * Storify story exports (Storify closed in 2018; library chats were archived
 * with it): `{content: {…, elements: [...]}}` as JSON, or `<story>…<elements>
 * <item>…` as XML, the same fields in both. Each element the story quotes is
 * a message: `source.username` wrote `data.quote.text` (an image tweet:
 * `data.image.caption`) at `posted_at`; the permalink gives the tweet's id,
 * so a tweet also in a twarc file is stored once; `attribution` gives the
 * author's name, bio and location; `data.quote.entities` the tags and
 * mentions. The curator's own text blocks are not messages. Storify's JSON
 * export lists one page of elements and keeps tweets as links without their
 * text: such a file says so and asks for the XML.
 */
import type { Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, parseJsonSafely, str } from './read-json.js';
import { readStorifyXml } from './storify-xml.js';
import { extractHashtags, extractMentionHandles, retweetedHandle, toIsoTime } from './text.js';
import { handleFromStatusUrl, mentionKeys, twitterKey, unescapeTweetText } from './twitter-entities.js';
import { ProfileBook } from './twitter-profiles.js';
import type { ParsedMessage, Parser, ParseResult } from './types.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (isObject(v) ? v : undefined);
/** A list as JSON writes it, or as the XML reader gives it (an empty `<hashtags/>` is ''). */
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const STATUS_ID = /\/status(?:es)?\/(\d+)/;

function detect(head: string): number {
  const start = head.trimStart();
  if (start.startsWith('{')) {
    return /"permalink"\s*:\s*"https?:\/\/(?:www\.)?storify\.com\//.test(head) && /"(elements|sid)"\s*:/.test(head) ? 0.95 : 0;
  }
  return /^(?:<\?xml[^>]*\?>\s*)?<story>/.test(start) && /<permalink>https?:\/\/(?:www\.)?storify\.com\//.test(head) ? 0.95 : 0;
}

/** The story (`content` of the JSON export, the `<story>` element of the XML), or a 422 saying what the file is instead. */
function readStory(text: string, fileName: string): Json {
  if (text.trimStart().startsWith('<')) {
    const { name, value } = readStorifyXml(text, fileName);
    if (name === 'story' && isObject(value)) return value;
    throw new TranscriptError('unreadable_file', `${fileName}: XML whose root is <${name}>, not a Storify <story>`, {
      file: fileName,
      line: 1,
    });
  }
  let value: unknown;
  try {
    value = parseJsonSafely(text);
  } catch (error) {
    throw new TranscriptError('unreadable_file', `${fileName}: a Storify export, but not readable JSON (${(error as Error).message})`, {
      file: fileName,
    });
  }
  const story = obj(obj(value)?.content) ?? obj(value);
  if (!story || !('elements' in story))
    throw new TranscriptError('unreadable_file', `${fileName}: a Storify export without a story's \`elements\``, { file: fileName });
  return story;
}

/** `data.quote.text`, else an image tweet's caption. */
const tweetText = (data: Json | undefined): string | undefined => str(obj(data?.quote), 'text') ?? str(obj(data?.image), 'caption');

function parse(text: string, { fileName }: { fileName: string }): ParseResult {
  const story = readStory(text, fileName);
  const elements = Array.isArray(story.elements) ? story.elements : [];
  const messages: ParsedMessage[] = [];
  const skipped: Skipped[] = [];
  const book = new ProfileBook();
  let linksOnly = 0;

  elements.forEach((raw, i) => {
    const record = i + 1;
    const el = obj(raw);
    const source = obj(el?.source);
    const site = str(source, 'name');
    if (!el || site !== 'twitter') {
      skipped.push({
        record,
        reason: site === 'storify' ? "the story's own text, not a tweet" : `a ${site ?? 'sourceless'} element, not a tweet`,
      });
      return;
    }
    const permalink = str(el, 'permalink');
    const attribution = obj(el.attribution);
    const handle = str(source, 'username') ?? str(attribution, 'username') ?? handleFromStatusUrl(permalink);
    const time = toIsoTime(str(el, 'posted_at'));
    const data = obj(el.data);
    const rawText = tweetText(data);
    if (!handle || !time || rawText === undefined) {
      if (handle && time) linksOnly++;
      skipped.push({ record, reason: !handle ? 'no author' : !time ? 'no posted_at' : 'a tweet Storify kept as a link, without its text' });
      return;
    }
    const body = unescapeTweetText(rawText);
    const author = twitterKey(handle);
    const quote = obj(data?.quote);
    const entities = obj(quote?.entities);
    const mentioned = list(entities?.user_mentions);
    const reposted = retweetedHandle(body);
    const replyTo = str(quote, 'in_reply_to_screen_name');
    const replyToId = str(quote, 'in_reply_to_status_id_str');
    // Entities and the text together: Storify kept the entities Twitter gave, and an export cut them for some.
    const handles = [...mentioned.flatMap((m) => str(m, 'screen_name') ?? []), ...extractMentionHandles(body)];
    const tags = [
      ...list(entities?.hashtags).flatMap((h) => (str(h, 'text') ? [`#${str(h, 'text')!.toLowerCase()}`] : [])),
      ...extractHashtags(body),
    ];
    const message: ParsedMessage = {
      id: STATUS_ID.exec(permalink ?? '')?.[1] ?? str(el, 'id') ?? `storify-${record}`,
      platform: 'twitter',
      time,
      author,
      text: body,
      // A retweet's mentions are the original author's words (as in the Twitter readers).
      mentions: reposted ? [] : mentionKeys(handles, author),
      hashtags: [...new Set(tags)],
      kind: reposted ? 'repost' : replyTo || replyToId ? 'reply' : 'post',
    };
    if (reposted) message.repostOf = twitterKey(reposted);
    if (replyTo) message.replyToAuthor = twitterKey(replyTo);
    if (replyToId) message.replyToId = replyToId;
    messages.push(message);
    book.addAuthorFields({
      handle,
      name: str(attribution, 'name') || undefined,
      bio: str(attribution, 'bio')?.trim() || undefined,
      location: str(attribution, 'location')?.trim() || undefined,
      platformId: str(source, 'userid') || undefined,
    });
    for (const m of mentioned) {
      const h = str(m, 'screen_name');
      if (h) book.addOther({ handle: h, name: str(m, 'name'), platformId: str(m, 'id_str') });
    }
  });

  const total = Number(str(story, 'totalElements') ?? story.totalElements);
  const partial = Number.isFinite(total) && total > elements.length;
  const page = partial ? ` This file is one page of the story: ${elements.length} of its ${total} elements.` : '';
  // Mostly links without text (Storify's JSON): reading the few left would pass for the chat; the XML holds it all.
  if (messages.length === 0 || linksOnly > messages.length) {
    const title = str(story, 'title');
    const why =
      linksOnly > 0
        ? `${linksOnly} of its ${elements.length} elements (the first: record ${skipped[0]?.record ?? 1}) are tweets Storify kept as links, without their text (${messages.length} with text).${page} Storify's XML export of the story holds the tweets' text: upload that instead.`
        : `none of its ${elements.length} elements is a tweet (first skipped: record ${skipped[0]?.record ?? 1}, ${skipped[0]?.reason ?? 'no elements'}).`;
    throw new TranscriptError(
      'no_messages',
      `${fileName}: a Storify export${title ? ` ("${title}")` : ''}, but its tweets cannot be read: ${why}`,
      {
        file: fileName,
        record: skipped[0]?.record ?? 1,
        skipped: skipped.slice(0, 100),
      },
    );
  }
  const warnings = partial ? [`${fileName}: Storify export, one page: ${elements.length} of the story's ${total} elements`] : [];
  return { messages, people: book.list(), skipped, warnings };
}

export const storifyParser: Parser = { format: 'storify', detect, parse };
