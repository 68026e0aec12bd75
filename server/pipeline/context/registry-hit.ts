/**
 * What the registries' readers share (registry-hits.ts, library-names.ts): the hits they give, how a hit is made, and
 * when two tokens are one name.
 */
import type { Hit } from './decide.js';
import type { FieldText } from './fields.js';

/** Weight of a body named outright (a public library, a handle, a school): a workplace named. */
export const NAMED = 2.5;

/** Tokens of one name: nothing, an apostrophe or a hyphen between them ("St John's", "Stoke-on-Trent"). */
export const SAME_PHRASE = /^(?:[\s'’]*|-)$/;

export interface RegistryHits {
  sector: Hit[];
  region: Hit[];
}

export const hit = (field: FieldText, start: number, end: number, readings: Record<string, number>, strength: number): Hit => ({
  field: field.label,
  text: field.text,
  start,
  end,
  readings,
  strength: strength * field.weight,
});
