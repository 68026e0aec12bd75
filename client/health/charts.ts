/**
 * One chart of the health view: a Chart.js bar or bubble chart (only the
 * parts used are registered), a one-sentence summary a screen reader reads (the
 * canvas's label and the paragraph under the title), the same figures as a
 * table, and a PNG download (Chart.js's toBase64Image, on a painted
 * background so the file is not transparent).
 */
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { h } from '../ui/dom.js';
import { scrollBox } from './scroll-box.js';

Chart.register(BarController, BarElement, BubbleController, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Paints the canvas's background before drawing, so the PNG has one. */
const background: Plugin<'bar' | 'bubble'> = {
  id: 'health-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = getComputedStyle(chart.canvas).getPropertyValue('--surface').trim() || '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export interface ChartSpec {
  /** Element ids and the PNG's name. */
  id: string;
  title: string;
  /** One sentence: what the chart shows, with its main figure. */
  summary: string;
  config: ChartConfiguration<'bar'> | ChartConfiguration<'bubble'>;
  /** The figures as a table: head and rows, or a table of its own (the mixing matrix, its cells marked). */
  table: { head: readonly string[]; rows: readonly (readonly (string | number)[])[] } | HTMLTableElement;
}

export interface DrawnChart {
  element: HTMLElement;
  chart: Chart<'bar' | 'bubble'>;
}

function dataTable(spec: ChartSpec): HTMLTableElement {
  if (spec.table instanceof HTMLTableElement) return spec.table;
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, spec.title),
    h('thead', {}, h('tr', {}, ...spec.table.head.map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...spec.table.rows.map((r) =>
        h(
          'tr',
          {},
          ...r.map((cell, i) =>
            i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: typeof cell === 'number' ? 'num' : undefined }, cell),
          ),
        ),
      ),
    ),
  );
}

export function chartFigure(spec: ChartSpec): DrawnChart {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${spec.title}. ${spec.summary}` });
  const textColour = getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#1b1f24';
  // One configuration type for both kinds: Chart.js's per-type generics do not take a union.
  const config = spec.config as ChartConfiguration<'bar' | 'bubble'>;
  const chart = new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: textColour,
      ...config.options,
    },
    plugins: [...(config.plugins ?? []), background],
  });
  const download = () => {
    const link = h('a', { href: chart.toBase64Image('image/png', 1), download: `${spec.id}.png` });
    document.body.append(link);
    link.click();
    link.remove();
  };
  const element = h(
    'figure',
    { class: 'health-chart', id: spec.id, 'aria-labelledby': `${spec.id}-title` },
    h('h3', { id: `${spec.id}-title` }, spec.title),
    h('p', { class: 'chart-summary' }, spec.summary),
    h('div', { class: 'chart-box' }, canvas),
    h(
      'div',
      { class: 'chart-actions' },
      h('details', {}, h('summary', {}, 'Data table'), scrollBox(`${spec.title}, data table`, dataTable(spec))),
      h('button', { type: 'button', class: 'quiet', onclick: download }, `Download “${spec.title}” as PNG`),
    ),
  );
  return { element, chart };
}
