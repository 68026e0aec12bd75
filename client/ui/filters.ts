/**
 * Search and filters. Analysis filters (chats, dates, sectors, regions, tie
 * kinds, minimum weight) change the server query and so the graph; "one
 * community alone" is visual and stays in the client.
 */
import { DEFAULT_BUILD_OPTIONS, TIE_KINDS, type Dataset, type GraphQuery, type TieKind, type ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { SECTOR_LABELS } from '../graph/model.js';
import { h } from './dom.js';

export interface FilterActions {
  setQuery(patch: Partial<GraphQuery>): void;
  setCommunity(id: number | undefined): void;
  search(text: string): void;
  reset(): void;
}

const KIND_LABELS: Record<TieKind, string> = {
  reply: 'Replies', mention: 'Mentions', coAnswer: 'Answered the same question', coSession: 'In the same session', repost: 'Reposts',
};

function checkList(legendText: string, name: string, options: { value: string; label: string }[], selected: string[], onChange: (values: string[]) => void) {
  const boxes = options.map((o) =>
    h('label', {}, h('input', { type: 'checkbox', name, value: o.value, checked: selected.length === 0 || selected.includes(o.value) }), o.label),
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

export function renderFilters(container: HTMLElement, dataset: Dataset, loaded: LoadedGraph, view: ViewState, actions: FilterActions): void {
  const q = view.query;
  const people = loaded.graph.nodes().map((k) => loaded.graph.getNodeAttributes(k));
  const search = h('input', { id: 'search', type: 'search', list: 'people-list', placeholder: 'Name or handle', autocomplete: 'off' });
  search.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') actions.search(search.value);
  });
  search.addEventListener('change', () => actions.search(search.value));
  const datalist = h('datalist', { id: 'people-list' }, ...people.slice(0, 5000).map((p) => h('option', { value: p.label === p.handle ? p.handle : `${p.label} (@${p.handle})` })));

  const from = h('input', { type: 'date', id: 'filter-from', value: day(q.from), min: day(dataset.from), max: day(dataset.to) });
  const to = h('input', { type: 'date', id: 'filter-to', value: day(q.to), min: day(dataset.from), max: day(dataset.to) });
  const applyDates = () =>
    actions.setQuery({ from: from.value ? `${from.value}T00:00:00.000Z` : undefined, to: to.value ? `${to.value}T23:59:59.999Z` : undefined });
  from.addEventListener('change', applyDates);
  to.addEventListener('change', applyDates);

  // A slider over the sessions: each step is a session's day, so moving it never lands between chats.
  const days = remember(`${dataset.id}:days`, loaded.payload.attributes.meta.sessions.map((x) => x.start.slice(0, 10))).filter((d) => d !== 'unknown').sort();
  const indexOf = (day: string | undefined, fallback: number) => {
    if (!day) return fallback;
    const i = days.findIndex((d) => d >= day);
    return i < 0 ? days.length - 1 : i;
  };
  const fromIndex = indexOf(day(q.from), 0);
  const toIndex = q.to ? Math.max(fromIndex, days.findLastIndex((d) => d <= day(q.to)!)) : days.length - 1;
  const sliderFrom = h('input', { type: 'range', id: 'sessions-from', min: 0, max: Math.max(0, days.length - 1), step: 1, value: fromIndex, 'aria-valuetext': days[fromIndex] ?? '' });
  const sliderTo = h('input', { type: 'range', id: 'sessions-to', min: 0, max: Math.max(0, days.length - 1), step: 1, value: toIndex, 'aria-valuetext': days[toIndex] ?? '' });
  const sliderText = h('span', { class: 'muted', id: 'sessions-range' }, days.length ? `${days[fromIndex]} – ${days[toIndex]} (${toIndex - fromIndex + 1} session days)` : '');
  const showSlider = () => {
    const [a, b] = [Number(sliderFrom.value), Number(sliderTo.value)].sort((x, y) => x - y) as [number, number];
    sliderText.textContent = `${days[a]} – ${days[b]} (${b - a + 1} session days)`;
    sliderFrom.setAttribute('aria-valuetext', days[Number(sliderFrom.value)] ?? '');
    sliderTo.setAttribute('aria-valuetext', days[Number(sliderTo.value)] ?? '');
    return [a, b] as const;
  };
  for (const slider of [sliderFrom, sliderTo]) {
    slider.addEventListener('input', () => void showSlider());
    slider.addEventListener('change', () => {
      const [a, b] = showSlider();
      const all = a === 0 && b === days.length - 1;
      actions.setQuery({ from: all ? undefined : `${days[a]}T00:00:00.000Z`, to: all ? undefined : `${days[b]}T23:59:59.999Z` });
    });
  }

  const sectorValues = remember(`${dataset.id}:sector`, [...loaded.categories.sector.map((c) => c.value), ...(q.sectors ?? [])]);
  const regionValues = remember(`${dataset.id}:region`, [...loaded.categories.region.map((c) => c.value), ...(q.regions ?? [])]);
  const minWeight = h('input', { type: 'number', id: 'filter-min-weight', min: 0, step: 0.1, value: q.minWeight ?? 0 });
  minWeight.addEventListener('change', () => actions.setQuery({ minWeight: Number(minWeight.value) > 0 ? Number(minWeight.value) : undefined }));

  const community = h('select', { id: 'filter-community' },
    h('option', { value: '' }, 'All communities'),
    ...loaded.payload.attributes.meta.communities.map((c) => h('option', { value: c.id, selected: view.community === c.id }, `Community ${c.id + 1} (${c.size})`)),
  );
  community.addEventListener('change', () => actions.setCommunity(community.value === '' ? undefined : Number(community.value)));

  container.replaceChildren(
    h('h2', {}, 'Find a person'),
    h('label', { for: 'search', class: 'visually-hidden' }, 'Find a person by name or handle'),
    search,
    datalist,
    h('h2', {}, 'Filters'),
    checkList('Chats', 'chats', dataset.chats.map((c) => ({ value: c, label: c })), q.chats ?? [], (chats) => actions.setQuery({ chats })),
    h('fieldset', {}, h('legend', {}, 'Dates'),
      days.length > 1
        ? h('div', {},
            h('label', { for: 'sessions-from' }, 'First session'), sliderFrom,
            h('label', { for: 'sessions-to' }, 'Last session'), sliderTo,
            sliderText)
        : h('span'),
      h('label', { class: 'field' }, 'From ', from), h('br'), h('label', { class: 'field' }, 'To ', to)),
    checkList('Sectors', 'sectors', sectorValues.map((v) => ({ value: v, label: SECTOR_LABELS[v] ?? v })), q.sectors ?? [], (sectors) => actions.setQuery({ sectors })),
    checkList('Regions', 'regions', regionValues.map((v) => ({ value: v, label: v === 'unknown' ? 'Unknown' : v })), q.regions ?? [], (regions) => actions.setQuery({ regions })),
    checkList('Ties', 'kinds', TIE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })), q.kinds ?? DEFAULT_BUILD_OPTIONS.kinds, (kinds) =>
      actions.setQuery({ kinds: kinds.length === 0 ? [...TIE_KINDS] : (kinds as TieKind[]) }),
    ),
    h('label', { class: 'field' }, 'Minimum tie weight ', minWeight),
    h('h2', {}, 'Show'),
    h('label', { class: 'field' }, 'Community ', community),
    h('p', {}, h('button', { type: 'button', id: 'reset-filters', onclick: actions.reset }, 'Reset filters')),
  );
}
