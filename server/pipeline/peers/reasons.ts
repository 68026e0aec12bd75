/**
 * Reasons a person would act on, strongest and most specific first: topics
 * both wrote about, a question both answered in the same session, someone
 * both talk with, their own conversations or a session both took part in, a
 * chat they have not joined, and how the peer's context differs from theirs,
 * the sector said as truthfully as its evidence allows (sector-words.ts). A
 * contact in common is named only when nothing more specific is true.
 */
import type { Message } from '../../../shared/index.js';
import { splitSessions, type SessionOptions } from '../sessions.js';
import { readSessionQuestions } from '../sessions/questions.js';
import type { Context } from './known-context.js';
import { sectorWords } from './sector-words.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Canada", "the United States"; the code itself when ICU has no name for it. */
export function regionName(code: string): string {
  let name: string | undefined;
  try {
    name = regionNames.of(code);
  } catch {
    name = undefined;
  }
  if (!name || name === code) return code;
  return /^(United|Netherlands|Philippines|Czech Republic|Dominican Republic|Bahamas|Gambia|Maldives)/.test(name) ? `the ${name}` : name;
}

const known = (v: string) => v !== '' && v !== 'unknown';

/** A context with the evidence its sector was read from, when known (the sector is then said as truthfully as that allows). */
export interface SaidContext extends Context {
  sectorEvidence?: string | undefined;
}

/** How the peer's context differs from the person's, in one sentence naming the peer. */
export function contextReason(label: string, me: SaidContext, them: SaidContext): string {
  const s = sectorWords(them.sector, them.sectorEvidence);
  const mySector = sectorWords(me.sector, me.sectorEvidence);
  const r = known(them.region) ? regionName(them.region) : undefined;
  const myR = known(me.region) ? regionName(me.region) : undefined;
  const sameSector = s !== undefined && them.sector === me.sector;
  const sameRegion = r !== undefined && them.region === me.region;
  if (sameSector && r) {
    // "too" only when both are said alike: a university's data specialist does not work in its library "too".
    if (s.they === mySector?.they) return `${label} ${s.they} too, in ${r}${myR ? `; you are in ${myR}` : ''}`;
    return `${label} ${s.they}, in ${r}; you ${mySector!.you}${myR ? ` in ${myR}` : ''}`;
  }
  if (sameRegion && s) return `${label} ${s.they}, also in ${r}${mySector ? `; you ${mySector.you}` : ''}`;
  const theirs = [s?.they, r ? `is in ${r}` : undefined].filter(Boolean).join(' and ');
  const mine = mySector ? `you ${mySector.you}${myR ? ` in ${myR}` : ''}` : myR ? `you are in ${myR}` : '';
  return theirs ? `${label} ${theirs}${mine ? `; ${mine}` : ''}` : label;
}

const dateText = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Sessions and questions the person shares with others, as reasons people can check: for everyone who answered a
 * question the person also answered, the first such session and question ("you both answered Q3 in #critlib on 7
 * April 2015"); for everyone who posted in a session the person posted in, the first such session ("you were both
 * in the #critlib session on 7 April 2015"). Sessions and answers are read as the graph reads them (splitSessions
 * with the view's options, readSessionQuestions: a participant's `Q3:` answers too), once per request; only the
 * person's chats are split, which gives the same sessions there, since each chat is split on its own.
 */
export function sharedSittings(
  messages: readonly Message[],
  person: string,
  options: Partial<SessionOptions> = {},
): { answers: Map<string, string>; sessions: Map<string, string> } {
  const mine = new Set(messages.filter((m) => m.author === person).map((m) => m.chat));
  const inMine = messages.filter((m) => mine.has(m.chat));
  const answers = new Map<string, string>();
  const sessions = new Map<string, string>();
  for (const s of splitSessions(inMine, options)) {
    const posters = new Set(s.members.filter((i) => inMine[i]!.kind !== 'repost').map((i) => inMine[i]!.author));
    if (posters.has(person))
      for (const other of posters)
        if (other !== person && !sessions.has(other)) sessions.set(other, `you were both in the ${s.chat} session on ${dateText(s.start)}`);
    for (const q of readSessionQuestions(inMine, s)) {
      const who = new Set(q.answers.map((i) => inMine[i]!.author));
      if (!who.has(person)) continue;
      for (const other of who)
        if (other !== person && !answers.has(other))
          answers.set(other, `you both answered Q${q.number} in ${s.chat} on ${dateText(s.start)}`);
    }
  }
  return { answers, sessions };
}

/** The questions part of sharedSittings. */
export function sharedAnswers(messages: readonly Message[], person: string, options: Partial<SessionOptions> = {}): Map<string, string> {
  return sharedSittings(messages, person, options).answers;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const more = (n: number, what: string) => (n > 0 ? ` (and ${n} more ${what}${n > 1 ? 's' : ''})` : '');

export interface ReasonInput {
  label: string;
  me: SaidContext;
  them: SaidContext;
  topics: string[];
  /** The question both answered, when they did (sharedSittings), and how many more. */
  answer?: string | undefined;
  moreAnswers: number;
  /** The contact both talk with most: their name and how often each talked with them (replies and mentions either way). */
  connector?: { label: string; mine: number; theirs: number } | undefined;
  /** Replies and mentions between the two, either way. */
  talked: number;
  /** The first session both took part in, when they share one (sharedSittings), and how many more. */
  session?: string | undefined;
  moreSessions: number;
  /** Someone both have a tie with (the one with fewest ties, who says most), and how many more there are. */
  commonContact?: { label: string; others: number } | undefined;
  /** Their chats the person has not joined. */
  newChats: string[];
}

/**
 * The reasons, most specific first. Every suggestion has at least one that says what links the two (a topic, a
 * question, a contact, a conversation or a session: peers/relevance.ts requires one); a chat they have not joined
 * and how their context differs come after, as reasons to prefer, never alone.
 */
export function peerReasons(input: ReasonInput): string[] {
  const reasons: string[] = [];
  if (input.topics.length > 0) reasons.push(`you both wrote about ${input.topics.join(' and ')}`);
  if (input.answer) reasons.push(`${input.answer}${more(input.moreAnswers, 'question')}`);
  const c = input.connector;
  if (c) reasons.push(`you both talk with ${c.label}: you ${times(c.mine)}, ${input.label} ${times(c.theirs)}`);
  if (input.talked > 0) reasons.push(`you and ${input.label} have talked ${times(input.talked)} (replies or mentions)`);
  else if (input.session && !input.answer) reasons.push(`${input.session}${more(input.moreSessions, 'session')}`);
  const k = input.commonContact;
  if (reasons.length === 0 && k)
    reasons.push(
      k.others > 0
        ? `${input.label} talks with ${k.label} and ${k.others} more of the people you talk with`
        : `${input.label} talks with ${k.label}, as you do`,
    );
  if (input.newChats.length > 0) reasons.push(`takes part in ${input.newChats.slice(0, 2).join(' and ')}, where you have not been`);
  reasons.push(contextReason(input.label, input.me, input.them));
  return reasons;
}
