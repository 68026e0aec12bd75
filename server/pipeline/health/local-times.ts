/**
 * A session's start in the local time of each region it reached. A region is
 * an ISO 3166-1 country: its zones come from ICU (Intl.Locale's timeZones);
 * for the countries spanning several, the zones where most people live, so
 * the United States reads "15:00–18:00" (Honolulu to New York is not a
 * chat's audience). Unknown regions have no local time.
 */
import type { LocalTime } from '../../../shared/index.js';

const PRINCIPAL_ZONES: Record<string, string[]> = {
  US: ['America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York'],
  CA: ['America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Toronto', 'America/Halifax'],
  AU: ['Australia/Perth', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney'],
  NZ: ['Pacific/Auckland'],
  BR: ['America/Manaus', 'America/Sao_Paulo'],
  MX: ['America/Tijuana', 'America/Mexico_City'],
  RU: ['Europe/Moscow'],
  ES: ['Europe/Madrid'],
  PT: ['Europe/Lisbon'],
  CN: ['Asia/Shanghai'],
  ID: ['Asia/Jakarta'],
  AR: ['America/Argentina/Buenos_Aires'],
  CL: ['America/Santiago'],
  DE: ['Europe/Berlin'],
  FR: ['Europe/Paris'],
  GB: ['Europe/London'],
  NL: ['Europe/Amsterdam'],
  EC: ['America/Guayaquil'],
  KZ: ['Asia/Almaty'],
  MY: ['Asia/Kuala_Lumpur'],
  UA: ['Europe/Kyiv'],
};

const zonesCache = new Map<string, string[]>();

/** The time zones people of a country most likely live in; none for an unknown code. */
export function zonesOf(region: string): string[] {
  let zones = zonesCache.get(region);
  if (zones) return zones;
  zones = PRINCIPAL_ZONES[region];
  if (!zones) {
    try {
      const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & { timeZones?: string[] };
      zones = locale.timeZones ?? [];
    } catch {
      zones = [];
    }
  }
  zonesCache.set(region, zones);
  return zones;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localHourMinute(ms: number, zone: string): string | undefined {
  let format = formatters.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return undefined;
    }
    formatters.set(zone, format);
  }
  return format.format(ms);
}

/** `regions`: the known regions of the session's participants, most people first. */
export function localTimes(start: string, regions: readonly string[]): LocalTime[] {
  const ms = Date.parse(start);
  const out: LocalTime[] = [];
  for (const region of regions) {
    const times = [
      ...new Set(
        zonesOf(region)
          .map((z) => localHourMinute(ms, z))
          .filter((t): t is string => t !== undefined),
      ),
    ].sort();
    if (times.length) out.push({ region, times });
  }
  return out;
}
