/**
 * The explorer: one view store (mirrored in the URL), the graph for the
 * current query (fetched from the server, cached there), a sigma renderer
 * whose reducers derive all display from state, and the panels around it.
 * Side effects live here; everything else is a pure render of state.
 */
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import { DEFAULT_VIEW_STATE, encodeViewState, type Dataset, type GraphQuery, type SessionSummary, type Snapshot, type ViewState } from '../shared/index.js';
import { ApiFailure, fetchGraph, fetchMessages, fetchPeers, fetchPerson, fetchSnapshot, listDatasets, type PersonProfileView } from './api.js';
import { tokenForm } from './ui/token-form.js';
import { downloadBlob, viewToPng } from './graph/export-png.js';
import { pictureAppearance } from './graph/pseudonymous-picture.js';
import { attachKeyboard } from './graph/keyboard.js';
import { startRefine, type RefineHandle } from './graph/refine.js';
import { loadGraph, type AtlasNode, type LoadedGraph } from './graph/model.js';
import { createHoverTies, type HoverTies } from './sigma/hover-ties.js';
import { isHiddenNode, makeReducers, type Interaction } from './sigma/reducers.js';
import { tieDrawThreshold } from './sigma/tie-budget.js';
import { createViewStore, graphQueryOf, queryKey } from './state/view.js';
import { announce } from './ui/announcer.js';
import { h } from './ui/dom.js';
import { renderFilters } from './ui/filters.js';
import { renderLegend } from './ui/legend.js';
import { renderPeopleLists } from './ui/people-lists.js';
import { renderCommunityPanel, renderPersonPanel, tieCount, type PanelActions } from './ui/panels.js';
import { renderTableView } from './ui/table-view.js';
import { renderTimeline } from './ui/timeline.js';
import { openUploadDialog } from './ui/upload-dialog.js';
import { openShareDialog } from './ui/share-dialog.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const els = {
  picker: $<HTMLSelectElement>('#dataset-picker'),
  colourBy: $<HTMLSelectElement>('#colour-by'),
  sizeBy: $<HTMLSelectElement>('#size-by'),
  summary: $('#summary'),
  status: $('#status'),
  graph: $('#graph'),
  graphView: $('#graph-view'),
  tableView: $('#table-view'),
  legend: $('#legend'),
  panel: $('#panel'),
  filters: $('#filters'),
  timeline: $('#timeline'),
  modeGraph: $<HTMLButtonElement>('#mode-graph'),
  modeTable: $<HTMLButtonElement>('#mode-table'),
  refine: $<HTMLButtonElement>('#refine-layout'),
  upload: $<HTMLButtonElement>('#upload-button'),
  share: $<HTMLButtonElement>('#share-button'),
  banner: $('#snapshot-banner'),
};

// `/s/<id>` opens a snapshot read-only; `/embed/<id>` the same without chrome, for an iframe.
const snapshotRoute = /^\/(s|embed)\/([A-Za-z0-9_-]{22})\/?$/.exec(location.pathname);
let snapshot: Snapshot | undefined;
const view = createViewStore(snapshotRoute ? '' : location.search, !snapshotRoute);
const interaction: Interaction = {};
let datasets: Dataset[] = [];
let loaded: LoadedGraph | undefined;
let renderer: Sigma<AtlasNode> | undefined;
let hoverTies: HoverTies | undefined;
/** Which ties the page draws (big graphs draw only the strongest). */
let drawnTies = { minWeight: 0, drawn: 0 };
let refine: RefineHandle | undefined;
let communityPanel: number | undefined;
const profiles = new Map<string, PersonProfileView>();
let loadToken = 0;

/**
 * Past this many ties a graph is big: a hover draws the person's ties over
 * the graph instead of repainting it, people are drawn as points and ties as
 * 1-pixel lines (instanced shapes cost ten times more to draw without a
 * GPU), and ties and labels hide while the camera moves. Measured in
 * `npm run bench` (browser).
 */
const BIG_GRAPH_TIES = 20_000;
const isBig = () => (loaded?.graph.size ?? 0) > BIG_GRAPH_TIES;

const reducers = makeReducers(() => ({
  view: view.get(), loaded: loaded!, interaction, lightHover: isBig(), ...(drawnTies.minWeight > 0 ? { minDrawnWeight: drawnTies.minWeight } : {}),
}));
const isHidden = (key: string) => (loaded ? isHiddenNode({ view: view.get(), loaded, interaction }, key) : true);
const currentDataset = () => datasets.find((d) => d.id === view.get().dataset);

