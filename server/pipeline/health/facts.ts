/**
 * The whole-history facts of a chat-health report: every session of the
 * chats asked for with its figures, who took part (with their messages),
 * and whom each participant spoke to. First-timers, returns and welcomes
 * are read here against all of the chats' messages; a window (`from`…`to`)
 * is then only a choice of sessions (window.ts), so the facts are computed
 * once per dataset version and selection and every window derives from them.
 *
 * `sectors` / `regions` narrow whom a session's figures count, as they narrow
 * the graph's people: participants, their messages, answerers, first-timers,
 * the mix and the ties. Sessions themselves, first sessions and welcomes are
 * still those of everyone (a first-timer welcomed by someone outside the
 * filter was welcomed); sessions with nobody in the filter are left out.
 */
import {
  DEFAULT_BUILD_OPTIONS,
  DEFAULT_RETURN_WINDOW,
  type ChatSchedule,
  type FirstTimer,
  type HealthOptions,
  type HealthPerson,
  type Message,
  type SessionHealth,
} from '../../../shared/index.js';
import { splitSessions } from '../sessions.js';
import { readSessionQuestions } from '../sessions/questions.js';
import { addresseesOf } from '../welcomers.js';
import { cameBack, chatHistories, firstTimersOf } from './chat-history.js';
import { groupMix } from './group-mix.js';
import { localTimes } from './local-times.js';
import { figuresOf, questionDetails, type QuestionDetail } from './question-figures.js';
import { replyTargets } from './reply-targets.js';

