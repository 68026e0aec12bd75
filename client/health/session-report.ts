/**
 * One session as a report an organiser can print or post: its figures, each
 * question with its answerers and time to first answer, first-timers (who
 * welcomed them, whether they came back), the sector and region mix and
 * the local start time where it was reached. Print CSS shows only this.
 * Live, it can be replayed, downloaded and shared; a shared one (a snapshot)
 * is read-only and says when its figures were fixed.
 */
import type { SessionHealth } from '../../shared/index.js';
import { h } from '../ui/dom.js';
import { scrollBox } from './scroll-box.js';
import { clock, duration, plural, when } from './words.js';

export interface LiveReportActions {
  back(): void;
  /** Replays the session in the graph, its first-timers highlighted; the health view comes back when it ends. */
  replay(): void;
  csvHref: string;
  /** "Share this report" (share-report.ts). */
  share: HTMLElement;
}

/** A shared report: when its figures were fixed, and the way to the session's graph in the snapshot. */
export interface SharedReport {
  sharedAt: string;
  pseudonymous: boolean;
  showGraph(): void;
}

export type ReportActions = { live: LiveReportActions } | { shared: SharedReport };

/** "Fewest answers: Q4 (2 people); most: Q1 (9)." — the organiser's first question about a session. */
export function questionsVerdict(s: SessionHealth): string {
  const asked = s.questions.filter((q) => q.askedAt !== undefined);
  if (asked.length === 0) return 'No numbered questions were asked on record.';
  const fewest = asked.reduce((a, b) => (b.answerers < a.answerers ? b : a));
  const most = asked.reduce((a, b) => (b.answerers > a.answerers ? b : a));
  const tied = asked.filter((q) => q.answerers === fewest.answerers).map((q) => `Q${q.number}`);
  return `Fewest answers: ${tied.join(', ')} (${plural(fewest.answerers, 'person', 'people')}); most: Q${most.number} (${plural(most.answerers, 'person', 'people')}).`;
}

function cameBackWords(f: SessionHealth['firstTimers'][number]): string {
  if (f.cameBack) return 'yes';
  return f.sessionsAfter === 0 ? 'not known yet (no later session)' : `no (${plural(f.sessionsAfter, 'later session')})`;
}

function reportActions(actions: ReportActions): HTMLElement[] {
  const print = h('button', { type: 'button', onclick: () => window.print() }, 'Print this report');
  if ('shared' in actions) {
    const { sharedAt, pseudonymous, showGraph } = actions.shared;
    return [
      h(
        'p',
        { class: 'report-shared', id: 'report-shared-note' },
        `Shared report, read-only: the figures as they were on ${when(sharedAt)}${pseudonymous ? ', people as “Participant N”' : ''}.`,
      ),
      h('div', { class: 'report-actions no-print' }, print, h('button', { type: 'button', onclick: showGraph }, 'The session’s graph')),
    ];
  }
  const { back, replay, csvHref, share } = actions.live;
  return [
    h(
      'div',
      { class: 'report-actions no-print' },
      h('button', { type: 'button', onclick: back }, 'Back to all sessions'),
      print,
      h('button', { type: 'button', onclick: replay }, 'Replay in the graph'),
      h('a', { href: csvHref, download: '' }, 'Download as CSV'),
    ),
    share,
  ];
}

export function sessionReport(s: SessionHealth, actions: ReportActions): HTMLElement {
  const figure = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  const welcomedAll = s.newcomers ? `${s.newcomersWelcomed} of ${s.newcomers}` : 'no newcomers';
  return h(
    'article',
    { class: 'session-report', 'aria-labelledby': 'session-report-title' },
    h('h2', { id: 'session-report-title', tabindex: '-1' }, `${s.chat}, ${when(s.start)}`),
    ...reportActions(actions),
    h(
      'dl',
      { class: 'report-figures' },
      ...figure('Session', `${s.number} of the chat on record, ${clock(s.start)}–${clock(s.end)} UTC`),
      ...figure('People', `${s.participants} (${s.newcomers} new, ${s.returning} returning)`),
      ...figure('Messages', String(s.messages)),
      ...figure('Questions answered', s.questionsAsked ? `${s.questionsAnswered} of ${s.questionsAsked}` : 'none asked'),
      ...figure('Newcomers welcomed', welcomedAll),
    ),
    h('h3', {}, 'Questions'),
    h('p', { class: 'verdict' }, questionsVerdict(s)),
    s.unanswered.length ? h('p', {}, `Nobody answered ${s.unanswered.map((n) => `Q${n}`).join(', ')}.`) : null,
    s.questions.length
      ? scrollBox(
          'Questions table',
          h(
            'table',
            { class: 'data-table report-questions' },
            h('caption', {}, 'Each question, its answerers and how fast the first answer came'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['Question', 'Asked at (UTC)', 'Answerers', 'First answer after', 'Replies among answerers', 'Who answered'].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              ...s.questions.map((q) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, `Q${q.number}`),
                  h('td', {}, q.askedAt ? clock(q.askedAt) : 'not on record'),
                  h('td', { class: 'num' }, String(q.answerers)),
                  h('td', { class: 'num' }, q.firstAnswerSeconds === undefined ? '–' : duration(q.firstAnswerSeconds)),
                  h('td', { class: 'num' }, String(q.repliesAmongAnswerers)),
                  h('td', { class: 'names' }, q.answeredBy.map((p) => p.name).join(', ')),
                ),
              ),
            ),
          ),
        )
      : null,
    h('h3', {}, 'First-timers'),
    s.firstTimers.length
      ? scrollBox(
          'First-timers table',
          h(
            'table',
            { class: 'data-table report-first-timers' },
            h(
              'caption',
              {},
              'People here for the first time: who replied to or mentioned them, and whether they came back within three sessions',
            ),
            h('thead', {}, h('tr', {}, ...['Name', 'Welcomed by', 'Came back'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              ...s.firstTimers.map((f) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, f.person.name),
                  h('td', {}, f.welcomed ? f.welcomedBy.map((p) => p.name).join(', ') : 'nobody'),
                  h('td', {}, cameBackWords(f)),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, s.number === 1 ? 'The chat’s first session on record: everyone is new to the record.' : 'No first-timers.'),
    h('h3', {}, 'Who was there'),
    h(
      'div',
      { class: 'report-mix' },
      h('div', {}, h('h4', {}, 'Sectors'), h('ul', {}, ...s.sectors.map((g) => h('li', {}, `${g.value}: ${g.people}`)))),
      h('div', {}, h('h4', {}, 'Regions'), h('ul', {}, ...s.regions.map((g) => h('li', {}, `${g.value}: ${g.people}`)))),
      h(
        'div',
        {},
        h('h4', {}, 'Local start time'),
        s.localTimes.length
          ? h(
              'ul',
              {},
              ...s.localTimes.map((t) =>
                h('li', {}, `${t.region}: ${t.times.length > 1 ? `${t.times[0]}–${t.times.at(-1)}` : t.times[0]}`),
              ),
            )
          : h('p', {}, 'No known region.'),
      ),
    ),
  );
}
