/**
 * The explorer's state beside the view (which lives in the URL): the
 * datasets listed, the snapshot opened, the graph loaded for the current
 * query, which ties are drawn, the community whose panel is open, and
 * profiles fetched so far. Transitions are pure functions of the state;
 * app/ performs the side effects and commits their results here.
 */
import type { Dataset, Snapshot } from '../../shared/index.js';
import type { PersonProfileView } from '../api.js';
import type { LoadedGraph } from '../graph/model.js';
import type { SearchState } from './search.js';
import { mergeDays } from './time-range.js';
import { createStore, type Store } from './store.js';

export interface DrawnTies {
  /** Ties lighter than this are not drawn (0: all are). */
  minWeight: number;
  drawn: number;
}

export interface ExplorerState {
  datasets: Dataset[];
  snapshot?: Snapshot;
  loaded?: LoadedGraph;
  drawnTies: DrawnTies;
  /** The community whose panel is open (a person's panel wins when one is selected). */
  communityPanel?: number;
  /** Profiles fetched for this dataset, by person key. */
  profiles: ReadonlyMap<string, PersonProfileView>;
  /** Bumped by each graph request, so a late answer for an older query is dropped. */
  loadToken: number;
  /** Whether a graph is being loaded: from the request until its renderer and panels are up (the busy indicator, main's aria-busy). */
  busy: boolean;
  /** What the search box holds and whom it matched; kept across re-renders of the panel. */
  search: SearchState;
  /** Each person's community colour in the last graph, so a community keeps it across filters. */
  colourMemory: ReadonlyMap<string, string>;
  /** Playing through the sessions: the delay between steps (absent: paused). */
  playing?: { delayMs: number };
  /** The delay the play control is set to. */
  playDelayMs: number;
  /** Session days known for this dataset (time-range.ts), the steps of the date slider. */
  days: string[];
}

export type ExplorerStore = Store<ExplorerState>;

export function createExplorerStore(): ExplorerStore {
  return createStore<ExplorerState>({
    datasets: [],
    drawnTies: { minWeight: 0, drawn: 0 },
    profiles: new Map(),
    loadToken: 0,
    busy: false,
    search: { text: '', matches: [], total: 0 },
    colourMemory: new Map(),
    playDelayMs: 1500,
    days: [],
  });
}

export const graphLoaded =
  (loaded: LoadedGraph, drawnTies: DrawnTies, colourMemory: ReadonlyMap<string, string>) =>
  (s: ExplorerState): Partial<ExplorerState> => ({
    loaded,
    drawnTies,
    colourMemory,
    days: mergeDays(s.days, loaded.payload.attributes.meta.sessions),
    // The search still lists whom it matched, among the people of the new graph.
    search: { ...s.search, matches: s.search.matches.filter((k) => loaded.graph.hasNode(k)) },
  });

export const profileFetched =
  (profile: PersonProfileView) =>
  (s: ExplorerState): Partial<ExplorerState> => ({
    profiles: new Map(s.profiles).set(profile.key, profile),
  });

/** Another dataset: its people are others, so profiles and the open community go. */
export const datasetChanged = (): Partial<ExplorerState> => ({
  profiles: new Map(),
  communityPanel: undefined,
  colourMemory: new Map(),
  search: { text: '', matches: [], total: 0 },
  playing: undefined,
  days: [],
});
