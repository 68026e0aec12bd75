/** Opens `/s/<id>` or `/embed/<id>`: the stored payload and view, read-only. */
import { DEFAULT_VIEW_STATE, encodeViewState } from '../../shared/index.js';
import { fetchSnapshot } from '../api.js';
import { h } from '../ui/dom.js';
import { setStatus, type App } from './context.js';

export async function startSnapshot(app: App, kind: string, id: string): Promise<void> {
  const { els } = app;
  setStatus(app, 'Loading the snapshot…', true);
  const snapshot = await fetchSnapshot(id);
  app.explorer.set({ snapshot });
  const explore = encodeViewState({ ...DEFAULT_VIEW_STATE, ...snapshot.view, dataset: snapshot.datasetId, query: snapshot.options });
  const taken = new Date(snapshot.createdAt).toUTCString().slice(0, 16);
  // A snapshot is read-only: nothing that adds to a dataset (Upload, Collect) or shares anew.
  const collect = document.getElementById('collect-button');
  for (const el of [els.picker.closest('label'), els.upload, collect, els.share, els.refine]) if (el) (el as HTMLElement).hidden = true;
  const options = Object.entries(snapshot.options).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  els.filters.replaceChildren(
    h('h2', {}, 'Snapshot'),
    h('p', { id: 'snapshot-readonly' }, 'Read-only: this view is fixed as it was shared.'),
    h('h3', {}, 'Analysis options'),
    options.length
      ? h('ul', { class: 'panel-list' }, ...options.map((o) => h('li', {}, o)))
      : h('p', { class: 'muted' }, 'Defaults: all chats, all dates, all tie kinds.'),
  );
  els.banner.hidden = false;
  els.banner.replaceChildren(
    h(
      'span',
      {},
      `Snapshot of “${snapshot.payload.attributes.meta.dataset.name}” taken ${taken}${snapshot.privacy === 'pseudonymous' ? ', pseudonymous' : ''}. Read-only. `,
    ),
    snapshot.privacy === 'named' ? h('a', { href: `/?${explore.toString()}`, id: 'explore-from-here' }, 'Explore from here') : h('span'),
  );
  if (kind === 'embed') {
    document.body.classList.add('embed');
    els.embedCredit.hidden = false;
    els.embedCredit.replaceChildren(h('a', { href: `/s/${id}`, target: '_blank', rel: 'noopener' }, 'Chat Atlas — open full view'));
  }
  // A pseudonymous snapshot names no dataset; its own id stands in, so the view loads (from the snapshot's payload, never the API).
  app.view.set({
    ...DEFAULT_VIEW_STATE,
    ...snapshot.view,
    dataset: snapshot.datasetId ?? `snapshot:${snapshot.id}`,
    query: snapshot.options,
  });
}
