/**
 * The people finder: "Find people beyond your corner" for me (picked once,
 * remembered in this browser per dataset), for a person or for a whole
 * community, filtered by
 * sector and region, each peer with reasons, profile and what they said,
 * and a shortlist kept in the browser and downloaded as CSV. Each part of
 * the dialog redraws alone, and focus stays on the control that was used.
 */
import type { PeerSaid, Peers, PersonEdit } from '../../shared/index.js';
import { ApiFailure } from '../api.js';
import type { LoadedGraph } from '../graph/model.js';
import { downloadBlob } from '../sigma/export-png.js';
import { announce } from '../ui/announcer.js';
import { h, keepingFocus } from '../ui/dom.js';
import { mePicker, ownContextForm } from './me-section.js';
import { contextLine, peerCard, regionWords, sectorWords } from './peer-card.js';
import { peersStatusLine } from './status-line.js';
import { parseShortlist, shortlistCsv, toggleEntry, type ShortlistEntry } from './shortlist.js';
import { rememberedMe, rememberedShortlist, rememberMe, rememberShortlist } from './storage.js';

export interface PeerFilter {
  sector?: string;
  region?: string;
}

export interface PeersFinderContext {
  datasetId: string;
  loaded: LoadedGraph;
  /** Opened for this person (from their panel) or community (`community:<id>`, from its panel); absent: for me. */
  from?: string;
  fetch(key: string, filter: PeerFilter): Promise<Peers>;
  /** Stores one's own sector and region as an edit (absent where nothing can be written: a snapshot). */
  saveContext?: (key: string, edit: PersonEdit) => Promise<void>;
  /** Shows someone in the graph (the dialog is closed first). */
  show(key: string): void;
  /** The replay of the session where something was said, when that session is in the view. */
  replayOf(said: PeerSaid, peerKey: string): (() => void) | undefined;
}

/** Known values of a field in the view, most people first. */
function valuesOf(loaded: LoadedGraph, field: 'sector' | 'region'): string[] {
  const counts = new Map<string, number>();
  loaded.graph.forEachNode((_k, a) => {
    if (a[field] !== 'unknown' && a[field] !== '') counts.set(a[field], (counts.get(a[field]) ?? 0) + 1);
  });
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([v]) => v);
}

