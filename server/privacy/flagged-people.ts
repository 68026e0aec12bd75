/**
 * Who is flagged in a dataset (opted out, or a relay account), as keys: the
 * dataset's flags and the global opt-outs, each read the way person keys
 * are made, and widened to every identity linked to a flagged key. Every
 * route that serves people, messages or graphs asks here: one answer to
 * "is this person opted out?" for the whole server.
 */
import { handleOf } from '../../shared/index.js';
import type { FlaggedPerson, PersonFlag, Store } from '../store/types.js';
import { identityGroups } from './identity-groups.js';
import { readKeyInput } from './person-keys.js';

/**
 * Pure: `flags` as stored (any spelling), `links` the dataset's identities,
 * `knownKeys` the dataset's people (only needed for a flag stored as a bare
 * handle, as older versions stored whatever was typed).
 */
export function flaggedKeys(
  flags: readonly FlaggedPerson[],
  links: readonly { alias: string; canonical: string }[],
  flag: PersonFlag,
  knownKeys: () => readonly string[] = () => [],
): Set<string> {
  const groupOf = identityGroups(links);
  const out = new Set<string>();
  const handles = new Set<string>();
  for (const f of flags) {
    if (f.flag !== flag) continue;
    const input = readKeyInput(f.key);
    if (input?.kind === 'key') for (const k of groupOf(input.key)) out.add(k);
    else if (input) handles.add(input.handle);
  }
  if (handles.size > 0) {
    for (const key of knownKeys()) if (handles.has(handleOf(key))) for (const k of groupOf(key)) out.add(k);
  }
  return out;
}

/** The people flagged `flag` in a dataset (global opt-outs included), every identity of theirs. */
export async function flaggedIn(store: Store, datasetId: string, flag: PersonFlag): Promise<Set<string>> {
  const [flags, links] = await Promise.all([store.getPersonFlags(datasetId), store.getIdentities(datasetId)]);
  const bareHandles = flags.some((f) => f.flag === flag && readKeyInput(f.key)?.kind === 'handle');
  const known = bareHandles ? (await store.getPeople(datasetId)).map((p) => p.key) : [];
  return flaggedKeys(flags, links, flag, () => known);
}

/** The people who opted out of a dataset or of every dataset, every identity of theirs. */
export const optedOutIn = (store: Store, datasetId: string) => flaggedIn(store, datasetId, 'opt-out');
