/**
 * The chat over time, as charts: people per session (newcomers vs
 * returning), first-timers' return (welcomed vs not), sector and region
 * mix per session. The mixing matrices are in mixing-chart.ts.
 */
import { OTHER, PALETTE, type GroupCount, type HealthSeries } from '../../shared/index.js';
import type { ChartSpec } from './charts.js';
import { percent, plural, shortDate } from './words.js';

const NEW = PALETTE[1];
const RETURNING = PALETTE[0];
const FIRST = OTHER;

/** Axis labels: the date, with the chat when several are shown. */
const labelsOf = (s: HealthSeries, manyChats: boolean) =>
  s.series.map((p) => (manyChats ? `${shortDate(p.start)} ${p.chat}` : shortDate(p.start)));

export function peopleChart(s: HealthSeries, manyChats: boolean): ChartSpec {
  const onRecord = s.series.map((p) => p.participants - p.newcomers - p.returning);
  const total = s.series.reduce((n, p) => n + p.participants, 0);
  const newcomers = s.series.reduce((n, p) => n + p.newcomers, 0);
  const last = s.series.at(-1);
  return {
    id: 'chart-people',
    title: 'People per session, newcomers and returning',
    summary: last
      ? `${plural(s.series.length, 'session')}, ${Math.round(total / s.series.length)} people on average and ${plural(newcomers, 'newcomer')} in all; the latest had ${plural(last.participants, 'person', 'people')}, ${last.newcomers} new.`
      : 'No sessions in this selection.',
    config: {
      type: 'bar',
      data: {
        labels: labelsOf(s, manyChats),
        datasets: [
          { label: 'Returning', data: s.series.map((p) => p.returning), backgroundColor: RETURNING },
          { label: 'Newcomers', data: s.series.map((p) => p.newcomers), backgroundColor: NEW },
          { label: 'First session on record', data: onRecord, backgroundColor: FIRST },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'people' } } } },
    },
    table: {
      head: ['Session', 'People', 'Newcomers', 'Returning', 'First on record'],
      rows: s.series.map((p, i) => [labelsOf(s, manyChats)[i]!, p.participants, p.newcomers, p.returning, onRecord[i]!]),
    },
  };
}

export function returnsChart(s: HealthSeries): ChartSpec {
  const { welcomed: w, notWelcomed: n } = s.returns;
  const share = (t: { firstTimers: number; cameBack: number }) => (t.firstTimers ? Math.round((100 * t.cameBack) / t.firstTimers) : 0);
  return {
    id: 'chart-returns',
    title: `First-timers who came back within ${s.returnWindow} sessions`,
    summary:
      w.firstTimers + n.firstTimers === 0
        ? 'No first-timer has a later session yet.'
        : `Of ${plural(w.firstTimers, 'welcomed first-timer')}, ${w.cameBack} came back (${percent(w.cameBack, w.firstTimers)}); of ${plural(n.firstTimers, 'first-timer')} nobody welcomed, ${n.cameBack} came back (${percent(n.cameBack, n.firstTimers)}).`,
    config: {
      type: 'bar',
      data: {
        labels: ['Welcomed', 'Not welcomed'],
        datasets: [{ label: 'came back (%)', data: [share(w), share(n)], backgroundColor: [RETURNING, NEW] }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '% came back' } } },
      },
    },
    table: {
      head: ['First-timers', 'With a later session', 'Came back', 'Share'],
      rows: [
        ['Welcomed', w.firstTimers, w.cameBack, percent(w.cameBack, w.firstTimers)],
        ['Not welcomed', n.firstTimers, n.cameBack, percent(n.cameBack, n.firstTimers)],
      ],
    },
  };
}

/** Sector or region mix per session, the eight largest groups overall and the rest together. */
export function mixChart(s: HealthSeries, manyChats: boolean, which: 'sectors' | 'regions'): ChartSpec {
  const totals = new Map<string, number>();
  for (const p of s.series) for (const g of p[which]) totals.set(g.value, (totals.get(g.value) ?? 0) + g.people);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, 8).map(([g]) => g);
  const count = (groups: readonly GroupCount[], g: string) => groups.find((x) => x.value === g)?.people ?? 0;
  const rest = (groups: readonly GroupCount[]) => groups.filter((x) => !shown.includes(x.value)).reduce((n, x) => n + x.people, 0);
  const all = ranked.reduce((n, [, c]) => n + c, 0);
  const word = which === 'sectors' ? 'sector' : 'region';
  const top = ranked[0];
  const labels = labelsOf(s, manyChats);
  return {
    id: `chart-${which}`,
    title: `${which === 'sectors' ? 'Sector' : 'Region'} mix per session`,
    summary: top
      ? `${plural(ranked.length, word)} reached; the largest is ${top[0]}, ${percent(top[1], all)} of participants over all sessions.`
      : 'No sessions in this selection.',
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          ...shown.map((g, i) => ({
            label: g,
            data: s.series.map((p) => count(p[which], g)),
            backgroundColor: g === 'unknown' ? OTHER : PALETTE[i % PALETTE.length],
          })),
          ...(ranked.length > shown.length
            ? [{ label: 'other', data: s.series.map((p) => rest(p[which])), backgroundColor: '#c8c8c8' }]
            : []),
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'people' } } } },
    },
    table: {
      head: ['Session', ...shown, ...(ranked.length > shown.length ? ['other'] : [])],
      rows: s.series.map((p, i) => [
        labels[i]!,
        ...shown.map((g) => count(p[which], g)),
        ...(ranked.length > shown.length ? [rest(p[which])] : []),
      ]),
    },
  };
}
