/**
 * Loading the graph of the current view: from the snapshot or the server,
 * then a new renderer for it. A later request wins over an earlier one.
 */
import { fetchGraph } from '../api.js';
import { loadGraph } from '../graph/model.js';
import { createRenderer } from '../sigma/renderer.js';
import { tieDrawThreshold } from '../sigma/tie-budget.js';
import { graphLoaded } from '../state/explorer.js';
import { graphQueryOf } from '../state/view.js';
import { announce } from '../ui/announcer.js';
import { setStatus, type App } from './context.js';
import { selectPerson } from './selection.js';
import { renderSurroundings } from './surroundings.js';

export async function loadCurrentGraph(app: App): Promise<void> {
  const { view, explorer, els } = app;
  const state = view.get();
  if (!state.dataset) return;
  const token = explorer.get().loadToken + 1;
  explorer.set({ loadToken: token });
  setStatus(app, 'Loading the graph…', true);
  try {
    const snapshot = explorer.get().snapshot;
    const payload = snapshot ? snapshot.payload : await fetchGraph(state.dataset, graphQueryOf(state));
    if (token !== explorer.get().loadToken) return;
    app.refine?.stop();
    const loaded = loadGraph(payload);
    explorer.set(graphLoaded(loaded, tieDrawThreshold(loaded.graph)));
    app.renderer?.kill();
    app.renderer = createRenderer(els.graph, loaded, app.reducers, {
      hover: (node) => {
        app.interaction.hovered = node;
        app.renderer?.hover(node);
      },
      click: (node) => selectPerson(app, node),
      camera: (camera) => view.set({ camera }),
    });
    if (state.camera) app.renderer.sigma.getCamera().setState(state.camera);
    if (state.selected && !loaded.graph.hasNode(state.selected)) view.set({ selected: undefined });
    setStatus(app, '');
    renderSurroundings(app);
    announce(els.summary.textContent ?? '');
  } catch (error) {
    if (token === explorer.get().loadToken) setStatus(app, `Could not load the graph: ${error instanceof Error ? error.message : String(error)}`);
  }
}
