/**
 * Mastodon statuses as the REST API returns them (a JSON array, newest
 * first, as a tag timeline pages back), seen from the chat's home instance:
 * local accounts have `acct` without a domain, remote ones `user@domain`.
 * `content` is HTML with h-card mention links and hashtag links; a boost is a
 * status with empty content and the original in `reblog`.
 */
import { peopleByHandle, personOf, type ChatHistory, type GeneratedChat, type GeneratedMessage, type GeneratedPerson } from '../model.js';
import { escapeHtml, findEntities, stableNumber } from './entities.js';

type Index = Map<string, GeneratedPerson>;

interface View {
  home: string;
  index: Index;
  byId: Map<string, GeneratedMessage>;
  counts: { replies: Map<string, number>; reblogs: Map<string, number> };
}

const acctOf = (p: GeneratedPerson, home: string) => (p.instance === home ? p.handle : `${p.handle}@${p.instance}`);
const profileUrl = (p: GeneratedPerson) => `https://${p.instance}/@${p.handle}`;

/** A written mention (`ann` or `ann@other.example`) → the person, from the home instance's point of view. */
function mentioned(value: string, index: Index): GeneratedPerson | undefined {
  return index.get(value.split('@')[0]!.toLowerCase());
}

/** Plain text → Mastodon's HTML: paragraphs, `<br />`, h-card mentions, hashtag links. */
export function mastodonHtml(text: string, view: Pick<View, 'home' | 'index'>): string {
  let html = '';
  let at = 0;
  for (const e of findEntities(text)) {
    html += escapeHtml(text.slice(at, e.start));
    const person = e.kind === 'mention' ? mentioned(e.value, view.index) : undefined;
    if (person) {
      html += `<span class="h-card" translate="no"><a href="${profileUrl(person)}" class="u-url mention">@<span>${escapeHtml(person.handle)}</span></a></span>`;
    } else if (e.kind === 'hashtag') {
      html += `<a href="https://${view.home}/tags/${e.value.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${escapeHtml(e.value)}</span></a>`;
    } else html += escapeHtml(text.slice(e.start, e.end));
    at = e.end;
  }
  html += escapeHtml(text.slice(at));
  return `<p>${html.replace(/\n/g, '<br />')}</p>`;
}

function accountOf(p: GeneratedPerson, home: string) {
  const n = stableNumber(p.handle);
  return {
    id: p.mastodonId, username: p.handle, acct: acctOf(p, home), display_name: p.name,
    locked: false, bot: false, discoverable: true, group: false,
    // Mastodon rounds account creation to the day.
    created_at: `${p.createdAt.slice(0, 10)}T00:00:00.000Z`,
    note: p.bio ? `<p>${escapeHtml(p.bio)}</p>` : '',
    url: profileUrl(p), avatar: `https://${p.instance}/avatars/original/missing.png`,
    avatar_static: `https://${p.instance}/avatars/original/missing.png`,
    header: `https://${p.instance}/headers/original/missing.png`, header_static: `https://${p.instance}/headers/original/missing.png`,
    followers_count: 20 + (n % 900), following_count: 30 + ((n >>> 8) % 600), statuses_count: 100 + ((n >>> 3) % 5000),
    emojis: [],
    // Mastodon has no location field; people put it in a profile field.
    fields: p.location ? [{ name: 'Location', value: escapeHtml(p.location), verified_at: null }] : [],
  };
}

function statusOf(m: GeneratedMessage, view: View): object {
  const author = personOf(view.index, m.author);
  const original = m.repostOf ? view.byId.get(m.repostOf.id) : undefined;
  const base = `https://${author.instance}/users/${author.handle}/statuses/${m.id}`;
  const replyTarget = m.replyTo ? personOf(view.index, m.replyTo.author) : undefined;
  const people = original ? [] : m.mentions.map((h) => personOf(view.index, h));
  const tags = original ? [] : [...new Set(findEntities(m.text).filter((e) => e.kind === 'hashtag').map((e) => e.value.toLowerCase()))];
  return {
    id: m.id, created_at: m.time,
    in_reply_to_id: m.replyTo?.id ?? null, in_reply_to_account_id: replyTarget?.mastodonId ?? null,
    sensitive: false, spoiler_text: '', visibility: 'public', language: original ? null : 'en',
    uri: original ? `${base}/activity` : base,
    url: original ? `${base}/activity` : `https://${author.instance}/@${author.handle}/${m.id}`,
    replies_count: view.counts.replies.get(m.id) ?? 0, reblogs_count: view.counts.reblogs.get(m.id) ?? 0,
    favourites_count: original ? 0 : stableNumber(m.id) % 9, edited_at: null,
    content: original ? '' : mastodonHtml(m.text, view),
    reblog: original ? statusOf(original, view) : null,
    application: null,
    account: accountOf(author, view.home),
    media_attachments: [],
    mentions: people.map((p) => ({ id: p.mastodonId, username: p.handle, url: profileUrl(p), acct: acctOf(p, view.home) })),
    tags: tags.map((name) => ({ name, url: `https://${view.home}/tags/${name}` })),
    emojis: [], card: null, poll: null,
  };
}

/** The Mastodon chat's statuses as a JSON array, newest first, one status per line (compact as the API sends them, diff-friendly). */
export function writeMastodonJson(model: ChatHistory, chat: GeneratedChat): string {
  if (chat.platform !== 'mastodon' || !chat.instance) throw new Error(`mastodon writer: ${chat.hashtag} is not a Mastodon chat`);
  const index = peopleByHandle(model);
  const mine = model.messages.filter((m) => m.chat === chat.hashtag);
  const counts = { replies: new Map<string, number>(), reblogs: new Map<string, number>() };
  const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const m of mine) {
    if (m.replyTo) bump(counts.replies, m.replyTo.id);
    if (m.repostOf) bump(counts.reblogs, m.repostOf.id);
  }
  const view: View = { home: chat.instance, index, byId: new Map(mine.map((m) => [m.id, m])), counts };
  const lines = [...mine].reverse().map((m) => JSON.stringify(statusOf(m, view)));
  return `[\n${lines.join(',\n')}\n]\n`;
}
