/**
 * The "Chat health" view, beside the graph and the table: a chat picker, the
 * sessions full width (newest first), charts of the chat over time, and one
 * session's report when opened. Its state is the view's mode (`view=health`
 * in the URL) plus the chat picked and the session open, kept here; the side
 * effects (fetches, Chart.js instances) are all in this file. In a snapshot
 * of a session's report it shows that report, read-only; in a snapshot of a
 * graph it is not offered (the live dataset's health is not what was shared).
 */
import type { HealthSeries, SessionList, Snapshot } from '../../shared/index.js';
import type { App } from '../app/context.js';
import { replaySession } from '../app/replay.js';
import { announce } from '../ui/announcer.js';
import { h } from '../ui/dom.js';
import { csvUrl, fetchSeries, fetchSession, fetchSessions } from './api.js';
import type { DrawnChart } from './charts.js';
import { mixingChart } from './mixing-chart.js';
import { mixChart, peopleChart, returnsChart } from './series-charts.js';
import { sessionReport } from './session-report.js';
import { shareReportBox } from './share-report.js';
import { sessionsTable } from './sessions-table.js';
import './health.css';

const ALL = '';

interface HealthState {
  dataset?: string;
  /** The dataset's version read: a schedule saved elsewhere makes a new one. */
  version?: number;
  chat: string;
  list?: SessionList;
  series?: HealthSeries;
  open?: string;
}

