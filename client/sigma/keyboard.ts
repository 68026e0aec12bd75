/**
 * Walking the graph without a mouse: with focus on the graph, the arrow keys
 * move from the current person to the neighbour lying most in that direction
 * on screen (or, with nobody focused yet, start at the most connected
 * person); Enter opens their panel; Escape goes back.
 */
import type Sigma from 'sigma';
import type { AtlasNode, LoadedGraph } from '../graph/model.js';

export interface KeyboardActions {
  focus(key: string | undefined): void;
  open(key: string): void;
  back(): void;
  isHidden(key: string): boolean;
}

const DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** The visible neighbour of `from` best aligned with the direction (screen coordinates). */
export function neighbourInDirection(
  loaded: LoadedGraph,
  renderer: Sigma<AtlasNode>,
  from: string,
  [dx, dy]: [number, number],
  isHidden: (k: string) => boolean,
): string | undefined {
  const origin = renderer.graphToViewport(loaded.graph.getNodeAttributes(from) as { x: number; y: number });
  let best: { key: string; score: number } | undefined;
  for (const key of loaded.graph.neighbors(from)) {
    if (isHidden(key)) continue;
    const p = renderer.graphToViewport(loaded.graph.getNodeAttributes(key) as { x: number; y: number });
    const vx = p.x - origin.x;
    const vy = p.y - origin.y;
    const length = Math.hypot(vx, vy) || 1;
    const alignment = (vx * dx + vy * dy) / length;
    if (alignment <= 0.3) continue;
    // Prefer well-aligned, then near; ties broken by key so the walk is predictable.
    const score = alignment * 1000 - length;
    if (!best || score > best.score || (score === best.score && key < best.key)) best = { key, score };
  }
  return best?.key;
}

export function mostConnected(loaded: LoadedGraph, isHidden: (k: string) => boolean): string | undefined {
  let best: string | undefined;
  let bestWeight = -1;
  loaded.graph.forEachNode((key, a) => {
    if (!isHidden(key) && a.weightedDegree > bestWeight) {
      best = key;
      bestWeight = a.weightedDegree;
    }
  });
  return best;
}

export function attachKeyboard(
  element: HTMLElement,
  get: () => { loaded: LoadedGraph; renderer: Sigma<AtlasNode>; focused?: string | undefined } | undefined,
  actions: KeyboardActions,
): void {
  element.addEventListener('keydown', (event) => {
    const ctx = get();
    if (!ctx) return;
    const direction = DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault();
      const next =
        ctx.focused && ctx.loaded.graph.hasNode(ctx.focused)
          ? neighbourInDirection(ctx.loaded, ctx.renderer, ctx.focused, direction, actions.isHidden)
          : mostConnected(ctx.loaded, actions.isHidden);
      if (next) actions.focus(next);
    } else if (event.key === 'Enter' && ctx.focused) {
      event.preventDefault();
      actions.open(ctx.focused);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      actions.back();
    }
  });
}
