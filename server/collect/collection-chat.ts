/**
 * The chat a collection's posts land in: named for what it follows, the same
 * on every run and instance, so a search collected every week is one chat
 * that grows. A one-word tag is followed as a hashtag and named `#tag`, as
 * a hashtag chat's export is; several words are a Bluesky search and named
 * by its words (`NY  Redistricting` → `ny redistricting`, a phrase without
 * its quotes), the way archivers such as TAGS and twarc name an archive by
 * its search. Without it, posts that carry no tag fell to each run's file
 * name (instance, query, run time) or to whichever tag that run's posts
 * happened to share.
 */
import { tidy } from '../ingest/chat-name.js';

/** One word: a hashtag (the Bluesky source searches `#tag`; a Mastodon tag is always one). */
export const followsHashtag = (tag: string) => !/\s/.test(tag);

export function collectionChat(tag: string): string {
  if (followsHashtag(tag)) return `#${tag.toLowerCase()}`;
  const phrase = /^"([^"]+)"$/.exec(tag.trim())?.[1] ?? tag;
  return tidy(phrase);
}
