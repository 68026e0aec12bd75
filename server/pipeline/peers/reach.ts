/**
 * How to reach a suggested peer: a link to their profile on the platform
 * (X/Twitter, Mastodon `https://instance/@user`, Bluesky
 * `https://bsky.app/profile/handle`; none elsewhere, where a handle is no
 * address), and a few of their messages that relate, for the page to open in
 * the replay.
 */
import type { Message } from '../../../shared/index.js';

const TWITTER = /^[A-Za-z0-9_]{1,15}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const MASTODON_USER = /^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$/;
const DID = /^did:(plc|web):[A-Za-z0-9._:%-]{1,200}$/;

/** A profile link for a person key (`twitter:ann`, `mastodon:ann@glammr.us`, `bluesky:ann.bsky.social`), or undefined. */
export function profileUrl(key: string, handle?: string): string | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const platform = key.slice(0, colon);
  const name = (handle ?? key.slice(colon + 1)).replace(/^@+/, '');
  if (platform === 'twitter') return TWITTER.test(name) ? `https://x.com/${name}` : undefined;
  if (platform === 'mastodon') {
    const at = name.lastIndexOf('@');
    if (at <= 0) return undefined; // a local account with no instance: no address
    const [user, instance] = [name.slice(0, at), name.slice(at + 1).toLowerCase()];
    return MASTODON_USER.test(user) && DOMAIN.test(instance) ? `https://${instance}/@${user}` : undefined;
  }
  if (platform === 'bluesky') return DOMAIN.test(name) || DID.test(name) ? `https://bsky.app/profile/${name.toLowerCase()}` : undefined;
  return undefined;
}

export interface Said {
  id: string;
  chat: string;
  time: string;
  excerpt: string;
}

/** An excerpt of a message: its first `max` characters, cut at a word. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

/** The messages with these ids, in the order given, as excerpts. */
export function saidIn(ids: readonly string[], byId: ReadonlyMap<string, Message>, limit = 3): Said[] {
  const out: Said[] = [];
  for (const id of ids) {
    const m = byId.get(id);
    if (!m || out.length >= limit) continue;
    out.push({ id: m.id, chat: m.chat, time: m.time, excerpt: excerpt(m.text) });
  }
  return out;
}
