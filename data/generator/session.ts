/**
 * One session (one hour, one month) of one chat: the moderator's welcome,
 * Q1…Qn and wrap-up; attendees' intros, answers (some as replies to the
 * question), replies and reply-backs, credits by @-name, and reposts.
 * Produces drafts with local refs; history.ts gives them ids.
 */
import type { GeneratedKind, GeneratedPerson } from './model.js';
import type { ResolvedOptions } from './options.js';
import type { Rng } from './random.js';
import {
  answerText, closingText, introText, questionText, replyBackText, replyText, typedTag, welcomeReplyText, welcomeText,
  type TextContext,
} from './texts.js';
import type { ThemeWords } from './topics.js';

export interface Draft {
  ref: number;
  /** Whole seconds: Twitter's created_at has no milliseconds, so the model has none either. */
  ms: number;
  author: string;
  text: string;
  kind: GeneratedKind;
  replyToRef?: number;
  repostOfRef?: number;
  mentions: string[];
  question?: number;
  answer?: number;
}

export interface SessionInput {
  rng: Rng;
  options: ResolvedOptions;
  words: ThemeWords;
  topic: string;
  displayTag: string;
  startMs: number;
  moderator: GeneratedPerson;
  attendees: GeneratedPerson[];
  /** Handles attending this chat for the first time (they introduce themselves as new). */
  firstTimers: ReadonlySet<string>;
  /** How a handle is written with `@` on this platform (remote Mastodon accounts carry a domain). */
  written: (handle: string) => string;
  nextRef: () => number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export function generateSession(input: SessionInput): Draft[] {
  const { rng, options, moderator, attendees, written } = input;
  const drafts: Draft[] = [];
  const byRef = new Map<number, Draft>();
  const ctx = (author: GeneratedPerson): TextContext => ({
    rng, words: input.words, topic: input.topic,
    tag: author === moderator ? input.displayTag : typedTag(rng, input.displayTag),
  });
  // Waits are capped so a long tail never opens a gap that would split the session.
  const wait = (mean: number) => Math.min(rng.exponential(mean), 15 * MINUTE);
  const at = (ms: number) => Math.round(ms / SECOND) * SECOND;
  const add = (d: Omit<Draft, 'ref' | 'ms'> & { ms: number }): Draft => {
    const draft: Draft = { ...d, ms: at(d.ms), ref: input.nextRef(), mentions: d.mentions.filter((h) => h !== d.author) };
    drafts.push(draft);
    byRef.set(draft.ref, draft);
    return draft;
  };
  const lead = (handles: string[]) => handles.map((h) => `@${written(h)}`).join(' ');
  /** Who a reply to `target` by `author` names: the target's author, and whoever the target replied to. */
  const replyLead = (target: Draft, author: string): string[] => {
    const parent = target.replyToRef === undefined ? undefined : byRef.get(target.replyToRef);
    return [...new Set([target.author, ...(parent ? [parent.author] : [])])].filter((h) => h !== author);
  };
  const reply = (author: GeneratedPerson, target: Draft, ms: number, write: (c: TextContext, l: string) => string): Draft => {
    const names = replyLead(target, author.handle);
    return add({ ms, author: author.handle, text: write(ctx(author), lead(names)), kind: 'reply', replyToRef: target.ref, mentions: names });
  };

  const start = input.startMs;
  const q = options.questionsPerSession;
  const span = (52 * MINUTE) / q;
  const welcome = add({ ms: start + rng.int(0, 30) * SECOND, author: moderator.handle, text: welcomeText(ctx(moderator), q), kind: 'post', mentions: [] });

  // Intros before Q1; the moderator greets newcomers.
  const spoken = new Set<string>();
  for (const person of attendees) {
    const first = input.firstTimers.has(person.handle);
    if (!rng.chance(first ? 0.9 : 0.5)) continue;
    const firstName = person.name.replace(/^Dr /, '').split(' ')[0] ?? person.handle;
    const intro = add({
      ms: start + 20 * SECOND + Math.min(rng.exponential(75 * SECOND), 150 * SECOND), author: person.handle,
      text: introText(ctx(person), { firstName, role: person.role, city: person.city, firstTime: first }), kind: 'post', mentions: [],
    });
    spoken.add(person.handle);
    if (first && rng.chance(0.7)) reply(moderator, intro, intro.ms + 30 * SECOND + wait(40 * SECOND), welcomeReplyText);
  }

  for (let n = 1; n <= q; n++) {
    const qMs = start + 3 * MINUTE + (n - 1) * span + rng.int(-20, 20) * SECOND;
    const question = add({ ms: qMs, author: moderator.handle, text: questionText(ctx(moderator), n), kind: 'post', mentions: [], question: n });
    const answers: Draft[] = [];
    for (const person of rng.shuffle(attendees)) {
      if (!rng.chance(options.answerRate)) continue;
      const others = [...spoken].filter((h) => h !== person.handle);
      const credit = others.length && rng.chance(options.mentionRate) ? rng.pick(others) : undefined;
      const ms = qMs + 20 * SECOND + Math.min(rng.exponential(3 * MINUTE), span + 5 * MINUTE);
      const c = ctx(person);
      const body = answerText(c, n, credit === undefined ? undefined : written(credit));
      // The Twitter-chat habit of answering by replying to the question: "@Mod A2: …".
      const asReply = rng.chance(0.2);
      const mentions = [...(asReply ? [moderator.handle] : []), ...(credit ? [credit] : [])];
      answers.push(add({
        ms, author: person.handle, text: asReply ? `${lead([moderator.handle])} ${body}` : body,
        kind: asReply ? 'reply' : 'post', mentions, answer: n, ...(asReply ? { replyToRef: question.ref } : {}),
      }));
      spoken.add(person.handle);
    }
    for (const person of attendees) {
      const targets = answers.filter((a) => a.author !== person.handle);
      if (targets.length && rng.chance(options.replyRate)) {
        const target = rng.pick(targets);
        const r = reply(person, target, target.ms + 30 * SECOND + wait(2 * MINUTE), replyText);
        spoken.add(person.handle);
        const back = attendees.find((p) => p.handle === target.author);
        if (back && rng.chance(0.35)) reply(back, r, r.ms + 30 * SECOND + wait(2 * MINUTE), replyBackText);
      }
      if (rng.chance(options.repostRate)) {
        // Mostly the question; the welcome too, whose long text shows Twitter's cut "RT @x: …" form.
        const pool = rng.weighted<Draft[]>([[[question], 5], [targets, 4], [[welcome], 1]]);
        if (pool.length) repost(person, rng.pick(pool));
      }
    }
    // Moderators boost a good answer now and then.
    if (answers.length && rng.chance(0.4)) repost(moderator, rng.pick(answers));
  }

  add({ ms: start + 57 * MINUTE + rng.int(0, 120) * SECOND, author: moderator.handle, text: closingText(ctx(moderator)), kind: 'post', mentions: [] });

  // Everyone who came says something: a silent attendee answers the last question late.
  const authors = new Set(drafts.map((d) => d.author));
  for (const person of attendees) {
    if (authors.has(person.handle)) continue;
    add({ ms: start + 50 * MINUTE + rng.int(0, 360) * SECOND, author: person.handle, text: answerText(ctx(person), q), kind: 'post', mentions: [], answer: q });
  }
  return drafts;

  function repost(person: GeneratedPerson, target: Draft): void {
    if (target.author === person.handle || target.kind === 'repost') return;
    add({ ms: target.ms + 10 * SECOND + wait(90 * SECOND), author: person.handle, text: target.text, kind: 'repost', repostOfRef: target.ref, mentions: [] });
  }
}
