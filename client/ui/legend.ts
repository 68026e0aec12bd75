/** The legend of the current colour-by: a toggle per category, with counts, to hide or show it. */
import type { ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { h } from './dom.js';

const TITLES = { community: 'Communities', sector: 'Sectors', region: 'Regions', chat: 'Chats' } as const;

export function renderLegend(container: HTMLElement, loaded: LoadedGraph, view: ViewState, onToggle: (value: string) => void): void {
  const categories = loaded.categories[view.colourBy];
  const items = categories.map((c) => {
    const shown = !view.hidden.includes(c.value);
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', 'aria-pressed': String(shown), title: shown ? `Hide ${c.label}` : `Show ${c.label}`, onclick: () => onToggle(c.value), 'data-value': c.value },
        h('span', { class: 'swatch', style: `background:${c.colour}`, 'aria-hidden': 'true' }),
        h('span', { class: 'legend-label' }, c.label),
        h('span', { class: 'count' }, c.count),
      ),
    );
  });
  container.replaceChildren(
    h('h2', { id: 'legend-title' }, `${TITLES[view.colourBy]} (${categories.length})`),
    h('ul', { class: 'legend-list' }, ...items),
  );
}
