/**
 * Figures other benches compute (issue 7, item 9), imported dynamically so a
 * missing or broken one is "not available yet" rather than a failed run:
 * `measureReplyInference()` (bench/reply-inference.ts) and `measureContext()`
 * (bench/context.ts). Their shapes are theirs: every share among their
 * numbers (accuracy, precision, recall, coverage…) becomes a row.
 */
import type { Bench } from './fixtures.js';
import { row, type Row } from './table.js';

const SHARE = /accuracy|precision|recall|coverage|share|f1/i;

/** `[path, value]` of every share-like number in an object, arrays left out. */
function shares(value: unknown, prefix = ''): [string, number][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, v]): [string, number][] => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'number') return SHARE.test(key) ? [[name, v]] : [];
    return shares(v, name);
  });
}

async function figures(module: string, fn: string, label: string): Promise<Row[]> {
  let measure: (() => unknown) | undefined;
  try {
    measure = ((await import(module)) as Record<string, unknown>)[fn] as (() => unknown) | undefined;
  } catch {
    measure = undefined;
  }
  if (typeof measure !== 'function') return [row('extras', { measure: `${label}: ${fn}()`, size: '–', value: 'not available yet' })];
  try {
    const result = await measure();
    const found = shares(result);
    if (found.length === 0)
      return [row('extras', { measure: `${label}: ${fn}()`, size: '–', value: JSON.stringify(result).slice(0, 100), data: { result } })];
    return found.map(([name, v]) =>
      row('extras', {
        measure: `${label}: ${name}`,
        size: '–',
        value: v <= 1 ? `${(v * 100).toFixed(1)}%` : String(v),
        data: { [name]: v },
      }),
    );
  } catch (error) {
    return [
      row('extras', {
        measure: `${label}: ${fn}()`,
        size: '–',
        value: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ok: false,
      }),
    ];
  }
}

/** Import throughput into SQLite and PostgreSQL on the same synthetic messages (bench/store-import.ts). */
async function storeImport(): Promise<Row[]> {
  try {
    const { measureStoreImport } = await import('./store-import.js');
    const figures = await measureStoreImport({ messages: 100_000 });
    return figures.rows.map((r) =>
      row('extras', {
        measure: `store import, ${r.backend} (one transaction)`,
        size: `${(figures.messages / 1000).toFixed(0)}k msgs`,
        value: r.skipped
          ? `skipped: ${r.skipped}`
          : `${Math.round(r.importRowsPerSecond ?? 0).toLocaleString('en-GB')} msgs/s import, ${Math.round(r.readRowsPerSecond ?? 0).toLocaleString('en-GB')} msgs/s read`,
        data: { ...r },
      }),
    );
  } catch (error) {
    return [
      row('extras', {
        measure: 'store import',
        size: '–',
        value: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ok: false,
      }),
    ];
  }
}

export async function extrasSection(_bench: Bench): Promise<Row[]> {
  return [
    ...(await figures('./reply-inference.js', 'measureReplyInference', 'reply inference')),
    ...(await figures('./context.js', 'measureContext', 'context inference')),
    ...(await storeImport()),
  ];
}
