/**
 * generateChatHistory(options): the whole abstract history (people, chats,
 * sessions, messages), fully determined by `options.seed`. Each part draws
 * from its own forked stream, so changing one part's draws leaves the others' alone.
 */
import { planAttendance } from './attendance.js';
import { compareIds, idMaker, type IdMaker } from './ids.js';
import {
  personOf, peopleByHandle, writtenHandle,
  type ChatHistory, type GeneratedChat, type GeneratedMessage, type GeneratedPerson,
} from './model.js';
import { resolveOptions, type GeneratorInput } from './options.js';
import { makePeople } from './people.js';
import { Rng } from './random.js';
import { describeSlot, sessionStarts } from './schedule.js';
import { generateSession, type Draft } from './session.js';
import { THEME_WORDS } from './topics.js';

const HOUR = 3_600_000;

interface Placed extends Draft {
  chat: string;
  session: number;
  platform: GeneratedChat['platform'];
}

export function generateChatHistory(input: GeneratorInput = {}): ChatHistory {
  const options = resolveOptions(input);
  const rng = new Rng(options.seed);
  const people = makePeople(rng.fork('people'), options);
  const index = peopleByHandle({ people });
  const plan = planAttendance(rng.fork('attendance'), options, people);
  let ref = 0;
  const nextRef = () => ref++;

  const chats: GeneratedChat[] = [];
  const placed: Placed[] = [];
  options.chats.forEach((spec, c) => {
    const chatRng = rng.fork(`sessions ${spec.hashtag}`);
    const words = THEME_WORDS[spec.theme];
    const topics = chatRng.shuffle(words.topics);
    const starts = sessionStarts(spec.slot, spec.timeZone, options.startMonth, options.months);
    const moderator = personOf(index, spec.moderator.handle);
    const written = (handle: string) => writtenHandle(personOf(index, handle), spec.platform, spec.instance);
    const seen = new Set<string>();
    const plantedFirstTimers: string[][] = [];
    starts.forEach((start, s) => {
      const attendees = plan[c]!.sessions[s]!;
      // "First time here" only after the first month: in month one the chat is not new to its regulars.
      const firstTimers = new Set(attendees.filter((p) => !seen.has(p.handle) && (s > 0 || p.homeChat !== spec.hashtag)).map((p) => p.handle));
      for (const p of attendees) seen.add(p.handle);
      plantedFirstTimers.push([...firstTimers]);
      const drafts = generateSession({
        rng: chatRng, options, words, topic: topics[s % topics.length]!, displayTag: spec.displayTag,
        startMs: Date.parse(start), moderator, attendees, firstTimers, written, nextRef,
      });
      for (const d of drafts) placed.push({ ...d, chat: spec.hashtag, session: s, platform: spec.platform });
    });
    chats.push({
      hashtag: spec.hashtag, name: spec.name, platform: spec.platform, moderator: moderator.handle, timeZone: spec.timeZone,
      schedule: describeSlot(spec.slot, spec.timeZone),
      sessions: starts.map((start, i) => ({ index: i, start, end: new Date(Date.parse(start) + HOUR).toISOString(), firstTimers: plantedFirstTimers[i]! })),
      ...(spec.instance ? { instance: spec.instance } : {}),
    });
  });

  const messages = assignIds(rng.fork('ids'), placed);
  const posted = new Set(messages.map((m) => m.author.toLowerCase()));
  return { seed: options.seed, scale: options.scale, chats, people: people.filter((p) => posted.has(p.handle.toLowerCase())), messages };
}

/** Time order, then platform ids that grow with time, then drafts' refs resolved to those ids. */
function assignIds(rng: Rng, placed: Placed[]): GeneratedMessage[] {
  placed.sort((a, b) => a.ms - b.ms || a.ref - b.ref);
  const makers = new Map<string, IdMaker>();
  const idOf = new Map<number, string>();
  const authorOf = new Map<number, string>();
  for (const d of placed) {
    let make = makers.get(d.platform);
    if (!make) makers.set(d.platform, (make = idMaker(rng.fork(d.platform), d.platform)));
    // Real ids carry the milliseconds the displayed time drops.
    idOf.set(d.ref, make(d.ms + rng.int(0, 999)));
    authorOf.set(d.ref, d.author);
  }
  const link = (r: number | undefined) => (r === undefined ? undefined : { id: idOf.get(r)!, author: authorOf.get(r)! });
  const messages = placed.map((d): GeneratedMessage => {
    const replyTo = link(d.replyToRef);
    const repostOf = link(d.repostOfRef);
    return {
      id: idOf.get(d.ref)!, platform: d.platform, chat: d.chat, session: d.session, time: new Date(d.ms).toISOString(),
      author: d.author, text: d.text, kind: d.kind, mentions: d.mentions,
      ...(replyTo ? { replyTo } : {}), ...(repostOf ? { repostOf } : {}),
      ...(d.question !== undefined ? { question: d.question } : {}), ...(d.answer !== undefined ? { answer: d.answer } : {}),
    };
  });
  return messages.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : compareIds(a.id, b.id)));
}

export type { GeneratedPerson };
