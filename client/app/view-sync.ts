/** What follows a change of the view: the controls that show it, a new graph for a new query, else a redraw. */
import type { ViewState } from '../../shared/index.js';
import { queryKey } from '../state/view.js';
import type { App } from './context.js';
import { loadCurrentGraph } from './load-graph.js';
import { renderSurroundings } from './surroundings.js';

export function applyMode(app: App, state: ViewState): void {
  // The health view (client/health) shows and hides itself.
  app.els.graphView.hidden = state.mode !== 'graph';
  app.els.tableView.hidden = state.mode !== 'table';
  app.els.modeGraph.setAttribute('aria-pressed', String(state.mode === 'graph'));
  app.els.modeTable.setAttribute('aria-pressed', String(state.mode === 'table'));
}

export function followView(app: App): void {
  const { view, els } = app;
  view.subscribe((state, previous) => {
    applyMode(app, state);
    if (state.dataset && els.picker.value !== state.dataset) els.picker.value = state.dataset;
    els.colourBy.value = state.colourBy;
    els.sizeBy.value = state.sizeBy;
    if (queryKey(state) !== queryKey(previous)) {
      app.loading = loadCurrentGraph(app);
      return;
    }
    const onlyCamera = Object.keys(state).every((k) => k === 'camera' || state[k as keyof ViewState] === previous[k as keyof ViewState]);
    if (onlyCamera) return;
    if (state.colourBy !== previous.colourBy) view.set({ hidden: [] });
    if (state.mode !== previous.mode && state.mode === 'graph') app.renderer?.sigma.resize();
    app.renderer?.refresh();
    // Who is shown changed: everyone shown, fitted again.
    if (state.hidden !== previous.hidden || state.community !== previous.community) app.renderer?.fitAll(true);
    renderSurroundings(app);
  });
  // The search and the player draw from the explorer store: a change there redraws the panels and the names.
  app.explorer.subscribe((now, before) => {
    if (now.busy !== before.busy) {
      els.graphView.classList.toggle('busy', now.busy);
      document.querySelector('main')?.setAttribute('aria-busy', String(now.busy));
    }
    // (A new graph redraws everything itself once its renderer exists.)
    if (now.loaded !== before.loaded) return void 0;
    if (now.search !== before.search || now.playing !== before.playing || now.playDelayMs !== before.playDelayMs) {
      app.renderer?.refresh();
      renderSurroundings(app);
    }
  });
}