function setStatus(text: string, loading = false): void {
  els.status.textContent = text;
  els.status.classList.toggle('loading', loading);
}

const panelActions: PanelActions = {
  selectPerson: (key) => selectPerson(key, true),
  loadPeers: async (key) => {
    const state = view.get();
    if (snapshot || !state.dataset) return [];
    return (await fetchPeers(state.dataset, key, graphQueryOf(state))).peers;
  },
  showCommunity: (id) => {
    communityPanel = id;
    view.set({ selected: undefined });
    renderPanel();
    announce(`Community ${id + 1}`);
  },
  close: () => {
    communityPanel = undefined;
    view.set({ selected: undefined });
    els.graph.focus();
  },
};

function selectPerson(key: string | undefined, centre = false): void {
  communityPanel = undefined;
  interaction.focused = key;
  view.set({ selected: key });
  if (key && loaded?.graph.hasNode(key)) {
    const a = loaded.graph.getNodeAttributes(key);
    announce(`${a.label}: ${tieCount(loaded, key)} ties, community ${a.community + 1}`);
    if (centre && renderer) {
      const display = renderer.getNodeDisplayData(key);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(renderer.getCamera().ratio, 0.5) }, { duration: 400 });
    }
  }
}

function renderPanel(): void {
  const state = view.get();
  if (!loaded) return els.panel.replaceChildren();
  if (state.selected && loaded.graph.hasNode(state.selected)) {
    const key = state.selected;
    renderPersonPanel(els.panel, loaded, key, profiles.get(key), panelActions);
    if (!profiles.has(key) && state.dataset && !snapshot) {
      fetchPerson(state.dataset, key)
        .then((p) => {
          profiles.set(key, p);
          if (view.get().selected === key && loaded) renderPersonPanel(els.panel, loaded, key, p, panelActions);
        })
        .catch(() => profiles.set(key, { key, handle: key }));
    }
  } else if (communityPanel !== undefined) renderCommunityPanel(els.panel, loaded, communityPanel, panelActions);
  else els.panel.replaceChildren(h('p', { class: 'muted' }, 'Select a person or a community to see who they talk with.'));
}