export const DEFAULT_HEALTH_OPTIONS: HealthOptions = Object.freeze({
  chats: [],
  sectors: [],
  regions: [],
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

/** Someone counted in a session (in the filter): their messages there, and whether they had been in the chat before. */
export interface SessionPerson {
  key: string;
  messages: number;
  returning: boolean;
}

export interface SessionFacts {
  health: SessionHealth;
  people: SessionPerson[];
  /** Whom each counted participant spoke to (reply or mention; relays aside), each pair once, in message order. */
  spokeTo: [string, string][];
  /** Who answered each question when, and who replied to whom (only with `details`: a shared report's ledger). */
  questions?: QuestionDetail[];
}

export interface HealthFacts {
  chats: string[];
  returnWindow: number;
  /** Every session of the chats, in time order. */
  sessions: SessionFacts[];
  /** Sector and region of everyone in `people` or `spokeTo`. */
  groups: Record<string, [sector: string, region: string]>;
}

/** Options of the facts: the report's options but the window (a window is derived from them). */
export type HealthFactsOptions = Omit<HealthOptions, 'from' | 'to'>;

/** `details`: keep each question's details too (kept facts do not: a window needs none of them). */
export function healthFacts(input: HealthInput, optionsInput: Partial<HealthFactsOptions> = {}, details = false): HealthFacts {
  const options = { ...DEFAULT_HEALTH_OPTIONS, ...optionsInput };
  if (!(Number.isInteger(options.returnWindow) && options.returnWindow > 0))
    throw new Error(`health: returnWindow must be a positive integer, got ${options.returnWindow}`);
  const chats = new Set(options.chats);
  const messages = chats.size ? input.messages.filter((m) => chats.has(m.chat)) : input.messages;
  const sessions = splitSessions(messages, { sessionGapMinutes: options.sessionGapMinutes, schedules: input.schedules });
  const histories = chatHistories(sessions, (i) => messages[i]!.author);
  const sectors = new Set(options.sectors);
  const regions = new Set(options.regions);
  const filtered = sectors.size > 0 || regions.size > 0;
  const counted = (key: string) =>
    (sectors.size === 0 || sectors.has(input.sectorOf(key))) && (regions.size === 0 || regions.has(input.regionOf(key)));

  const targetOf = replyTargets(messages);
  const repliedAuthor = (m: Message) => {
    const i = targetOf(m);
    return i === undefined ? undefined : messages[i]!.author;
  };
  const names = new Map<string, HealthPerson>();
  const person = (key: string) => {
    let p = names.get(key);
    if (!p) names.set(key, (p = { key, name: input.nameOf(key) }));
    return p;
  };
  const groups: HealthFacts['groups'] = {};
  const grouped = (key: string) => (groups[key] ??= [input.sectorOf(key), input.regionOf(key)]);
  const relays = input.relays ?? new Set<string>();

  const out: SessionFacts[] = [];
  const order = new Map(sessions.map((s, i) => [s.id, i]));
  const all = [...histories.values()].flatMap((history) => history.sessions.map((at) => ({ history, at })));
  all.sort((a, b) => order.get(a.at.session.id)! - order.get(b.at.session.id)!);
  for (const { history, at } of all) {
    const { session } = at;
    const participants = at.participants.filter(counted);
    if (filtered && participants.length === 0) continue;
    const newcomers = firstTimersOf(history, at).filter(counted);
    const newcomerSet = new Set(newcomers);
    const welcomers = new Map<string, Set<string>>();
    const messagesOf = new Map<string, number>();
    const spokeTo = new Map<string, Set<string>>();
    for (const i of session.members) {
      const m = messages[i]!;
      const mine = counted(m.author);
      if (mine) messagesOf.set(m.author, (messagesOf.get(m.author) ?? 0) + 1);
      for (const t of addresseesOf(m, repliedAuthor)) {
        // A welcome is anyone's, whatever the filter: it is a fact of the first-timer's first session.
        if (newcomerSet.has(t)) (welcomers.get(t) ?? welcomers.set(t, new Set()).get(t)!).add(m.author);
        if (!mine || !counted(t) || relays.has(m.author) || relays.has(t)) continue;
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
    const asked = readSessionQuestions(messages, session);
    const detail = questionDetails({
      messages,
      members: session.members,
      // Answers of people outside the filter are not counted (the host's question stays, whoever asked it).
      questions: filtered ? asked.map((q) => ({ ...q, answers: q.answers.filter((i) => counted(messages[i]!.author)) })) : asked,
    });
    const questions = detail.map((d) => figuresOf(d, person));
    const regionMix = groupMix(participants, input.regionOf);
    const returning = (p: string) => history.firstSession.get(p)! < at.index;
    for (const p of participants) grouped(p);
    const pairs: [string, string][] = [];
    for (const [a, targets] of spokeTo) for (const b of targets) pairs.push([a, b]);
    for (const [, b] of pairs) grouped(b);
    out.push({
      health: {
        id: session.id,
        chat: session.chat,
        start: session.start,
        end: session.end,
        number: at.index + 1,
        messages: filtered ? [...messagesOf.values()].reduce((a, b) => a + b, 0) : session.members.length,
        participants: participants.length,
        newcomers: newcomers.length,
        returning: participants.filter(returning).length,
        questionsAsked: questions.length,
        questionsAnswered: questions.filter((q) => q.answerers > 0).length,
        newcomersWelcomed: firstTimers.filter((f) => f.welcomed).length,
        newcomersCameBack: firstTimers.filter((f) => f.cameBack).length,
        newcomerNames: firstTimers.map((f) => f.person.name),
        questions,
        unanswered: questions.filter((q) => q.answerers === 0 && q.askedAt !== undefined).map((q) => q.number),
        firstTimers,
        sectors: groupMix(participants, input.sectorOf),
        regions: regionMix,
        localTimes: localTimes(
          session.start,
          regionMix.map((r) => r.value).filter((r) => r !== 'unknown'),
        ),
      },
      people: participants.map((key) => ({ key, messages: messagesOf.get(key) ?? 0, returning: returning(key) })),
      spokeTo: pairs,
      ...(details ? { questions: detail } : {}),
    });
  }
  return { chats: [...histories.keys()].sort(), returnWindow: options.returnWindow, sessions: out, groups };
}
