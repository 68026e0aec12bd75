/**
 * The sessions of each chat: when (date and how it was found, chat,
 * start–end, stacked so the table fits the side panel), people, messages,
 * questions and first-timers; picking one shows its graph.
 */
import type { SessionFoundBy, SessionSummary, ViewState } from '../../shared/index.js';
import type { WholeHistoryFigures } from '../app/session-figures.js';
import type { LoadedGraph } from '../graph/model.js';
import { clock, shortDate } from '../health/words.js';
import { dateFmt, h } from './dom.js';
import { icon } from './icons.js';

/** A word for how a session was found (server/pipeline/sessions/detect.ts), short enough for the panel. */
const FOUND_BY: Record<SessionFoundBy, string> = { gap: 'gap', burst: 'burst', questions: 'Q series', schedule: 'schedule' };
const FOUND_BY_TITLE: Record<SessionFoundBy, string> = {
  gap: 'found by the quiet around it',
  burst: 'found as a burst above the chat’s usual rate',
  questions: 'found from a host’s Q1…Qn series',
  schedule: 'from the chat’s schedule',
};

/**
 * First-timers (welcomed) as the Chat health view counts them, against the
 * chat's whole history, when `wholeHistory` knows the session; else the
 * payload's, counted within the view's selection (a snapshot, or before the
 * health list has been read).
 */
function newcomerCell(s: SessionSummary, wholeHistory: WholeHistoryFigures | undefined): HTMLElement {
  const known = wholeHistory?.get(s.id);
  const [n, welcomed] = known ? [known.newcomers, known.newcomersWelcomed] : [s.firstTimers, s.firstTimersWelcomed];
  return h(
    'td',
    {
      class: 'num',
      'data-newcomers': known ? 'whole-history' : 'selection',
      title: known ? 'First-timers in the chat’s whole history (welcomed)' : 'First-timers within this view (welcomed)',
    },
    `${n}${n ? ` (${welcomed})` : ''}`,
  );
}

export function renderTimeline(
  container: HTMLElement,
  loaded: LoadedGraph,
  view: ViewState,
  pick: (from: string | undefined, to: string | undefined) => void,
  replay?: (session: SessionSummary) => void,
  wholeHistory?: WholeHistoryFigures,
): void {
  const sessions = loaded.payload.attributes.meta.sessions;
  const filtered = view.query.from !== undefined || view.query.to !== undefined;
  const rows = sessions
    .slice(-200)
    .reverse()
    .map((s) =>
      h(
        'tr',
        { 'data-session': s.id },
        h(
          'td',
          { class: 'when' },
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => pick(s.start, s.end),
              title: `Show only this session of ${s.chat} (${dateFmt.format(new Date(s.start))}, ${clock(s.start)}–${clock(s.end)} UTC)`,
            },
            shortDate(s.start),
          ),
          h('span', { class: 'session-found', title: FOUND_BY_TITLE[s.foundBy ?? 'gap'] }, ` · ${FOUND_BY[s.foundBy ?? 'gap']}`),
          h('span', { class: 'session-chat' }, s.chat),
          h('span', { class: 'session-hours' }, `${clock(s.start)}–${clock(s.end)}`),
        ),
        h('td', { class: 'num' }, s.participants),
        h('td', { class: 'num' }, s.messages),
        h('td', { class: 'num' }, s.questions),
        newcomerCell(s, wholeHistory),
        replay
          ? h(
              'td',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: () => replay(s),
                  'aria-label': `Replay the ${s.chat} session of ${dateFmt.format(new Date(s.start))}`,
                  title: 'Replay',
                },
                icon('play'),
                h('span', { class: 'visually-hidden' }, 'Replay'),
              ),
            )
          : h('td'),
      ),
    );
  container.replaceChildren(
    h('h2', {}, `Sessions (${sessions.length})`),
    filtered ? h('p', {}, h('button', { type: 'button', onclick: () => pick(undefined, undefined) }, 'Show all dates')) : h('span'),
    h(
      'table',
      { class: 'sessions' },
      h('caption', { class: 'visually-hidden' }, 'Sessions, newest first'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', title: 'Dates and hours in UTC' }, 'Session'),
          h('th', { scope: 'col', class: 'num' }, 'People'),
          h('th', { scope: 'col', class: 'num' }, 'Msgs'),
          h('th', { scope: 'col', class: 'num' }, 'Qs'),
          h('th', { scope: 'col', class: 'num' }, 'New'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Replay')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
