/**
 * The health report with people as "Participant N", numbered as pseudonymous
 * graph shares number them: ranks in the order of HMAC-SHA256(salt, key) over
 * everyone the dataset knows, so "Participant 4" here is "Participant 4" in a
 * pseudonymous share of the whole dataset, and nobody holding a list of
 * handles can recompute who is who. Chat names keep their public names
 * (`#medlibsuk`), but a chat named after someone ("dm with alice smith", a
 * WhatsApp export) has their name replaced, there and in session ids, as the
 * graph share does; figures are counts.
 */
import { createHmac } from 'node:crypto';
import type { HealthPerson, HealthReport } from '../../../shared/index.js';
import { isPublicChatName, makeScrubber, nameVariants } from '../export/name-scrubber.js';
import { pseudonymLabel } from '../export/pseudonymize.js';

/** Someone the dataset knows, with the names they go by. */
export interface KnownPerson {
  key: string;
  handle?: string | undefined;
  name?: string | undefined;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function pseudonymizeHealth(report: HealthReport, salt: string, known: readonly KnownPerson[] = []): HealthReport {
  if (!salt) throw new Error('health: a non-empty salt is required to pseudonymise');
  const people = new Map<string, KnownPerson>(known.map((p) => [p.key, p]));
  const meet = (p: HealthPerson) => people.set(p.key, { ...people.get(p.key), key: p.key, name: people.get(p.key)?.name ?? p.name });
  for (const s of report.sessions) {
    for (const q of s.questions) {
      if (q.askedBy) meet(q.askedBy);
      q.answeredBy.forEach(meet);
    }
    for (const f of s.firstTimers) {
      meet(f.person);
      f.welcomedBy.forEach(meet);
    }
  }
  const digest = new Map([...people.keys()].map((k) => [k, createHmac('sha256', salt).update(k).digest('hex')]));
  const ordered = [...people.keys()].sort((a, b) => compare(digest.get(a)!, digest.get(b)!) || compare(a, b));
  const renamed = new Map(ordered.map((k, i) => [k, { key: `participant-${i + 1}`, name: pseudonymLabel(i + 1) }]));
  const as = (p: HealthPerson) => renamed.get(p.key)!;

  // Every way a person is named → their pseudonym; a name two people share → a bare "Participant".
  const replacements = new Map<string, string>();
  for (const [key, label] of ordered.map((k) => [k, renamed.get(k)!.name] as const))
    for (const name of nameVariants(key, people.get(key)!.handle, people.get(key)!.name)) {
      const seen = replacements.get(name);
      replacements.set(name, seen === undefined || seen === label ? label : 'Participant');
    }
  const scrubText = makeScrubber(replacements);
  const chatNames = new Set(report.chats.map((c) => c.toLowerCase()));
  const chat = (text: string) => (isPublicChatName(text, chatNames) ? text : scrubText(text));
  // `chat@start`: the chat part as the chat, the time as it is.
  const sessionId = (id: string, of: string) => (id.startsWith(`${of}@`) ? `${chat(of)}${id.slice(of.length)}` : scrubText(id));

  return {
    ...report,
    chats: report.chats.map(chat),
    series: report.series.map((p) => ({ ...p, session: sessionId(p.session, p.chat), chat: chat(p.chat) })),
    sessions: report.sessions.map((s) => ({
      ...s,
      id: sessionId(s.id, s.chat),
      chat: chat(s.chat),
      newcomerNames: s.firstTimers.map((f) => as(f.person).name),
      questions: s.questions.map((q) => ({ ...q, ...(q.askedBy ? { askedBy: as(q.askedBy) } : {}), answeredBy: q.answeredBy.map(as) })),
      firstTimers: s.firstTimers.map((f) => ({ ...f, person: as(f.person), welcomedBy: f.welcomedBy.map(as) })),
    })),
  };
}
