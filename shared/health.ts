/**
 * Chat health: the organiser's figures per session and over time (issue 22).
 * One report per dataset version and query (server/pipeline/health), served
 * whole as the series (`/health`), as a list of sessions (`/sessions`) and
 * one session at a time (`/sessions/:sessionId`): three views of one
 * computation, so their figures cannot disagree. First-timers, returns and
 * welcomes are read against the chat's whole history, whatever the window.
 */
import { z } from 'zod';
import { GraphQuerySchema } from './build-options.js';
import type { ChatSchedule } from './session-schedule.js';

/** How many of a chat's later sessions count as "came back". */
export const DEFAULT_RETURN_WINDOW = 3;

/** A person as the report names them: their key and display name (pseudonymous: `Participant N`). */
export const HealthPersonSchema = z.object({ key: z.string(), name: z.string() });
export type HealthPerson = z.infer<typeof HealthPersonSchema>;

/** One numbered question of a session (`Qn`) and its answers (`An`). */
export const QuestionFiguresSchema = z.object({
  number: z.number().int().positive(),
  /** When the host's `Qn` was posted; absent when answers came but the question itself is not in the record. */
  askedAt: z.iso.datetime().optional(),
  askedBy: HealthPersonSchema.optional(),
  /** Distinct people who answered (`An`), the asker excluded. */
  answerers: z.number().int().nonnegative(),
  answeredBy: z.array(HealthPersonSchema),
  /** Answer messages (a person may answer twice). */
  answers: z.number().int().nonnegative(),
  /** Seconds from the question to its first answer; absent when unanswered or not asked on record. */
  firstAnswerSeconds: z.number().nonnegative().optional(),
  /** Replies by one answerer to another answerer's `An`: the conversation the question started. */
  repliesAmongAnswerers: z.number().int().nonnegative(),
});
export type QuestionFigures = z.infer<typeof QuestionFiguresSchema>;

/** Someone posting in a chat for the first time on record. */
export const FirstTimerSchema = z.object({
  person: HealthPersonSchema,
  /** Someone else replied to or mentioned them during this, their first, session. */
  welcomed: z.boolean(),
  welcomedBy: z.array(HealthPersonSchema),
  /** They posted in at least one of the chat's next `returnWindow` sessions. */
  cameBack: z.boolean(),
  /** How many later sessions of the chat exist to come back to (0 … returnWindow): 0 means not yet known. */
  sessionsAfter: z.number().int().nonnegative(),
});
export type FirstTimer = z.infer<typeof FirstTimerSchema>;

/** People of one group (a sector, a region) among a session's participants. */
export const GroupCountSchema = z.object({ value: z.string(), people: z.number().int().nonnegative() });
export type GroupCount = z.infer<typeof GroupCountSchema>;

/** A session's start in a region's local time: `["20:00"]`, or one per principal zone (`["15:00", "18:00"]`). */
export const LocalTimeSchema = z.object({ region: z.string(), times: z.array(z.string()) });
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/** A session's headline figures: one row of the sessions list. */
export const SessionFiguresSchema = z.object({
  id: z.string(),
  chat: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  messages: z.number().int().nonnegative(),
  participants: z.number().int().nonnegative(),
  /** First-timers: posting in this chat for the first time on record (none in a chat's first session on record). */
  newcomers: z.number().int().nonnegative(),
  /** Participants seen in the chat before. */
  returning: z.number().int().nonnegative(),
  questionsAsked: z.number().int().nonnegative(),
  /** Questions with at least one answerer. */
  questionsAnswered: z.number().int().nonnegative(),
  newcomersWelcomed: z.number().int().nonnegative(),
  newcomersCameBack: z.number().int().nonnegative(),
  /** The first-timers' names, in order of their first message. */
  newcomerNames: z.array(z.string()),
  /** The chat's sessions on record, 1 = its first. */
  number: z.number().int().positive(),
});
export type SessionFigures = z.infer<typeof SessionFiguresSchema>;

/** One session in full: its figures, questions, first-timers, mix and local hours. */
export const SessionHealthSchema = SessionFiguresSchema.extend({
  questions: z.array(QuestionFiguresSchema),
  /** Numbers of the questions asked that nobody answered. */
  unanswered: z.array(z.number().int().positive()),
  firstTimers: z.array(FirstTimerSchema),
  sectors: z.array(GroupCountSchema),
  regions: z.array(GroupCountSchema),
  /** The session's start in the local time of each known region among its participants. */
  localTimes: z.array(LocalTimeSchema),
});
export type SessionHealth = z.infer<typeof SessionHealthSchema>;

