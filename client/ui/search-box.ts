/**
 * "Find a person": a search box that keeps its text and lists whom it
 * matched (best first), each a button that opens the person.
 */
import type { LoadedGraph } from '../graph/model.js';
import type { SearchState } from '../state/search.js';
import { h } from './dom.js';

export interface SearchActions {
  search(text: string): void;
  open(key: string): void;
}

export function renderSearchBox(loaded: LoadedGraph, state: SearchState, actions: SearchActions): HTMLElement {
  const input = h('input', {
    id: 'search',
    type: 'search',
    placeholder: 'Name or handle',
    autocomplete: 'off',
    value: state.text,
    'aria-describedby': 'search-count',
  });
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h('label', { for: 'search', class: 'visually-hidden' }, 'Find a person by name or handle'),
    input,
    h('button', { type: 'submit', id: 'search-submit' }, 'Find'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    actions.search(input.value);
  });
  const shown = state.matches.filter((k) => loaded.graph.hasNode(k));
  const count = !state.text.trim()
    ? ''
    : state.total === 0
      ? `No one matches “${state.text.trim()}”.`
      : `${state.total} ${state.total === 1 ? 'person matches' : 'people match'} “${state.text.trim()}”${state.total > shown.length ? `; the first ${shown.length}:` : ':'}`;
  return h(
    'section',
    { 'aria-labelledby': 'search-title', class: 'search' },
    h('h2', { id: 'search-title' }, 'Find a person'),
    form,
    h('p', { id: 'search-count', class: 'muted', 'aria-live': 'polite' }, count),
    shown.length
      ? h(
          'ul',
          { id: 'search-results', class: 'result-buttons' },
          ...shown.map((key) => {
            const a = loaded.graph.getNodeAttributes(key);
            return h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'link', 'data-focus': `match:${key}`, onclick: () => actions.open(key) },
                a.label,
                h('span', { class: 'muted' }, ` @${a.handle} · ${a.chats[0] ?? ''}`),
              ),
            );
          }),
        )
      : null,
  );
}
