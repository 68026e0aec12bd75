/**
 * The sessions, newest first, full width: date (opens the session), chat,
 * people, questions answered, newcomers welcomed and came back, and the
 * newcomers by name.
 */
import type { SessionFigures } from '../../shared/index.js';
import { h } from '../ui/dom.js';
import { scrollBox } from './scroll-box.js';
import { when } from './words.js';

export function sessionsTable(sessions: readonly SessionFigures[], open: (id: string) => void): HTMLElement {
  const newestFirst = [...sessions].reverse();
  return scrollBox(
    'Sessions',
    h(
      'table',
      { class: 'data-table health-sessions' },
      h('caption', {}, `Sessions, newest first (${sessions.length})`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Session', 'Chat', 'People', 'Questions answered', 'Newcomers welcomed', 'Newcomers came back', 'Newcomers'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...newestFirst.map((s) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              h(
                'button',
                { type: 'button', class: 'link-button', 'data-focus': `session:${s.id}`, onclick: () => open(s.id) },
                when(s.start),
              ),
            ),
            h('td', { 'data-label': 'Chat' }, s.chat),
            h('td', { class: 'num', 'data-label': 'People' }, `${s.participants}`, h('span', { class: 'muted' }, ` (${s.newcomers} new)`)),
            h(
              'td',
              { class: 'num', 'data-label': 'Questions answered' },
              s.questionsAsked ? `${s.questionsAnswered} of ${s.questionsAsked}` : '–',
            ),
            h('td', { class: 'num', 'data-label': 'Newcomers welcomed' }, s.newcomers ? `${s.newcomersWelcomed} of ${s.newcomers}` : '–'),
            h('td', { class: 'num', 'data-label': 'Newcomers came back' }, s.newcomers ? `${s.newcomersCameBack} of ${s.newcomers}` : '–'),
            h('td', { class: 'names', 'data-label': 'Newcomers' }, s.newcomerNames.join(', ')),
          ),
        ),
      ),
    ),
    'sessions-scroll',
  );
}