/** First-timers of a group (welcomed or not) and how many came back within the return window. */
export const ReturnTallySchema = z.object({
  /** First-timers with at least one later session to come back to. */
  firstTimers: z.number().int().nonnegative(),
  cameBack: z.number().int().nonnegative(),
});
export type ReturnTally = z.infer<typeof ReturnTallySchema>;

/**
 * Ties between groups against random mixing: a tie is a pair of people who
 * replied to or mentioned each other in the sessions shown. `observed[i][j]`
 * ties between groups i and j (i = j: within); `expected[i][j]` what random
 * pairing of the same tie ends would give (Newman 2003, "Mixing patterns in
 * networks"): d_i·d_j/2T between, d_i²/4T within, where d_i is the tie ends
 * in group i and T the ties. `assortativity`: Newman's r (1: ties only within
 * groups, 0: random, below 0: across more than random).
 */
export const MixingMatrixSchema = z.object({
  groups: z.array(z.string()),
  observed: z.array(z.array(z.number().int().nonnegative())),
  expected: z.array(z.array(z.number().nonnegative())),
  ties: z.number().int().nonnegative(),
  assortativity: z.number().optional(),
});
export type MixingMatrix = z.infer<typeof MixingMatrixSchema>;

/** One session's point of the time series. */
export const SeriesPointSchema = z.object({
  session: z.string(),
  chat: z.string(),
  start: z.iso.datetime(),
  participants: z.number().int().nonnegative(),
  newcomers: z.number().int().nonnegative(),
  returning: z.number().int().nonnegative(),
  sectors: z.array(GroupCountSchema),
  regions: z.array(GroupCountSchema),
});
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

/** The chat's history over the window: series, returns welcomed vs not, mixing matrices. */
export const HealthSeriesSchema = z.object({
  returnWindow: z.number().int().positive(),
  series: z.array(SeriesPointSchema),
  returns: z.object({ welcomed: ReturnTallySchema, notWelcomed: ReturnTallySchema }),
  mixing: z.object({ sector: MixingMatrixSchema, region: MixingMatrixSchema }),
});
export type HealthSeries = z.infer<typeof HealthSeriesSchema>;

/** What the pipeline computes once per dataset version and query; the routes serve parts of it. */
export const HealthReportSchema = HealthSeriesSchema.extend({
  /** Chats in the dataset's selection (the page's chat picker). */
  chats: z.array(z.string()),
  sessions: z.array(SessionHealthSchema),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

export const SessionListSchema = z.object({ chats: z.array(z.string()), sessions: z.array(SessionFiguresSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

/**
 * The health routes' query: the graph's selection (chats, from, to, sectors, regions, session gap, schedules), a
 * format and the privacy mode. Its tie filters (kinds, minWeight) and layout options do not apply: a session is its people.
 */
export const HealthQuerySchema = GraphQuerySchema.pick({
  chats: true,
  from: true,
  to: true,
  sectors: true,
  regions: true,
  sessionGapMinutes: true,
  schedules: true,
}).extend({
  /** `json` (default) or `csv`; `Accept: text/csv` asks for CSV too. */
  format: z.enum(['json', 'csv']).optional(),
  /** `pseudonymous`: people named `Participant N` (numbered by keyed hash, as in pseudonymous shares). */
  privacy: z.enum(['named', 'pseudonymous']).default('named'),
});
export type HealthQuery = z.infer<typeof HealthQuerySchema>;

/** The options the report depends on (and is cached by). */
export interface HealthOptions {
  chats: string[];
  from?: string | undefined;
  to?: string | undefined;
  /** Only people in these sectors / regions are counted (empty: everyone); first sessions and welcomes are everyone's. */
  sectors: string[];
  regions: string[];
  sessionGapMinutes: number;
  returnWindow: number;
  /** The chats' schedules, instead of those kept with the dataset (as a graph query's `schedules`). */
  schedules?: ChatSchedule[] | undefined;
  /**
   * Also who took part in each session (key, messages, returning, sector, region), for a named snapshot of a
   * session's report to count again when someone opts out later (server/pipeline/health/remove-people). Never served.
   */
  ledger?: boolean;
}
