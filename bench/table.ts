/**
 * Bench rows and their printing: every section returns rows of
 * measure | size | value | target | ✔/✘, with the raw numbers kept beside
 * the printed text for results.json. A row without a target is a figure to
 * read, not a pass or fail.
 */

export interface Row {
  section: string;
  measure: string;
  size: string;
  value: string;
  /** Empty for a figure without a target. */
  target: string;
  /** true ✔, false ✘, undefined: no target (or not measured). */
  ok?: boolean;
  data?: Record<string, unknown>;
}

export type RowInput = Omit<Row, 'section' | 'target'> & { target?: string };

export const row = (section: string, r: RowInput): Row => ({ section, target: '', ...r });

/** A row for a part that failed or was skipped: the reason in the value column. */
export const missing = (section: string, measure: string, size: string, reason: string, target = ''): Row => ({
  section,
  measure,
  size,
  value: reason,
  target,
  ...(reason.startsWith('failed') ? { ok: false } : {}),
});

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function fmtBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

export const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);

/** Median and nearest-rank percentiles of a sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? '✔' : '✘');

/** The one table: sections as separator lines, columns padded to their widest cell. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['measure', 'size', 'value', 'target', '✔/✘'];
  const cells = rows.map((r) => [r.measure, r.size, r.value, r.target, mark(r.ok)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out = [line(header), rule];
  let section = '';
  rows.forEach((r, i) => {
    if (r.section !== section) {
      section = r.section;
      out.push(`[${section}]`);
    }
    out.push(line(cells[i]!));
  });
  return out.join('\n');
}