function renderSurroundings(): void {
  const state = view.get();
  const dataset = currentDataset();
  if (!loaded || (!dataset && !snapshot)) return;
  const { counts, modularity, backbone } = loaded.payload.attributes.meta;
  // A big graph arrives as a backbone of its ties: say how many are drawn (communities and counts use them all).
  // Past the page's drawing budget only the strongest are drawn too; a hover or selection shows a person's all.
  const drawn =
    drawnTies.minWeight > 0 ? ` (drawing the ${drawnTies.drawn} strongest${backbone ? '' : '; hover or select someone to see all of theirs'})`
    : backbone ? ` (showing the ${backbone.edgesShown} strongest)` : '';
  els.summary.textContent = `${counts.nodes} people, ${counts.edges} ties${drawn}, ${counts.communities} communities (modularity ${modularity.toFixed(2)}), ${counts.messages} messages in ${counts.sessions} sessions of ${counts.chats} chats`;
  $('#caption').textContent = loaded.payload.attributes.meta.caption;
  renderPeopleLists($('#people-lists'), loaded, (key) => selectPerson(key, true));
  renderLegend(els.legend, loaded, state, (value) =>
    view.set((s) => ({ hidden: s.hidden.includes(value) ? s.hidden.filter((v) => v !== value) : [...s.hidden, value] })),
  );
  if (dataset && !snapshot) renderFilters(els.filters, dataset, loaded, state, {
    setQuery: (patch: Partial<GraphQuery>) => view.set((s) => ({ query: Object.fromEntries(Object.entries({ ...s.query, ...patch }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as GraphQuery })),
    setCommunity: (community) => view.set({ community }),
    search,
    reset: () => view.set({ query: {}, hidden: [], community: undefined }),
  });
  renderTimeline(els.timeline, loaded, state, (from, to) => view.set((s) => ({ query: { ...s.query, from, to } })), snapshot ? undefined : (s) => void replaySession(s));
  renderPanel();
  if (state.mode === 'table') renderTableView(els.tableView, loaded, state, { select: (key: string) => selectPerson(key), isHidden });
}

/** Hover: a full repaint on small graphs (the rest fades); on big ones only the hovered person's ties, drawn over it. */
function hover(node: string | undefined): void {
  interaction.hovered = node;
  if (hoverTies) hoverTies.show(node);
  else renderer?.refresh({ skipIndexation: true });
}

let replayTimer: ReturnType<typeof setInterval> | undefined;

/** Plays a session minute by minute: people appear with their first message, ties as both ends have spoken. */
async function replaySession(session: SessionSummary): Promise<void> {
  const state = view.get();
  if (!state.dataset) return;
  clearInterval(replayTimer);
  interaction.replay = undefined;
  view.set((s) => ({ query: { ...s.query, chats: [session.chat], from: session.start, to: session.end }, mode: 'graph' }));
  const messages = await fetchMessages(state.dataset, { chats: session.chat, from: session.start, to: session.end });
  const firstPost = new Map<string, number>();
  for (const m of messages) if (!firstPost.has(m.author)) firstPost.set(m.author, Date.parse(m.time));
  const start = Date.parse(session.start);
  const end = Date.parse(session.end);
  interaction.replay = { firstPost, until: start };
  setStatus('Replaying… (Escape or Stop ends it)', true);
  const stop = h('button', { type: 'button', id: 'replay-stop', onclick: () => finish() }, 'Stop replay');
  els.status.append(' ', stop);
  const finish = () => {
    clearInterval(replayTimer);
    interaction.replay = undefined;
    setStatus('');
    renderer?.refresh({ skipIndexation: true });
    announce('Replay finished');
  };
  replayTimer = setInterval(() => {
    if (!interaction.replay) return clearInterval(replayTimer);
    interaction.replay.until += 60_000;
    const people = [...firstPost.values()].filter((t) => t <= interaction.replay!.until).length;
    const minute = Math.round((interaction.replay.until - start) / 60_000);
    setStatus(`Replay: minute ${minute}, ${people} people`, true);
    els.status.append(' ', stop);
    renderer?.refresh({ skipIndexation: true });
    if (interaction.replay.until >= end) finish();
  }, 350);
}

function search(text: string): void {
  if (!loaded || !text.trim()) return;
  const needle = text.trim().toLowerCase().replace(/^@/, '');
  const nodes = loaded.graph.nodes();
  const label = (k: string) => loaded!.graph.getNodeAttributes(k);
  const found =
    nodes.find((k) => `${label(k).label} (@${label(k).handle})`.toLowerCase() === needle || label(k).handle.toLowerCase() === needle || label(k).label.toLowerCase() === needle || k === needle) ??
    nodes.find((k) => label(k).label.toLowerCase().includes(needle) || label(k).handle.toLowerCase().includes(needle));
  if (found) selectPerson(found, true);
  else announce(`No one matches ${text}`), setStatus(`No one matches “${text}”.`);
}

function applyMode(state: ViewState): void {
  const table = state.mode === 'table';
  els.graphView.hidden = table;
  els.tableView.hidden = !table;
  els.modeGraph.setAttribute('aria-pressed', String(!table));
  els.modeTable.setAttribute('aria-pressed', String(table));
}

async function loadCurrentGraph(): Promise<void> {
  const state = view.get();
  if (!state.dataset) return;
  const token = ++loadToken;
  setStatus('Loading the graph…', true);
  try {
    const payload = snapshot ? snapshot.payload : await fetchGraph(state.dataset, graphQueryOf(state));
    if (token !== loadToken) return;
    refine?.stop();
    loaded = loadGraph(payload);
    drawnTies = tieDrawThreshold(loaded.graph);
    hoverTies?.kill();
    hoverTies = undefined;
    renderer?.kill();
    const sigma = new Sigma<AtlasNode>(loaded.graph, els.graph, {
      nodeReducer: reducers.nodeReducer,
      edgeReducer: reducers.edgeReducer,
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.6,
      zIndex: true,
      // The graph's container is hidden in table mode; sigma must wait rather than throw.
      allowInvalidContainer: true,
      // Big graphs: draw ties and labels only when the camera rests, so panning stays fluid, and ties
      // as lines (a rectangle per tie costs far more to fill).
      hideEdgesOnMove: isBig(),
      hideLabelsOnMove: isBig(),
      ...(isBig()
        ? { defaultEdgeType: 'line', edgeProgramClasses: { line: EdgeLineProgram }, defaultNodeType: 'point', nodeProgramClasses: { point: NodePointProgram } }
        : {}),
      minCameraRatio: 0.05,
      maxCameraRatio: 10,
    });
    renderer = sigma;
    if (isBig()) {
      hoverTies = createHoverTies(sigma as unknown as Sigma, loaded.graph);
      // Sigma's mouse captor refreshes everything (every tie through the reducers again) after a drag, only to
      // draw the ties hideEdgesOnMove left out; nothing changed, so drawing is enough. This app itself always
      // refreshes with options.
      const refreshAll = sigma.refresh.bind(sigma);
      sigma.refresh = (options?: Parameters<typeof refreshAll>[0]) => (options === undefined ? sigma.scheduleRender() : refreshAll(options));
    }
    if (state.camera) sigma.getCamera().setState(state.camera);
    let cameraTimer: ReturnType<typeof setTimeout> | undefined;
    sigma.getCamera().on('updated', (c) => {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => view.set({ camera: { x: c.x, y: c.y, ratio: c.ratio } }), 250);
    });
    sigma.on('enterNode', ({ node }) => hover(node));
    sigma.on('leaveNode', () => hover(undefined));
    sigma.on('clickNode', ({ node }) => selectPerson(node));
    sigma.on('clickStage', () => selectPerson(undefined));
    if (state.selected && !loaded.graph.hasNode(state.selected)) view.set({ selected: undefined });
    setStatus('');
    renderSurroundings();
    announce(els.summary.textContent ?? '');
  } catch (error) {
    if (token === loadToken) setStatus(`Could not load the graph: ${error instanceof Error ? error.message : String(error)}`);
  }
}

view.subscribe((state, previous) => {
  applyMode(state);
  if (state.dataset && els.picker.value !== state.dataset) els.picker.value = state.dataset;
  els.colourBy.value = state.colourBy;
  els.sizeBy.value = state.sizeBy;
  if (queryKey(state) !== queryKey(previous)) {
    void loadCurrentGraph();
    return;
  }
  const onlyCamera = Object.keys(state).every((k) => k === 'camera' || state[k as keyof ViewState] === previous[k as keyof ViewState]);
  if (onlyCamera) return;
  if (state.colourBy !== previous.colourBy) view.set({ hidden: [] });
  if (state.mode !== previous.mode && state.mode === 'graph') renderer?.resize();
  renderer?.refresh({ skipIndexation: true });
  renderSurroundings();
});

els.picker.addEventListener('change', () => {
  profiles.clear();
  communityPanel = undefined;
  view.set({ ...DEFAULT_VIEW_STATE, dataset: els.picker.value });
});
els.colourBy.addEventListener('change', () => view.set({ colourBy: els.colourBy.value as ViewState['colourBy'] }));
els.sizeBy.addEventListener('change', () => view.set({ sizeBy: els.sizeBy.value as ViewState['sizeBy'] }));
els.modeGraph.addEventListener('click', () => view.set({ mode: 'graph' }));
els.modeTable.addEventListener('click', () => view.set({ mode: 'table' }));
els.refine.addEventListener('click', () => {
  if (!loaded) return;
  if (refine?.running()) return refine.stop();
  els.refine.setAttribute('aria-pressed', 'true');
  announce('Refining the layout');
  refine = startRefine(loaded.graph, () => {
    els.refine.setAttribute('aria-pressed', 'false');
    announce('Layout refined');
  });
});
els.upload.addEventListener('click', () =>
  openUploadDialog($('#upload-dialog') as HTMLDialogElement, async (dataset) => {
    datasets = await listDatasets();
    fillPicker();
    profiles.clear();
    view.set({ ...DEFAULT_VIEW_STATE, dataset: dataset.id });
  }),
);

attachKeyboard(els.graph, () => (loaded && renderer ? { loaded, renderer, focused: interaction.focused } : undefined), {
  focus: (key) => {
    interaction.focused = key;
    if (key && loaded) {
      const a = loaded.graph.getNodeAttributes(key);
      announce(`${a.label}, ${tieCount(loaded, key)} ties, community ${a.community + 1}. Enter for details.`);
    }
    renderer?.refresh({ skipIndexation: true });
  },
  open: (key) => selectPerson(key, true),
  back: () => {
    if (view.get().selected || communityPanel !== undefined) panelActions.close();
    else {
      interaction.focused = undefined;
      renderer?.refresh({ skipIndexation: true });
      announce('Left the person');
    }
  },
  isHidden,
});

function fillPicker(): void {
  els.picker.replaceChildren(...datasets.map((d) => new Option(`${d.name} (${d.counts.people} people)`, d.id)));
  if (view.get().dataset) els.picker.value = view.get().dataset!;
}

els.share.addEventListener('click', () => {
  const state = view.get();
  if (!state.dataset || !loaded || !renderer) return;
  openShareDialog($('#share-dialog') as HTMLDialogElement, {
    datasetId: state.dataset,
    query: graphQueryOf(state),
    people: loaded.graph.order,
    appearance: pictureAppearance(renderer as unknown as Sigma, state),
    input: {
      datasetId: state.dataset,
      options: state.query,
      view: { colourBy: state.colourBy, sizeBy: state.sizeBy, hidden: state.hidden, mode: state.mode, ...(state.community !== undefined ? { community: state.community } : {}), ...(state.selected ? { selected: state.selected } : {}), ...(state.camera ? { camera: state.camera } : {}) },
    },
    downloadPng: async () => {
      if (!renderer || !loaded) return;
      const title = els.legend.querySelector('h2')?.textContent ?? '';
      const blob = await viewToPng(renderer as unknown as Sigma, { title, categories: loaded.categories[view.get().colourBy].filter((c) => !view.get().hidden.includes(c.value)) }, els.summary.textContent ?? '');
      downloadBlob(blob, 'chat-atlas-view.png');
    },
  });
});

/** Opens `/s/<id>` or `/embed/<id>`: the stored payload and view, read-only. */
async function startSnapshot(kind: string, id: string): Promise<void> {
  setStatus('Loading the snapshot…', true);
  snapshot = await fetchSnapshot(id);
  const explore = encodeViewState({ ...DEFAULT_VIEW_STATE, ...snapshot.view, dataset: snapshot.datasetId, query: snapshot.options });
  const taken = new Date(snapshot.createdAt).toUTCString().slice(0, 16);
  for (const el of [els.picker.closest('label'), els.upload, els.share, els.refine]) if (el) (el as HTMLElement).hidden = true;
  const options = Object.entries(snapshot.options).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  els.filters.replaceChildren(
    h('h2', {}, 'Snapshot'),
    h('p', { id: 'snapshot-readonly' }, 'Read-only: this view is fixed as it was shared.'),
    h('h3', {}, 'Analysis options'),
    options.length ? h('ul', { class: 'panel-list' }, ...options.map((o) => h('li', {}, o))) : h('p', { class: 'muted' }, 'Defaults: all chats, all dates, all tie kinds.'),
  );
  els.banner.hidden = false;
  els.banner.replaceChildren(
    h('span', {}, `Snapshot of “${snapshot.payload.attributes.meta.dataset.name}” taken ${taken}${snapshot.privacy === 'pseudonymous' ? ', pseudonymous' : ''}. Read-only. `),
    snapshot.privacy === 'named' ? h('a', { href: `/?${explore.toString()}`, id: 'explore-from-here' }, 'Explore from here') : h('span'),
  );
  if (kind === 'embed') {
    document.body.classList.add('embed');
    const credit = $('#embed-credit');
    credit.hidden = false;
    credit.replaceChildren(h('a', { href: `/s/${id}`, target: '_blank', rel: 'noopener' }, 'Chat Atlas — open full view'));
  }
  // A pseudonymous snapshot names no dataset; its own id stands in, so the view loads (from the snapshot's payload, never the API).
  view.set({ ...DEFAULT_VIEW_STATE, ...snapshot.view, dataset: snapshot.datasetId ?? `snapshot:${snapshot.id}`, query: snapshot.options });
}

async function start(): Promise<void> {
  if (snapshotRoute) return startSnapshot(snapshotRoute[1]!, snapshotRoute[2]!);
  applyMode(view.get());
  els.colourBy.value = view.get().colourBy;
  els.sizeBy.value = view.get().sizeBy;
  setStatus('Loading datasets…', true);
  datasets = await listDatasets();
  if (datasets.length === 0) {
    setStatus('');
    els.summary.textContent = 'No dataset yet. Upload a chat export to see who talks with whom.';
    return;
  }
  const wanted = view.get().dataset;
  if (!wanted || !datasets.some((d) => d.id === wanted)) {
    // No dataset named: open the first with the rest of the URL's view; an unknown one: a fresh view.
    view.set(wanted ? { ...DEFAULT_VIEW_STATE, dataset: datasets[0]!.id } : { dataset: datasets[0]!.id }); // the subscription loads it
    fillPicker();
  } else {
    fillPicker();
    await loadCurrentGraph();
  }
}

start().catch((error: unknown) => {
  setStatus(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof ApiFailure && error.status === 401) els.status.append(' ', tokenForm(() => location.reload()));
});
