/**
 * Message wording: the moderator's welcome, questions and wrap-up, people's
 * intros, answers in varied marker styles ("A1:", "A1)", "a1 -", "A1."),
 * replies and reply-backs. Pure functions of an Rng and the words to use.
 */
import type { Rng } from './random.js';
import { EXTRA_QUESTION, QUESTION_TEMPLATES, type ThemeWords } from './topics.js';

export interface TextContext {
  rng: Rng;
  words: ThemeWords;
  topic: string;
  /** The chat's hashtag as this message types it. */
  tag: string;
}

function fill(ctx: TextContext, template: string): string {
  const { rng, words, topic } = ctx;
  return template
    .replaceAll('{topic}', topic)
    .replaceAll('{workplace}', words.workplace)
    .replaceAll('{stakeholders}', rng.pick(words.stakeholders))
    .replaceAll('{audience}', rng.pick(words.audiences))
    .replaceAll('{tool}', rng.pick(words.tools));
}

/** How people type the hashtag: mostly as the chat does, sometimes all lower or upper case. */
export function typedTag(rng: Rng, displayTag: string): string {
  return rng.weighted<string>([[displayTag, 8], [displayTag.toLowerCase(), 3], [displayTag.toUpperCase(), 0.5]]);
}

export function questionText(ctx: TextContext, n: number): string {
  const templates = QUESTION_TEMPLATES[n - 1];
  const body = templates ? fill(ctx, ctx.rng.pick(templates)) : fill(ctx, EXTRA_QUESTION);
  return `Q${n}: ${body} ${ctx.tag}`;
}

export function welcomeText(ctx: TextContext, questions: number): string {
  return ctx.rng.pick([
    `Welcome to ${ctx.tag}! Tonight we’re talking ${ctx.topic}. ${questions} questions, Q1 in a few minutes — answer with A1, A2… and remember the hashtag so everyone can follow along`,
    `Hi all and welcome to this month’s ${ctx.tag}: ${ctx.topic}. Say hello and tell us where you’re joining from 👋`,
    `It’s chat time! ${ctx.tag} on ${ctx.topic} starts now. Intros please, then Q1.`,
  ]);
}

export function closingText(ctx: TextContext): string {
  return ctx.rng.pick([
    `That’s a wrap! Thanks everyone for a great chat on ${ctx.topic}. Transcript to follow ${ctx.tag}`,
    `Time’s up 👏 Thank you all for sharing tonight. Same time next month! ${ctx.tag}`,
    `Thanks for joining ${ctx.tag} tonight, such good answers on ${ctx.topic}. See you next month`,
  ]);
}

export interface IntroFacts {
  firstName: string;
  role: string;
  city: string;
  firstTime: boolean;
}

export function introText(ctx: TextContext, who: IntroFacts): string {
  const { rng } = ctx;
  const role = /^[A-Z][a-z]/.test(who.role) ? who.role[0]!.toLowerCase() + who.role.slice(1) : who.role;
  if (who.firstTime) {
    return rng.pick([
      `Hi all! ${who.firstName}, ${role} in ${who.city}, first time joining ${ctx.tag} 👋`,
      `First ${ctx.tag} for me! ${role}, ${who.city}. Be gentle 😅`,
      `Hello! New here — ${who.firstName}, ${role}. Looking forward to this ${ctx.tag}`,
    ]);
  }
  return rng.pick([
    `${rng.pick(ctx.words.hellos)} ${who.city} ${ctx.tag}`,
    `Hi everyone, ${who.firstName} here, ${role} 👋 ${ctx.tag}`,
    `${rng.pick(ctx.words.greetings)} Lurking tonight, but here! ${ctx.tag}`,
    `Hello ${ctx.tag}! ${who.firstName} from ${who.city}, ${role}`,
    `Made it! Hi all ${ctx.tag}`,
  ]);
}

