/**
 * A roster: the sector and region people told the organisers, as CSV
 * `handle,sector,region[,name]` (header required, any order, any case).
 * A handle may be `@ann`, `ann`, `ann@glammr.us` or a full key
 * `twitter:ann`; a sector must be one of SECTORS; a region an ISO 3166-1
 * alpha-2 code or a country name the gazetteer knows ("Ireland", "Éire",
 * "UK"). A bad row is skipped and reported with its line number; it never
 * stops the rest. Only a missing header is fatal.
 */
import { PLATFORMS } from '../../../shared/platform.js';
import { COUNTRY_CODES, SECTORS, countryCodeOf, type SectorId } from './gazetteer.js';

export interface RosterEntry {
  sector?: SectorId;
  region?: string;
  name?: string;
  /** Line of the row in the file (1-based), for messages. */
  line: number;
}

export interface RosterProblem {
  line: number;
  message: string;
}

/** Entries by roster key (`ann`, `ann@glammr.us` or `twitter:ann`), plus what could not be read. */
export class RosterMap extends Map<string, RosterEntry> {
  readonly problems: RosterProblem[] = [];
}

/** `@Ann` → `ann`; `Twitter:@Ann` → `twitter:ann`; `@ann@glammr.us` → `ann@glammr.us`. */
export function rosterKey(handle: string): string {
  const trimmed = handle.trim();
  const colon = trimmed.indexOf(':');
  const platform = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : '';
  const isKey = (PLATFORMS as readonly string[]).includes(platform);
  const rest = (isKey ? trimmed.slice(colon + 1) : trimmed).trim().replace(/^@+/, '').toLowerCase();
  return isKey ? `${platform}:${rest}` : rest;
}

/** The roster entry for a person key: by full key first, then by handle alone. */
export function findRosterEntry(roster: ReadonlyMap<string, RosterEntry>, key: string): RosterEntry | undefined {
  const k = key.toLowerCase();
  return roster.get(k) ?? roster.get(k.slice(k.indexOf(':') + 1));
}

interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), each with the line it starts on. */
function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') ((quoted = true), (cell = ''));
    else if (c === ',') (cells.push(cell), (cell = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function regionOf(cell: string): string | undefined {
  const code = cell.length === 2 ? cell.toUpperCase() : undefined;
  return code && COUNTRY_CODES.has(code) ? code : countryCodeOf(cell);
}

const isUnset = (cell: string) => cell === '' || cell.toLowerCase() === 'unknown';

export function parseRoster(csvText: string): RosterMap {
  const records = readCsv(csvText.replace(/^\uFEFF/, ''));
  const header = records.shift();
  if (!header) throw new Error('roster: the file is empty; expected a header handle,sector,region[,name]');
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const col = (name: string) => columns.indexOf(name);
  if (col('handle') < 0 || (col('sector') < 0 && col('region') < 0)) {
    throw new Error(
      `roster: line ${header.line}: the header needs a handle column and a sector and/or region column, got "${header.cells.join(',')}"`,
    );
  }
  const roster = new RosterMap();
  columns.forEach((c, i) => {
    if (!['handle', 'sector', 'region', 'name'].includes(c))
      roster.problems.push({
        line: header.line,
        message: `column ${i + 1} "${header.cells[i]}" is not handle, sector, region or name; ignored`,
      });
  });
  for (const { line, cells } of records) {
    const cell = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
    const problem = (message: string) => roster.problems.push({ line, message: `${message}; row skipped` });
    const key = rosterKey(cell('handle'));
    if (!key || key.endsWith(':')) {
      problem('no handle');
      continue;
    }
    const sectorCell = cell('sector').toLowerCase();
    const regionCell = cell('region');
    const entry: RosterEntry = { line };
    if (!isUnset(sectorCell)) {
      if (!(SECTORS as readonly string[]).includes(sectorCell)) {
        problem(`unknown sector "${cell('sector')}" (expected one of ${SECTORS.join(', ')})`);
        continue;
      }
      entry.sector = sectorCell as SectorId;
    }
    if (!isUnset(regionCell)) {
      const region = regionOf(regionCell);
      if (!region) {
        problem(`unknown region "${regionCell}" (expected an ISO 3166-1 alpha-2 code such as GB, or a country name)`);
        continue;
      }
      entry.region = region;
    }
    if (cell('name')) entry.name = cell('name');
    if (!entry.sector && !entry.region && !entry.name) {
      problem(`nothing to set for "${cell('handle')}"`);
      continue;
    }
    const previous = roster.get(key);
    if (previous) roster.problems.push({ line, message: `"${key}" is also on line ${previous.line}; this later row wins` });
    roster.set(key, entry);
  }
  return roster;
}
