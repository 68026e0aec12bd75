/**
 * Everything around the graph, drawn again from state: summary, caption,
 * lists, legend, filters, sessions, panel, table. Focus stays on the
 * control that was used (a re-render replaces it).
 */
import type { GraphQuery } from '../../shared/index.js';
import { keepingFocus } from '../ui/dom.js';
import { summaryLine } from '../ui/summary-line.js';
import { renderFilters } from '../ui/filters.js';
import { renderLegend } from '../ui/legend.js';
import { renderPeopleLists } from '../ui/people-lists.js';
import { renderTableView } from '../ui/table-view.js';
import { renderTimeline } from '../ui/timeline.js';
import type { App } from './context.js';
import { setRange, setSpeed, step, togglePlay } from './play.js';
import { replaySession } from './replay.js';
import { search } from './search.js';
import { wholeHistoryFigures } from './session-figures.js';
import { renderPanel, selectPerson, showCommunity } from './selection.js';

export function renderSurroundings(app: App): void {
  keepingFocus(() => render(app));
}

function render(app: App): void {
  const { els, view } = app;
  const state = view.get();
  const explorer = app.explorer.get();
  const { loaded, snapshot, datasets, drawnTies } = explorer;
  const dataset = datasets.find((d) => d.id === state.dataset);
  if (!loaded || (!dataset && !snapshot)) return;
  els.summary.textContent = summaryLine(loaded.payload.attributes.meta, drawnTies);
  els.caption.textContent = loaded.payload.attributes.meta.caption;
  renderPeopleLists(els.peopleLists, loaded, (key) => selectPerson(app, key, true));
  renderLegend(els.legend, loaded, state, {
    toggle: (value) => view.set((s) => ({ hidden: s.hidden.includes(value) ? s.hidden.filter((v) => v !== value) : [...s.hidden, value] })),
    openCommunity: (id) => showCommunity(app, id),
  });
  if (dataset && !snapshot)
    renderFilters(
      els.filters,
      dataset,
      loaded,
      state,
      { search: explorer.search, days: explorer.days, playing: explorer.playing !== undefined, playDelayMs: explorer.playDelayMs },
      {
        setQuery: (patch: Partial<GraphQuery>) =>
          view.set((s) => ({
            query: Object.fromEntries(
              Object.entries({ ...s.query, ...patch }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
            ) as GraphQuery,
          })),
        setCommunity: (community) => view.set({ community }),
        search: (text) => search(app, text),
        open: (key) => selectPerson(app, key, true),
        reset: () => view.set({ query: {}, hidden: [], community: undefined }),
        setRange: (a, b) => setRange(app, [a, b]),
        togglePlay: () => togglePlay(app),
        step: (direction) => step(app, direction),
        setSpeed: (delayMs) => setSpeed(app, delayMs),
      },
    );
  const drawn = loaded.payload.attributes.meta.dataset;
  renderTimeline(
    els.timeline,
    loaded,
    state,
    (from, to) => view.set((s) => ({ query: { ...s.query, from, to } })),
    snapshot ? undefined : (s) => void replaySession(app, s),
    // A snapshot keeps its own figures: the live dataset is not what was shared.
    snapshot ? undefined : wholeHistoryFigures(drawn.id, drawn.version, () => renderSurroundings(app)),
  );
  renderPanel(app);
  if (state.mode === 'table')
    renderTableView(els.tableView, loaded, state, { select: (key: string) => selectPerson(app, key), isHidden: app.isHidden });
}
