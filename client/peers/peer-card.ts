/**
 * One suggested peer in the people finder: who they are and where, why
 * (the server's reasons, strongest first), what they said with a way to the
 * session it was said in, their profile on the platform, and Keep.
 */
import type { Peer, PeerSaid } from '../../shared/index.js';
import { SECTOR_LABELS } from '../graph/model.js';
import { dateFmt, h } from '../ui/dom.js';

export interface PeerCardActions {
  /** Shows them in the graph (closing the finder). */
  show(key: string): void;
  /** Replays the session where they said it; absent when the session is not in this view. */
  replayOf(said: PeerSaid): (() => void) | undefined;
  toggleKeep(peer: Peer): void;
}

/** Platforms as their users name them. */
const PLATFORM_NAMES: Record<string, string> = { twitter: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky' };
export const platformName = (platform: string | undefined) => (platform ? (PLATFORM_NAMES[platform] ?? platform) : 'their platform');

export const sectorWords = (sector: string) => SECTOR_LABELS[sector] ?? sector;
export const regionWords = (region: string) => (region === 'unknown' ? 'region unknown' : region);

/** "School · CA · #critlibchat, #k12libchat". */
export function contextLine(p: { sector: string; region: string; chats?: readonly string[] }): string {
  const sector = p.sector === 'unknown' ? 'sector unknown' : sectorWords(p.sector);
  return [sector, regionWords(p.region), (p.chats ?? []).join(', ')].filter(Boolean).join(' · ');
}

function quote(said: PeerSaid, peerLabel: string, actions: PeerCardActions): HTMLElement {
  const where = `${said.chat}, ${dateFmt.format(new Date(said.time))}`;
  const replay = actions.replayOf(said);
  return h(
    'blockquote',
    { class: 'peer-said' },
    `“${said.excerpt}” `,
    replay
      ? h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: replay,
            'data-focus': `said:${said.id}`,
            // The visible words first (what a voice user says), then what the button does.
            'aria-label': `${where} — replay the session where ${peerLabel} said this`,
          },
          `${where} — replay`,
        )
      : h('span', { class: 'muted' }, where),
  );
}

export function peerCard(peer: Peer, kept: boolean, actions: PeerCardActions): HTMLElement {
  const said = peer.said?.[0];
  const titleId = `peer-${CSS.escape(peer.key).replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return h(
    'li',
    { class: 'peer-card', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'peer-head' },
      h(
        'h3',
        { id: titleId },
        h('button', { type: 'button', class: 'link', onclick: () => actions.show(peer.key), 'data-focus': `show:${peer.key}` }, peer.label),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'keep',
          'aria-pressed': String(kept),
          'data-focus': `keep:${peer.key}`,
          onclick: () => actions.toggleKeep(peer),
        },
        kept ? '★ Kept' : '☆ Keep',
        h('span', { class: 'visually-hidden' }, ` ${peer.label} on the shortlist`),
      ),
    ),
    h(
      'p',
      { class: 'muted peer-where' },
      peer.handle ? `@${peer.handle}` : '',
      peer.handle ? ' · ' : '',
      contextLine(peer),
      // A way to reach them: their profile on their platform, opened apart from the atlas.
      peer.profileUrl ? ' · ' : '',
      peer.profileUrl
        ? h('a', { href: peer.profileUrl, target: '_blank', rel: 'noopener noreferrer' }, `profile on ${platformName(peer.platform)}`)
        : null,
    ),
    h('ul', { class: 'reasons' }, ...peer.reasons.map((r) => h('li', {}, r))),
    said ? quote(said, peer.label, actions) : null,
  );
}
