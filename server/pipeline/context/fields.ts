/**
 * The texts of a profile that inference reads, each with its label for
 * evidence strings and its weight. A Mastodon profile's `url` is its
 * instance's address, so it is read as the instance, not as a website.
 */
import type { PersonProfile } from '../../../shared/person.js';
import type { ContextOptions } from './options.js';
import { decodeEntities } from './tokenize.js';

export type FieldKind = 'text' | 'name' | 'url' | 'instance';

export interface FieldText {
  label: string;
  kind: FieldKind;
  text: string;
  weight: number;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

// Bluesky handles under a hosting service's domain name no one's workplace; bridged fediverse accounts end in brid.gy.
const HOSTED_HANDLE = /(?:^|\.)(?:bsky\.social|bsky\.app|bsky\.team|brid\.gy|bsky\.network)$/;

/**
 * A Bluesky handle that is its owner's own domain (`nypl.org`, `ann.lib.umich.edu`): the platform checked
 * that the owner controls it, so it reads like a profile link. `ann.bsky.social` says nothing.
 */
export function handleDomainOf(profile: PersonProfile): string | undefined {
  if (profile.platform !== 'bluesky') return undefined;
  const handle = profile.handle.toLowerCase().replace(/^@/, '');
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(handle) || HOSTED_HANDLE.test(handle)) return undefined;
  return handle;
}

/**
 * A location field written all in lower case ("sydney", "leeds, uk", "austin, tx") is capitalised as a place
 * name would be, so names the gazetteer reads only capitalised (`=Sydney`, a given name too; `=TX`) are read:
 * a location field names a place. Two-letter parts after a comma are codes ("TX", "UK").
 */
export function capitalised(location: string | undefined): string | undefined {
  if (!location || /\p{Lu}/u.test(location)) return location;
  return location
    .replace(/(^|,\s*)(\p{Ll}{2})(?=\s*(?:,|$))/gu, (_, lead: string, code: string) => `${lead}${code.toUpperCase()}`)
    .replace(/(?<![\p{L}'’])\p{Ll}/gu, (c) => c.toUpperCase());
}

/** `ann@glammr.us` → `glammr.us`, for Mastodon accounts. */
export function instanceOf(profile: PersonProfile): string | undefined {
  if (profile.platform !== 'mastodon') return undefined;
  const at = profile.key.lastIndexOf('@');
  return at > 0 ? profile.key.slice(at + 1) : profile.url ? hostOf(profile.url) : undefined;
}

/**
 * Each field is read up to this many characters: a profile's bio is a few hundred (Twitter 160, Mastodon 500, a
 * conference speaker's about 1,500), and a file that puts a whole document there must not make the reading slow.
 */
export const MAX_FIELD_CHARS = 4000;

export function profileFields(profile: PersonProfile, options: ContextOptions): FieldText[] {
  const read = new Set(options.fields);
  const w = options.fieldWeights;
  const out: FieldText[] = [];
  const push = (label: string, kind: FieldKind, text: string | undefined, weight: number) => {
    const t = text?.trim().slice(0, MAX_FIELD_CHARS);
    if (t && weight > 0) out.push({ label, kind, text: decodeEntities(t), weight });
  };
  if (read.has('name')) push('name', 'name', profile.name, w.name);
  if (read.has('bio')) push('bio', 'text', profile.bio, w.bio);
  if (read.has('location')) push('location', 'text', options.registries ? capitalised(profile.location) : profile.location, w.location);
  const instance = instanceOf(profile);
  const urlHost = profile.url ? hostOf(profile.url) : undefined;
  if (read.has('url') && urlHost && urlHost !== instance) push('url', 'url', urlHost, w.url);
  if (read.has('instance') && instance) push('instance', 'instance', instance, w.instance);
  const handleDomain = handleDomainOf(profile);
  if (read.has('url') && handleDomain && handleDomain !== urlHost) push('handle', 'url', handleDomain, w.url);
  for (const e of options.extra) push(e.label, 'text', e.text, e.weight ?? 0.75);
  return out;
}
