/**
 * Rows as both stores read them back, and the one mapping of each to the
 * shared types: absent optional fields are left out, not null or undefined,
 * so results parse and compare cleanly whichever store answered.
 */
import type { ChatSchedule, Dataset, PersonProfile, SourceResult, TableMapping } from '../../shared/index.js';
import type { ContextOverride } from './types.js';

/** A row as selected: columns aliased to the type's names, absent values as NULL. */
export type Nullable<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

/** A dataset row; SQLite keeps its lists as JSON text, PostgreSQL as jsonb (already parsed). */
export type DatasetRow = Record<'id' | 'name' | 'created_at' | 'updated_at', string> &
  Record<'version' | 'message_count' | 'people_count' | 'chat_count' | 'session_count', number> &
  Record<'first_time' | 'last_time', string | null> & {
    sources: string | SourceResult[];
    chats: string | string[];
    table_reading?: string | TableReading | null;
    session_schedules?: string | ChatSchedule[] | null;
  };

/** How a dataset's tables were read: stored as JSON with the dataset. */
export interface TableReading {
  mapping?: TableMapping | undefined;
  timezone?: string | undefined;
}

const list = <T>(value: string | T[]): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : value);

export function toDataset(row: DatasetRow): Dataset {
  const dataset: Dataset = {
    id: row.id,
    name: row.name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts: { messages: row.message_count, people: row.people_count, chats: row.chat_count, sessions: row.session_count },
    chats: list<string>(row.chats),
    sources: list<SourceResult>(row.sources),
  };
  if (row.first_time !== null) dataset.from = row.first_time;
  if (row.last_time !== null) dataset.to = row.last_time;
  const reading: TableReading | null =
    typeof row.table_reading === 'string' ? (JSON.parse(row.table_reading) as TableReading) : (row.table_reading ?? null);
  if (reading?.mapping) dataset.mapping = reading.mapping;
  if (reading?.timezone) dataset.timezone = reading.timezone;
  const schedules = typeof row.session_schedules === 'string' ? list<ChatSchedule>(row.session_schedules) : row.session_schedules;
  if (schedules?.length) dataset.schedules = schedules;
  return dataset;
}

export function toPerson(r: Nullable<PersonProfile>): PersonProfile {
  const p: PersonProfile = { key: r.key, platform: r.platform, handle: r.handle };
  if (r.name !== null) p.name = r.name;
  if (r.bio !== null) p.bio = r.bio;
  if (r.location !== null) p.location = r.location;
  if (r.url !== null) p.url = r.url;
  if (r.platformId !== null) p.platformId = r.platformId;
  return p;
}

/** A person's sector and region overrides, one row (context_overrides). */
export interface ContextRow {
  key: string;
  sector: string | null;
  sector_source: 'roster' | 'edited' | null;
  sector_evidence: string | null;
  region: string | null;
  region_source: 'roster' | 'edited' | null;
  region_evidence: string | null;
}

/** A row → its sector override and its region override, each when set. */
export const toContextOverrides = (r: ContextRow): ContextOverride[] => [
  ...(r.sector ? [{ key: r.key, sector: r.sector, source: r.sector_source!, evidence: r.sector_evidence ?? '' }] : []),
  ...(r.region ? [{ key: r.key, region: r.region, source: r.region_source!, evidence: r.region_evidence ?? '' }] : []),
];
