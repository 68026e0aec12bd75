/**
 * The health report as CSV, through the one CSV writer (shared/csv.ts:
 * formula-safe, BOM, CRLF). The sessions list is one row a session; a
 * session and the series are long tables (`section, key, measure, value`),
 * since questions, first-timers, mixes and matrices have different shapes
 * and a long table holds them all in one file a spreadsheet can pivot.
 */
import { csvTable, type CsvCell } from '../../../shared/csv.js';
import type { HealthSeries, SessionFigures, SessionHealth } from '../../../shared/index.js';

const LIST = '; ';

export const SESSION_LIST_COLUMNS = [
  'id',
  'chat',
  'number',
  'start',
  'end',
  'messages',
  'participants',
  'newcomers',
  'returning',
  'questions_asked',
  'questions_answered',
  'newcomers_welcomed',
  'newcomers_came_back',
  'newcomer_names',
] as const;

export function sessionListCsv(sessions: readonly SessionFigures[]): string {
  return csvTable(
    SESSION_LIST_COLUMNS,
    sessions.map((s) => [
      s.id,
      s.chat,
      s.number,
      s.start,
      s.end,
      s.messages,
      s.participants,
      s.newcomers,
      s.returning,
      s.questionsAsked,
      s.questionsAnswered,
      s.newcomersWelcomed,
      s.newcomersCameBack,
      s.newcomerNames.join(LIST),
    ]),
  );
}

export const LONG_COLUMNS = ['section', 'key', 'measure', 'value'] as const;
type LongRow = [section: string, key: string, measure: string, value: CsvCell];

export function sessionCsv(s: SessionHealth): string {
  const rows: LongRow[] = [];
  const figures: [string, CsvCell][] = [
    ['chat', s.chat],
    ['number', s.number],
    ['start', s.start],
    ['end', s.end],
    ['messages', s.messages],
    ['participants', s.participants],
    ['newcomers', s.newcomers],
    ['returning', s.returning],
    ['questions_asked', s.questionsAsked],
    ['questions_answered', s.questionsAnswered],
    ['newcomers_welcomed', s.newcomersWelcomed],
    ['newcomers_came_back', s.newcomersCameBack],
    ['unanswered', s.unanswered.map((n) => `Q${n}`).join(LIST)],
  ];
  for (const [measure, value] of figures) rows.push(['session', s.id, measure, value]);
  for (const q of s.questions) {
    const key = `Q${q.number}`;
    if (q.askedAt) rows.push(['question', key, 'asked_at', q.askedAt]);
    if (q.askedBy) rows.push(['question', key, 'asked_by', q.askedBy.name]);
    rows.push(['question', key, 'answerers', q.answerers], ['question', key, 'answered_by', q.answeredBy.map((p) => p.name).join(LIST)]);
    rows.push(['question', key, 'answers', q.answers]);
    if (q.firstAnswerSeconds !== undefined) rows.push(['question', key, 'first_answer_seconds', q.firstAnswerSeconds]);
    rows.push(['question', key, 'replies_among_answerers', q.repliesAmongAnswerers]);
  }
  for (const f of s.firstTimers) {
    // Keyed by the person's key: two first-timers may share a display name.
    const key = f.person.key;
    rows.push(
      ['first-timer', key, 'name', f.person.name],
      ['first-timer', key, 'welcomed', f.welcomed ? 'yes' : 'no'],
      ['first-timer', key, 'welcomed_by', f.welcomedBy.map((p) => p.name).join(LIST)],
    );
    rows.push(['first-timer', key, 'came_back', f.cameBack ? 'yes' : 'no'], ['first-timer', key, 'sessions_after', f.sessionsAfter]);
  }
  for (const g of s.sectors) rows.push(['sector', g.value, 'people', g.people]);
  for (const g of s.regions) rows.push(['region', g.value, 'people', g.people]);
  for (const t of s.localTimes) rows.push(['local-time', t.region, 'start', t.times.join(LIST)]);
  return csvTable(LONG_COLUMNS, rows);
}

export function seriesCsv(h: HealthSeries): string {
  const rows: LongRow[] = [];
  for (const p of h.series) {
    rows.push(['series', p.session, 'participants', p.participants], ['series', p.session, 'newcomers', p.newcomers]);
    rows.push(['series', p.session, 'returning', p.returning]);
    for (const g of p.sectors) rows.push(['series', p.session, `sector:${g.value}`, g.people]);
    for (const g of p.regions) rows.push(['series', p.session, `region:${g.value}`, g.people]);
  }
  for (const [key, t] of [
    ['welcomed', h.returns.welcomed],
    ['not-welcomed', h.returns.notWelcomed],
  ] as const) {
    rows.push(['returns', key, 'first_timers', t.firstTimers], ['returns', key, `came_back_within_${h.returnWindow}`, t.cameBack]);
  }
  for (const [name, m] of [
    ['sector', h.mixing.sector],
    ['region', h.mixing.region],
  ] as const) {
    const section = `mixing-${name}`;
    rows.push([section, 'all', 'ties', m.ties]);
    if (m.assortativity !== undefined) rows.push([section, 'all', 'assortativity', m.assortativity]);
    m.groups.forEach((gi, i) =>
      m.groups.forEach((gj, j) => {
        if (j < i) return;
        rows.push([section, `${gi}|${gj}`, 'observed', m.observed[i]![j]!], [section, `${gi}|${gj}`, 'expected', m.expected[i]![j]!]);
      }),
    );
  }
  return csvTable(LONG_COLUMNS, rows);
}
