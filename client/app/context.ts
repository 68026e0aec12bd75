/**
 * Everything the explorer's side effects share: the page's elements, the
 * view store (mirrored in the URL), the explorer store, the interaction
 * object the reducers read, and the renderer of the loaded graph. The
 * renderer is held here, not in a store: it is a resource with a lifetime
 * (created per graph, killed before the next), not state to derive from.
 */
import { isHiddenNode, makeReducers } from '../sigma/reducers.js';
import { isBigGraph, type AtlasRenderer } from '../sigma/renderer.js';
import type { RefineHandle } from '../graph/refine.js';
import { createExplorerStore, type ExplorerStore } from '../state/explorer.js';
import { createInteraction, type Interaction } from '../state/interaction.js';
import { createViewStore, type ViewStore } from '../state/view.js';
import { findElements, type Elements } from './elements.js';

export interface App {
  els: Elements;
  view: ViewStore;
  explorer: ExplorerStore;
  interaction: Interaction;
  reducers: ReturnType<typeof makeReducers>;
  /** Whether a person is out of the view (filters, legend, replay). */
  isHidden(key: string): boolean;
  renderer?: AtlasRenderer;
  /** The graph request under way, if any (playing waits for it). */
  loading?: Promise<void>;
  refine?: RefineHandle;
}

/** `/s/<id>` opens a snapshot read-only; `/embed/<id>` the same without chrome, for an iframe. */
export const snapshotRoute = () => /^\/(s|embed)\/([A-Za-z0-9_-]{22})\/?$/.exec(location.pathname);

export function createApp(): App {
  const inSnapshot = snapshotRoute() !== null;
  const view = createViewStore(inSnapshot ? '' : location.search, !inSnapshot);
  const explorer = createExplorerStore();
  const interaction = createInteraction();
  const reducers = makeReducers(() => {
    const { loaded, drawnTies } = explorer.get();
    return {
      view: view.get(),
      loaded: loaded!,
      interaction,
      lightHover: isBigGraph(loaded),
      ...(drawnTies.minWeight > 0 ? { minDrawnWeight: drawnTies.minWeight } : {}),
    };
  });
  const isHidden = (key: string) => {
    const { loaded } = explorer.get();
    return loaded ? isHiddenNode({ view: view.get(), loaded, interaction }, key) : true;
  };
  return { els: findElements(), view, explorer, interaction, reducers, isHidden };
}

export function setStatus(app: App, text: string, loading = false): void {
  app.els.status.textContent = text;
  app.els.status.classList.toggle('loading', loading);
}
