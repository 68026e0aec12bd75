/**
 * The shortlist: peers one keeps to contact later, in the order kept, as
 * they were when kept (a later view may no longer list them), and the CSV
 * that takes it out of the atlas (the one CSV writer, shared/csv.ts).
 */
import { z } from 'zod';
import { csvTable } from '../../shared/csv.js';
import type { Peer } from '../../shared/index.js';

export const ShortlistEntrySchema = z.object({
  key: z.string(),
  name: z.string(),
  handle: z.string(),
  profileUrl: z.string().optional(),
  platform: z.string(),
  sector: z.string(),
  region: z.string(),
  chats: z.array(z.string()),
  reasons: z.array(z.string()),
});
export type ShortlistEntry = z.infer<typeof ShortlistEntrySchema>;

export const SHORTLIST_CSV_COLUMNS = ['name', 'handle', 'profile', 'platform', 'sector', 'region', 'chats', 'reasons'] as const;

/** Lists in one cell (chats, reasons): joined as the graph exports join theirs. */
const LIST_JOIN = '; ';

export function entryOf(peer: Peer): ShortlistEntry {
  return {
    key: peer.key,
    name: peer.label,
    handle: peer.handle ?? peer.key.slice(peer.key.indexOf(':') + 1),
    ...(peer.profileUrl ? { profileUrl: peer.profileUrl } : {}),
    platform: peer.platform ?? peer.key.split(':')[0]!,
    sector: peer.sector,
    region: peer.region,
    chats: peer.chats ?? [],
    reasons: peer.reasons,
  };
}

/** A stored list read back: entries that no longer parse are dropped, never thrown on. */
export function parseShortlist(stored: unknown): ShortlistEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((e) => {
    const parsed = ShortlistEntrySchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Keeps the peer if not kept, else lets them go. */
export function toggleEntry(list: readonly ShortlistEntry[], peer: Peer): ShortlistEntry[] {
  return list.some((e) => e.key === peer.key) ? list.filter((e) => e.key !== peer.key) : [...list, entryOf(peer)];
}

export function shortlistCsv(list: readonly ShortlistEntry[]): string {
  return csvTable(
    SHORTLIST_CSV_COLUMNS,
    list.map((e) => [
      e.name,
      e.handle,
      e.profileUrl ?? '',
      e.platform,
      e.sector,
      e.region,
      e.chats.join(LIST_JOIN),
      e.reasons.join(LIST_JOIN),
    ]),
  );
}
