/**
 * Reading chat conventions out of message text: hashtags, @mentions, the
 * Twitter-chat `Q3`/`A3` habit, `RT @user:` reposts. Format quirks live in
 * named helpers so every parser reads them the same way.
 */
import { createHash } from 'node:crypto';

const HASHTAG = /(?:^|[^\p{L}\p{N}_&/#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
// `.@ann` opening a tweet (or after a space) is Twitter's public-reply habit; `a.@b` is not a mention.
const MENTION = /(?:^|[^\p{L}\p{N}_.@]|(?:^|\s)\.)@([A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)/gu;

/** `#UKLibChat` → `#uklibchat`, in order of first appearance, no repeats. */
export function extractHashtags(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(HASHTAG)) seen.add(`#${m[1]!.toLowerCase()}`);
  return [...seen];
}

/** `@Ann_Lib` and `@ann@glammr.us` handles as written (no `@`), no repeats. */
export function extractMentionHandles(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(MENTION)) seen.add(m[1]!);
  return [...seen];
}

/** `RT @ann: …` → `ann` (the classic manual/old-style retweet). */
export function retweetedHandle(text: string): string | undefined {
  return /^RT @([A-Za-z0-9_]{1,30})\b/.exec(text.trim())?.[1];
}

// A marker opens the message (after any @mentions, "RT @x:" never counts),
// e.g. "A3: …", "A3) …", "a3 - …", "Q3. …", "A 3: …", or stands anywhere as
// "… A3: …" with a colon. Only 1–2 digits: "A380" is a plane, not an answer.
const LEADING_MARKER = /^(?:[.@][\w.@-]+\s+)*\(?([QA])\s?(\d{1,2})\b\s*(?:[:.)\-–—]|$|\s)/i;
const INLINE_MARKER = /(?:^|\s)\(?([QA])(\d{1,2})\s*[:)]/i;

/** Question or answer number the text states: `{answer: 3}` for "A3: …". */
export function readQuestionAnswer(text: string): { question?: number; answer?: number } {
  const n = questionAnswerNumber(text);
  return n > 0 ? { question: n } : n < 0 ? { answer: -n } : {};
}

/** readQuestionAnswer without an object per message: 3 for Q3, -3 for A3, 0 for neither. */
export function questionAnswerNumber(text: string): number {
  const trimmed = text.trim();
  if (/^RT @/i.test(trimmed)) return 0;
  const m = LEADING_MARKER.exec(trimmed) ?? INLINE_MARKER.exec(trimmed);
  if (!m) return 0;
  const n = Number(m[2]);
  if (!Number.isInteger(n) || n < 1) return 0;
  return m[1]!.toUpperCase() === 'Q' ? n : -n;
}

/** A short, stable id from content, for formats whose messages have none. */
export function contentId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}

// Where `2024-03-14T20:00:00.000Z` has its digits.
const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * Whether a time is exactly as `toISOString()` writes it
 * (`2024-03-14T20:00:00.000Z`), as every parser does: checked by hand, as
 * it is once per message read and stored.
 */
export function isCanonicalTime(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(23) !== 90 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84)
    return false;
  if (v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46) return false;
  for (const i of CANONICAL_DIGITS) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Date → ISO UTC, or undefined when it can't be read. */
export function toIsoTime(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const d = typeof value === 'number' ? new Date(value) : new Date(String(value));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
