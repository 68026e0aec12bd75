/**
 * Loading the graph of the current view: from the snapshot or the server,
 * then a new renderer for it, fitted to the canvas (unless the address
 * carried a camera, on the page's first graph). A later request wins over
 * an earlier one.
 */
import { fetchGraph } from '../api.js';
import { rememberColours } from '../graph/community-colours.js';
import { loadGraph } from '../graph/model.js';
import { afterNextPaint, drawFirstPicture, yieldToBrowser } from '../sigma/first-picture.js';
import { createRenderer } from '../sigma/renderer.js';
import { tieDrawThreshold, type Ties } from '../sigma/tie-budget.js';
import { graphLoaded } from '../state/explorer.js';
import { graphQueryOf } from '../state/view.js';
import { announce } from '../ui/announcer.js';
import { summaryLine } from '../ui/summary-line.js';
import { setStatus, type App } from './context.js';
import { selectPerson } from './selection.js';
import { renderSurroundings } from './surroundings.js';
import { themeColours } from './theme.js';

let firstGraph = true;

export async function loadCurrentGraph(app: App): Promise<void> {
  const { view, explorer, els } = app;
  const state = view.get();
  if (!state.dataset) return;
  const token = explorer.get().loadToken + 1;
  explorer.set({ loadToken: token, busy: true });
  let removePicture: (() => void) | undefined;
  setStatus(app, 'Loading the graph…', true);
  try {
    const snapshot = explorer.get().snapshot;
    // The page's first graph: its people drawn at once from the JSON (first-picture.ts); later graphs replace the one on screen.
    const arrived = app.renderer
      ? undefined
      : async (json: unknown) => {
          if (token !== explorer.get().loadToken) return;
          removePicture = drawFirstPicture(els.graph, json, {
            remembered: explorer.get().colourMemory,
            byCommunity: state.colourBy === 'community',
          });
          if (!removePicture) return;
          const summary = rawSummary(json);
          if (summary) els.summary.textContent = summary;
          await afterNextPaint();
        };
    const payload = snapshot ? snapshot.payload : await fetchGraph(state.dataset, graphQueryOf(state), arrived);
    if (token !== explorer.get().loadToken) return;
    app.refine?.stop();
    const loaded = loadGraph(payload, explorer.get().colourMemory);
    // The first picture is up: the rest goes in shorter tasks, so a tap or a key is not kept waiting behind all of it.
    if (removePicture) await yieldToBrowser();
    if (token !== explorer.get().loadToken) return removePicture?.();
    const communityColours = new Map(loaded.categories.community.map((c) => [Number(c.value), c.colour]));
    // A person keeps the first colour they were seen in (for the dataset, usually the whole view's): a community
    // split by a filter then votes with its members' original colour, and a part that cannot take it (taken by a
    // larger part) does not overwrite what its members remember.
    const memory = new Map([...rememberColours(loaded.graph, communityColours), ...explorer.get().colourMemory]);
    explorer.set(graphLoaded(loaded, tieDrawThreshold(loaded.graph), memory));
    app.interaction.matches = new Set(explorer.get().search.matches);
    app.renderer?.kill();
    app.renderer = createRenderer(
      els.graph,
      loaded,
      app.reducers,
      {
        isHidden: app.isHidden,
        forced: () => {
          const { selected } = view.get();
          return [selected, app.interaction.focused, ...(app.interaction.matches ?? [])].filter((k): k is string => k !== undefined);
        },
        quiet: () => Boolean(view.get().selected || app.interaction.focused),
        colours: themeColours,
      },
      {
        hover: (node) => {
          app.interaction.hovered = node;
          app.renderer?.hover(node);
        },
        click: (node) => selectPerson(app, node),
        camera: (camera) => view.set({ camera }),
      },
    );
    if (removePicture) app.renderer.sigma.once('afterRender', removePicture);
    const current = view.get();
    if (firstGraph && current.camera) app.renderer.sigma.getCamera().setState(current.camera);
    else app.renderer.fitAll(false);
    firstGraph = false;
    if (current.selected && !loaded.graph.hasNode(current.selected)) view.set({ selected: undefined });
    if (removePicture) await yieldToBrowser();
    if (token !== explorer.get().loadToken) return;
    setStatus(app, '');
    renderSurroundings(app);
    // Busy until here, not until the graph is parsed: a click or key before the renderer and panels exist would be lost.
    explorer.set({ busy: false });
    announce(els.summary.textContent ?? '');
  } catch (error) {
    removePicture?.();
    if (token === explorer.get().loadToken) {
      explorer.set({ busy: false });
      setStatus(app, `Could not load the graph: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The summary line from the graph's JSON before it is parsed (the first picture's); undefined if it does not read. */
function rawSummary(json: unknown): string | undefined {
  try {
    const raw = json as {
      attributes: { meta: Parameters<typeof summaryLine>[0] };
      edges: { key?: string; attributes: { weight?: unknown } }[];
    };
    const ties: Ties = { size: raw.edges.length, forEachEdge: (cb) => raw.edges.forEach((e) => cb(e.key ?? '', e.attributes)) };
    return summaryLine(raw.attributes.meta, tieDrawThreshold(ties));
  } catch {
    return undefined;
  }
}
