/** The first load: a snapshot link, or the dataset list and the dataset the URL names (else the first). */
import { DEFAULT_VIEW_STATE } from '../../shared/index.js';
import { listDatasets } from '../api.js';
import { applyMode } from './view-sync.js';
import { setStatus, snapshotRoute, type App } from './context.js';
import { loadCurrentGraph } from './load-graph.js';
import { startSnapshot } from './snapshot.js';

export function fillPicker(app: App): void {
  const { datasets } = app.explorer.get();
  app.els.picker.replaceChildren(...datasets.map((d) => new Option(`${d.name} (${d.counts.people} people)`, d.id)));
  const wanted = app.view.get().dataset;
  if (wanted) app.els.picker.value = wanted;
}

/** No dataset yet: one big Upload and the formats, and nothing that needs a graph. */
export function showEmpty(app: App, empty: boolean): void {
  document.body.classList.toggle('empty', empty);
  app.els.emptyState.hidden = !empty;
  app.els.graphView.hidden = empty || app.view.get().mode !== 'graph';
  for (const el of document.querySelectorAll<HTMLElement>('.needs-data')) el.hidden = empty;
}

export async function start(app: App): Promise<void> {
  const route = snapshotRoute();
  if (route) return startSnapshot(app, route[1]!, route[2]!);
  const { els, view } = app;
  applyMode(app, view.get());
  els.colourBy.value = view.get().colourBy;
  els.sizeBy.value = view.get().sizeBy;
  setStatus(app, 'Loading datasets…', true);
  const datasets = await listDatasets();
  app.explorer.set({ datasets });
  if (datasets.length === 0) {
    setStatus(app, '');
    showEmpty(app, true);
    return;
  }
  showEmpty(app, false);
  const wanted = view.get().dataset;
  if (!wanted || !datasets.some((d) => d.id === wanted)) {
    // No dataset named: open the first with the rest of the URL's view; an unknown one: a fresh view.
    view.set(wanted ? { ...DEFAULT_VIEW_STATE, dataset: datasets[0]!.id } : { dataset: datasets[0]!.id }); // the subscription loads it
    fillPicker(app);
  } else {
    fillPicker(app);
    await loadCurrentGraph(app);
  }
}
