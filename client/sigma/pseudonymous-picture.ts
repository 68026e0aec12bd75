/**
 * The pseudonymous picture: a PNG drawn from the server's pseudonymous
 * payload alone — its labels ("Participant N"), its layout, its merged
 * communities, its legend and caption — by a sigma instance of its own, off
 * screen. Nothing of the page's named graph reaches it: not a label, not a
 * position (the payload's layout is its own, so it cannot be joined back to
 * the named one), not the selected or hovered person. Of the page it takes
 * only how people are drawn: colour-by, size-by, the renderer's settings.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { ColourBy, SizeBy, ViewState } from '../../shared/index.js';
import { DEFAULT_VIEW_STATE } from '../../shared/index.js';
import { fetchExportPayload } from '../api.js';
import { makeReducers } from './reducers.js';
import { tieDrawThreshold } from './tie-budget.js';
import { viewToPng } from './export-png.js';
import { loadGraph, type LoadedGraph } from '../graph/model.js';

/** How the page draws people, the part of the view a pseudonymous picture may copy. */
export interface PictureAppearance {
  colourBy: ColourBy;
  sizeBy: SizeBy;
  /** Legend categories hidden on the page (values of `colourBy`). */
  hidden: string[];
  width: number;
  height: number;
  /** The page renderer's settings, without its reducers (those read the named graph). */
  settings: Partial<Settings>;
}

/**
 * The smallest graph area of the picture: it is drawn anew, not copied from
 * the screen, so a phone's narrow graph (or table mode's hidden one) need
 * not make it narrow.
 */
const MIN_SIZE = { width: 800, height: 600 };

export function pictureAppearance(renderer: Sigma, view: ViewState): PictureAppearance {
  const { nodeReducer: _n, edgeReducer: _e, ...settings } = renderer.getSettings();
  const { width, height } = renderer.getDimensions();
  return {
    colourBy: view.colourBy,
    sizeBy: view.sizeBy,
    hidden: view.hidden,
    settings,
    width: Math.max(width, MIN_SIZE.width),
    height: Math.max(height, MIN_SIZE.height),
  };
}

/**
 * Sectors and regions are the same words in both payloads, so a category
 * hidden on the page hides the same people here. Community numbers and chat
 * names are not (small communities merge; a chat named after someone is
 * renamed): hiding "community 4" could hide another group, so those show.
 */
const SAME_VALUES: ReadonlySet<ColourBy> = new Set(['sector', 'region']);

const LEGEND_TITLES: Record<ColourBy, string> = { community: 'Communities', sector: 'Sectors', region: 'Regions', chat: 'Chats' };

/** The caption says what the picture is, then the pseudonymous payload's own summary. */
function captionOf(loaded: LoadedGraph): string {
  const { counts, caption } = loaded.payload.attributes.meta;
  return `Pseudonymous: ${counts.nodes} people shown as "Participant N" in a layout of their own, ${counts.edges} ties, ${counts.communities} communities (small ones merged). ${caption}`;
}

export async function pseudonymousPicture(datasetId: string, query: Record<string, string>, appearance: PictureAppearance): Promise<Blob> {
  const loaded = loadGraph(await fetchExportPayload(datasetId, query, 'pseudonymous'));
  const hidden = SAME_VALUES.has(appearance.colourBy) ? appearance.hidden : [];
  const view: ViewState = { ...DEFAULT_VIEW_STATE, colourBy: appearance.colourBy, sizeBy: appearance.sizeBy, hidden };
  // The export has every tie: past the page's drawing budget, only the strongest are drawn, as on the page.
  const { minWeight } = tieDrawThreshold(loaded.graph);
  // No interaction: no one hovered, focused or selected, so no one is highlighted or named apart.
  const reducers = makeReducers(() => ({ view, loaded, interaction: {}, ...(minWeight > 0 ? { minDrawnWeight: minWeight } : {}) }));

  // Off screen, as @sigma/export-image places its own: sigma needs a container with a size.
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, {
    position: 'absolute',
    right: '101%',
    bottom: '101%',
    width: `${appearance.width}px`,
    height: `${appearance.height}px`,
  });
  document.body.append(container);
  const renderer = new Sigma(loaded.graph, container, {
    ...appearance.settings,
    nodeReducer: reducers.nodeReducer,
    edgeReducer: reducers.edgeReducer,
  });
  try {
    const categories = loaded.categories[view.colourBy].filter((c) => !hidden.includes(c.value));
    const title = `${LEGEND_TITLES[view.colourBy]} (${loaded.categories[view.colourBy].length})`;
    return await viewToPng(renderer as unknown as Sigma, { title, categories }, captionOf(loaded));
  } finally {
    renderer.kill();
    container.remove();
  }
}
