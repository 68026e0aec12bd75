/** The sessions of each chat: date, people, messages, questions; picking one shows its graph. */
import type { ViewState } from '../../shared/index.js';
import type { LoadedGraph } from '../graph/model.js';
import { dateFmt, h } from './dom.js';

import type { SessionSummary } from '../../shared/index.js';

export function renderTimeline(
  container: HTMLElement,
  loaded: LoadedGraph,
  view: ViewState,
  pick: (from: string | undefined, to: string | undefined) => void,
  replay?: (session: SessionSummary) => void,
): void {
  const sessions = loaded.payload.attributes.meta.sessions;
  const filtered = view.query.from !== undefined || view.query.to !== undefined;
  const rows = sessions
    .slice(-200)
    .reverse()
    .map((s) =>
      h(
        'tr',
        {},
        h(
          'td',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => pick(s.start, s.end), title: `Show only this session of ${s.chat}` },
            dateFmt.format(new Date(s.start)),
          ),
        ),
        h('td', {}, s.chat),
        h('td', { class: 'num' }, s.participants),
        h('td', { class: 'num' }, s.messages),
        h('td', { class: 'num' }, s.questions),
        h(
          'td',
          { class: 'num', title: 'First-timers (welcomed)' },
          `${s.firstTimers}${s.firstTimers ? ` (${s.firstTimersWelcomed})` : ''}`,
        ),
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
                },
                'Replay',
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
          h('th', { scope: 'col' }, 'Date'),
          h('th', { scope: 'col' }, 'Chat'),
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
