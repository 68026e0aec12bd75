/**
 * The details panel: a person (who they are, their chats, strongest ties and
 * what made them) or a community (size, mixes, top members and hashtags).
 */
import type { EdgeAttributes, PeerSaid, Peers } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { SECTOR_LABELS, communityName } from '../graph/model.js';
import type { PersonProfileView } from '../api.js';
import { platformName } from '../peers/peer-card.js';
import { fmt, h } from './dom.js';

export interface PanelActions {
  selectPerson(key: string): void;
  /** Suggestions beyond the person's context (absent in a snapshot). */
  loadPeers?: (key: string) => Promise<Peers | undefined>;
  /** The people finder for this person, or a community (`community:<id>`): filters and a shortlist (absent in a snapshot). */
  openPeers?: (key: string) => void;
  /** The replay of the session where a peer said something, when the view holds it. */
  replaySaid?: (said: PeerSaid, peerKey: string) => (() => void) | undefined;
  showCommunity(id: number): void;
  close(): void;
}

const KIND_WORDS: [keyof EdgeAttributes, string, string][] = [
  ['reply', 'reply', 'replies'],
  ['mention', 'mention', 'mentions'],
  ['coAnswer', 'question answered together', 'questions answered together'],
  ['coSession', 'session together', 'sessions together'],
  ['repost', 'repost', 'reposts'],
];

/** "2 replies, 1 mention, 3 sessions together". */
export function tieReasons(a: EdgeAttributes): string {
  return KIND_WORDS.filter(([k]) => (a[k] as number) > 0)
    .map(([k, one, many]) => `${a[k]} ${(a[k] as number) === 1 ? one : many}`)
    .join(', ');
}

/**
 * A person's ties in all. A big graph arrives as a backbone of its ties, so
 * the drawn degree undercounts: the server's count is right then. Otherwise
 * the drawn degree, which also follows people taken out of a snapshot.
 */
export function tieCount(loaded: LoadedGraph, key: string): number {
  return loaded.payload.attributes.meta.backbone ? loaded.graph.getNodeAttributes(key).degree : loaded.graph.degree(key);
}

export function strongestTies(loaded: LoadedGraph, key: string, limit = 8) {
  const g = loaded.graph;
  return g
    .edges(key)
    .map((e) => ({ other: g.opposite(key, e), attributes: g.getEdgeAttributes(e) as unknown as EdgeAttributes }))
    .sort((a, b) => b.attributes.weight - a.attributes.weight || (a.other < b.other ? -1 : 1))
    .slice(0, limit);
}

/** What a peer said, with the day; the day replays its session when the view holds it. */
function saidQuote(said: PeerSaid, peerKey: string, peerLabel: string, actions: PanelActions): HTMLElement {
  const where = `${said.chat}, ${said.time.slice(0, 10)}`;
  const replay = actions.replaySaid?.(said, peerKey);
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
            'aria-label': `${where}: replay the session where ${peerLabel} said this`,
          },
          where,
        )
      : h('span', { class: 'muted' }, where),
  );
}

export function renderPersonPanel(
  container: HTMLElement,
  loaded: LoadedGraph,
  key: string,
  profile: PersonProfileView | undefined,
  actions: PanelActions,
): void {
  const a = loaded.graph.getNodeAttributes(key);
  const community = loaded.payload.attributes.meta.communities[a.community];
  const ties = strongestTies(loaded, key);
  container.replaceChildren(
    ...([
      h(
        'div',
        { class: 'panel-head' },
        h('h2', { id: 'panel-title', tabindex: '-1' }, a.label),
        h('button', { type: 'button', class: 'close', onclick: actions.close, 'aria-label': 'Close (Escape)' }, '×'),
      ),
      h('p', { class: 'muted' }, `@${a.handle} · ${a.platform}`),
      // Whom to meet comes first: it is why people come (issue 21); the profile follows.
      h(
        'section',
        { id: 'peers', 'aria-labelledby': 'peers-title' },
        h('h3', { id: 'peers-title' }, 'Meet beyond your context'),
        h('p', { class: 'muted' }, actions.loadPeers ? 'Finding people…' : 'Not available in a snapshot.'),
      ),
      h(
        'dl',
        {},
        h('dt', {}, 'Sector'),
        h(
          'dd',
          {},
          SECTOR_LABELS[a.sector] ?? a.sector,
          profile?.sectorSource ? h('span', { class: 'muted' }, ` — ${profile.sectorSource}`) : null,
        ),
        h('dt', {}, 'Region'),
        h(
          'dd',
          {},
          a.region === 'unknown' ? 'Unknown' : a.region,
          profile?.regionSource ? h('span', { class: 'muted' }, ` — ${profile.regionSource}`) : null,
        ),
        h('dt', {}, 'Activity'),
        h('dd', {}, `${a.messages} messages in ${a.sessions} sessions`),
        h('dt', {}, 'Chats'),
        h('dd', {}, a.chats.join(', ')),
        h('dt', {}, 'Community'),
        h(
          'dd',
          {},
          a.community < 0
            ? 'None: no ties in this view'
            : h(
                'button',
                { type: 'button', class: 'link', onclick: () => actions.showCommunity(a.community) },
                `${communityName(loaded.payload, a.community)}${community ? ` · ${community.size} people` : ''}`,
              ),
        ),
      ),
      profile?.bio ? h('p', { class: 'bio' }, profile.bio) : h('p', { class: 'muted' }, profile ? 'No bio.' : 'Loading profile…'),
      profile?.location ? h('p', { class: 'muted' }, `Location: ${profile.location}`) : null,
      h('h3', {}, `Strongest ties (${tieCount(loaded, key)} in all)`),
      ties.length === 0
        ? h('p', { class: 'muted' }, 'No ties in this view.')
        : h(
            'ol',
            { class: 'panel-list' },
            ...ties.map((t) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'link', onclick: () => actions.selectPerson(t.other) },
                  loaded.graph.getNodeAttribute(t.other, 'label'),
                ),
                h('span', { class: 'muted' }, ` — ${tieReasons(t.attributes)} (weight ${fmt.format(t.attributes.weight)})`),
              ),
            ),
          ),
    ].filter((x) => x !== null) as HTMLElement[]),
  );
  actions
    .loadPeers?.(key)
    .then((answer) => {
      const section = container.querySelector('#peers');
      if (!section || container.querySelector('#panel-title')?.textContent !== a.label) return;
      const peers = answer?.peers ?? [];
      section.replaceChildren(
        ...([
          h('h3', { id: 'peers-title' }, 'Meet beyond your context'),
          // The finder, for this person: filters, a shortlist, their own context.
          actions.openPeers
            ? h('button', { type: 'button', id: 'panel-open-peers', onclick: () => actions.openPeers!(key) }, 'Filter, keep a shortlist…')
            : null,
          // Why the list is as it is when one's own sector or region is unknown (the server says it).
          answer?.note ? h('p', { class: 'muted peers-note' }, answer.note) : null,
          peers.length === 0
            ? h('p', { class: 'muted' }, 'No one in another sector or region is close yet.')
            : h(
                'ol',
                { class: 'panel-list peers' },
                ...peers.map((p) => {
                  const said = p.said?.[0];
                  return h(
                    'li',
                    {},
                    h('button', { type: 'button', class: 'link', onclick: () => actions.selectPerson(p.key) }, p.label),
                    // A way to reach them: their profile on their platform, opened apart from the atlas.
                    p.profileUrl
                      ? h(
                          'span',
                          {},
                          ' · ',
                          h(
                            'a',
                            { href: p.profileUrl, target: '_blank', rel: 'noopener noreferrer' },
                            `profile on ${platformName(p.platform)}`,
                          ),
                        )
                      : null,
                    h('ul', { class: 'reasons' }, ...p.reasons.map((r) => h('li', {}, r))),
                    said ? saidQuote(said, p.key, p.label, actions) : null,
                  );
                }),
              ),
        ].filter((x) => x !== null) as HTMLElement[]),
      );
    })
    .catch(() => container.querySelector('#peers p')?.replaceChildren('Could not load suggestions.'));
}

