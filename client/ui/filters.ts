/**
 * Search and filters. Analysis filters (chats, dates, sectors, regions, tie
 * kinds, minimum weight) change the server query and so the graph; "one
 * community alone" is visual and stays in the client.
 */
import { DEFAULT_BUILD_OPTIONS, TIE_KINDS, type Dataset, type GraphQuery, type TieKind, type ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { SECTOR_LABELS, communityName } from '../graph/model.js';
import type { SearchState } from '../state/search.js';
import { rangeOf } from '../state/time-range.js';
import { h } from './dom.js';
import { renderSearchBox, type SearchActions } from './search-box.js';
import { renderTimePlayer, type TimePlayerActions } from './time-player.js';

export interface FilterActions extends SearchActions, TimePlayerActions {
  setQuery(patch: Partial<GraphQuery>): void;
  setCommunity(id: number | undefined): void;
  reset(): void;
}

/** The state the filters show beside the view: the search, the session days, the player. */
export interface FilterState {
  search: SearchState;
  days: readonly string[];
  playing: boolean;
  playDelayMs: number;
}

const KIND_LABELS: Record<TieKind, string> = {
  reply: 'Replies',
  mention: 'Mentions',
  coAnswer: 'Answered the same question',
  coSession: 'In the same session',
  repost: 'Reposts',
};

function checkList(
  legendText: string,
  name: string,
  options: { value: string; label: string }[],
  selected: string[],
  onChange: (values: string[]) => void,
) {
  const boxes = options.map((o) =>
    h(
      'label',
      {},
      h('input', { type: 'checkbox', name, value: o.value, checked: selected.length === 0 || selected.includes(o.value) }),
      o.label,
    ),
  );
  const set = h('fieldset', {}, h('legend', {}, legendText), h('div', { class: 'checks' }, ...boxes));
  set.addEventListener('change', () => {
    const checked = [...set.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    // All checked means no filter, so the URL stays short and new categories are not excluded.
    onChange(checked.length === options.length ? [] : checked);
  });
  return set;
}

// Values seen in this dataset, so a sector filtered out keeps its (unchecked) box to bring it back.
const seen = new Map<string, Set<string>>();
function remember(key: string, values: string[]): string[] {
  const set = seen.get(key) ?? new Set<string>();
  for (const v of values) set.add(v);
  seen.set(key, set);
  return [...set].sort((a, b) => Number(a === 'unknown') - Number(b === 'unknown') || (a < b ? -1 : 1));
}

const day = (iso?: string) => (iso ? iso.slice(0, 10) : '');

export function renderFilters(
  container: HTMLElement,
  dataset: Dataset,
  loaded: LoadedGraph,
  view: ViewState,
  shown: FilterState,
  actions: FilterActions,
): void {
  const q = view.query;
  const from = h('input', { type: 'date', id: 'filter-from', value: day(q.from), min: day(dataset.from), max: day(dataset.to) });
  const to = h('input', { type: 'date', id: 'filter-to', value: day(q.to), min: day(dataset.from), max: day(dataset.to) });
  const applyDates = () =>
    actions.setQuery({
      from: from.value ? `${from.value}T00:00:00.000Z` : undefined,
      to: to.value ? `${to.value}T23:59:59.999Z` : undefined,
    });
  from.addEventListener('change', applyDates);
  to.addEventListener('change', applyDates);
  const days = shown.days;

  const sectorValues = remember(`${dataset.id}:sector`, [...loaded.categories.sector.map((c) => c.value), ...(q.sectors ?? [])]);
  const regionValues = remember(`${dataset.id}:region`, [...loaded.categories.region.map((c) => c.value), ...(q.regions ?? [])]);
  const minWeight = h('input', { type: 'number', id: 'filter-min-weight', min: 0, step: 0.1, value: q.minWeight ?? 0 });
  minWeight.addEventListener('change', () =>
    actions.setQuery({ minWeight: Number(minWeight.value) > 0 ? Number(minWeight.value) : undefined }),
  );

  const community = h(
    'select',
    { id: 'filter-community' },
    h('option', { value: '' }, 'All communities'),
    ...loaded.payload.attributes.meta.communities.map((c) =>
      h('option', { value: c.id, selected: view.community === c.id }, `${c.id + 1}. ${communityName(loaded.payload, c.id)} (${c.size})`),
    ),
  );
  community.addEventListener('change', () => actions.setCommunity(community.value === '' ? undefined : Number(community.value)));

  container.replaceChildren(
    renderSearchBox(loaded, shown.search, actions),
    h(
      'fieldset',
      { class: 'time' },
      h('legend', {}, 'Time'),
      days.length > 1 ? renderTimePlayer(days, rangeOf(days, q), shown.playing, shown.playDelayMs, actions) : h('span'),
      h(
        'details',
        {},
        h('summary', {}, 'Exact dates'),
        h('label', { class: 'field' }, 'From ', from),
        h('label', { class: 'field' }, 'To ', to),
      ),
    ),
    h('h2', {}, 'Filters'),
    checkList(
      'Chats',
      'chats',
      dataset.chats.map((c) => ({ value: c, label: c })),
      q.chats ?? [],
      (chats) => actions.setQuery({ chats }),
    ),
    checkList(
      'Sectors',
      'sectors',
      sectorValues.map((v) => ({ value: v, label: SECTOR_LABELS[v] ?? v })),
      q.sectors ?? [],
      (sectors) => actions.setQuery({ sectors }),
    ),
    checkList(
      'Regions',
      'regions',
      regionValues.map((v) => ({ value: v, label: v === 'unknown' ? 'Unknown' : v })),
      q.regions ?? [],
      (regions) => actions.setQuery({ regions }),
    ),
    checkList(
      'Ties',
      'kinds',
      TIE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
      q.kinds ?? DEFAULT_BUILD_OPTIONS.kinds,
      (kinds) => actions.setQuery({ kinds: kinds.length === 0 ? [...TIE_KINDS] : (kinds as TieKind[]) }),
    ),
    h('label', { class: 'field' }, 'Minimum tie weight ', minWeight),
    h('h2', {}, 'Show'),
    h('label', { class: 'field' }, 'Community ', community),
    h('p', {}, h('button', { type: 'button', id: 'reset-filters', onclick: actions.reset }, 'Reset filters')),
  );
}
