/**
 * Time that plays: the date range as one slider of session days (two
 * thumbs on one track), and Play/Pause, a step back and forward, and a
 * speed, so the graph grows session by session. All native controls, so
 * keyboard and screen readers work them as they know; each step is
 * announced by the page (app/play.ts).
 */
import { PLAY_SPEEDS } from '../state/time-range.js';
import { h } from './dom.js';
import { icon } from './icons.js';

export interface TimePlayerActions {
  setRange(a: number, b: number): void;
  togglePlay(): void;
  step(direction: 1 | -1): void;
  setSpeed(delayMs: number): void;
}

export function renderTimePlayer(
  days: readonly string[],
  [a, b]: [number, number],
  playing: boolean,
  delayMs: number,
  actions: TimePlayerActions,
): HTMLElement {
  const last = Math.max(0, days.length - 1);
  const from = h('input', {
    type: 'range',
    id: 'sessions-from',
    min: 0,
    max: last,
    step: 1,
    value: a,
    'aria-valuetext': days[a] ?? '',
    'aria-label': 'First session day',
  });
  const to = h('input', {
    type: 'range',
    id: 'sessions-to',
    min: 0,
    max: last,
    step: 1,
    value: b,
    'aria-valuetext': days[b] ?? '',
    'aria-label': 'Last session day',
  });
  const text = h(
    'span',
    { class: 'muted', id: 'sessions-range' },
    days.length ? `${days[a]} – ${days[b]} (${b - a + 1} session days)` : '',
  );
  const track = h(
    'div',
    { class: 'range-track', style: `--from:${last ? (a / last) * 100 : 0}%;--to:${last ? (b / last) * 100 : 100}%` },
    from,
    to,
  );
  const read = () => {
    const [x, y] = [Number(from.value), Number(to.value)].sort((p, q) => p - q) as [number, number];
    text.textContent = `${days[x]} – ${days[y]} (${y - x + 1} session days)`;
    from.setAttribute('aria-valuetext', days[Number(from.value)] ?? '');
    to.setAttribute('aria-valuetext', days[Number(to.value)] ?? '');
    track.style.setProperty('--from', `${last ? (x / last) * 100 : 0}%`);
    track.style.setProperty('--to', `${last ? (y / last) * 100 : 100}%`);
    return [x, y] as const;
  };
  for (const slider of [from, to]) {
    slider.addEventListener('input', () => void read());
    slider.addEventListener('change', () => actions.setRange(...read()));
  }
  const speed = h(
    'select',
    { id: 'play-speed', 'aria-label': 'Play speed' },
    ...PLAY_SPEEDS.map((s) => h('option', { value: s.delayMs, selected: s.delayMs === delayMs }, s.label)),
  );
  speed.addEventListener('change', () => actions.setSpeed(Number(speed.value)));
  return h(
    'div',
    { class: 'time-player' },
    track,
    text,
    h(
      'div',
      { class: 'play-controls', role: 'group', 'aria-label': 'Play through the sessions' },
      h(
        'button',
        {
          type: 'button',
          id: 'step-back',
          'aria-label': 'One session day back',
          'aria-disabled': String(b <= a),
          onclick: () => b > a && actions.step(-1),
        },
        icon('back'),
      ),
      h(
        'button',
        { type: 'button', id: 'play', class: 'primary', onclick: actions.togglePlay },
        ...(playing ? [icon('pause'), ' Pause'] : [icon('play'), ' Play']),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'step-forward',
          'aria-label': 'One session day forward',
          'aria-disabled': String(b >= last),
          onclick: () => b < last && actions.step(1),
        },
        icon('forward'),
      ),
      speed,
    ),
  );
}
