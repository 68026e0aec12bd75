/**
 * What a table's cells say about people and tweets: an author cell (`Name
 * (handle)`, `address (Name)`), reply targets, a mentions list (twarc2's
 * JSON users or handles), and a tweet's kind (`tweet_type`, twarc-csv's
 * `referenced_tweets`).
 */
import { isObject, parseJsonSafely } from '../read-json.js';

const HANDLE_LIKE = /^@?[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+)?$/u;
export const stripAt = (s: string) => s.replace(/^@+/, '');

/**
 * A person as an author cell names them. Netlytic writes `user@domain (Name)`
 * (the RSS author form) and sometimes `Name (handle)`: the identifier is
 * whichever side can be one, the outside first (an address, or a single
 * word), the other side is the display name. Anything else is kept whole as
 * the handle, so two differently written people never merge.
 */
export function readAuthor(raw: string): { handle: string; name?: string } | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const open = value.lastIndexOf('(');
  if (open > 0 && value.endsWith(')')) {
    const outside = value.slice(0, open).trim();
    const inside = value.slice(open + 1, -1).trim();
    const outsideOk = HANDLE_LIKE.test(outside);
    const insideOk = HANDLE_LIKE.test(inside);
    if (outsideOk && (outside.includes('@') || !inside.startsWith('@') || !insideOk)) {
      return { handle: stripAt(outside), ...(inside ? { name: inside } : {}) };
    }
    if (insideOk) return { handle: stripAt(inside), ...(outside ? { name: outside } : {}) };
  }
  return { handle: stripAt(value) };
}

/**
 * Reply targets in a `to` cell: one person, or a list split on commas or
 * semicolons, or on spaces between `@handles` (`Ann Smith` stays one person).
 */
export function readTargets(raw: string): string[] {
  return raw.split(/[,;]/).flatMap((part) => {
    const words = part.trim().split(/\s+/);
    const people = words.length > 1 && words.every((w) => w.startsWith('@')) ? words : [part];
    return people.flatMap((p) => readAuthor(p)?.handle ?? []);
  });
}

export interface Named {
  handle: string;
  id?: string | undefined;
  name?: string | undefined;
}

/** A mentions cell: twarc2's JSON list of users (`username`, `id`, `name`), or handles split on spaces or commas. */
export function readMentions(raw: string | undefined): Named[] {
  if (!raw) return [];
  if (raw.startsWith('[')) {
    try {
      const list = parseJsonSafely(raw);
      if (Array.isArray(list)) {
        return list.flatMap((m): Named[] => {
          if (typeof m === 'string') return [{ handle: stripAt(m) }];
          const handle = isObject(m) ? (m.username ?? m.screen_name) : undefined;
          return typeof handle === 'string' && isObject(m)
            ? [{ handle, id: typeof m.id === 'string' ? m.id : undefined, name: typeof m.name === 'string' ? m.name : undefined }]
            : [];
        });
      }
    } catch {
      // not JSON after all: read as a list of handles
    }
  }
  return raw.split(/[\s,;]+/).flatMap((h) => (h && h !== 'NA' ? [{ handle: stripAt(h) }] : []));
}

/**
 * A hashtag list cell as `#tag`s in lower case: rtweet's and json2csv's
 * `AusPreserves digipres` (spaces), twarc-csv's JSON `[{"tag": "x"}]`, or a
 * JSON list of strings.
 */
export function readHashtagList(raw: string | undefined): string[] {
  if (!raw) return [];
  let tags: unknown[] = raw.split(/[\s,;]+/);
  if (raw.startsWith('[')) {
    try {
      const list = parseJsonSafely(raw);
      if (Array.isArray(list)) tags = list.map((t) => (isObject(t) ? (t.tag ?? t.text) : t));
    } catch {
      // not JSON after all: read as words
    }
  }
  const out = new Set<string>();
  for (const t of tags) {
    const tag = typeof t === 'string' ? t.replace(/^#+/, '').toLowerCase() : '';
    if (tag && tag !== 'na' && /^[\p{L}\p{N}_]+$/u.test(tag)) out.add(`#${tag}`);
  }
  return [...out];
}

/**
 * A tweet's kind as a column says it: twarc 1's `tweet_type` (`retweet`,
 * `quote`, `reply`, `original`), or early twarc-csv's `referenced_tweets`
 * JSON (`[{"type": "quoted", "id": "…"}]`).
 */
export function readKind(raw: string | undefined): 'retweet' | 'quote' | 'reply' | 'original' | undefined {
  if (!raw) return undefined;
  let v = raw.toLowerCase();
  if (v.startsWith('[')) {
    try {
      const list = parseJsonSafely(raw);
      const types = Array.isArray(list) ? list.map((r) => (isObject(r) && typeof r.type === 'string' ? r.type : '')) : [];
      v = types.includes('retweeted')
        ? 'retweet'
        : types.includes('quoted')
          ? 'quote'
          : types.includes('replied_to')
            ? 'reply'
            : 'original';
    } catch {
      return undefined;
    }
  }
  return v === 'retweet' || v === 'quote' || v === 'reply' || v === 'original' ? v : undefined;
}
