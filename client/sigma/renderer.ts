/**
 * The page's renderer for one loaded graph: sigma with the reducers, the
 * big-graph drawing choices, hover ties, and the camera written back to the
 * view. One of these lives per loaded graph; `kill` ends it.
 */
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { AtlasNode, LoadedGraph } from '../graph/model.js';
import { allInView, cameraFor, moveCamera } from './camera.js';
import { createHoverTies, type HoverTies } from './hover-ties.js';
import { drawLabelApart } from './labels.js';
import { attachLabelsLayer } from './labels-layer.js';
import type { makeReducers } from './reducers.js';

/**
 * Past this many ties a graph is big: a hover draws the person's ties over
 * the graph instead of repainting it, people are drawn as points and ties as
 * 1-pixel lines (instanced shapes cost ten times more to draw without a
 * GPU), and ties and labels hide while the camera moves. Measured in
 * `npm run bench` (browser).
 */
export const BIG_GRAPH_TIES = 20_000;
export const isBigGraph = (loaded: LoadedGraph | undefined) => (loaded?.graph.size ?? 0) > BIG_GRAPH_TIES;

export interface CameraPosition {
  x: number;
  y: number;
  ratio: number;
}

/** What the renderer asks of the page: who is out of view, whose names must show, the theme's colours. */
export interface RendererContext {
  isHidden(key: string): boolean;
  forced(): string[];
  quiet(): boolean;
  colours(): { text: string; halo: string };
}

export interface RendererEvents {
  hover(node: string | undefined): void;
  click(node: string | undefined): void;
  /** The camera came to rest (debounced). */
  camera(position: CameraPosition): void;
}

export interface AtlasRenderer {
  sigma: Sigma<AtlasNode>;
  /** Redraw from the reducers; positions and sizes unchanged. */
  refresh(): void;
  /** Show the hovered person: a repaint on small graphs, their ties over the graph on big ones. */
  hover(node: string | undefined): void;
  /** Everyone visible inside the canvas (and the overview that community names are judged against). */
  fitAll(animate: boolean): void;
  /** These people inside the canvas; with `onlyIfOut`, the camera stays when they already are. */
  fitAround(keys: string[], animate: boolean, onlyIfOut?: boolean): void;
  kill(): void;
}

export function createRenderer(
  container: HTMLElement,
  loaded: LoadedGraph,
  reducers: ReturnType<typeof makeReducers>,
  context: RendererContext,
  events: RendererEvents,
): AtlasRenderer {
  const big = isBigGraph(loaded);
  const sigma = new Sigma<AtlasNode>(loaded.graph, container, {
    nodeReducer: reducers.nodeReducer,
    edgeReducer: reducers.edgeReducer,
    labelRenderedSizeThreshold: 9,
    // Labels claim their room (labels.ts), so the grid may offer more of them without any overlapping.
    labelDensity: 1,
    defaultDrawNodeLabel: drawLabelApart as NodeLabelDrawingFunction<AtlasNode>,
    labelFont: getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif',
    labelColor: { color: context.colours().text },
    zIndex: true,
    // The graph's container is hidden in table mode; sigma must wait rather than throw.
    allowInvalidContainer: true,
    // Big graphs: draw ties and labels only when the camera rests, so panning stays fluid, and ties
    // as lines (a rectangle per tie costs far more to fill).
    hideEdgesOnMove: big,
    hideLabelsOnMove: big,
    ...(big
      ? {
          defaultEdgeType: 'line',
          edgeProgramClasses: { line: EdgeLineProgram },
          defaultNodeType: 'point',
          nodeProgramClasses: { point: NodePointProgram },
        }
      : {}),
    minCameraRatio: 0.05,
    maxCameraRatio: 10,
  });
  let hoverTies: HoverTies | undefined;
  if (big) {
    hoverTies = createHoverTies(sigma as unknown as Sigma, loaded.graph);
    // Sigma's mouse captor refreshes everything (every tie through the reducers again) after a drag, only to
    // draw the ties hideEdgesOnMove left out; nothing changed, so drawing is enough. This app itself always
    // refreshes with options.
    const refreshAll = sigma.refresh.bind(sigma);
    sigma.refresh = (options?: Parameters<typeof refreshAll>[0]) => (options === undefined ? sigma.scheduleRender() : refreshAll(options));
  }
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  sigma.getCamera().on('updated', (c) => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => events.camera({ x: c.x, y: c.y, ratio: c.ratio }), 250);
  });
  sigma.on('enterNode', ({ node }) => events.hover(node));
  sigma.on('leaveNode', () => events.hover(undefined));
  sigma.on('clickNode', ({ node }) => events.click(node));
  sigma.on('clickStage', () => events.click(undefined));

  const labels = attachLabelsLayer(sigma, { loaded, ...context });
  const visible = () => loaded.graph.filterNodes((key) => !context.isHidden(key));

  // The camera of the last whole-view fit: while the camera still rests there, a resized canvas fits again
  // (the panels and the summary settle after the first frame; a phone turns).
  let fitted: { x: number; y: number; ratio: number } | undefined;
  const fitAll = (animate: boolean) => {
    // Resizing clears the canvases; a frame is due even if the camera stays where it is.
    sigma.resize();
    sigma.scheduleRender();
    const aim = cameraFor(sigma, visible());
    if (!aim) return;
    labels.setOverviewRatio(aim.ratio);
    fitted = aim;
    moveCamera(sigma, aim, animate);
  };
  const stillFitted = () => {
    const c = sigma.getCamera().getState();
    return (
      fitted !== undefined && Math.abs(c.x - fitted.x) < 1e-6 && Math.abs(c.y - fitted.y) < 1e-6 && Math.abs(c.ratio - fitted.ratio) < 1e-6
    );
  };
  const resized = new ResizeObserver(() => {
    if (stillFitted()) fitAll(false);
    else sigma.scheduleRender();
  });
  resized.observe(container);

  const refresh = () => sigma.refresh({ skipIndexation: true });
  return {
    sigma,
    refresh,
    hover(node) {
      if (hoverTies) hoverTies.show(node);
      else refresh();
    },
    fitAll,
    fitAround(keys, animate, onlyIfOut = false) {
      const shown = keys.filter((k) => loaded.graph.hasNode(k) && !context.isHidden(k));
      sigma.resize();
      sigma.scheduleRender();
      if (shown.length === 0 || (onlyIfOut && allInView(sigma, shown))) return;
      fitted = undefined;
      // One person alone: close, but not closer than a neighbourhood would be.
      moveCamera(sigma, cameraFor(sigma, shown, 0.12), animate);
    },
    kill() {
      clearTimeout(cameraTimer);
      resized.disconnect();
      labels.kill();
      hoverTies?.kill();
      sigma.kill();
    },
  };
}
