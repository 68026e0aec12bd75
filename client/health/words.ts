/** How the health view says dates, durations and counts. */
const dayFmt = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });

/** `Tue 14 Mar 2024, 20:00 UTC`. */
export const when = (iso: string) => `${dayFmt.format(Date.parse(iso))}, ${timeFmt.format(Date.parse(iso))} UTC`;
/** `14 Mar 24`: a chart's axis label. */
export const shortDate = (iso: string) => shortFmt.format(Date.parse(iso));
export const clock = (iso: string) => timeFmt.format(Date.parse(iso));

/** `45 s`, `3 min`, `1 h 5 min`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`);
