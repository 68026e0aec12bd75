/**
 * Twitter profiles: a profile without its undefined fields, a profile's
 * website, and the profile book in which an author's full profile wins over
 * the bare handle of someone only mentioned; and what a file held, for the
 * Twitter readers' "no tweets found" error.
 */
import type { PersonProfile, Skipped } from '../../../shared/index.js';
import { TranscriptError } from '../errors.js';
import { isObject, str } from './read-json.js';
import { obj, objects } from './json-fields.js';
import { twitterKey } from './twitter-entities.js';

/** A profile without its undefined fields. */
export function profile(fields: Omit<PersonProfile, 'key' | 'platform'>): PersonProfile {
  const p: Record<string, unknown> = { key: twitterKey(fields.handle), platform: 'twitter' };
  for (const k in fields) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined) p[k] = v;
  }
  return p as unknown as PersonProfile;
}

/** A profile's website: the expanded `entities.url` (both APIs), else the bare `url` (a t.co link). */
export function profileUrl(user: Record<string, unknown>): string | undefined {
  const first = objects(obj(obj(user, 'entities'), 'url'), 'urls')?.[0];
  return str(first, 'expanded_url') ?? str(user, 'url');
}

/**
 * Profiles met while reading a file. Authors' profiles are kept whole; people
 * only mentioned, replied to or reposted keep handle, name and id, since the
 * graph's nodes are authors. Earlier values win; later ones fill gaps.
 */
export class ProfileBook {
  private readonly authors = new Map<string, PersonProfile>();
  private readonly others = new Map<string, PersonProfile>();

  /**
   * The profile kept so far for the author of `handle` (the key's first
   * handle wins), for a reader to fill its gaps field by field: a status's
   * user object is then read once per author, not once per status. `key`
   * when the caller has it: `twitterKey(handle)`.
   */
  author(handle: string, key = twitterKey(handle)): PersonProfile {
    return keptFor(this.authors, handle, key);
  }

  addAuthor(p: PersonProfile): void {
    fillGaps(keptFor(this.authors, p.handle, p.key), p);
  }

  /** addAuthor(profile(fields)), without building it. */
  addAuthorFields(fields: ProfileFields): void {
    fillGaps(this.author(fields.handle), fields);
  }

  addOther({ handle, name, platformId }: Pick<PersonProfile, 'handle' | 'name' | 'platformId'>): void {
    const kept = keptFor(this.others, handle);
    if (kept.name === undefined && name !== undefined) kept.name = name;
    if (kept.platformId === undefined && platformId !== undefined) kept.platformId = platformId;
  }

  /** Authors, then the others who wrote nothing here. */
  list(): PersonProfile[] {
    const people = [...this.authors.values()];
    for (const [key, p] of this.others) if (!this.authors.has(key)) people.push(p);
    return people;
  }
}

type ProfileFields = Omit<PersonProfile, 'key' | 'platform'>;

function keptFor(book: Map<string, PersonProfile>, handle: string, key = twitterKey(handle)): PersonProfile {
  let kept = book.get(key);
  if (!kept) book.set(key, (kept = { key, platform: 'twitter', handle }));
  return kept;
}

/** Each defined field of `fields` that `kept` lacks. */
function fillGaps(kept: PersonProfile, fields: object): void {
  const to = kept as Record<string, unknown>;
  for (const k in fields) {
    const v = (fields as Record<string, unknown>)[k];
    if (v !== undefined && to[k] === undefined) to[k] = v;
  }
}

/** "3 records; the first has keys data, includes, meta": what a file held, for `no_messages`. */
export function describeFound(values: ArrayLike<unknown>, skipped: readonly Skipped[]): string {
  const first = values[0];
  const shape = isObject(first)
    ? `the first has keys ${Object.keys(first).slice(0, 8).join(', ') || '(none)'}`
    : `the first is ${JSON.stringify(first)?.slice(0, 40)}`;
  const why = skipped[0] ? `; first skipped: ${skipped[0].reason}` : '';
  return `${values.length} record(s); ${values.length ? shape : 'none at all'}${why}`;
}

export function noMessagesError(fileName: string, expected: string, found: string): TranscriptError {
  return new TranscriptError('no_messages', `${fileName}: no ${expected} found (${found})`, { file: fileName });
}