/** What sets a community apart and how firmly it holds (payload version 3; nothing for older payloads). */
function communityFacts(
  c: LoadedGraph['payload']['attributes']['meta']['communities'][number],
  partition: LoadedGraph['payload']['attributes']['meta']['partition'],
): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (c.terms.length) {
    out.push(
      h('dt', {}, 'Distinctive terms'),
      h('dd', {}, c.terms.map((t) => `${t.term} (${t.members} ${t.members === 1 ? 'member' : 'members'})`).join(', ')),
    );
  }
  if (c.period) {
    const sessions = c.activeSessions.length
      ? `; sessions ${c.activeSessions.map((s) => `${s.id.slice(s.id.indexOf('@') + 1, s.id.indexOf('@') + 11)} (${s.messages})`).join(', ')}`
      : '';
    out.push(
      h('dt', {}, 'Most active'),
      h('dd', {}, `${c.period.label}: ${Math.round(c.period.share * 100)} % of its messages${sessions}`),
    );
  }
  if (c.stability !== undefined && partition) {
    out.push(
      h('dt', {}, 'Stability'),
      h(
        'dd',
        {},
        `${Math.round(c.stability * 100)} % alike under ${partition.runs} other seeds${partition.loose ? ' (the whole split is loose: see the caption)' : ''}`,
      ),
    );
  }
  return out;
}

export function renderCommunityPanel(container: HTMLElement, loaded: LoadedGraph, id: number, actions: PanelActions): void {
  const c = loaded.payload.attributes.meta.communities[id];
  if (!c) {
    container.replaceChildren();
    return;
  }
  const mix = (items: { value: string; count: number }[], labels?: Record<string, string>) =>
    items
      .slice(0, 6)
      .map((x) => `${labels?.[x.value] ?? x.value} ${x.count}`)
      .join(', ');
  container.replaceChildren(
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'panel-title', tabindex: '-1' }, communityName(loaded.payload, id)),
      h('button', { type: 'button', class: 'close', onclick: actions.close, 'aria-label': 'Close (Escape)' }, '×'),
    ),
    h('p', {}, `Community ${id + 1} · ${c.size} people · mostly ${c.chats[0]?.chat ?? 'no chat'}`),
    actions.openPeers
      ? h(
          'button',
          { type: 'button', id: 'panel-community-peers', class: 'primary', onclick: () => actions.openPeers!(`community:${id}`) },
          'Find people beyond this community',
        )
      : '',
    h(
      'dl',
      {},
      h('dt', {}, 'Chats'),
      h(
        'dd',
        {},
        c.chats
          .slice(0, 5)
          .map((x) => `${x.chat} (${x.messages} messages)`)
          .join(', '),
      ),
      h('dt', {}, 'Sectors'),
      h('dd', {}, mix(c.sectors, SECTOR_LABELS)),
      h('dt', {}, 'Regions'),
      h('dd', {}, mix(c.regions)),
      h('dt', {}, 'Top hashtags'),
      h('dd', {}, c.topHashtags.map((t) => `${t.tag} (${t.count})`).join(', ') || 'none'),
      ...communityFacts(c, loaded.payload.attributes.meta.partition),
    ),
    h('h3', {}, 'Most connected'),
    h(
      'ol',
      { class: 'panel-list' },
      ...c.topMembers.map((m) =>
        h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.selectPerson(m.key) }, m.label)),
      ),
    ),
  );
}