export function wireHealthView(app: App): void {
  const button = h('button', { id: 'mode-health', type: 'button', 'aria-pressed': 'false' }, 'Chat health');
  app.els.modeTable.after(button);
  const picker = h('select', { id: 'health-chat' });
  const links = h('p', { class: 'health-links no-print' });
  const body = h('div', { id: 'health-body' });
  const section = h(
    'section',
    { id: 'health-view', class: 'health-view', hidden: true, 'aria-labelledby': 'health-title' },
    h(
      'div',
      { class: 'health-head no-print' },
      h('h2', { id: 'health-title' }, 'Chat health'),
      h('label', { class: 'field', id: 'health-chat-field' }, h('span', { class: 'field-text' }, 'Chat'), picker),
      links,
    ),
    body,
  );
  app.els.tableView.after(section);

  const state: HealthState = { chat: ALL };
  let charts: DrawnChart[] = [];
  // Chart.js (≈150 KB) loads when the view first opens, not before the graph's first picture.
  let chartFigure: typeof import('./charts.js').chartFigure | undefined;
  let request = 0;
  const chat = () => state.chat || undefined;
  const versionOf = (dataset: string | undefined) => app.explorer.get().datasets.find((d) => d.id === dataset)?.version;

  const clearCharts = () => {
    for (const c of charts) c.chart.destroy();
    charts = [];
  };

  const showList = (focusSession?: string) => {
    clearCharts();
    state.open = undefined;
    const { list, series } = state;
    const draw = chartFigure;
    if (!list || !series || !state.dataset || !draw) return;
    const manyChats = state.chat === ALL && list.chats.length > 1;
    const drawn = [
      peopleChart(series, manyChats),
      returnsChart(series),
      mixChart(series, manyChats, 'sectors'),
      mixChart(series, manyChats, 'regions'),
      mixingChart(series.mixing.sector, 'sector'),
      mixingChart(series.mixing.region, 'region'),
    ];
    const grid = h('div', { class: 'health-charts' });
    body.replaceChildren(
      list.sessions.length ? sessionsTable(list.sessions, openSession) : h('p', {}, 'No sessions in this selection.'),
      h('h2', { class: 'health-subtitle' }, 'Over time'),
      grid,
    );
    // Chart.js measures its box: the figures go in the page before the charts are made.
    for (const spec of drawn) {
      const placeholder = h('div');
      grid.append(placeholder);
      const c = draw(spec);
      placeholder.replaceWith(c.element);
      charts.push(c);
    }
    if (focusSession) body.querySelector<HTMLElement>(`[data-focus="session:${CSS.escape(focusSession)}"]`)?.focus();
  };

  async function openSession(id: string): Promise<void> {
    if (!state.dataset) return;
    const session = await fetchSession(state.dataset, id, chat());
    clearCharts();
    state.open = id;
    const csvHref = `/api/datasets/${encodeURIComponent(state.dataset)}/sessions/${encodeURIComponent(id)}?format=csv${state.chat ? `&chats=${encodeURIComponent(state.chat)}` : ''}`;
    body.replaceChildren(
      sessionReport(session, {
        live: {
          back: () => showList(id),
          replay: () =>
            void replaySession(
              app,
              session,
              session.firstTimers.map((f) => f.person.key),
            ),
          csvHref,
          share: shareReportBox(state.dataset, id),
        },
      }),
    );
    body.querySelector<HTMLElement>('#session-report-title')?.focus();
    announce(`Opened the session of ${session.chat}`);
  }

  const load = async () => {
    const dataset = app.view.get().dataset;
    if (!dataset) return;
    const mine = ++request;
    if (dataset !== state.dataset) state.chat = ALL;
    state.dataset = dataset;
    state.version = versionOf(dataset);
    body.replaceChildren(h('p', { role: 'status' }, 'Reading the sessions…'));
    try {
      const [list, series, charting] = await Promise.all([
        fetchSessions(dataset, chat()),
        fetchSeries(dataset, chat()),
        import('./charts.js'),
      ]);
      chartFigure = charting.chartFigure;
      if (mine !== request) return;
      Object.assign(state, { list, series });
      picker.replaceChildren(
        h('option', { value: ALL }, `All chats (${list.chats.length})`),
        ...list.chats.map((c) => h('option', { value: c, selected: c === state.chat }, c)),
      );
      picker.value = state.chat;
      links.replaceChildren(
        h('a', { href: csvUrl(dataset, 'sessions', chat()), download: '' }, 'Sessions as CSV'),
        ' · ',
        h('a', { href: csvUrl(dataset, 'health', chat()), download: '' }, 'Series and matrices as CSV'),
      );
      showList();
    } catch (error) {
      if (mine === request)
        body.replaceChildren(
          h('p', { role: 'alert' }, `Could not read the sessions: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
  };

  picker.addEventListener('change', () => {
    state.chat = picker.value;
    announce(state.chat ? `Showing ${state.chat}` : 'Showing all chats');
    void load();
  });
  button.addEventListener('click', () => app.view.set({ mode: 'health' }));

  /** A shared report, as the snapshot froze it: no picker, no list, no way to the live dataset. */
  let sharedShown: string | undefined;
  const showShared = (snapshot: Snapshot & { report: object }) => {
    if (sharedShown === snapshot.id) return;
    sharedShown = snapshot.id;
    section.querySelector<HTMLElement>('#health-chat-field')!.hidden = true;
    links.replaceChildren();
    body.replaceChildren(
      sessionReport(snapshot.report, {
        shared: {
          sharedAt: snapshot.createdAt,
          pseudonymous: snapshot.privacy === 'pseudonymous',
          showGraph: () => app.view.set({ mode: 'graph' }),
        },
      }),
    );
  };

  const follow = () => {
    const { mode, dataset } = app.view.get();
    // A snapshot shares one view of a graph, or a session's report: the live dataset's health is not what was shared.
    const snapshot = app.explorer.get().snapshot;
    const shared = snapshot?.report ? (snapshot as Snapshot & { report: object }) : undefined;
    button.hidden = Boolean(snapshot) && !shared;
    const on = mode === 'health' && (!snapshot || Boolean(shared));
    const wasOn = document.body.classList.contains('mode-health');
    section.hidden = !on;
    button.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('mode-health', on);
    // The graph was laid out in the health view's full width: once the panels are back, fitted to its own box.
    if (wasOn && mode === 'graph') requestAnimationFrame(() => app.renderer?.fitAll(false));
    if (!on) return clearCharts();
    if (shared) return showShared(shared);
    if (dataset !== state.dataset || versionOf(dataset) !== state.version || !state.list) void load();
    else if (!state.open && charts.length === 0) showList();
  };
  app.view.subscribe(follow);
  app.explorer.subscribe((state, previous) => {
    if (state.snapshot !== previous.snapshot || state.datasets !== previous.datasets) follow();
  });
  follow();
}
