/**
 * "Me" in the people finder: a searchable picker to say once who one is in
 * this atlas (the same matching as the search box, state/search.ts), and a
 * form to set one's own sector and region, stored as a hand edit on the
 * server so suggestions judge "beyond" by it.
 */
import type { PersonEdit } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { SECTOR_LABELS } from '../graph/model.js';
import { searchPeople } from '../state/search.js';
import { h } from '../ui/dom.js';

const PICKER_MATCHES = 8;

/** The picker: type a name or handle, choose yourself from the matches. Only the matches redraw as one types. */
export function mePicker(loaded: LoadedGraph, pick: (key: string) => void): HTMLElement {
  const matches = h('ul', { id: 'peers-me-matches', class: 'me-matches', 'aria-label': 'People who match' });
  const status = h('p', { class: 'muted', id: 'peers-me-count', 'aria-live': 'polite' });
  const input = h('input', {
    type: 'search',
    id: 'peers-me-search',
    autocomplete: 'off',
    placeholder: 'Your name or handle',
    'aria-describedby': 'peers-me-count',
  });
  const redraw = () => {
    const found = searchPeople(loaded, input.value, PICKER_MATCHES);
    status.textContent = input.value.trim()
      ? found.total === 0
        ? 'No one by that name or handle in this view.'
        : `${found.total} ${found.total === 1 ? 'match' : 'matches'}${found.total > PICKER_MATCHES ? `, the first ${PICKER_MATCHES} shown` : ''}.`
      : '';
    matches.replaceChildren(
      ...found.matches.map((key) => {
        const a = loaded.graph.getNodeAttributes(key);
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'me-match', 'data-focus': `me:${key}`, onclick: () => pick(key) },
            h('strong', {}, a.label),
            h('span', { class: 'muted' }, ` @${a.handle} · ${a.platform} · ${a.chats.slice(0, 2).join(', ')}`),
          ),
        );
      }),
    );
  };
  input.addEventListener('input', redraw);
  // Enter picks the only match, or the exact one; otherwise the list stays for a choice.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const found = searchPeople(loaded, input.value, PICKER_MATCHES);
    if (found.total === 1) pick(found.matches[0]!);
    else matches.querySelector<HTMLButtonElement>('button')?.focus();
  });
  return h(
    'div',
    { class: 'me-picker' },
    h('p', {}, 'Who are you in this atlas? Pick yourself once: this browser remembers it for this dataset.'),
    h('label', { for: 'peers-me-search' }, 'Find yourself'),
    input,
    status,
    matches,
  );
}

export interface OwnContext {
  label: string;
  sector: string;
  region: string;
  /** Regions seen in the dataset, offered first. */
  regions: readonly string[];
}

/** Sector and region, set by hand: `save` stores them (the server checks the region) and says what went wrong. */
export function ownContextForm(
  own: OwnContext,
  save: (edit: PersonEdit) => Promise<void>,
  { open, said = '' }: { open: boolean; said?: string },
): HTMLElement {
  const sector = h(
    'select',
    { id: 'peers-own-sector' },
    h('option', { value: '' }, own.sector === 'unknown' ? 'Unknown — choose' : 'Keep as it is'),
    ...Object.entries(SECTOR_LABELS)
      .filter(([value]) => value !== 'unknown')
      .map(([value, label]) => h('option', { value, selected: value === own.sector }, label)),
  );
  const region = h('input', {
    type: 'text',
    id: 'peers-own-region',
    list: 'peers-own-regions',
    value: own.region === 'unknown' ? '' : own.region,
    placeholder: 'Country code or name, e.g. GB',
    autocomplete: 'off',
  });
  const regions = h('datalist', { id: 'peers-own-regions' }, ...own.regions.map((r) => h('option', { value: r })));
  const status = h('p', { id: 'peers-own-status', role: 'status' }, said);
  const button = h('button', { type: 'submit', id: 'peers-own-save' }, 'Save');
  const form = h(
    'form',
    { class: 'own-context' },
    h('div', { class: 'field' }, h('label', { for: 'peers-own-sector' }, 'Sector'), sector),
    h('div', { class: 'field' }, h('label', { for: 'peers-own-region' }, 'Region'), region, regions),
    button,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const edit: PersonEdit = {
      ...(sector.value && sector.value !== own.sector ? { sector: sector.value } : {}),
      ...(region.value.trim() && region.value.trim().toUpperCase() !== own.region ? { region: region.value.trim() } : {}),
    };
    if (edit.sector === undefined && edit.region === undefined) {
      status.textContent = 'Nothing changed.';
      return;
    }
    // Busy, not disabled: a disabled button drops the keyboard's focus to the page.
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    status.textContent = 'Saving…';
    save(edit)
      .then(() => (status.textContent = 'Saved.'))
      .catch((error: unknown) => (status.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => button.removeAttribute('aria-disabled'));
  });
  return h(
    'details',
    { class: 'own-context-box', id: 'peers-own', open },
    h(
      'summary',
      {},
      `Your sector and region: ${own.sector === 'unknown' ? 'sector unknown' : (SECTOR_LABELS[own.sector] ?? own.sector)}, ${own.region === 'unknown' ? 'region unknown' : own.region}`,
    ),
    h(
      'p',
      { class: 'muted' },
      'Suggestions are people whose known sector or region differs from yours. Setting yours is stored as an edit of this dataset.',
    ),
    form,
  );
}
