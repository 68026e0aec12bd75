/**
 * The Twitter-chat question habit read with its context: who asks and when.
 * A host posts `Q1 …`, `Q2 …` minutes apart; participants answer with
 * `A3 …` or, as often, `Q3: …` — the same marker the host used for the
 * question. Ingest reads only the marker (`Message.question`, `.answer`,
 * parse/text.ts); which `Q3` is the question and which an answer needs to
 * know who the host is, so it is read here, at analysis time:
 *
 * - the host(s) are the accounts that first posted a question number, twice
 *   or more in the session (or the one that did so most, on ties the
 *   earliest): a series of questions from one or two accounts;
 * - a host's first `Qn` is question n (a host repeating it asks nothing new);
 * - anyone else's `Qn`, and anyone's `An`, answers question n.
 *
 * `findQuestionSeries` reads the same habit across a whole chat, to find
 * where its sessions are (sessions/detect.ts).
 */

/** What the question reading needs of a message (a stored Message has all of it). */
export interface QuestionMarkedMessage {
  author: string;
  time: string;
  kind?: string;
  question?: number | undefined;
  answer?: number | undefined;
}

/** One numbered question of a session, with the messages that answer it. */
export interface SessionQuestion {
  /** The question's number (3 for `Q3`). */
  number: number;
  /** When the host asked it, ISO UTC; undefined when the session holds answers to n but not the question. */
  askedAt: string | undefined;
  /** Person key of the host who asked it; undefined as askedAt. */
  askedBy: string | undefined;
  /** Index (into the messages given) of the question's message; undefined as askedAt. */
  message: number | undefined;
  /** Indexes of the messages answering it, in time order (none from reposts). */
  answers: number[];
}

/** The questions of one session, by number; `session.members` in time order (as splitSessions gives them). */
export function readSessionQuestions(
  messages: readonly QuestionMarkedMessage[],
  session: { members: readonly number[] },
): SessionQuestion[] {
  const marked = session.members.filter((i) => {
    const m = messages[i]!;
    return m.kind !== 'repost' && (m.question !== undefined || m.answer !== undefined);
  });
  if (marked.length === 0) return [];
  const hosts = hostsOf(marked.map((i) => messages[i]!));
  const byNumber = new Map<number, SessionQuestion>();
  const entry = (n: number) => {
    let q = byNumber.get(n);
    if (!q) byNumber.set(n, (q = { number: n, askedAt: undefined, askedBy: undefined, message: undefined, answers: [] }));
    return q;
  };
  for (const i of marked) {
    const m = messages[i]!;
    if (m.question !== undefined && hosts.has(m.author)) {
      const q = entry(m.question);
      if (q.message === undefined) Object.assign(q, { askedAt: m.time, askedBy: m.author, message: i });
    } else {
      entry((m.question ?? m.answer)!).answers.push(i);
    }
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/**
 * Hosts of a run of marked messages in time order: who first posted each
 * question number; those who did so twice or more, else the one who did most.
 */
export function hostsOf(marked: readonly Pick<QuestionMarkedMessage, 'author' | 'question'>[]): Set<string> {
  const firstBy = new Map<number, string>();
  for (const m of marked) if (m.question !== undefined && !firstBy.has(m.question)) firstBy.set(m.question, m.author);
  const firsts = new Map<string, number>();
  for (const author of firstBy.values()) firsts.set(author, (firsts.get(author) ?? 0) + 1);
  const hosts = new Set<string>();
  let most: string | undefined;
  for (const [author, n] of firsts) {
    if (n >= 2) hosts.add(author);
    if (most === undefined || n > firsts.get(most)!) most = author;
  }
  if (most !== undefined) hosts.add(most);
  return hosts;
}

/** A marked message within a chat's time line: its position there, time (ms), author and marker. */
export interface TimelineMarker {
  at: number;
  ms: number;
  author: string;
  question: number | undefined;
  answer: number | undefined;
}

export interface QuestionSeriesOptions {
  /** A question asked more than this many minutes after the series' last one starts a new series. */
  seriesGapMinutes: number;
  /** Fewest distinct questions that make a series (one `Q1` is a stray, not a chat). */
  seriesMinQuestions: number;
  /** The series' session opens this many minutes before its first question (the host's welcome, introductions). */
  seriesLeadMinutes: number;
}

export const DEFAULT_QUESTION_SERIES_OPTIONS: QuestionSeriesOptions = {
  seriesGapMinutes: 30,
  seriesMinQuestions: 2,
  seriesLeadMinutes: 15,
};

/**
 * Question series in a chat's markers (time order): numbers asked for the
 * first time within `seriesGapMinutes` of each other, by any account (the
 * first poster of a number is its asker; participants' `Q1:` answers repeat
 * a number already asked). Each series spans from `seriesLeadMinutes`
 * before its first question to its last marker (question or answer to one
 * of its numbers) within `seriesGapMinutes` of its last question. Linear.
 */
export function findQuestionSeries(
  markers: readonly TimelineMarker[],
  options: QuestionSeriesOptions = DEFAULT_QUESTION_SERIES_OPTIONS,
): { startMs: number; endMs: number }[] {
  const gapMs = options.seriesGapMinutes * 60_000;
  const series: { startMs: number; endMs: number }[] = [];
  let asked = new Set<number>();
  let firstAsk = 0;
  let lastAsk = -Infinity;
  let end = 0;
  const close = () => {
    if (asked.size >= options.seriesMinQuestions) series.push({ startMs: firstAsk - options.seriesLeadMinutes * 60_000, endMs: end });
  };
  for (const m of markers) {
    const n = m.question ?? m.answer!;
    const open = m.ms - lastAsk <= gapMs;
    if (m.question !== undefined && !(open && asked.has(n))) {
      if (!open) {
        close();
        asked = new Set();
        firstAsk = m.ms;
      }
      asked.add(n);
      lastAsk = end = m.ms;
    } else if (open && asked.has(n)) {
      end = m.ms;
    }
  }
  close();
  return series;
}
