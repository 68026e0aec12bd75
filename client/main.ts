/**
 * The first view: pick a dataset (the URL's ?dataset= or the first one),
 * draw its graph coloured by community with server-computed positions.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { fetchGraph, listDatasets } from './api.js';
import { colourOf } from './sigma/palette.js';
import type { GraphPayload } from '../shared/index.js';

const picker = document.querySelector<HTMLSelectElement>('#dataset-picker')!;
const summary = document.querySelector<HTMLParagraphElement>('#summary')!;
const legend = document.querySelector<HTMLElement>('#legend')!;
const container = document.querySelector<HTMLElement>('#graph')!;
let renderer: Sigma | undefined;

function renderLegend(payload: GraphPayload): void {
  const items = payload.attributes.meta.communities.slice(0, 12).map((c) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colourOf(c.id);
    const text = document.createElement('span');
    text.textContent = `Community ${c.id + 1}: ${c.size} people — ${c.chats[0]?.chat ?? ''}`;
    li.append(swatch, text);
    return li;
  });
  const list = document.createElement('ul');
  list.append(...items);
  legend.replaceChildren(list);
}

async function open(datasetId: string): Promise<void> {
  summary.textContent = 'Loading…';
  const payload = await fetchGraph(datasetId);
  const graph = Graph.from(payload as Parameters<typeof Graph.from>[0]);
  renderer?.kill();
  renderer = new Sigma(graph, container, {
    nodeReducer: (_node, attributes) => ({ ...attributes, color: colourOf(attributes.community as number) }),
    edgeReducer: (_edge, attributes) => ({ ...attributes, color: '#d0d0d0', size: 0.5 }),
    labelRenderedSizeThreshold: 9,
  });
  const { counts, modularity } = payload.attributes.meta;
  summary.textContent = `${counts.nodes} people, ${counts.edges} ties, ${counts.communities} communities (modularity ${modularity.toFixed(2)}), ${counts.sessions} sessions in ${counts.chats} chats`;
  renderLegend(payload);
  const url = new URL(location.href);
  url.searchParams.set('dataset', datasetId);
  history.replaceState(null, '', url);
}

async function start(): Promise<void> {
  const datasets = await listDatasets();
  if (datasets.length === 0) {
    summary.textContent = 'No dataset yet: upload one through the API (POST /api/datasets).';
    return;
  }
  picker.replaceChildren(...datasets.map((d) => new Option(`${d.name} (${d.counts.people} people)`, d.id)));
  const wanted = new URL(location.href).searchParams.get('dataset');
  picker.value = datasets.some((d) => d.id === wanted) ? wanted! : datasets[0]!.id;
  picker.addEventListener('change', () => void open(picker.value).catch(showError));
  await open(picker.value);
}

function showError(error: unknown): void {
  summary.textContent = `Could not load: ${error instanceof Error ? error.message : String(error)}`;
}

start().catch(showError);