export function openPeersFinder(dialog: HTMLDialogElement, ctx: PeersFinderContext): void {
  const { loaded, datasetId } = ctx;
  const state = {
    me: rememberedMe(datasetId),
    forMe: ctx.from === undefined,
    filter: {} as PeerFilter,
    answer: undefined as Peers | undefined,
    error: undefined as string | undefined,
    loading: false,
    shortlist: parseShortlist(rememberedShortlist(datasetId)),
  };
  // A "me" no longer in this view (another dataset version, filters) is asked again, not shown wrong.
  if (state.me && !loaded.graph.hasNode(state.me)) state.me = undefined;
  if (ctx.from === state.me) state.forMe = true;
  const subject = () => (state.forMe ? state.me : ctx.from);
  const community = (key: string) => /^community:(\d+)$/.exec(key);
  const nameOf = (key: string) => {
    const c = community(key);
    if (c) return `Community ${Number(c[1]) + 1}`;
    return loaded.graph.hasNode(key) ? loaded.graph.getNodeAttribute(key, 'label') : key;
  };

  const sourceBox = h('div', { id: 'peers-source' });
  const meBox = h('div', { id: 'peers-me' });
  const filtersBox = h('div', { id: 'peers-filters', class: 'peers-filters' });
  const resultsBox = h('div', { id: 'peers-results' });
  const shortlistBox = h('section', { id: 'peers-shortlist', 'aria-labelledby': 'peers-shortlist-title' });
  let request = 0;

  const load = () => {
    const key = subject();
    state.answer = undefined;
    state.error = undefined;
    if (!key) return drawResults();
    const mine = ++request;
    state.loading = true;
    drawResults();
    ctx
      .fetch(key, state.filter)
      .then((answer) => {
        if (mine !== request) return;
        state.answer = answer;
        announce(`${answer.peers.length} people beyond ${state.forMe ? 'your' : `${nameOf(key)}’s`} corner`);
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        state.error =
          error instanceof ApiFailure && error.status === 404
            ? `${nameOf(key)} is not in this view (chats, dates or filters): show more of the atlas to see suggestions.`
            : `Could not load suggestions: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        if (mine !== request) return;
        state.loading = false;
        keepingFocus(() => {
          drawResults();
          // One's own context as the server now has it (after an edit), in the "You are" line and the form.
          if (state.forMe && state.me && ownShown !== ownOf(state.me)) drawMe();
        });
      });
  };

  const drawSource = () => {
    // Only when opened for someone else: a choice between them and me.
    if (ctx.from === undefined || ctx.from === state.me) return sourceBox.replaceChildren();
    const choice = (forMe: boolean, id: string, text: string) =>
      h(
        'button',
        {
          type: 'button',
          id,
          'aria-pressed': String(state.forMe === forMe),
          onclick: () => {
            if (state.forMe === forMe) return;
            state.forMe = forMe;
            keepingFocus(() => {
              drawSource();
              drawMe();
            });
            load();
          },
        },
        text,
      );
    sourceBox.replaceChildren(
      h(
        'div',
        { class: 'segmented', role: 'group', 'aria-label': 'Suggestions for' },
        choice(false, 'peers-for-other', nameOf(ctx.from)),
        choice(true, 'peers-for-me', state.me ? `Me (${nameOf(state.me)})` : 'Me'),
      ),
    );
  };

  const pickMe = (key: string) => {
    state.me = key;
    rememberMe(datasetId, key);
    announce(`You are ${nameOf(key)}. Finding people beyond your corner.`);
    drawSource();
    drawMe();
    load();
    resultsBox.querySelector<HTMLElement>('#peers-results-title')?.focus();
  };

  // After an edit, the answer carries one's context as the server now has it; before, the graph's.
  const ownOf = (me: string) => {
    const a = loaded.graph.getNodeAttributes(me);
    const own = state.answer?.person === me ? state.answer : { sector: a.sector, region: a.region };
    return `${own.sector} ${own.region}`;
  };
  let ownShown = '';
  /** What the last save said, kept when the form is drawn again with the new context. */
  let ownSaved = '';

  const drawMe = () => {
    if (!state.forMe) return meBox.replaceChildren();
    if (!state.me) return meBox.replaceChildren(mePicker(loaded, pickMe));
    const me = state.me;
    const a = loaded.graph.getNodeAttributes(me);
    const own = state.answer?.person === me ? state.answer : { sector: a.sector, region: a.region };
    ownShown = ownOf(me);
    const unknown = own.sector === 'unknown' || own.region === 'unknown';
    meBox.replaceChildren(
      h(
        'p',
        { class: 'me-line' },
        'You are ',
        h('strong', {}, a.label),
        h('span', { class: 'muted' }, ` @${a.handle} · ${contextLine(own)}`),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            id: 'peers-not-me',
            onclick: () => {
              state.me = undefined;
              rememberMe(datasetId, undefined);
              state.answer = undefined;
              drawSource();
              drawMe();
              drawResults();
              meBox.querySelector<HTMLInputElement>('#peers-me-search')?.focus();
            },
          },
          'Not you?',
        ),
      ),
      ctx.saveContext
        ? ownContextForm(
            { label: a.label, sector: own.sector, region: own.region, regions: valuesOf(loaded, 'region') },
            async (edit) => {
              await ctx.saveContext!(me, edit);
              ownSaved = `Saved: your ${[edit.sector ? 'sector' : '', edit.region ? 'region' : ''].filter(Boolean).join(' and ')}. The suggestions below use it.`;
              announce(
                `Saved. Suggestions now use your ${[edit.sector ? 'sector' : '', edit.region ? 'region' : ''].filter(Boolean).join(' and ')}.`,
              );
              load();
            },
            { open: unknown || ownSaved !== '', said: ownSaved },
          )
        : '',
    );
  };

  const select = (field: 'sector' | 'region', label: string, words: (v: string) => string) => {
    const el = h(
      'select',
      { id: `peers-filter-${field}` },
      h('option', { value: '' }, field === 'sector' ? 'Any sector' : 'Any region'),
      ...valuesOf(loaded, field).map((v) => h('option', { value: v }, words(v))),
    );
    el.addEventListener('change', () => {
      state.filter = { ...state.filter, [field]: el.value || undefined };
      load();
    });
    return h('div', { class: 'field' }, h('label', { for: `peers-filter-${field}` }, label), el);
  };
  // The shortlist sits below ten peers: one press away from the filters.
  const toShortlist = h('button', {
    type: 'button',
    class: 'link',
    id: 'peers-to-shortlist',
    onclick: () => {
      const title = shortlistBox.querySelector<HTMLElement>('#peers-shortlist-title');
      title?.scrollIntoView({ block: 'start' });
      title?.focus({ preventScroll: true });
    },
  });
  filtersBox.append(select('sector', 'Their sector', sectorWords), select('region', 'Their region', regionWords), toShortlist);

  const replayOf = (said: PeerSaid, peerKey: string) => {
    const replay = ctx.replayOf(said, peerKey);
    return replay
      ? () => {
          dialog.close();
          replay();
        }
      : undefined;
  };

  const toggleKeep = (peer: Parameters<typeof toggleEntry>[1]) => {
    state.shortlist = toggleEntry(state.shortlist, peer);
    rememberShortlist(datasetId, state.shortlist);
    const kept = state.shortlist.some((e) => e.key === peer.key);
    announce(kept ? `${peer.label} kept on the shortlist (${state.shortlist.length})` : `${peer.label} taken off the shortlist`);
    keepingFocus(() => {
      drawResults();
      drawShortlist();
    });
  };

  const drawResults = () => {
    const key = subject();
    const title = h(
      'h3',
      { id: 'peers-results-title', tabindex: '-1' },
      key ? `Beyond ${state.forMe ? 'your' : `${nameOf(key)}’s`} corner` : 'Beyond your corner',
    );
    filtersBox.hidden = !key;
    if (!key) return resultsBox.replaceChildren();
    const answer = state.answer;
    const peers = answer?.peers ?? [];
    const filtered = state.filter.sector !== undefined || state.filter.region !== undefined;
    resultsBox.replaceChildren(
      ...([
        title,
        answer?.note ? h('p', { class: 'muted peers-note' }, answer.note) : null,
        h(
          'p',
          { class: 'muted', role: 'status', id: 'peers-status' },
          state.loading
            ? 'Finding people…'
            : state.error
              ? state.error
              : peersStatusLine(answer, { forMe: state.forMe, name: nameOf(key), filtered }),
        ),
        state.loading || peers.length === 0
          ? null
          : h(
              'ol',
              { class: 'peer-cards' },
              ...peers.map((p) =>
                peerCard(
                  p,
                  state.shortlist.some((e) => e.key === p.key),
                  {
                    show: (k) => {
                      dialog.close();
                      ctx.show(k);
                    },
                    replayOf: (said) => replayOf(said, p.key),
                    toggleKeep,
                  },
                ),
              ),
            ),
      ].filter((x) => x !== null) as HTMLElement[]),
    );
  };

  const drawShortlist = () => {
    const list = state.shortlist;
    toShortlist.textContent = `Your shortlist (${list.length})`;
    const unkeep = (entry: ShortlistEntry, index: number) => {
      state.shortlist = state.shortlist.filter((e) => e.key !== entry.key);
      rememberShortlist(datasetId, state.shortlist);
      announce(`${entry.name} taken off the shortlist`);
      drawResults();
      drawShortlist();
      // Focus to the next entry's button, else the list's title: never lost to the page.
      const next = shortlistBox.querySelectorAll<HTMLButtonElement>('button.unkeep')[Math.min(index, state.shortlist.length - 1)];
      (next ?? shortlistBox.querySelector<HTMLElement>('#peers-shortlist-title'))?.focus();
    };
    shortlistBox.replaceChildren(
      ...([
        h('h3', { id: 'peers-shortlist-title', tabindex: '-1' }, `Your shortlist (${list.length})`),
        list.length === 0
          ? h('p', { class: 'muted' }, 'Keep people to contact later: the list stays in this browser for this dataset.')
          : h(
              'ul',
              { class: 'shortlist' },
              ...list.map((e, i) =>
                h(
                  'li',
                  {},
                  e.profileUrl
                    ? h('a', { href: e.profileUrl, target: '_blank', rel: 'noopener noreferrer' }, e.name)
                    : h('span', {}, e.name),
                  h('span', { class: 'muted' }, ` · ${contextLine(e)} `),
                  h(
                    'button',
                    { type: 'button', class: 'unkeep link', 'data-focus': `unkeep:${e.key}`, onclick: () => unkeep(e, i) },
                    'Remove',
                    h('span', { class: 'visually-hidden' }, ` ${e.name}`),
                  ),
                ),
              ),
            ),
        list.length === 0
          ? null
          : h(
              'button',
              {
                type: 'button',
                id: 'peers-csv',
                onclick: () => {
                  downloadBlob(new Blob([shortlistCsv(state.shortlist)], { type: 'text/csv;charset=utf-8' }), `chat-atlas-shortlist.csv`);
                  announce('Shortlist downloaded as CSV');
                },
              },
              'Download the shortlist (CSV)',
            ),
      ].filter((x) => x !== null) as HTMLElement[]),
    );
  };

  dialog.replaceChildren(
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: 'peers-dialog-title' }, 'Find people beyond your corner'),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => dialog.close() }, '×'),
    ),
    h(
      'p',
      { class: 'muted peers-intro' },
      'People in another sector or region who write about what you write about, reachable through someone you know.',
    ),
    sourceBox,
    meBox,
    filtersBox,
    resultsBox,
    shortlistBox,
  );
  drawSource();
  drawMe();
  drawShortlist();
  load();
  // Focus goes back to what opened the finder when it closes. The browser does that itself, unless the opener was
  // drawn again meanwhile (a person's panel is redrawn when the graph or their data arrives): then the button of the
  // same id that stands in its place takes it at once, before the browser drops focus to the page's body (which it may
  // do some tens of milliseconds after the close event on a busy machine, so a later check can come too early).
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  dialog.addEventListener(
    'close',
    () => {
      if (opener && !opener.isConnected && opener.id) document.getElementById(opener.id)?.focus();
    },
    { once: true },
  );
  dialog.showModal();
  // Focus where one starts: finding oneself, else the list.
  (dialog.querySelector<HTMLElement>('#peers-me-search') ?? dialog.querySelector<HTMLElement>('#peers-results-title'))?.focus();
}
