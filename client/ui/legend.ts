/**
 * The legend: one row per category of the colour-by, with its colour, name
 * and count. A community's name opens the community; hiding or showing a
 * category is a separate eye button beside it (its state in aria-pressed).
 */
import type { ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { h } from './dom.js';
import { icon } from './icons.js';
import { legendTitle } from './legend-title.js';

export interface LegendActions {
  toggle(value: string): void;
  /** Open a community's panel (legend of communities only). */
  openCommunity(id: number): void;
}

/**
 * A community's name in the legend: whole, as panels and filters say it, with the chat most communities share
 * (the one the canvas writes once, `canvasOmitsChat`) in a quieter colour, so the part that tells rows apart reads first.
 */
function legendName(loaded: LoadedGraph, value: string, label: string): (string | HTMLElement)[] {
  // By id, not by place: a community removed with an opted-out person leaves the others' places shifted.
  const chat = loaded.payload.attributes.meta.communities.find((c) => c.id === Number(value))?.canvasOmitsChat;
  const number = `${Number(value) + 1}. `;
  const lead = `${number}${chat} · `;
  if (!chat || !label.startsWith(lead)) return [label];
  return [number, h('span', { class: 'legend-lead' }, `${chat} · `), label.slice(lead.length)];
}

export function renderLegend(container: HTMLElement, loaded: LoadedGraph, view: ViewState, actions: LegendActions): void {
  const categories = loaded.categories[view.colourBy];
  const items = categories.map((c) => {
    const shown = !view.hidden.includes(c.value);
    const swatch = h('span', { class: 'swatch', style: `background:${c.colour}`, 'aria-hidden': 'true' });
    const name =
      view.colourBy === 'community' && Number(c.value) >= 0
        ? h(
            'button',
            {
              type: 'button',
              class: 'legend-open',
              'data-focus': `legend-open:${c.value}`,
              onclick: () => actions.openCommunity(Number(c.value)),
            },
            swatch,
            h('span', { class: 'legend-label' }, ...legendName(loaded, c.value, c.label)),
            h('span', { class: 'count' }, c.count),
          )
        : h(
            'span',
            { class: 'legend-open' },
            swatch,
            h('span', { class: 'legend-label' }, c.label),
            h('span', { class: 'count' }, c.count),
          );
    return h(
      'li',
      { class: shown ? '' : 'off' },
      name,
      h(
        'button',
        {
          type: 'button',
          class: 'legend-toggle',
          'aria-pressed': String(shown),
          'data-value': c.value,
          'data-focus': `legend-toggle:${c.value}`,
          'aria-label': `Show ${c.label}`,
          title: shown ? `Hide ${c.label}` : `Show ${c.label}`,
          onclick: () => actions.toggle(c.value),
        },
        icon(shown ? 'eye' : 'eyeOff'),
      ),
    );
  });
  container.replaceChildren(
    h('h2', { id: 'legend-title' }, legendTitle(view.colourBy, categories, loaded.payload.attributes.meta.partition?.loose)),
    h('ul', { class: 'legend-list' }, ...items),
  );
}
