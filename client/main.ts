/**
 * The explorer's wiring: the app's stores and elements (app/context.ts),
 * the page's controls bound to their effects, the view followed, and the
 * first load. State lives in state/, the renderer in sigma/, the panels in
 * ui/, and the side effects that join them in app/.
 */
import { DEFAULT_VIEW_STATE, type ViewState } from '../shared/index.js';
import { ApiFailure, listDatasets } from './api.js';
import { createApp, setStatus } from './app/context.js';
import { closePanel, selectPerson } from './app/selection.js';
import { openShare } from './app/share.js';
import { fillPicker, start } from './app/start.js';
import { followView } from './app/view-sync.js';
import { startRefine } from './graph/refine.js';
import { attachKeyboard } from './sigma/keyboard.js';
import { datasetChanged } from './state/explorer.js';
import { announce } from './ui/announcer.js';
import { tieCount } from './ui/panels.js';
import { tokenForm } from './ui/token-form.js';
import { openUploadDialog } from './ui/upload-dialog.js';

const app = createApp();
const { els, view, explorer, interaction } = app;
followView(app);

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
  app.refine = startRefine(loaded.graph, () => {
    els.refine.setAttribute('aria-pressed', 'false');
    announce('Layout refined');
  });
});
els.upload.addEventListener('click', () =>
  openUploadDialog(els.uploadDialog, async (dataset) => {
    explorer.set({ datasets: await listDatasets() });
    fillPicker(app);
    explorer.set(datasetChanged());
    view.set({ ...DEFAULT_VIEW_STATE, dataset: dataset.id });
  }),
);
els.share.addEventListener('click', () => openShare(app));

attachKeyboard(els.graph, () => {
  const { loaded } = explorer.get();
  return loaded && app.renderer ? { loaded, renderer: app.renderer.sigma, focused: interaction.focused } : undefined;
}, {
  focus: (key) => {
    interaction.focused = key;
    const { loaded } = explorer.get();
    if (key && loaded) {
      const a = loaded.graph.getNodeAttributes(key);
      announce(`${a.label}, ${tieCount(loaded, key)} ties, community ${a.community + 1}. Enter for details.`);
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
});

start(app).catch((error: unknown) => {
  setStatus(app, `Could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof ApiFailure && error.status === 401) els.status.append(' ', tokenForm(() => location.reload()));
});
