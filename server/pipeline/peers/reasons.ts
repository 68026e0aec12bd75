/**
 * Reasons a person would act on, strongest and most specific first: topics
 * both wrote about, a question both answered in the same session, someone
 * both talk with, a chat they have not joined, and how the peer's context
 * differs from theirs. A bare count of common contacts only when nothing
 * more specific is true.
 */
import type { Message } from '../../../shared/index.js';
import { splitSessions, type SessionOptions } from '../sessions.js';
import { readSessionQuestions } from '../sessions/questions.js';
import type { Context } from './known-context.js';

const SECTOR_WORDS: Record<string, string> = {
  academic: 'academic libraries',
  public: 'public libraries',
  school: 'school libraries',
  health: 'health libraries',
  law: 'law libraries',
  government: 'government libraries',
  national: 'a national library',
  special: 'special libraries',
  archives: 'archives',
  education: 'LIS education',
  vendor: 'a library vendor',
};

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

const sectorText = (s: string) => SECTOR_WORDS[s];
const known = (v: string) => v !== '' && v !== 'unknown';

/** How the peer's context differs from the person's, in one sentence naming the peer. */
export function contextReason(label: string, me: Context, them: Context): string {
  const [s, r, myS, myR] = [
    sectorText(them.sector),
    known(them.region) ? regionName(them.region) : undefined,
    sectorText(me.sector),
    known(me.region) ? regionName(me.region) : undefined,
  ];
  const sameSector = s !== undefined && them.sector === me.sector;
  const sameRegion = r !== undefined && them.region === me.region;
  if (sameSector && r) return `${label} works in ${s} too, in ${r}${myR ? `; you are in ${myR}` : ''}`;
  if (sameRegion && s) return `${label} works in ${s}, also in ${r}${myS ? `; you in ${myS}` : ''}`;
  const theirs = [s ? `works in ${s}` : undefined, r ? `is in ${r}` : undefined].filter(Boolean).join(' and ');
  const mine = [myS, myR].filter(Boolean).join(' in ');
  return theirs ? `${label} ${theirs}${mine ? `; you: ${mine}` : ''}` : label;
}

const dateText = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * For everyone who answered a question the person also answered: the first such session and question, as a
 * reason people can check ("you both answered Q3 in #critlib on 7 April 2015"). Sessions and answers are read as
 * the graph reads them (splitSessions with the view's options, readSessionQuestions: a participant's `Q3:`
 * answers too), once per request; only the person's chats are split, which gives the same sessions there,
 * since each chat is split on its own.
 */
export function sharedAnswers(messages: readonly Message[], person: string, options: Partial<SessionOptions> = {}): Map<string, string> {
  const mine = new Set(messages.filter((m) => m.author === person).map((m) => m.chat));
  const inMine = messages.filter((m) => mine.has(m.chat));
  const out = new Map<string, string>();
  for (const s of splitSessions(inMine, options))
    for (const q of readSessionQuestions(inMine, s)) {
      const who = new Set(q.answers.map((i) => inMine[i]!.author));
      if (!who.has(person)) continue;
      for (const other of who)
        if (other !== person && !out.has(other)) out.set(other, `you both answered Q${q.number} in ${s.chat} on ${dateText(s.start)}`);
    }
  return out;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export interface ReasonInput {
  label: string;
  me: Context;
  them: Context;
  topics: string[];
  /** The question both answered, when they did (sharedAnswer), and how many more. */
  answer?: string | undefined;
  moreAnswers: number;
  /** The contact both talk with most: their name and how often each talked with them (replies and mentions either way). */
  connector?: { label: string; mine: number; theirs: number } | undefined;
  /** Their chats the person has not joined. */
  newChats: string[];
  commonContacts: number;
}

export function peerReasons(input: ReasonInput): string[] {
  const reasons: string[] = [];
  if (input.topics.length > 0) reasons.push(`you both wrote about ${input.topics.join(' and ')}`);
  if (input.answer)
    reasons.push(
      `${input.answer}${input.moreAnswers > 0 ? ` (and ${input.moreAnswers} more question${input.moreAnswers > 1 ? 's' : ''})` : ''}`,
    );
  const c = input.connector;
  if (c) reasons.push(`you both talk with ${c.label}: you ${times(c.mine)}, ${input.label} ${times(c.theirs)}`);
  if (input.newChats.length > 0) reasons.push(`takes part in ${input.newChats.slice(0, 2).join(' and ')}, where you have not been`);
  if (reasons.length === 0 && input.commonContacts > 0)
    reasons.push(
      `${input.commonContacts} ${input.commonContacts === 1 ? 'person you talk with talks' : 'people you talk with talk'} with them`,
    );
  reasons.push(contextReason(input.label, input.me, input.them));
  return reasons;
}
