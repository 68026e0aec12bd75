/**
 * A mixing matrix (sector × sector or region × region) as a chart: a grid of
 * bubbles, one per pair of groups, its area the ties observed between them
 * and its colour whether that is more than random mixing would give (1.5×
 * or more), about as many, or fewer (two thirds or less) — a heat map drawn
 * with Chart.js's bubble chart, no plugin. Its data table is the matrix
 * itself: ties observed with, in brackets, what random mixing gives.
 */
import { PALETTE, type MixingMatrix } from '../../shared/index.js';
import { h } from '../ui/dom.js';
import type { ChartSpec } from './charts.js';
import { plural } from './words.js';

/** The groups with most ties: past ten the grid's labels no longer read. */
const MAX_GROUPS = 10;

type Level = 'high' | 'even' | 'low';
const LEVELS: { level: Level; label: string; colour: string }[] = [
  { level: 'high', label: 'more ties than random (1.5× or more)', colour: PALETTE[0]! },
  { level: 'even', label: 'about as random', colour: '#9aa0a6' },
  { level: 'low', label: 'fewer than random (⅔ or less)', colour: PALETTE[1]! },
];

function levelOf(observed: number, expected: number): Level {
  const ratio = expected > 0 ? observed / expected : 0;
  return ratio >= 1.5 ? 'high' : ratio <= 0.67 ? 'low' : 'even';
}

export function mixingSummary(m: MixingMatrix, which: 'sector' | 'region'): string {
  const within = m.groups.reduce((n, _, i) => n + m.observed[i]![i]!, 0);
  const expectedWithin = m.groups.reduce((n, _, i) => n + m.expected[i]![i]!, 0);
  return m.ties === 0
    ? 'No replies or mentions between participants in this selection.'
    : `${plural(m.ties, 'tie')} between participants; ${within} within the same ${which}, where random mixing would give ${Math.round(expectedWithin)}${m.assortativity === undefined ? '' : ` (assortativity r = ${m.assortativity})`}.`;
}

/** The matrix as a table: each cell observed ties and, in brackets, what random mixing gives; cells marked by level. */
function matrixTable(m: MixingMatrix, which: 'sector' | 'region', groups: readonly string[]): HTMLTableElement {
  const cell = (i: number, j: number) => {
    const observed = m.observed[i]![j]!;
    const expected = m.expected[i]![j]!;
    return h(
      'td',
      { class: `num mix-${levelOf(observed, expected)}` },
      String(observed),
      h('span', { class: 'expected' }, ` (${expected})`),
    );
  };
  return h(
    'table',
    { class: 'data-table matrix' },
    h(
      'caption',
      {},
      `${which === 'sector' ? 'Sector' : 'Region'} × ${which}: ties observed (expected under random mixing)${m.groups.length > groups.length ? `, the ${groups.length} ${which}s with most ties` : ''}`,
    ),
    h('thead', {}, h('tr', {}, h('td', {}), ...groups.map((g) => h('th', { scope: 'col' }, g)))),
    h('tbody', {}, ...groups.map((g, i) => h('tr', {}, h('th', { scope: 'row' }, g), ...groups.map((_, j) => cell(i, j))))),
  );
}

export function mixingChart(m: MixingMatrix, which: 'sector' | 'region'): ChartSpec {
  const groups = m.groups.slice(0, MAX_GROUPS);
  const n = groups.length;
  const most = Math.max(1, ...groups.flatMap((_, i) => groups.map((__, j) => m.observed[i]![j]!)));
  // Area for ties: the largest bubble nearly fills its row where the plot is smallest (a phone's, about 170 px tall).
  const largest = Math.min(14, (0.45 * 170) / Math.max(1, n));
  const radius = (observed: number) => (observed === 0 ? 0 : 2 + (largest - 2) * Math.sqrt(observed / most));
  const points = groups.flatMap((_, i) =>
    groups.map((__, j) => ({
      x: j,
      y: i,
      r: radius(m.observed[i]![j]!),
      level: levelOf(m.observed[i]![j]!, m.expected[i]![j]!),
    })),
  );
  const axis = (reverse: boolean) => ({
    type: 'linear' as const,
    min: -0.5,
    max: n - 0.5,
    reverse,
    // One tick a group, at its row or column (a linear scale from -0.5 would put them between).
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
      scale.ticks = groups.map((_, value) => ({ value }));
    },
    ticks: { autoSkip: false, callback: (v: number | string) => groups[Number(v)] ?? '' },
    grid: { display: false },
  });
  const word = which === 'sector' ? 'Sector' : 'Region';
  return {
    id: `chart-mixing-${which}`,
    title: `${word} × ${which} mixing`,
    summary: mixingSummary(m, which),
    config: {
      type: 'bubble',
      data: {
        datasets: LEVELS.map(({ level, label, colour }) => ({
          label,
          data: points.filter((p) => p.level === level && p.r > 0).map(({ x, y, r }) => ({ x, y, r })),
          backgroundColor: colour,
        })),
      },
      options: {
        scales: { x: axis(false), y: axis(true) },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c) => {
                const { x, y } = c.raw as { x: number; y: number };
                return `${groups[y]} × ${groups[x]}: ${m.observed[y]![x]} ties (random mixing: ${m.expected[y]![x]})`;
              },
            },
          },
        },
      },
    },
    table: matrixTable(m, which, groups),
  };
}
