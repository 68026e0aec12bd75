/**
 * Profile bio and location for a person, in varied wording: some state role,
 * workplace and place, some only one of them, about 15% neither. Location
 * fields are sometimes a place, sometimes vague, sometimes empty.
 */
import type { Sector } from './model.js';
import { placesIn, VAGUE_LOCATIONS, type Place } from './places.js';
import type { Rng } from './random.js';
import { DISCLAIMERS, EMOJI, HOBBIES, SECTOR_WORDS, type Workplace } from './roles.js';

export interface Profile {
  bio: string;
  location: string;
  /** The truth behind the words: where they are and the role they hold. */
  city: string;
  role: string;
}

/** What a bio reveals, chosen first so the mix of evidence is controlled. */
type Reveals = 'both' | 'sector' | 'place' | 'neither';

function workplaceFor(rng: Rng, sector: Sector, region: string): string {
  const fits = SECTOR_WORDS[sector].workplaces.filter((wp: Workplace) => !wp.regions || wp.regions.includes(region));
  return rng.pick(fits.length ? fits : SECTOR_WORDS[sector].workplaces).text;
}

/** A place as someone would write it: "Leeds", "Brisbane QLD", "Cork, Ireland", "Ohio", "Brissie". */
export function placePhrase(rng: Rng, place: Place): string {
  return rng.weighted<string>([
    [place.city, 4],
    [`${place.city}, ${place.adminShort}`, 2],
    [`${place.city} ${place.adminShort}`, 1],
    [`${place.city}, ${place.country}`, 3],
    [place.admin, 1],
    [place.nick ?? place.city, place.nick ? 1 : 0],
  ]);
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function withSectorAndPlace(rng: Rng, role: string, work: string, where: string, city: string): string {
  const disclaimer = rng.chance(0.35) ? rng.pick(DISCLAIMERS) : '';
  const tail = disclaimer ? ` ${disclaimer}` : '';
  const dotTail = disclaimer ? ` · ${disclaimer}` : '';
  const bare = work.replace(/^(a|an|the) /, '');
  return rng.weighted<string>([
    [`${role}, ${work.replace(/^\(|\)$/g, '')}, ${where}.${tail}`, 3],
    [`${role} @ ${bare} | ${where}`, 2],
    [`${role} (${bare}) — ${where}${dotTail}`, 2],
    [`${role} in ${where} ${rng.pick(EMOJI)}`, 2],
    [`${city}-based ${lowerFirst(role)}. ${rng.pick(HOBBIES)}`, 1],
    [`${role} at ${work}, ${where}. ${rng.pick(HOBBIES)}`, 2],
    [`📍${where} · ${lowerFirst(role)} · ${rng.pick(HOBBIES)}`, 1],
  ]);
}

function withSectorOnly(rng: Rng, role: string, work: string): string {
  return rng.weighted<string>([
    [`${role} at ${work}. ${rng.pick(DISCLAIMERS)}`.trim(), 3],
    [`${role}. ${rng.pick(HOBBIES)}`, 2],
    [`${rng.pick(HOBBIES)} ${role} by day.`, 1],
    [`${role} | ${work.replace(/^(a|an|the) /, '')} | ${rng.pick(HOBBIES)}`, 1],
  ]);
}

function withPlaceOnly(rng: Rng, where: string): string {
  return rng.weighted<string>([
    [`${rng.pick(HOBBIES)} ${where}.`, 1],
    [`Living and reading in ${where}. ${rng.pick(DISCLAIMERS)}`.trim(), 1],
    [`${where} ✈️ wherever. ${rng.pick(HOBBIES)}`, 1],
  ]);
}

function withNeither(rng: Rng): string {
  return rng.weighted<string>([
    [`${rng.pick(HOBBIES)} ${rng.pick(DISCLAIMERS)}`.trim(), 3],
    [`${rng.pick(HOBBIES)} ${rng.pick(HOBBIES)}`, 2],
    ['', 1],
  ]);
}

/** Bio and location for someone in `sector` living in `region`. */
export function makeProfile(rng: Rng, sector: Sector, region: string): Profile {
  const place = rng.pick(placesIn(region));
  const role = rng.pick(SECTOR_WORDS[sector].roles);
  const work = workplaceFor(rng, sector, region);
  const reveals = rng.weighted<Reveals>([['both', 58], ['sector', 20], ['place', 7], ['neither', 15]]);
  const bio =
    reveals === 'both' ? withSectorAndPlace(rng, role, work, placePhrase(rng, place), place.city)
      : reveals === 'sector' ? withSectorOnly(rng, role, work)
        : reveals === 'place' ? withPlaceOnly(rng, placePhrase(rng, place))
          : withNeither(rng);
  const location = rng.weighted<string>([
    [placePhrase(rng, place), 50],
    [`${place.city}, ${place.admin}`, 10],
    [rng.pick(VAGUE_LOCATIONS), 15],
    ['', 25],
  ]);
  return { bio: bio.replace(/\s+/g, ' ').trim(), location, city: place.city, role };
}