const ANSWER_BODIES: readonly (readonly string[])[] = [
  ['{topic} is mostly me and one colleague at the moment', 'we’re just starting out with {topic}, very early days',
    'it’s a big part of my role, especially with {audience}', 'honestly it’s patchy, depends which {workplace} you ask',
    'growing! {audience} are asking for it more'],
  ['time. Always time.', '{stakeholders} not seeing the value yet', 'funding, and staff turnover',
    'getting {audience} to even know we exist!', 'competing priorities, everything is urgent',
    'allies: a couple of brilliant {audience} who champion us'],
  ['we use {tool} a lot, low effort and it works', '{tool} plus a lot of coffee ☕', 'peer learning, honestly the best CPD',
    'two things:\n1. {tool}\n2. just asking {audience} what they need', 'our "ask us anything" drop-ins with {audience}',
    'a shared doc with folks from other places, happy to share', 'we piloted {tool} with {audience} and it stuck'],
  ['stories > stats for {stakeholders}', 'we collect quotes from {audience}, they land better than numbers',
    'monthly report… that nobody reads 😅', 'short case studies, one page max', 'we invite {stakeholders} along to see it'],
  ['going to try {tool}, thanks for the idea!', 'reach out to {audience} more', 'more of this please, great chat',
    'follow up with a few of you after tonight', 'thanks all 👋 lots to think about'],
];

export function answerBody(ctx: TextContext, n: number): string {
  const bodies = ANSWER_BODIES[(n - 1) % ANSWER_BODIES.length]!;
  return fill(ctx, ctx.rng.pick(bodies));
}

/** "A3:", "A3)", "a3 -", "A3.", "a3:", "A 3:", "A3 -": the styles real chats show. */
export function answerMarker(rng: Rng, n: number): string {
  return rng.weighted<string>([
    [`A${n}:`, 60], [`A${n})`, 10], [`a${n} -`, 8], [`A${n}.`, 8], [`a${n}:`, 6], [`A ${n}:`, 4], [`A${n} -`, 4],
  ]);
}

/** "A2: body #tag", sometimes crediting someone ("A2: what @x said! …"). */
export function answerText(ctx: TextContext, n: number, credit?: string): string {
  const marker = answerMarker(ctx.rng, n);
  const body = answerBody(ctx, n);
  if (!credit) return `${marker} ${body} ${ctx.tag}`;
  return ctx.rng.pick([
    `${marker} what @${credit} said! and ${body} ${ctx.tag}`,
    `${marker} ${body} (+1 to @${credit}) ${ctx.tag}`,
    `${marker} @${credit} and I were just talking about this, ${body} ${ctx.tag}`,
  ]);
}

/** A reply to someone's answer; `lead` are the "@a @b" the reply opens with. */
export function replyText(ctx: TextContext, lead: string): string {
  return `${lead} ${fill(ctx, ctx.rng.pick([
    'love this!', 'same here, it’s a constant battle', 'how did you get buy-in from {stakeholders}?', 'yes!! 💯',
    'could you share a link?', 'ooh tell us more', 'we tried {tool} at our {workplace} too', 'this is so useful, thank you',
    'ha, relatable 😂', 'would love to hear how that goes', '👏👏', 'we should compare notes sometime',
  ]))} ${ctx.tag}`;
}

/** The answer's author answering the reply. */
export function replyBackText(ctx: TextContext, lead: string): string {
  return `${lead} ${fill(ctx, ctx.rng.pick([
    'thanks! happy to share, will DM', 'it took a while but {stakeholders} came round', 'ha, so true',
    'it’s on our website, will dig out the link', 'honestly mostly persistence', 'thank you! 😊', 'let’s do it!',
  ]))} ${ctx.tag}`;
}

/** The moderator greeting a first-timer. */
export function welcomeReplyText(ctx: TextContext, lead: string): string {
  return `${lead} ${ctx.rng.pick(['welcome! 👋', 'so glad you could join us!', 'welcome along, great to have you', 'hello and welcome 😊'])} ${ctx.tag}`;
}
