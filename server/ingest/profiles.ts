/**
 * The one rule for a person seen more than once (in one file, across a big
 * file's chunks, across an upload's files, and in the stores' upserts): a
 * newer non-empty field wins, else the older value is kept, else the newer
 * (possibly empty) one. A later export usually has the fresher bio; an empty
 * field never wipes a known one.
 */
import type { Message, PersonProfile } from '../../shared/index.js';

const FIELDS = ['handle', 'name', 'bio', 'location', 'url', 'platformId'] as const;

/** `older` updated by `newer` (same key), as a new object. */
export function mergeProfile(older: PersonProfile, newer: PersonProfile): PersonProfile {
  const out: PersonProfile = { ...older };
  for (const field of FIELDS) {
    const value = newer[field] ? newer[field] : (older[field] ?? newer[field]);
    if (value !== undefined) (out as Record<string, unknown>)[field] = value;
  }
  return out;
}

/** Folds `incoming` into `people` (by key, in order). */
export function mergeProfilesInto(people: Map<string, PersonProfile>, incoming: readonly PersonProfile[]): void {
  for (const p of incoming) {
    const old = people.get(p.key);
    people.set(p.key, old ? mergeProfile(old, p) : { ...p });
  }
}

/** Repeated keys folded in order; sorted by key. */
export function mergeProfiles(people: readonly PersonProfile[]): PersonProfile[] {
  const byKey = new Map<string, PersonProfile>();
  mergeProfilesInto(byKey, people);
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Profiles of the people who wrote or are named in these messages; others are noise. */
export function peopleNamed(messages: readonly Message[], people: readonly PersonProfile[]): PersonProfile[] {
  const named = new Set<string>();
  for (const m of messages) {
    named.add(m.author);
    for (const k of m.mentions) named.add(k);
    if (m.replyToAuthor) named.add(m.replyToAuthor);
    if (m.repostOf) named.add(m.repostOf);
  }
  return people.filter((p) => named.has(p.key));
}
