/**
 * Who comes to which session. Home members attend by habit (regulars most
 * months, occasional ones now and then, one-offs once); every member comes
 * at least once. Visitors from other chats are added so that they make up
 * `visitorRate` of each chat's participants, each dropping in 1–3 times.
 */
import type { GeneratedPerson } from './model.js';
import type { ResolvedOptions } from './options.js';
import type { Rng } from './random.js';

export interface ChatAttendance {
  hashtag: string;
  /** Attendees of each session (moderator excluded), in a stable order. */
  sessions: GeneratedPerson[][];
  visitors: GeneratedPerson[];
}

function sessionsFor(rng: Rng, person: GeneratedPerson, months: number, options: ResolvedOptions): number[] {
  if (person.attendance === 'once') return [rng.int(0, months - 1)];
  const p = person.attendance === 'regular' ? options.attendRate.regular : options.attendRate.occasional;
  const chosen = Array.from({ length: months }, (_, i) => i).filter(() => rng.chance(p));
  return chosen.length ? chosen : [rng.int(0, months - 1)];
}

export function planAttendance(rng: Rng, options: ResolvedOptions, people: readonly GeneratedPerson[]): ChatAttendance[] {
  const months = options.months;
  const members = people.filter((p) => p.attendance !== 'moderator');
  return options.chats.map((spec) => {
    const chatRng = rng.fork(spec.hashtag);
    const home = members.filter((p) => p.homeChat === spec.hashtag);
    const sessions: GeneratedPerson[][] = Array.from({ length: months }, () => []);
    for (const person of home) for (const i of sessionsFor(chatRng, person, months, options)) sessions[i]!.push(person);
    // v / (v + home + moderator) = rate  ⇒  v = rate·(home + 1)/(1 − rate).
    const outsiders = members.filter((p) => p.homeChat !== spec.hashtag);
    const wanted = Math.round((options.visitorRate * (home.length + 1)) / (1 - options.visitorRate));
    const visitors = chatRng.sample(outsiders, wanted);
    for (const person of visitors) {
      const visits = chatRng.sample(Array.from({ length: months }, (_, i) => i), chatRng.int(1, Math.min(3, months)));
      for (const i of visits) sessions[i]!.push(person);
    }
    return { hashtag: spec.hashtag, sessions, visitors };
  });
}
