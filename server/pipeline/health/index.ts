/**
 * Chat health (issue 22): messages → the organiser's report. Per session:
 * participants new and returning, questions and their answers, first-timers
 * (welcomed? came back?), sector and region mix, local start times; over the
 * window: series, returns of welcomed vs not welcomed first-timers, and
 * sector × sector and region × region mixing matrices.
 *
 * Pure. The messages are a chat's whole history (the caller reads the chats
 * without a time window): sessions, first-timers and returns are read
 * against all of it, and only the sessions overlapping `from`…`to` are
 * reported, so a session's figures never depend on the window it is seen in.
 */
import {
  DEFAULT_BUILD_OPTIONS,
  DEFAULT_RETURN_WINDOW,
  type FirstTimer,
  type ChatSchedule,
  type HealthOptions,
  type HealthPerson,
  type HealthReport,
  type Message,
  type SeriesPoint,
  type SessionHealth,
} from '../../../shared/index.js';
import { splitSessions } from '../sessions.js';
import { readSessionQuestions } from '../sessions/questions.js';
import { addresseesOf } from '../welcomers.js';
import { replyTargets } from './reply-targets.js';
import { cameBack, chatHistories, firstTimersOf, type ChatHistory, type ChatSession } from './chat-history.js';
import { groupMix } from './group-mix.js';
import { localTimes } from './local-times.js';
import { mixingMatrix } from './mixing.js';
import { questionFigures } from './question-figures.js';

export const DEFAULT_HEALTH_OPTIONS: HealthOptions = Object.freeze({
  chats: [],
  sessionGapMinutes: DEFAULT_BUILD_OPTIONS.sessionGapMinutes,
  returnWindow: DEFAULT_RETURN_WINDOW,
}) as HealthOptions;

export interface HealthInput {
  /** Every message of the chats concerned (opted-out people's already removed). */
  messages: readonly Message[];
  /** A person's display name. */
  nameOf: (key: string) => string;
  sectorOf: (key: string) => string;
  regionOf: (key: string) => string;
  /** Relay accounts (anonymous-question relays): they count as participants but make no ties in the mixing matrices. */
  relays?: ReadonlySet<string>;
  /** The chats' schedules kept with the dataset: their sessions are the scheduled hours, as in the graph. */
  schedules?: ChatSchedule[];
}

