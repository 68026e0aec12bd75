/**
 * Who is left out of a collection, whatever the hashtag: accounts that said
 * they do not want to be found or indexed. Mastodon: `discoverable: false`
 * (not in the directory or recommendations), `indexable: false` (posts not in
 * search, Mastodon 4.2), `#nobot` or `#noindex` in the bio (a long-standing
 * fediverse convention for "no bots, no archives"). Bluesky: the
 * `!no-unauthenticated` self-label (show my posts only to signed-in users)
 * and the same bio tags. A missing field (an older server) is not an
 * opt-out: only what the account said counts.
 */
import { htmlToText } from '../ingest/parse/html-to-text.js';

type Json = Record<string, unknown>;

const BIO_OPT_OUT = /(^|[^\p{L}\p{N}_])#no(bot|index)(?![\p{L}\p{N}_])/iu;

/** Why the account's posts are left out, or undefined. */
export function mastodonOptOut(account: Json): string | undefined {
  if (account.discoverable === false) return 'discoverable: false';
  if (account.indexable === false) return 'indexable: false';
  const bio = typeof account.note === 'string' ? htmlToText(account.note) : '';
  const tag = BIO_OPT_OUT.exec(bio);
  return tag ? `#no${tag[2]!.toLowerCase()} in the bio` : undefined;
}

const labelValues = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap((l) => (l && typeof l === 'object' && typeof (l as Json).val === 'string' ? [(l as Json).val as string] : []))
    : [];

/** `author` a Bluesky profile view (basic or detailed), `profile` the getProfiles answer for it when fetched. */
export function blueskyOptOut(author: Json, profile?: Json): string | undefined {
  const labels = [...labelValues(author.labels), ...labelValues(profile?.labels)];
  if (labels.includes('!no-unauthenticated')) return '!no-unauthenticated label';
  const bio = [author.description, profile?.description].filter((d) => typeof d === 'string').join('\n');
  const tag = BIO_OPT_OUT.exec(bio);
  return tag ? `#no${tag[2]!.toLowerCase()} in the bio` : undefined;
}
