/**
 * The one check of a time-zone name, for server and browser alike: `UTC` or
 * an IANA name (`Europe/London`) the runtime's Intl knows. Abbreviations are
 * refused on purpose: ICU takes `BST` as Asia/Dhaka (not British Summer
 * Time) and `EST` as America/Panama (no clock change), so a chat meant for
 * 22:00 in London would be placed hours off without a word.
 */
export function isIanaTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  if (!zone.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
