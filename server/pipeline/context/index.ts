/**
 * Context inference: a person's sector and region from their profile, each
 * with its source, confidence and evidence. Pure and deterministic; reads
 * only the profile, the options and the data in data/context/. Unknown stays
 * unknown: no evidence, or evidence too weak or split, gives `unknown`.
 */
import type { ContextValue, PersonProfile } from '../../../shared/person.js';
import { profileFields } from './fields.js';
import { inferRegion } from './infer-region.js';
import { inferSector } from './infer-sector.js';
import { resolveContextOptions, type ContextOptionsInput } from './options.js';
import { registries } from './registries.js';

export interface InferredContext {
  sector: ContextValue;
  region: ContextValue;
}

export function inferContext(profile: PersonProfile, options?: ContextOptionsInput): InferredContext {
  if (!profile || typeof profile !== 'object' || typeof profile.key !== 'string')
    throw new TypeError('context: inferContext needs a PersonProfile');
  const resolved = resolveContextOptions(options);
  const fields = profileFields(profile, resolved);
  return { sector: inferSector(fields, resolved), region: inferRegion(fields, resolved) };
}

export { COUNTRY_CODES, SECTORS, countryCodeOf, type SectorId } from './gazetteer.js';
export {
  DEFAULT_CONTEXT_OPTIONS,
  PROFILE_FIELDS,
  resolveContextOptions,
  type ContextOptions,
  type ContextOptionsInput,
  type ExtraText,
  type ProfileField,
} from './options.js';
export { RosterMap, findRosterEntry, parseRoster, rosterKey, type RosterEntry, type RosterProblem } from './roster.js';

/**
 * Builds the registries' indexes now (about a second of CPU, once per
 * process) rather than in the first request that reads someone's context:
 * the server calls it before it listens, so no request's event loop pays it.
 */
export function warmContextIndexes(): void {
  registries();
}
