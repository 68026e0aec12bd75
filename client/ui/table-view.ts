/**
 * The table view: the same people (and ties) as the graph, for keyboard and
 * screen-reader users and for anyone who wants numbers. Sortable by any
 * column, filterable by text; choosing a row selects that person everywhere.
 */
import type { EdgeAttributes, ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { SECTOR_LABELS } from '../graph/model.js';
import { fmt, h } from './dom.js';
import { tieCount, tieReasons } from './panels.js';

export interface TableActions {
  select(key: string): void;
  isHidden(key: string): boolean;
}

type Column = { id: string; label: string; numeric?: boolean; value: (key: string) => string | number };

const ROW_LIMIT = 2000;
const sort = { column: 'weightedDegree', descending: true };
let filterText = '';

function columns(loaded: LoadedGraph): Column[] {
  const a = (k: string) => loaded.graph.getNodeAttributes(k);
  return [
    { id: 'label', label: 'Name', value: (k) => a(k).label },
    { id: 'handle', label: 'Handle', value: (k) => a(k).handle },
    { id: 'community', label: 'Community', numeric: true, value: (k) => a(k).community + 1 },
    { id: 'sector', label: 'Sector', value: (k) => SECTOR_LABELS[a(k).sector] ?? a(k).sector },
    { id: 'region', label: 'Region', value: (k) => a(k).region },
    { id: 'chats', label: 'Chats', value: (k) => a(k).chats.join(', ') },
    { id: 'messages', label: 'Messages', numeric: true, value: (k) => a(k).messages },
    { id: 'sessions', label: 'Sessions', numeric: true, value: (k) => a(k).sessions },
    { id: 'degree', label: 'Ties', numeric: true, value: (k) => tieCount(loaded, k) },
    { id: 'weightedDegree', label: 'Tie weight', numeric: true, value: (k) => a(k).weightedDegree },
  ];
}

export function renderTableView(container: HTMLElement, loaded: LoadedGraph, view: ViewState, actions: TableActions): void {
  const cols = columns(loaded);
  const byId = new Map(cols.map((c) => [c.id, c]));
  const sortCol = byId.get(sort.column) ?? cols[0]!;
  const needle = filterText.toLowerCase();
  const keys = loaded.graph
    .nodes()
    .filter((k) => !actions.isHidden(k))
    .filter((k) => !needle || cols.some((c) => String(c.value(k)).toLowerCase().includes(needle)))
    .sort((x, y) => {
      const vx = sortCol.value(x);
      const vy = sortCol.value(y);
      const order = typeof vx === 'number' && typeof vy === 'number' ? vx - vy : String(vx).localeCompare(String(vy));
      return (sort.descending ? -order : order) || (x < y ? -1 : 1);
    });

  const filter = h('input', { type: 'search', id: 'table-filter', value: filterText, placeholder: 'Filter people' });
  filter.addEventListener('input', () => {
    filterText = filter.value;
    renderTableView(container, loaded, view, actions);
    container.querySelector<HTMLInputElement>('#table-filter')?.focus();
  });

  const header = h(
    'tr',
    {},
    ...cols.map((c) => {
      const active = c.id === sort.column;
      return h(
        'th',
        {
          scope: 'col',
          class: c.numeric ? 'num' : undefined,
          'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : 'none',
        },
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              sort.descending = sort.column === c.id ? !sort.descending : !!c.numeric;
              sort.column = c.id;
              renderTableView(container, loaded, view, actions);
              container.querySelector<HTMLButtonElement>(`th[aria-sort] button[data-col="${c.id}"]`)?.focus();
            },
            'data-col': c.id,
          },
          c.label,
          active ? (sort.descending ? ' ▼' : ' ▲') : '',
        ),
      );
    }),
  );
  const rows = keys.slice(0, ROW_LIMIT).map((k) =>
    h(
      'tr',
      { 'aria-selected': String(view.selected === k), 'data-key': k },
      ...cols.map((c, i) => {
        const v = c.value(k);
        const text = typeof v === 'number' && !Number.isInteger(v) ? fmt.format(v) : String(v);
        return i === 0
          ? h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => actions.select(k) }, text))
          : h('td', { class: c.numeric ? 'num' : undefined }, text);
      }),
    ),
  );

  container.replaceChildren(
    h('h2', {}, 'People'),
    h('label', { for: 'table-filter', class: 'field' }, 'Filter ', filter),
    h(
      'p',
      { class: 'muted', 'aria-live': 'polite' },
      `${keys.length} people${keys.length > ROW_LIMIT ? `, first ${ROW_LIMIT} shown` : ''}`,
    ),
    h(
      'table',
      { id: 'people-table' },
      h('caption', { class: 'visually-hidden' }, 'People in the current view; column headers sort'),
      h('thead', {}, header),
      h('tbody', {}, ...rows),
    ),
    tiesTable(loaded, view, actions),
  );
}

function tiesTable(loaded: LoadedGraph, view: ViewState, actions: TableActions): HTMLElement {
  const g = loaded.graph;
  const label = (k: string) => g.getNodeAttribute(k, 'label');
  const edges = (view.selected && g.hasNode(view.selected) ? g.edges(view.selected) : g.edges())
    .filter((e) => !g.extremities(e).some((k) => actions.isHidden(k)))
    .map((e) => ({ e, a: g.getEdgeAttributes(e) as unknown as EdgeAttributes }))
    .sort((x, y) => y.a.weight - x.a.weight)
    .slice(0, 300);
  return h(
    'section',
    {},
    h('h2', {}, view.selected && g.hasNode(view.selected) ? `Ties of ${label(view.selected)}` : 'Strongest ties'),
    h(
      'table',
      { id: 'ties-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Person'),
          h('th', { scope: 'col' }, 'Person'),
          h('th', { scope: 'col', class: 'num' }, 'Weight'),
          h('th', { scope: 'col' }, 'What made it'),
        ),
      ),
      h(
        'tbody',
        {},
        ...edges.map(({ e, a }) => {
          const [s, t] = g.extremities(e);
          return h(
            'tr',
            {},
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.select(s) }, label(s))),
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => actions.select(t) }, label(t))),
            h('td', { class: 'num' }, fmt.format(a.weight)),
            h('td', {}, tieReasons(a)),
          );
        }),
      ),
    ),
  );
}
