/**
 * Options of context inference, with documented defaults. The lead may move
 * these to shared/ so that the payload's meta can carry them.
 */

/** Profile fields inference can read. `instance` is a Mastodon account's server (`ann@mastodon.ie`). */
export const PROFILE_FIELDS = ['bio', 'location', 'name', 'url', 'instance'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** More text about the person read like a bio: a Slack workspace's name, their self-introduction in a chat. */
export interface ExtraText {
  /** Names the source in evidence strings (`workspace`, `intro`). */
  label: string;
  text: string;
  /** Default 0.75: said about the person, not by them in their profile. */
  weight?: number;
}

export interface ContextOptions {
  /** Fields read; default all of PROFILE_FIELDS. */
  fields: readonly ProfileField[];
  /**
   * How much each field's evidence counts. Defaults: bio, location, url and
   * instance 1; name 0.75 (display names carry jokes and heritage flags).
   * The instance's own strength is already low (see hosts.ts).
   */
  fieldWeights: Readonly<Record<ProfileField, number>>;
  /** Answers below this confidence become `unknown`. Default 0.4: one weak hint (weight 1) alone is not enough. */
  minConfidence: number;
  /**
   * The winning value must hold at least this share of all the evidence.
   * Default 0.6: "Newcastle" (GB 55% / AU 45%) and "Leeds … Sydney" stay unknown;
   * "Perth" (AU 85%) and "Birmingham" (GB 75%) answer, with lower confidence.
   */
  minShare: number;
  /** Never claim more than this for an inference. Default 0.95. */
  maxConfidence: number;
  /** Extra texts (see ExtraText); default none. */
  extra: readonly ExtraText[];
  /**
   * Also read the institution registries and the wider lexicon (registries.ts):
   * universities and colleges worldwide by name and web domain, national
   * libraries, public library authorities, NHS trusts, research organisations
   * (ROR: health services, museums, archives, agencies), law schools, role
   * patterns ("librarian at <institution>", "<role> @<account>"), trade
   * abbreviations and bios in French, Spanish, German, Portuguese, Dutch and
   * Italian. Default true: on 586 real, hand-labelled profiles it reads a
   * stated sector right 73 % of the time instead of 51 % (bench/context-real.ts,
   * held-out half); `false` gives the written lexicons alone.
   */
  registries: boolean;
}

export type ContextOptionsInput = Partial<Omit<ContextOptions, 'fieldWeights'>> & { fieldWeights?: Partial<Record<ProfileField, number>> };

export const DEFAULT_CONTEXT_OPTIONS: ContextOptions = {
  fields: PROFILE_FIELDS,
  fieldWeights: { bio: 1, location: 1, name: 0.75, url: 1, instance: 1 },
  minConfidence: 0.4,
  minShare: 0.6,
  maxConfidence: 0.95,
  extra: [],
  registries: true,
};

function inUnit(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`context: ${name} must be between 0 and 1, got ${value}`);
  return value;
}

export function resolveContextOptions(input: ContextOptionsInput = {}): ContextOptions {
  const options: ContextOptions = {
    ...DEFAULT_CONTEXT_OPTIONS,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    fieldWeights: { ...DEFAULT_CONTEXT_OPTIONS.fieldWeights, ...input.fieldWeights },
  };
  inUnit('minConfidence', options.minConfidence);
  inUnit('minShare', options.minShare);
  inUnit('maxConfidence', options.maxConfidence);
  for (const f of options.fields) if (!PROFILE_FIELDS.includes(f)) throw new RangeError(`context: unknown field ${String(f)}`);
  for (const [f, w] of Object.entries(options.fieldWeights)) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`context: fieldWeights.${f} must be a non-negative number`);
  }
  if (typeof options.registries !== 'boolean') throw new RangeError('context: registries must be true or false');
  for (const e of options.extra)
    if (!e.label || typeof e.text !== 'string') throw new RangeError('context: extra texts need a label and a text');
  return options;
}
