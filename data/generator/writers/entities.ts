/**
 * Finding @mentions and #hashtags in message text, with their positions, for
 * writers that store entities beside the text (Twitter's `entities`,
 * Mastodon's HTML links). Twitter counts positions in code points, not
 * UTF-16 units, so an emoji before a mention counts once.
 */

export interface Found {
  kind: 'mention' | 'hashtag';
  /** Without the `@`/`#`; a remote Mastodon mention keeps its `@domain`. */
  value: string;
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
}

const TOKEN = /(?<![\p{L}\p{N}_@#&])(?:@([A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)|#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*))/gu;

/** Mentions and hashtags in order of appearance. */
export function findEntities(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    found.push(m[1] !== undefined
      ? { kind: 'mention', value: m[1], start, end: start + m[0].length }
      : { kind: 'hashtag', value: m[2]!, start, end: start + m[0].length });
  }
  return found;
}

/** Code-point index of a UTF-16 offset. */
export function codePointIndex(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export function codePointLength(text: string): number {
  return codePointIndex(text, text.length);
}

/** Twitter's API text escaping: only `&`, `<` and `>`. */
export function escapeTwitter(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** HTML escaping as Mastodon's formatter does it. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** A small, stable number from a string, for per-person details no Rng should decide (client, counts). */
export function stableNumber(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
