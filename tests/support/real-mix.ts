/**
 * The real mix of issue 19's new-user check, as paths under tests/fixtures/real/: one busy #ubuntu IRC day and
 * eight small real chats of other formats, uploaded together as through the page (one chat dominates).
 */
export const IRC_DAY = 'irc/2016-12-19_20.raw.txt';

export const REAL_MIX = [
  IRC_DAY,
  'mastodon/tag_timeline.json',
  'twitter-v2/flat.jsonl',
  'twitter-v1.1/get_mentions.json',
  'whatsapp/_chat.txt',
  'tags-csv/sample-data.csv',
  'bluesky/app.bsky.feed.searchPosts-5d343d.json',
  'zoom/zoom-chat-1.txt',
  'storify/docnowcommunity-chat-raw.xml',
] as const;
