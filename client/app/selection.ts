/**
 * Selecting a person or opening a community, and the details panel that
 * shows either (with the person's profile fetched once).
 */
import type { PeerSaid } from '../../shared/index.js';
import { fetchPeers, fetchPerson } from '../api.js';
import { communityName, communityWords } from '../graph/model.js';
import { profileFetched } from '../state/explorer.js';
import { graphQueryOf } from '../state/view.js';
import { announce } from '../ui/announcer.js';
import { h, keepingFocus } from '../ui/dom.js';
import { renderCommunityPanel, renderPersonPanel, tieCount, type PanelActions } from '../ui/panels.js';
import type { App } from './context.js';
import { openPeers, replayOfSaid } from './peers.js';
import { isNarrow, openSheet } from './sheets.js';

export function selectPerson(app: App, key: string | undefined, centre = false): void {
  const { loaded } = app.explorer.get();
  app.explorer.set({ communityPanel: undefined });
  app.interaction.focused = key;
  app.view.set({ selected: key });
  if (key && loaded?.graph.hasNode(key)) {
    const a = loaded.graph.getNodeAttributes(key);
    announce(`${a.label}: ${tieCount(loaded, key)} ties, ${communityWords(a.community)}`);
    // The person and everyone they talk with, in view: from a list always; from a click only if some are out.
    // On a phone or tablet the details open as a sheet beside or below the graph first, so the fit is for what is left.
    if (isNarrow()) openSheet('details');
    app.renderer?.fitAround([key, ...loaded.graph.neighbors(key)], true, !centre);
  }
}

export function panelActions(app: App): PanelActions {
  return {
    selectPerson: (key) => selectPerson(app, key, true),
    loadPeers: async (key) => {
      const state = app.view.get();
      if (app.explorer.get().snapshot || !state.dataset) return undefined;
      return fetchPeers(state.dataset, key, graphQueryOf(state));
    },
    ...(app.explorer.get().snapshot
      ? {}
      : { openPeers: (key: string) => openPeers(app, key), replaySaid: (said: PeerSaid, peer: string) => replayOfSaid(app, said, peer) }),
    showCommunity: (id) => showCommunity(app, id),
    close: () => closePanel(app),
  };
}

export function showCommunity(app: App, id: number): void {
  app.explorer.set({ communityPanel: id });
  app.view.set({ selected: undefined });
  renderPanel(app);
  const { loaded } = app.explorer.get();
  if (isNarrow()) openSheet('details');
  if (loaded)
    app.renderer?.fitAround(
      loaded.graph.filterNodes((_k, a) => a.community === id),
      true,
    );
  announce(loaded ? communityName(loaded.payload, id) : `Community ${id + 1}`);
}

export function closePanel(app: App): void {
  app.explorer.set({ communityPanel: undefined });
  app.view.set({ selected: undefined });
  app.els.graph.focus();
}

/** A panel for someone or something new opens at its top (the details column's first section), whatever was scrolled before. */
function toTop(app: App): void {
  const column = app.els.panel.closest<HTMLElement>('.side');
  if (column) column.scrollTop = 0;
}

let shownPanel = '';

export function renderPanel(app: App): void {
  const state = app.view.get();
  const { loaded, communityPanel, profiles, snapshot } = app.explorer.get();
  const panel = app.els.panel;
  if (!loaded) return panel.replaceChildren();
  const actions = panelActions(app);
  if (state.selected && loaded.graph.hasNode(state.selected)) {
    const key = state.selected;
    renderPersonPanel(panel, loaded, key, profiles.get(key), actions);
    if (!profiles.has(key) && state.dataset && !snapshot) {
      fetchPerson(state.dataset, key)
        .then((p) => {
          app.explorer.set(profileFetched(p));
          const now = app.explorer.get().loaded;
          // Drawn again with the profile: a control of the panel that had focus keeps it (keyboard users mid-panel).
          if (app.view.get().selected === key && now) keepingFocus(() => renderPersonPanel(panel, now, key, p, actions));
        })
        .catch(() => app.explorer.set(profileFetched({ key, handle: key })));
    }
  } else if (communityPanel !== undefined) renderCommunityPanel(panel, loaded, communityPanel, actions);
  else panel.replaceChildren(h('p', { class: 'muted' }, 'Select a person or a community to see who they talk with.'));
  const now = state.selected ? `person:${state.selected}` : communityPanel !== undefined ? `community:${communityPanel}` : '';
  if (now && now !== shownPanel) toTop(app);
  shownPanel = now;
}
