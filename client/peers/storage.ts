/**
 * What this browser remembers of the peers flow, per dataset: who "me" is
 * and the shortlist. localStorage may be unavailable (private windows,
 * storage off): then nothing is remembered and nothing fails.
 */
const PREFIX = 'chat-atlas';

const keyOf = (what: 'me' | 'shortlist', datasetId: string) => `${PREFIX}:${what}:${datasetId}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered: the flow still works for this visit.
  }
}

/** The person key this browser picked as "me" in the dataset. */
export function rememberedMe(datasetId: string): string | undefined {
  return read(keyOf('me', datasetId)) ?? undefined;
}

export function rememberMe(datasetId: string, key: string | undefined): void {
  write(keyOf('me', datasetId), key);
}

/** The stored shortlist as JSON (checked by the caller), or undefined. */
export function rememberedShortlist(datasetId: string): unknown {
  const text = read(keyOf('shortlist', datasetId));
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function rememberShortlist(datasetId: string, entries: unknown[]): void {
  write(keyOf('shortlist', datasetId), entries.length ? JSON.stringify(entries) : undefined);
}
