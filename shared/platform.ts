/**
 * Platforms and person keys. A person is keyed `platform:handle`, lower-cased;
 * Mastodon handles keep their instance (`mastodon:ann@glammr.us`) because the
 * same local name on two instances is two people.
 */
import { z } from 'zod';

export const PLATFORMS = ['twitter', 'mastodon', 'bluesky', 'slack', 'discord', 'zoom', 'teams', 'whatsapp', 'irc', 'csv'] as const;

export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** `platform:handle`, lower-cased, a leading `@` dropped. */
export function personKey(platform: Platform, handle: string): string {
  return `${platform}:${handle.trim().replace(/^@+/, '').toLowerCase()}`;
}

/** The handle part of a person key (`twitter:ann` → `ann`). */
export function handleOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(colon + 1);
}

/** The platform part of a person key (`twitter:ann` → `twitter`). */
export function platformOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? '' : key.slice(0, colon);
}
