/**
 * The view store and its link with the address bar: every change is written
 * to the URL (replaceState, so Back leaves the explorer rather than undoing
 * hovers), and the URL read at start restores the same view.
 */
import { decodeViewState, encodeViewState, type GraphQuery, type ViewState } from '../../shared/index.js';
import { createStore, type Store } from './store.js';

export type ViewStore = Store<ViewState>;

/** With `syncUrl` off (a snapshot's fixed address), the view lives in memory only. */
export function createViewStore(search = location.search, syncUrl = true): ViewStore {
  const store = createStore<ViewState>(decodeViewState(new URLSearchParams(search)));
  if (!syncUrl) return store;
  store.subscribe((state) => {
    const params = encodeViewState(state).toString();
    const url = `${location.pathname}${params ? `?${params}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  });
  return store;
}

/** The query the server needs for the current view (analysis options only). */
export function graphQueryOf(state: ViewState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(state.query as GraphQuery)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}

/** A stable string of the analysis query, to know when the graph must be fetched again. */
export function queryKey(state: ViewState): string {
  return `${state.dataset ?? ''}?${new URLSearchParams(graphQueryOf(state)).toString()}`;
}
