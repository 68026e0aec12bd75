/**
 * The page's renderer for one loaded graph: sigma with the reducers, the
 * big-graph drawing choices, hover ties, and the camera written back to the
 * view. One of these lives per loaded graph; `kill` ends it.
 */
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { AtlasNode, LoadedGraph } from '../graph/model.js';
import { createHoverTies, type HoverTies } from './hover-ties.js';
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
  kill(): void;
}

export function createRenderer(
  container: HTMLElement,
  loaded: LoadedGraph,
  reducers: ReturnType<typeof makeReducers>,
  events: RendererEvents,
): AtlasRenderer {
  const big = isBigGraph(loaded);
  const sigma = new Sigma<AtlasNode>(loaded.graph, container, {
    nodeReducer: reducers.nodeReducer,
    edgeReducer: reducers.edgeReducer,
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.6,
    zIndex: true,
    // The graph's container is hidden in table mode; sigma must wait rather than throw.
    allowInvalidContainer: true,
    // Big graphs: draw ties and labels only when the camera rests, so panning stays fluid, and ties
    // as lines (a rectangle per tie costs far more to fill).
    hideEdgesOnMove: big,
    hideLabelsOnMove: big,
    ...(big
      ? { defaultEdgeType: 'line', edgeProgramClasses: { line: EdgeLineProgram }, defaultNodeType: 'point', nodeProgramClasses: { point: NodePointProgram } }
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

  const refresh = () => sigma.refresh({ skipIndexation: true });
  return {
    sigma,
    refresh,
    hover(node) {
      if (hoverTies) hoverTies.show(node);
      else refresh();
    },
    kill() {
      clearTimeout(cameraTimer);
      hoverTies?.kill();
      sigma.kill();
    },
  };
}
