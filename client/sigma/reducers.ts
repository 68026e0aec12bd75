/**
 * Display derived from state, never written into the graph: colour, size,
 * hidden categories, one community alone, and the highlight of the hovered
 * or selected person's neighbourhood (sigma's node and edge reducers).
 *
 * On a big graph (`lightHover`) the hovered person fades nothing: their ties
 * are drawn over the graph (hover-ties.ts) and the graph itself is not
 * repainted on every pointer move; fading everyone else stays for the
 * selected or keyboard-focused person, which changes on a click or a key.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import type { Interaction } from '../state/interaction.js';
import { FADED, GRAPH_BG, HOVERED_TIE, TIE } from '../design/palette.js';

export type { Interaction };

export interface ReducerContext {
  view: ViewState;
  loaded: LoadedGraph;
  interaction: Interaction;
  /** The hovered person fades nothing (big graphs: hover-ties.ts draws their ties). */
  lightHover?: boolean;
  /** Ties lighter than this are not drawn, unless they are the active person's (tie-budget.ts). */
  minDrawnWeight?: number;
}

/** Whether a person is filtered out of the view by the visual filters. */
export function isHiddenNode(ctx: ReducerContext, node: string): boolean {
  const { view, loaded, interaction } = ctx;
  if (interaction.replay && (interaction.replay.firstPost.get(node) ?? Infinity) > interaction.replay.until) return true;
  if (view.community !== undefined && loaded.graph.getNodeAttribute(node, 'community') !== view.community) return true;
  return view.hidden.length > 0 && view.hidden.includes(loaded.categoryOf(node, view.colourBy));
}

/** The person whose neighbourhood the rest of the graph fades around. */
function activeNode(ctx: ReducerContext): string | undefined {
  const candidate = (ctx.lightHover ? undefined : ctx.interaction.hovered) ?? ctx.interaction.focused ?? ctx.view.selected;
  return candidate && ctx.loaded.graph.hasNode(candidate) ? candidate : undefined;
}

/** The resting tie colour, stronger with weight (1 → 55 % of its ink, 20 and more → all of it). */
const inks = new Map<number, string>();
function tieInk(weight: number): string {
  const alpha = Math.round(Math.min(1, 0.55 + 0.45 * (Math.log1p(Math.max(0, weight - 1)) / Math.log1p(19))) * 20) / 20;
  let ink = inks.get(alpha);
  if (!ink) {
    // Mixed with the graph's background into a solid colour: translucent ties drew nothing here (sigma's edge
    // programs with premultiplied blending on software WebGL).
    const hex = (c: string, i: number) => parseInt(c.slice(i, i + 2), 16);
    ink = `#${[1, 3, 5]
      .map((i) =>
        Math.round(hex(TIE, i) * alpha + hex(GRAPH_BG, i) * (1 - alpha))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    inks.set(alpha, ink);
  }
  return ink;
}

export function makeReducers(context: () => ReducerContext) {
  // The neighbourhood of the active person, recomputed only when it changes.
  let cachedFor: string | undefined;
  let neighbours = new Set<string>();
  const neighbourhood = (ctx: ReducerContext, active: string | undefined) => {
    if (active !== cachedFor) {
      cachedFor = active;
      neighbours = active ? new Set(ctx.loaded.graph.neighbors(active)) : new Set();
    }
    return neighbours;
  };

  const nodeReducer = (node: string, data: Record<string, unknown>): Partial<NodeDisplayData> => {
    const ctx = context();
    const out: Partial<NodeDisplayData> & Record<string, unknown> = {
      ...data,
      color: ctx.loaded.colourOf(node, ctx.view.colourBy),
      size: ctx.loaded.sizeOf(node, ctx.view.sizeBy),
    };
    if (isHiddenNode(ctx, node)) return { ...out, hidden: true };
    const active = activeNode(ctx);
    if (node === ctx.view.selected || node === ctx.interaction.focused) {
      out.highlighted = true;
      out.forceLabel = true;
    }
    if (ctx.interaction.matches?.has(node)) out.forceLabel = true;
    if (ctx.interaction.replay?.newcomers?.has(node)) {
      out.highlighted = true;
      out.forceLabel = true;
    }
    if (active) {
      if (node === active) {
        out.forceLabel = true;
        out.zIndex = 2;
      } else if (neighbourhood(ctx, active).has(node)) {
        out.zIndex = 1;
      } else {
        out.color = FADED;
        out.label = '';
        out.zIndex = 0;
      }
    }
    return out;
  };

  const edgeReducer = (edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> => {
    const ctx = context();
    const graph = ctx.loaded.graph;
    const [source, target] = graph.extremities(edge);
    const weight = Number(data.weight ?? 1);
    // Weak ties fade: a tie's ink grows with the log of its weight, so the strong structure reads first.
    const out: Partial<EdgeDisplayData> = { ...data, color: tieInk(weight), size: Math.min(4, 0.4 + Math.log1p(weight) * 0.8) };
    if (isHiddenNode(ctx, source) || isHiddenNode(ctx, target)) return { ...out, hidden: true };
    const active = activeNode(ctx);
    if (active) {
      if (source === active || target === active) return { ...out, color: HOVERED_TIE, size: (out.size ?? 1) + 0.6, zIndex: 1 };
      return { ...out, hidden: true };
    }
    if (ctx.minDrawnWeight !== undefined && weight < ctx.minDrawnWeight) return { ...out, hidden: true };
    return out;
  };

  return { nodeReducer, edgeReducer };
}
