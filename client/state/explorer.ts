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
}

export type ExplorerStore = Store<ExplorerState>;

export function createExplorerStore(): ExplorerStore {
  return createStore<ExplorerState>({ datasets: [], drawnTies: { minWeight: 0, drawn: 0 }, profiles: new Map(), loadToken: 0 });
}

export const graphLoaded = (loaded: LoadedGraph, drawnTies: DrawnTies) => (): Partial<ExplorerState> => ({ loaded, drawnTies });

export const profileFetched = (profile: PersonProfileView) => (s: ExplorerState): Partial<ExplorerState> => ({
  profiles: new Map(s.profiles).set(profile.key, profile),
});

/** Another dataset: its people are others, so profiles and the open community go. */
export const datasetChanged = (): Partial<ExplorerState> => ({ profiles: new Map(), communityPanel: undefined });
