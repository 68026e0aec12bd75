/**
 * Camera moves that keep people in view: fit a set of people (everyone
 * visible, or a person and their neighbours) inside the canvas with a
 * margin, computed from their positions for the camera being aimed, so the
 * move is exact in one step. Sigma's own default frames every node of the
 * graph, hidden or not, and knows nothing of the panels around it.
 */
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { AtlasNode } from '../graph/model.js';

/** Pixels kept free around the fitted people, beyond their dots. */
const MARGIN = 24;
/** Extra pixels sideways for a name beside the outermost dots. */
const LABEL_ROOM = 60;

interface Framed {
  normalizationFunction(p: { x: number; y: number }): { x: number; y: number };
}

/** The camera that shows `keys` whole; undefined when there is nothing to fit or no room to draw. */
export function cameraFor(sigma: Sigma<AtlasNode>, keys: Iterable<string>, minRatio = 0.05): CameraState | undefined {
  const graph = sigma.getGraph();
  const normalize = (sigma as unknown as Framed).normalizationFunction;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity,
    biggest = 0;
  for (const key of keys) {
    if (!graph.hasNode(key)) continue;
    const a = graph.getNodeAttributes(key);
    const p = normalize({ x: a.x, y: a.y });
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
    biggest = Math.max(biggest, sigma.getNodeDisplayData(key)?.size ?? 0);
  }
  const { width, height } = sigma.getDimensions();
  if (!Number.isFinite(x0) || width < 10 || height < 10) return undefined;
  const aim: CameraState = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, angle: 0, ratio: 1 };
  // At ratio 1, how far the corners fall from the centre; distances on screen scale as 1/ratio.
  let dx = 0,
    dy = 0;
  for (const [fx, fy] of [
    [x0, y0],
    [x1, y1],
  ] as const) {
    const v = sigma.framedGraphToViewport({ x: fx, y: fy }, { cameraState: aim });
    dx = Math.max(dx, Math.abs(v.x - width / 2));
    dy = Math.max(dy, Math.abs(v.y - height / 2));
  }
  const room = MARGIN + sigma.scaleSize(biggest, 1);
  // Names are drawn to the right of their dots: more room sideways, so the outermost names are not cut.
  const roomX = room + Math.min(LABEL_ROOM, width / 8);
  const ratio = Math.max(dx / Math.max(1, width / 2 - roomX), dy / Math.max(1, height / 2 - room), minRatio);
  return { ...aim, ratio: Math.min(ratio, sigma.getSetting('maxCameraRatio') ?? 10) };
}

/** Whether every one of `keys` lies inside the canvas now. */
export function allInView(sigma: Sigma<AtlasNode>, keys: Iterable<string>): boolean {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  for (const key of keys) {
    if (!graph.hasNode(key)) continue;
    const a = graph.getNodeAttributes(key);
    const v = sigma.graphToViewport({ x: a.x, y: a.y });
    if (v.x < 0 || v.y < 0 || v.x > width || v.y > height) return false;
  }
  return true;
}

export function moveCamera(sigma: Sigma<AtlasNode>, state: CameraState | undefined, animate: boolean): void {
  if (!state) return;
  const camera = sigma.getCamera();
  if (animate && !window.matchMedia('(prefers-reduced-motion: reduce)').matches) void camera.animate(state, { duration: 400 });
  else camera.setState(state);
}
