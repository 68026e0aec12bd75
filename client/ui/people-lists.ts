/** The caption of the view, and its "bridges" and "welcomers" lists. */
import type { LoadedGraph } from '../graph/model.js';
import { h } from './dom.js';

export function renderPeopleLists(container: HTMLElement, loaded: LoadedGraph, select: (key: string) => void): void {
  const { bridges, welcomers } = loaded.payload.attributes.meta;
  const item = (key: string, label: string, detail: string) =>
    h(
      'li',
      {},
      h('button', { type: 'button', class: 'link', onclick: () => select(key) }, label),
      h('span', { class: 'muted' }, ` — ${detail}`),
    );
  container.replaceChildren(
    h('h2', {}, 'Bridges'),
    bridges.length
      ? h(
          'ol',
          { class: 'panel-list', id: 'bridges-list' },
          ...bridges.map((b) =>
            item(
              b.key,
              b.label,
              `ties into ${b.communitiesReached} communities${b.sectorsReached > 1 ? `, ${b.sectorsReached} sectors` : ''}${b.regionsReached > 1 ? `, ${b.regionsReached} regions` : ''}`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No one links communities in this view.'),
    h('h2', {}, 'Welcomers'),
    welcomers.length
      ? h(
          'ol',
          { class: 'panel-list', id: 'welcomers-list' },
          ...welcomers.map((w) => item(w.key, w.label, `welcomed ${w.welcomes} first-timer${w.welcomes > 1 ? 's' : ''}`)),
        )
      : h('p', { class: 'muted' }, 'No first-timer was welcomed in this view.'),
  );
}
