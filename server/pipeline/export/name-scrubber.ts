/**
 * Finding people's names in free text (chat names, session ids, hashtags,
 * dataset names), for pseudonymous shares and for taking opted-out people
 * out of stored snapshots. Matching is whole-word and case-insensitive;
 * hashtags are matched inside (`#alicefanclub` names alice).
 */
import { handleOf } from '../../../shared/index.js';

/** Every way a person is written: key, handle, a Mastodon handle's local part, display handle and name; lower-cased. */
export function nameVariants(key: string, handle?: string, name?: string): string[] {
  const bare = handleOf(key);
  return [...new Set([key, bare, bare.split('@')[0]!, handle ?? '', name ?? ''].map((n) => n.trim().toLowerCase()).filter(Boolean))];
}

/**
 * A chat named as a hashtag or channel (`#medlibsuk`) that is one of the
 * dataset's chats: its public name, kept even when an organiser's handle is
 * the same word (else legends read "#Participant 34").
 */
export const isPublicChatName = (text: string, chatNames: ReadonlySet<string>) => text.startsWith('#') && chatNames.has(text.toLowerCase());

/** Shorter handles and names are only matched as whole hashtags: `#ann` yes, `#planning` no. */
const MIN_NAME_IN_HASHTAG = 5;

/** Whether a hashtag is, or contains, one of `names` (lower-case). */
export function hashtagMatcher(names: Iterable<string>): (tag: string) => boolean {
  const compact = (name: string) => name.replace(/[^\p{L}\p{N}_]/gu, '');
  const all = [...new Set([...names].map(compact))].filter(Boolean);
  return (tag) => {
    const word = compact(tag.toLowerCase());
    return all.some((name) => name === word || (name.length >= MIN_NAME_IN_HASHTAG && word.includes(name)));
  };
}

const WORD = /[\p{L}\p{N}_]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/** The run of word characters starting at `i`, or the single code unit there. */
function chunkAt(text: string, i: number): string {
  if (!isWord(text[i])) return text.slice(i, i + 1);
  let j = i + 1;
  while (isWord(text[j])) j++;
  return text.slice(i, j);
}

/**
 * Whole-word, case-insensitive replacement of many names at once. A regular
 * expression alternating thousands of names takes seconds per string; this
 * walks the text chunk by chunk (every word start and every other character)
 * and tries only the names whose first chunk is the one there.
 */
export function makeScrubber(replacements: Map<string, string>): (text: string) => string {
  const byChunk = new Map<string, string[]>();
  for (const name of [...replacements.keys()].sort((a, b) => b.length - a.length)) {
    const first = chunkAt(name, 0);
    byChunk.set(first, [...(byChunk.get(first) ?? []), name]);
  }
  const memo = new Map<string, string>();
  return (original) => {
    const hit = memo.get(original);
    if (hit !== undefined) return hit;
    // Lower-casing can change a string's length (İ); the result is then lower-cased too, which only loses case.
    const lower = original.toLowerCase();
    const text = lower.length === original.length ? original : lower;
    const endsWord = (name: string, end: number) => !isWord(lower[end]) || !isWord(name[name.length - 1]);
    let out = '';
    for (let i = 0; i < text.length;) {
      const chunk = chunkAt(lower, i);
      const name = byChunk.get(chunk)?.find((n) => lower.startsWith(n, i) && endsWord(n, i + n.length));
      out += name ? replacements.get(name)! : text.slice(i, i + chunk.length);
      i += name ? name.length : chunk.length;
    }
    memo.set(original, out);
    return out;
  };
}
