/**
 * BuildOptions: everything that shapes a graph, with documented defaults.
 * The graph route's query, the CLI's flags and the payload's `meta.options`
 * all go through `resolveBuildOptions`, so the three agree.
 */
import { z } from 'zod';
import { ChatScheduleSchema } from './session-schedule.js';

export const TIE_KINDS = ['reply', 'mention', 'coAnswer', 'coSession', 'repost'] as const;
export const TieKindSchema = z.enum(TIE_KINDS);
export type TieKind = z.infer<typeof TieKindSchema>;

export const TieWeightsSchema = z.object({
  reply: z.number().nonnegative(),
  mention: z.number().nonnegative(),
  coAnswer: z.number().nonnegative(),
  coSession: z.number().nonnegative(),
  repost: z.number().nonnegative(),
});
export type TieWeights = z.infer<typeof TieWeightsSchema>;

/** What a graph does with people who have no ties: `show` them apart (no community, on a ring), or `hide` them. */
export const ISOLATED_MODES = ['show', 'hide'] as const;
export const IsolatedModeSchema = z.enum(ISOLATED_MODES);
export type IsolatedMode = z.infer<typeof IsolatedModeSchema>;

export const BuildOptionsSchema = z.object({
  /** Seed of Louvain's RNG and of the layout's first positions; the RNG (mulberry32) keeps 32 bits, so no more. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  /** Louvain resolution γ: above 1 gives more, smaller communities. */
  resolution: z.number().positive().max(10),
  /**
   * Quiet longer than this sets a chat's sittings apart; a sitting up to 4 hours is one session, a longer one
   * has sessions only where it bursts or a host asks a question series (server/pipeline/sessions/detect.ts).
   */
  sessionGapMinutes: z
    .number()
    .positive()
    .max(60 * 24 * 30),
  /** Tie kinds that make edges. Reposts are off by default: a boost is not a conversation. */
  kinds: z.array(TieKindSchema),
  /**
   * Weight of one unit of each kind in an edge's combined `weight`. Reply,
   * mention and repost count each message; coAnswer and coSession add
   * 1/(n−1) per question or session with n participants (Newman 2001), so a
   * 300-person session does not drown a 6-person one.
   */
  weights: TieWeightsSchema,
  /** Edges whose combined weight is below this are dropped (0 keeps all). */
  minWeight: z.number().nonnegative(),
  /** Only these chats (empty: all). */
  chats: z.array(z.string()),
  /** Only messages at or after / before this time (ISO UTC). */
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Only people in these sectors / regions (empty: all). */
  sectors: z.array(z.string()),
  regions: z.array(z.string()),
  /**
   * People with no ties (only reposts, or posts no one answered): `show` keeps them in the payload, in no
   * community, on a ring aside; `hide` leaves them out of `nodes` (still counted in `meta.counts.isolated`).
   * Either way they change no one else's community, measure or position. Absent in payloads stored before
   * it existed, which read as `show`.
   */
  isolated: IsolatedModeSchema.default('show'),
  /**
   * Chats' schedules as the user knows them ("Tuesdays 21:00 America/New_York, 60 minutes"): a chat with one
   * has its scheduled hours as sessions instead of those found. Absent: none (and in payloads before it).
   */
  schedules: z.array(ChatScheduleSchema).max(100).optional(),
});
export type BuildOptions = z.infer<typeof BuildOptionsSchema>;

export const DEFAULT_BUILD_OPTIONS: BuildOptions = Object.freeze({
  seed: 1,
  resolution: 1,
  sessionGapMinutes: 180,
  kinds: ['reply', 'mention', 'coAnswer', 'coSession'],
  weights: { reply: 1, mention: 1, coAnswer: 1, coSession: 1, repost: 0.5 },
  minWeight: 0,
  chats: [],
  sectors: [],
  regions: [],
  isolated: 'show',
}) as BuildOptions;

export type BuildOptionsInput = Partial<Omit<BuildOptions, 'weights'>> & { weights?: Partial<TieWeights> };

/** Defaults merged with what was given, validated, lists sorted so equal options serialize equally. */
export function resolveBuildOptions(input: BuildOptionsInput = {}): BuildOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const merged = {
    ...DEFAULT_BUILD_OPTIONS,
    ...defined,
    weights: { ...DEFAULT_BUILD_OPTIONS.weights, ...(input.weights ?? {}) },
  };
  const parsed = BuildOptionsSchema.parse(merged);
  const sortedUnique = (xs: string[]) => [...new Set(xs)].sort();
  const { schedules, ...rest } = parsed;
  return {
    ...rest,
    kinds: TIE_KINDS.filter((k) => parsed.kinds.includes(k)),
    chats: sortedUnique(parsed.chats.map((c) => c.toLowerCase())),
    sectors: sortedUnique(parsed.sectors),
    regions: sortedUnique(parsed.regions),
    // Sorted so equal schedules key one cached graph; none at all is left out (the payload as before it existed).
    ...(schedules?.length ? { schedules: sortedSchedules(schedules) } : {}),
  };
}

function sortedSchedules(schedules: BuildOptions['schedules'] & object): BuildOptions['schedules'] {
  const key = (s: (typeof schedules)[number]) => JSON.stringify([s.chat.toLowerCase(), s.weekday, s.start, s.timeZone, s.minutes]);
  return [...schedules].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `a,b` or repeated `?x=a&x=b` → `['a','b']`, checked by the BuildOptions field. */
const csvList = (field: z.ZodArray<z.ZodString>) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(','));
    return parts.map((s) => s.trim()).filter(Boolean);
  }, field.optional());

/** A date (`2024-03-14`) or a full ISO time, to ISO UTC. */
const isoTime = z.preprocess(
  (v) => {
    if (v === undefined || v === '') return undefined;
    const d = new Date(String(v));
    return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
  },
  z.iso.datetime({ message: 'expected a date such as 2024-03-14 or an ISO time' }).optional(),
);

/**
 * A BuildOptions number as a URL gives it, as text, checked by that very field's schema: a query and the
 * options it resolves to cannot disagree on bounds (a value past them is the caller's 400, never our 500).
 */
const numberFromText = <T extends z.ZodType<number>>(field: T) =>
  z.preprocess((v) => (typeof v === 'string' ? Number(v) : v), field).optional();

const { seed, resolution, sessionGapMinutes, kinds, minWeight, chats, sectors, regions, isolated } = BuildOptionsSchema.shape;

/** The graph route's query string: every BuildOptions field that makes sense in a URL. */
export const GraphQuerySchema = z.object({
  seed: numberFromText(seed),
  resolution: numberFromText(resolution),
  sessionGapMinutes: numberFromText(sessionGapMinutes),
  kinds: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : (Array.isArray(v) ? v : String(v).split(',')).map((s) => String(s).trim())),
    kinds.optional(),
  ),
  minWeight: numberFromText(minWeight),
  chats: csvList(chats),
  from: isoTime,
  to: isoTime,
  sectors: csvList(sectors),
  regions: csvList(regions),
  /** JSON list of chat schedules, `[{"chat":"#critlib","weekday":"monday","start":"21:00","timeZone":"America/New_York","minutes":60}]`. */
  schedules: z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    try {
      return JSON.parse(String(v));
    } catch {
      return v; // not JSON: the array schema names what it got
    }
  }, BuildOptionsSchema.shape.schedules),
  /** `isolated=hide` leaves people with no ties out of the graph (default `show`). */
  isolated: z.preprocess((v) => (v === '' ? undefined : v), isolated.unwrap().optional()),
});
export type GraphQuery = z.infer<typeof GraphQuerySchema>;
