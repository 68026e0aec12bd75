/**
 * Generator options, their documented defaults and the resolve step that
 * merges and checks them. The defaults make the committed demo dataset:
 * six chats × 35–70 people × 12 monthly sessions ≈ 5,000–9,000 messages.
 */
import { chatSpecs, type ChatSpec } from './chats.js';

export interface GeneratorOptions {
  /** Fixes every random choice: same seed, same bytes. Default 1. */
  seed: number;
  /** A number of chats (the six defaults first, then numbered copies) or explicit specs. Default 6. */
  chats: number | readonly ChatSpec[];
  /** Home members per chat, moderator not counted, drawn uniformly in [min, max]. Default 35–70. */
  peoplePerChat: { min: number; max: number };
  /** Monthly sessions per chat. Default 12. */
  months: number;
  /** First month, `YYYY-MM`. Default `2023-01`. */
  startMonth: string;
  /** Numbered questions the moderator asks per session (Q1…Qn). Default 5. */
  questionsPerSession: number;
  /** Chance an attendee answers a given question. Default 0.55. */
  answerRate: number;
  /** Chance an attendee replies to someone else's answer, per question. Default 0.2. */
  replyRate: number;
  /** Chance an answer credits another attendee by @-name. Default 0.1. */
  mentionRate: number;
  /**
   * Share of each chat's participants who are visitors from another chat.
   * Default 0.08, inside the 5–12% seen in real chats.
   */
  visitorRate: number;
  /** Chance an attendee retweets/boosts, per question. Default 0.06. */
  repostRate: number;
  /** Chance a home member is a regular / occasional / one-off attendee (normalized). */
  attendanceMix: { regular: number; occasional: number; once: number };
  /** Chance a regular / occasional member attends a given session. */
  attendRate: { regular: number; occasional: number };
  /** Multiplies peoplePerChat (CLI `--scale`). Default 1. */
  scale: number;
}

export type GeneratorInput = Partial<GeneratorOptions>;

export interface ResolvedOptions extends Omit<GeneratorOptions, 'chats'> {
  chats: readonly ChatSpec[];
}

export const DEFAULT_GENERATOR_OPTIONS: Readonly<GeneratorOptions> = Object.freeze({
  seed: 1,
  chats: 6,
  peoplePerChat: { min: 35, max: 70 },
  months: 12,
  startMonth: '2023-01',
  questionsPerSession: 5,
  answerRate: 0.55,
  replyRate: 0.2,
  mentionRate: 0.1,
  visitorRate: 0.08,
  repostRate: 0.06,
  attendanceMix: { regular: 0.3, occasional: 0.45, once: 0.25 },
  attendRate: { regular: 0.8, occasional: 0.25 },
  scale: 1,
});

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`generator: ${message}`);
}

const isRate = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

export function resolveOptions(input: GeneratorInput = {}): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as GeneratorInput;
  const o = { ...DEFAULT_GENERATOR_OPTIONS, ...defined };
  check(Number.isInteger(o.seed), `seed must be an integer, got ${o.seed}`);
  check(Number.isInteger(o.months) && o.months >= 1 && o.months <= 120, `months must be 1–120, got ${o.months}`);
  check(Number.isInteger(o.questionsPerSession) && o.questionsPerSession >= 1 && o.questionsPerSession <= 20,
    `questionsPerSession must be 1–20, got ${o.questionsPerSession}`);
  check(o.scale > 0 && o.scale <= 100, `scale must be in (0, 100], got ${o.scale}`);
  const min = Math.max(2, Math.round(o.peoplePerChat.min * o.scale));
  const max = Math.max(min, Math.round(o.peoplePerChat.max * o.scale));
  check(Number.isFinite(min) && Number.isFinite(max), 'peoplePerChat must be numbers');
  for (const k of ['answerRate', 'replyRate', 'mentionRate', 'repostRate'] as const) check(isRate(o[k]), `${k} must be in [0, 1], got ${o[k]}`);
  check(isRate(o.visitorRate) && o.visitorRate < 1, `visitorRate must be in [0, 1), got ${o.visitorRate}`);
  const chats = typeof o.chats === 'number' ? chatSpecs(o.chats) : [...o.chats];
  check(chats.length >= 1, 'at least one chat is needed');
  check(new Set(chats.map((c) => c.hashtag)).size === chats.length, 'chat hashtags must be distinct');
  return { ...o, chats, peoplePerChat: { min, max } };
}