export function computeHealth(input: HealthInput, optionsInput: Partial<HealthOptions> = {}): HealthReport {
  const options = { ...DEFAULT_HEALTH_OPTIONS, ...optionsInput };
  if (!(Number.isInteger(options.returnWindow) && options.returnWindow > 0))
    throw new Error(`health: returnWindow must be a positive integer, got ${options.returnWindow}`);
  const chats = new Set(options.chats);
  const messages = chats.size ? input.messages.filter((m) => chats.has(m.chat)) : input.messages;
  const sessions = splitSessions(messages, { sessionGapMinutes: options.sessionGapMinutes, schedules: input.schedules });
  const histories = chatHistories(sessions, (i) => messages[i]!.author);

  const targetOf = replyTargets(messages);
  const repliedAuthor = (m: Message) => {
    const i = targetOf(m);
    return i === undefined ? undefined : messages[i]!.author;
  };
  const people = new Map<string, HealthPerson>();
  const person = (key: string) => {
    let p = people.get(key);
    if (!p) people.set(key, (p = { key, name: input.nameOf(key) }));
    return p;
  };

  const from = options.from ? Date.parse(options.from) : -Infinity;
  const to = options.to ? Date.parse(options.to) : Infinity;
  const shown: { history: ChatHistory; at: ChatSession }[] = [];
  for (const history of histories.values())
    for (const at of history.sessions)
      if (Date.parse(at.session.end) >= from && Date.parse(at.session.start) <= to) shown.push({ history, at });
  const order = new Map(sessions.map((s, i) => [s.id, i]));
  shown.sort((a, b) => order.get(a.at.session.id)! - order.get(b.at.session.id)!);

  // Ties among the shown sessions' participants for the mixing matrices: person → people they spoke to.
  const spokeTo = new Map<string, Set<string>>();
  const relays = input.relays ?? new Set<string>();
  const report: SessionHealth[] = shown.map(({ history, at }) => {
    const { session } = at;
    const newcomers = firstTimersOf(history, at);
    // Whom each message of the session speaks to: who welcomed whom, and the session's ties.
    const welcomers = new Map<string, Set<string>>();
    const newcomerSet = new Set(newcomers);
    for (const i of session.members) {
      const m = messages[i]!;
      for (const t of addresseesOf(m, repliedAuthor)) {
        if (newcomerSet.has(t)) (welcomers.get(t) ?? welcomers.set(t, new Set()).get(t)!).add(m.author);
        if (relays.has(m.author) || relays.has(t)) continue;
        (spokeTo.get(m.author) ?? spokeTo.set(m.author, new Set()).get(m.author)!).add(t);
      }
    }
    const firstTimers: FirstTimer[] = newcomers.map((key) => {
      const by = [...(welcomers.get(key) ?? [])];
      return {
        person: person(key),
        welcomed: by.length > 0,
        welcomedBy: by.map(person),
        ...cameBack(history, at, key, options.returnWindow),
      };
    });
    const questions = questionFigures({
      messages,
      members: session.members,
      questions: readSessionQuestions(messages, session),
      person,
    });
    const regions = groupMix(at.participants, input.regionOf);
    return {
      id: session.id,
      chat: session.chat,
      start: session.start,
      end: session.end,
      number: at.index + 1,
      messages: session.members.length,
      participants: at.participants.length,
      newcomers: newcomers.length,
      returning: at.participants.filter((p) => history.firstSession.get(p)! < at.index).length,
      questionsAsked: questions.length,
      questionsAnswered: questions.filter((q) => q.answerers > 0).length,
      newcomersWelcomed: firstTimers.filter((f) => f.welcomed).length,
      newcomersCameBack: firstTimers.filter((f) => f.cameBack).length,
      newcomerNames: firstTimers.map((f) => f.person.name),
      questions,
      unanswered: questions.filter((q) => q.answerers === 0 && q.askedAt !== undefined).map((q) => q.number),
      firstTimers,
      sectors: groupMix(at.participants, input.sectorOf),
      regions,
      localTimes: localTimes(
        session.start,
        regions.map((r) => r.value).filter((r) => r !== 'unknown'),
      ),
    };
  });

  return {
    chats: [...histories.keys()].sort(),
    returnWindow: options.returnWindow,
    sessions: report,
    series: report.map((s): SeriesPoint => ({
      session: s.id,
      chat: s.chat,
      start: s.start,
      participants: s.participants,
      newcomers: s.newcomers,
      returning: s.returning,
      sectors: s.sectors,
      regions: s.regions,
    })),
    returns: returnTallies(report),
    mixing: mixingOf(shown, spokeTo, input),
  };
}

/** First-timers with a later session to come back to, welcomed vs not, and how many came back. */
function returnTallies(sessions: readonly SessionHealth[]): HealthReport['returns'] {
  const tally = { welcomed: { firstTimers: 0, cameBack: 0 }, notWelcomed: { firstTimers: 0, cameBack: 0 } };
  for (const s of sessions)
    for (const f of s.firstTimers) {
      if (f.sessionsAfter === 0) continue;
      const t = f.welcomed ? tally.welcomed : tally.notWelcomed;
      t.firstTimers++;
      if (f.cameBack) t.cameBack++;
    }
  return tally;
}

/** Ties among the sessions' participants (replies and mentions either way, relays aside), by sector and by region. */
function mixingOf(
  shown: readonly { at: ChatSession }[],
  spokeTo: ReadonlyMap<string, ReadonlySet<string>>,
  input: HealthInput,
): HealthReport['mixing'] {
  const participants = new Set<string>();
  for (const { at } of shown) for (const p of at.participants) participants.add(p);
  const ties: (readonly [string, string])[] = [];
  for (const [a, targets] of spokeTo)
    for (const b of targets) {
      if (!participants.has(b)) continue;
      // Each pair once: from its smaller key, or from the larger when the smaller never spoke to it.
      if (a < b || !spokeTo.get(b)?.has(a)) ties.push(a < b ? [a, b] : [b, a]);
    }
  return { sector: mixingMatrix(ties, input.sectorOf), region: mixingMatrix(ties, input.regionOf) };
}
