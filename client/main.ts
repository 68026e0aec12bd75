/**
 * The explorer's wiring: the app's stores and elements (app/context.ts),
 * the page's controls bound to their effects, the view followed, and the
 * first load. State lives in state/, the renderer in sigma/, the panels in
 * ui/, and the side effects that join them in app/.
 */
import { DEFAULT_VIEW_STATE, type ViewState } from '../shared/index.js';
import { ApiFailure, listDatasets } from './api.js';
import { createApp, setStatus, snapshotRoute } from './app/context.js';
import { exposeForInspection } from './app/inspect.js';
import { loadCurrentGraph } from './app/load-graph.js';
import { pause } from './app/play.js';
import { wirePeersButton } from './app/peers.js';
import { stopReplay } from './app/replay.js';
import { attachBarMenu } from './app/bar-menu.js';
import { attachDisplayMenu } from './app/display-menu.js';
import { closePanel, selectPerson } from './app/selection.js';
import { openSheet, toggleSheet, type Sheet } from './app/sheets.js';
import { fillPicker, showEmpty, start } from './app/start.js';
import { followView } from './app/view-sync.js';
import { communityWords } from './graph/model.js';
import { wireHealthView } from './health/index.js';
import { wireSchedulesButton } from './schedules/wire.js';
import { attachKeyboard } from './sigma/keyboard.js';
import { datasetChanged } from './state/explorer.js';
import { queryKey } from './state/view.js';
import { announce } from './ui/announcer.js';
import { h } from './ui/dom.js';
import { tieCount } from './ui/panels.js';
import { tokenForm } from './ui/token-form.js';
import { wireCollectButton } from './collect/collect-dialog.js';

const app = createApp();
const { els, view, explorer, interaction } = app;
followView(app);
exposeForInspection(app);

els.picker.addEventListener('change', () => {
  explorer.set(datasetChanged());
  view.set({ ...DEFAULT_VIEW_STATE, dataset: els.picker.value });
});
els.colourBy.addEventListener('change', () => view.set({ colourBy: els.colourBy.value as ViewState['colourBy'] }));
els.sizeBy.addEventListener('change', () => view.set({ sizeBy: els.sizeBy.value as ViewState['sizeBy'] }));
els.modeGraph.addEventListener('click', () => view.set({ mode: 'graph' }));
els.modeTable.addEventListener('click', () => view.set({ mode: 'table' }));
els.refine.addEventListener('click', () => {
  const { loaded } = explorer.get();
  if (!loaded) return;
  if (app.refine?.running()) return app.refine.stop();
  els.refine.setAttribute('aria-pressed', 'true');
  announce('Refining the layout');
  // Loaded on first use, as are the upload and share dialogs: the first picture needs none of them.
  void import('./graph/refine.js').then(({ startRefine }) => {
    app.refine = startRefine(loaded.graph, () => {
      els.refine.setAttribute('aria-pressed', 'false');
      announce('Layout refined');
    });
  });
});
const upload = async () =>
  (await import('./ui/upload-dialog.js')).openUploadDialog(
    els.uploadDialog,
    async (dataset) => {
      const query = queryKey(view.get());
      explorer.set({ datasets: await listDatasets() });
      showEmpty(app, false);
      fillPicker(app);
      explorer.set(datasetChanged());
      view.set({ ...DEFAULT_VIEW_STATE, dataset: dataset.id });
      // Files added to the dataset on screen: the same view, a new version of its graph.
      if (queryKey(view.get()) === query) app.loading = loadCurrentGraph(app);
    },
    { current: explorer.get().datasets.find((d) => d.id === view.get().dataset) },
  );
els.upload.addEventListener('click', upload);
wireCollectButton(
  els.upload,
  () => explorer.get().datasets.find((d) => d.id === view.get().dataset),
  async () => {
    explorer.set({ datasets: await listDatasets() });
    app.loading = loadCurrentGraph(app);
  },
);
els.emptyUpload.addEventListener('click', upload);
els.share.addEventListener('click', () => void import('./app/share.js').then(({ openShare }) => openShare(app)));
els.help.addEventListener('click', () => els.helpDialog.showModal());
attachBarMenu(document.querySelector<HTMLButtonElement>('#bar-menu')!, document.querySelector<HTMLElement>('#bar-controls')!);
attachDisplayMenu(document.querySelector<HTMLButtonElement>('#display-button')!, document.querySelector<HTMLElement>('#display-panel')!);
wirePeersButton(app);
wireHealthView(app);
wireSchedulesButton(app);

// Phone and tablet: the side columns open as sheets over the graph.
els.openFilters.addEventListener('click', () => toggleSheet('filters'));
els.openDetails.addEventListener('click', () => toggleSheet('details'));
for (const close of document.querySelectorAll<HTMLButtonElement>('[data-close-sheet]'))
  close.addEventListener('click', () => openSheet(undefined));
// A skip link to a panel in a closed sheet opens the sheet first, so its target can take focus.
for (const link of document.querySelectorAll<HTMLAnchorElement>('.skip-link')) {
  link.addEventListener('click', (event) => {
    const target = document.querySelector<HTMLElement>(link.getAttribute('href')!);
    if (!target) return;
    event.preventDefault();
    const sheet = link.dataset.sheet as Sheet | undefined;
    openSheet(sheet);
    if (!target.matches('a, button, input, select, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus();
  });
}

// Escape ends a replay or pauses playing wherever focus is (the graph's own Escape goes back a step).
document.addEventListener(
  'keydown',
  (event) => {
    if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
    const playing = explorer.get().playing !== undefined;
    if (stopReplay() || playing) {
      if (playing) pause(app);
      event.stopPropagation();
      event.preventDefault();
    } else if (document.body.className.includes('sheet-') && !els.graph.contains(document.activeElement)) openSheet(undefined);
  },
  { capture: true },
);

attachKeyboard(
  els.graph,
  () => {
    const { loaded } = explorer.get();
    return loaded && app.renderer ? { loaded, renderer: app.renderer.sigma, focused: interaction.focused } : undefined;
  },
  {
    focus: (key) => {
      interaction.focused = key;
      const { loaded } = explorer.get();
      if (key && loaded) {
        const a = loaded.graph.getNodeAttributes(key);
        announce(`${a.label}, ${tieCount(loaded, key)} ties, ${communityWords(a.community)}. Enter for details.`);
        app.renderer?.fitAround([key], true, true);
      }
      app.renderer?.refresh();
    },
    open: (key) => selectPerson(app, key, true),
    back: () => {
      if (view.get().selected || explorer.get().communityPanel !== undefined) closePanel(app);
      else {
        interaction.focused = undefined;
        app.renderer?.refresh();
        announce('Left the person');
      }
    },
    isHidden: app.isHidden,
  },
);

start(app).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  setStatus(app, snapshotRoute() ? `This snapshot link does not open: ${message}.` : `Could not start: ${message}`);
  if (snapshotRoute()) {
    // Nothing to show: no controls that need a graph, one way back.
    for (const el of document.querySelectorAll<HTMLElement>('.needs-data')) el.hidden = true;
    els.graphView.hidden = true;
    els.status.append(' ', h('a', { href: '/', id: 'back-to-explorer' }, 'Open the explorer'));
  }
  if (error instanceof ApiFailure && error.status === 401)
    els.status.append(
      ' ',
      tokenForm(() => location.reload()),
    );
});
