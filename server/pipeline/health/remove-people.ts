/**
 * Takes people out of a frozen session report (a named snapshot of it, when
 * someone opts out later), as pipeline/export/remove-people does for a
 * graph snapshot: they leave every list (first-timers, who welcomed whom,
 * who asked and who answered), and their name leaves the chat's name and
 * the session id (a DM named after them). The counts are written again from
 * what is left, from the report's ledger (who took part; who answered each
 * question when; who replied to whom): people, new and returning, messages,
 * the sector and region mix and local hours, answerers, answers, time to
 * first answer, replies among answerers, welcomes, questions answered. A
 * first-timer only they welcomed is no longer welcomed; a question they
 * asked is "not asked on record". The session stays as it was found.
 */
import type { HealthPerson, SessionHealth } from '../../../shared/index.js';
import type { RemovedPerson } from '../export/remove-people.js';
import { makeScrubber, nameVariants } from '../export/name-scrubber.js';
import type { SessionPerson } from './facts.js';
import { groupMix } from './group-mix.js';
import { localTimes } from './local-times.js';
import { figuresOf, type QuestionDetail } from './question-figures.js';

/** Someone counted in the session, with their groups: what the counts are written again from. */
export interface LedgerPerson extends SessionPerson {
  sector: string;
  region: string;
}

/** What a named shared report keeps to count again: who took part, and each question's details. */
export interface Ledger {
  people: LedgerPerson[];
  questions: QuestionDetail[];
}

/** A session report as a snapshot keeps it: the report, and for a named one its ledger. */
export interface FrozenReport extends Partial<Ledger> {
  session: SessionHealth;
}

export function removeFromReport(frozen: FrozenReport, removed: readonly RemovedPerson[]): SessionHealth {
  const keys = new Set(removed.map((p) => p.key));
  const s = frozen.session;
  const names = new Map<string, string>();
  for (const p of removed) for (const name of nameVariants(p.key, p.handle, p.name)) names.set(name, 'a participant');
  const named = (list: readonly HealthPerson[]) => list.some((p) => keys.has(p.key));
  const touched =
    frozen.people?.some((p) => keys.has(p.key)) ||
    s.firstTimers.some((f) => keys.has(f.person.key) || named(f.welcomedBy)) ||
    s.questions.some((q) => (q.askedBy && keys.has(q.askedBy.key)) || named(q.answeredBy));
  const scrub = names.size ? makeScrubber(names) : (text: string) => text;
  // A public chat (`#medlibsuk`) keeps its name; a chat named after them does not.
  const chat = s.chat.startsWith('#') ? s.chat : scrub(s.chat);
  const id = s.id.startsWith(`${s.chat}@`) ? `${chat}${s.id.slice(s.chat.length)}` : scrub(s.id);
  if (!touched) return { ...s, id, chat };

  const keep = (list: readonly HealthPerson[]) => list.filter((p) => !keys.has(p.key));
  const firstTimers = s.firstTimers
    .filter((f) => !keys.has(f.person.key))
    .map((f) => {
      const welcomedBy = keep(f.welcomedBy);
      return { ...f, welcomed: welcomedBy.length > 0, welcomedBy };
    });
  const questions = frozen.questions ? countedAgain(s, frozen.questions, keys) : namesOnly(s, keys);
  const people = frozen.people?.filter((p) => !keys.has(p.key));
  const counts = people ? ledgerCounts(s.start, people) : {};
  return {
    ...s,
    ...counts,
    id,
    chat,
    newcomers: firstTimers.length,
    newcomerNames: firstTimers.map((f) => f.person.name),
    newcomersWelcomed: firstTimers.filter((f) => f.welcomed).length,
    newcomersCameBack: firstTimers.filter((f) => f.cameBack).length,
    firstTimers,
    questions,
    questionsAnswered: questions.filter((q) => q.answerers > 0).length,
    unanswered: questions.filter((q) => q.answerers === 0 && q.askedAt !== undefined).map((q) => q.number),
  };
}

/** A session's counts of people from its ledger: participants, messages, returning, mix, local hours. */
function ledgerCounts(start: string, people: readonly LedgerPerson[]) {
  const byKey = new Map(people.map((p) => [p.key, p]));
  const keys = [...byKey.keys()];
  const regions = groupMix(keys, (k) => byKey.get(k)!.region);
  return {
    participants: people.length,
    messages: people.reduce((n, p) => n + p.messages, 0),
    returning: people.filter((p) => p.returning).length,
    sectors: groupMix(keys, (k) => byKey.get(k)!.sector),
    regions,
    localTimes: localTimes(
      start,
      regions.map((r) => r.value).filter((r) => r !== 'unknown'),
    ),
  };
}

/** The questions counted again from their details, without the people removed (their answers and replies go). */
function countedAgain(s: SessionHealth, details: readonly QuestionDetail[], keys: ReadonlySet<string>) {
  const named = new Map<string, HealthPerson>();
  for (const q of s.questions) for (const p of [...(q.askedBy ? [q.askedBy] : []), ...q.answeredBy]) named.set(p.key, p);
  const person = (key: string) => named.get(key) ?? { key, name: key };
  return details.map((d) => {
    const { askedAt, askedBy, ...rest } = d;
    const kept = {
      ...rest,
      ...(askedBy !== undefined && !keys.has(askedBy) ? { askedAt, askedBy } : {}),
      answers: d.answers.filter((a) => !keys.has(a.author)),
      replies: d.replies.filter(([a, b]) => !keys.has(a) && !keys.has(b)),
    };
    return figuresOf(kept, person);
  });
}

/** Without details (a report shared before they were kept): the names go, timings stay as computed. */
function namesOnly(s: SessionHealth, keys: ReadonlySet<string>) {
  return s.questions.map((q) => {
    const answeredBy = q.answeredBy.filter((p) => !keys.has(p.key));
    const out = { ...q, answeredBy, answerers: answeredBy.length };
    if (q.askedBy && keys.has(q.askedBy.key)) {
      delete out.askedBy;
      delete out.askedAt;
      delete out.firstAnswerSeconds;
    }
    return out;
  });
}
