/**
 * Selecting a person or opening a community, and the details panel that
 * shows either (with the person's profile fetched once).
 */
import { fetchPeers, fetchPerson } from '../api.js';
import { profileFetched } from '../state/explorer.js';
import { graphQueryOf } from '../state/view.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { renderCommunityPanel, renderPersonPanel, tieCount, type PanelActions } from '../ui/panels.js';
import type { App } from './context.js';

export function selectPerson(app: App, key: string | undefined, centre = false): void {
  const { loaded } = app.explorer.get();
  app.explorer.set({ communityPanel: undefined });
  app.interaction.focused = key;
  app.view.set({ selected: key });
  if (key && loaded?.graph.hasNode(key)) {
    const a = loaded.graph.getNodeAttributes(key);
    announce(`${a.label}: ${tieCount(loaded, key)} ties, community ${a.community + 1}`);
    const sigma = app.renderer?.sigma;
    if (centre && sigma) {
      const display = sigma.getNodeDisplayData(key);
      if (display) void sigma.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(sigma.getCamera().ratio, 0.5) }, { duration: 400 });
    }
  }
}

export function panelActions(app: App): PanelActions {
  return {
    selectPerson: (key) => selectPerson(app, key, true),
    loadPeers: async (key) => {
      const state = app.view.get();
      if (app.explorer.get().snapshot || !state.dataset) return [];
      return (await fetchPeers(state.dataset, key, graphQueryOf(state))).peers;
    },
    showCommunity: (id) => showCommunity(app, id),
    close: () => closePanel(app),
  };
}

export function showCommunity(app: App, id: number): void {
  app.explorer.set({ communityPanel: id });
  app.view.set({ selected: undefined });
  renderPanel(app);
  announce(`Community ${id + 1}`);
}

export function closePanel(app: App): void {
  app.explorer.set({ communityPanel: undefined });
  app.view.set({ selected: undefined });
  app.els.graph.focus();
}

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
          if (app.view.get().selected === key && now) renderPersonPanel(panel, now, key, p, actions);
        })
        .catch(() => app.explorer.set(profileFetched({ key, handle: key })));
    }
  } else if (communityPanel !== undefined) renderCommunityPanel(panel, loaded, communityPanel, actions);
  else panel.replaceChildren(h('p', { class: 'muted' }, 'Select a person or a community to see who they talk with.'));
}
