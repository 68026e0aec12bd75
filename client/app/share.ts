/** The Share dialog for the current view: link, embed, files, pictures. */
import type Sigma from 'sigma';
import { downloadBlob, viewToPng } from '../sigma/export-png.js';
import { pictureAppearance } from '../sigma/pseudonymous-picture.js';
import { graphQueryOf } from '../state/view.js';
import { openShareDialog } from '../ui/share-dialog.js';
import type { App } from './context.js';

export function openShare(app: App): void {
  const { view, els } = app;
  const state = view.get();
  const { loaded } = app.explorer.get();
  const sigma = app.renderer?.sigma as unknown as Sigma | undefined;
  if (!state.dataset || !loaded || !sigma) return;
  openShareDialog(els.shareDialog, {
    datasetId: state.dataset,
    query: graphQueryOf(state),
    people: loaded.graph.order,
    appearance: pictureAppearance(sigma, state),
    input: {
      datasetId: state.dataset,
      options: state.query,
      view: {
        colourBy: state.colourBy,
        sizeBy: state.sizeBy,
        hidden: state.hidden,
        mode: state.mode,
        ...(state.community !== undefined ? { community: state.community } : {}),
        ...(state.selected ? { selected: state.selected } : {}),
        ...(state.camera ? { camera: state.camera } : {}),
      },
    },
    downloadPng: async () => {
      const now = app.explorer.get().loaded;
      const current = app.renderer?.sigma as unknown as Sigma | undefined;
      if (!current || !now) return;
      const title = els.legend.querySelector('h2')?.textContent ?? '';
      const blob = await viewToPng(
        current,
        { title, categories: now.categories[view.get().colourBy].filter((c) => !view.get().hidden.includes(c.value)) },
        els.summary.textContent ?? '',
      );
      downloadBlob(blob, 'chat-atlas-view.png');
    },
  });
}
