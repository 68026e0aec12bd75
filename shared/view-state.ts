/**
 * The explorer's whole view as data: which dataset, which analysis options,
 * how it looks, what is selected, where the camera is. Encoded in the URL
 * (so copying the address shares the view) and stored in snapshots.
 */
import { z } from 'zod';
import { GraphQuerySchema, type GraphQuery } from './build-options.js';

export const COLOUR_BY = ['community', 'sector', 'region', 'chat'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];
export type SizeBy = (typeof SIZE_BY)[number];
export const SIZE_BY = ['weightedDegree', 'messages', 'pagerank'] as const;
export const VIEW_MODES = ['graph', 'table', 'health'] as const;

export const CameraSchema = z.object({ x: z.number(), y: z.number(), ratio: z.number().positive() });
export type Camera = z.infer<typeof CameraSchema>;

export const ViewStateSchema = z.object({
  dataset: z.string().optional(),
  /** Options that change the analysis (the graph route's query). */
  query: GraphQuerySchema,
  colourBy: z.enum(COLOUR_BY),
  sizeBy: z.enum(SIZE_BY),
  /** Legend categories hidden, as `value` strings of the current colour-by. */
  hidden: z.array(z.string()),
  /** Show one community alone. */
  community: z.number().int().nonnegative().optional(),
  /** Selected person key. */
  selected: z.string().optional(),
  camera: CameraSchema.optional(),
  mode: z.enum(VIEW_MODES),
});
export type ViewState = z.infer<typeof ViewStateSchema>;

export const DEFAULT_VIEW_STATE: ViewState = { query: {}, colourBy: 'community', sizeBy: 'weightedDegree', hidden: [], mode: 'graph' };

const QUERY_KEYS = ['seed', 'resolution', 'sessionGapMinutes', 'kinds', 'minWeight', 'chats', 'from', 'to', 'sectors', 'regions'] as const;

/** View state → URL search parameters (defaults left out, so short links stay short). */
export function encodeViewState(state: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.dataset) p.set('dataset', state.dataset);
  for (const key of QUERY_KEYS) {
    const value = (state.query as Record<string, unknown>)[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    p.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (state.colourBy !== DEFAULT_VIEW_STATE.colourBy) p.set('colour', state.colourBy);
  if (state.sizeBy !== DEFAULT_VIEW_STATE.sizeBy) p.set('size', state.sizeBy);
  if (state.hidden.length > 0) p.set('hide', state.hidden.join(','));
  if (state.community !== undefined) p.set('community', String(state.community));
  if (state.selected) p.set('person', state.selected);
  if (state.camera) p.set('camera', [state.camera.x, state.camera.y, state.camera.ratio].map((n) => Number(n.toFixed(4))).join(','));
  if (state.mode !== 'graph') p.set('view', state.mode);
  return p;
}

/** URL search parameters → view state; anything unreadable falls back to its default. */
export function decodeViewState(params: URLSearchParams): ViewState {
  const raw: Record<string, string> = Object.fromEntries(QUERY_KEYS.flatMap((k) => (params.has(k) ? [[k, params.get(k)!]] : [])));
  const query = GraphQuerySchema.safeParse(raw);
  const pick = <T extends readonly string[]>(values: T, v: string | null, fallback: T[number]): T[number] =>
    v !== null && (values as readonly string[]).includes(v) ? v : fallback;
  const camera = (params.get('camera') ?? '').split(',').map(Number);
  const community = Number(params.get('community'));
  return {
    ...(params.get('dataset') ? { dataset: params.get('dataset')! } : {}),
    query: query.success ? (Object.fromEntries(Object.entries(query.data).filter(([, v]) => v !== undefined)) as GraphQuery) : {},
    colourBy: pick(COLOUR_BY, params.get('colour'), DEFAULT_VIEW_STATE.colourBy),
    sizeBy: pick(SIZE_BY, params.get('size'), DEFAULT_VIEW_STATE.sizeBy),
    hidden: (params.get('hide') ?? '').split(',').filter(Boolean),
    ...(params.has('community') && Number.isInteger(community) && community >= 0 ? { community } : {}),
    ...(params.get('person') ? { selected: params.get('person')! } : {}),
    ...(camera.length === 3 && camera.every(Number.isFinite) && camera[2]! > 0
      ? { camera: { x: camera[0]!, y: camera[1]!, ratio: camera[2]! } }
      : {}),
    mode: pick(VIEW_MODES, params.get('view'), 'graph'),
  };
}
