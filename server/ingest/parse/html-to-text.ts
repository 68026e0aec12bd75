/**
 * Mastodon's `content` (and profile `note`) HTML as plain text: tags
 * dropped, `<br>` and paragraph ends as newlines (Mastodon's own
 * PlainTextFormatter does the same), entities decoded. A small
 * single-pass tokenizer, not a DOM: every step moves forward, so hostile
 * input costs linear time.
 *
 * Mastodon hides a link's scheme and tail in `<span class="invisible">`
 * and marks the middle `ellipsis` (the `…` is CSS). Their text is kept:
 * the full URL is what the author wrote.
 *
 * The result is text, not HTML: `&lt;b&gt;` becomes a literal `<b>`, so
 * whoever displays it must escape it.
 */

/** Elements whose content is never text. */
const SKIP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'title']);
/** Block elements whose end ends a line. */
const LINE_AFTER = new Set(['p', 'div', 'li', 'blockquote', 'pre', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  times: '×',
  divide: '÷',
  zwj: '\u200d',
  zwnj: '\u200c',
};

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** `&amp;`, `&#39;`, `&#x1F600;` and common named entities; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? NAMED[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    // NUL, surrogates and beyond Unicode are not characters (HTML maps them to U+FFFD).
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/** Name of the tag starting at `lt` (`<p …>`, `</p>`), lower-cased, or undefined when `<` starts no tag. */
function tagName(html: string, lt: number): { name: string; closing: boolean } | undefined {
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]{0,31})/.exec(html.slice(lt, lt + 35));
  return m ? { closing: m[1] === '/', name: m[2]!.toLowerCase() } : undefined;
}

/** Offset of the `>` ending the tag that starts at `lt`, skipping quoted attribute values; -1 if none. */
function tagEnd(html: string, lt: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let i = lt + 1; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) {
      return i;
    } else if ((c === 34 || c === 39) && afterEquals) {
      quote = c; // a quote opens a value only right after `=`
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      afterEquals = c === 61;
    }
  }
  return -1;
}

/** Plain text of an HTML fragment. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const atLineStart = () => out.length === 0 || out[out.length - 1]!.endsWith('\n');
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    // Line breaks in the source are spaces in HTML; space between blocks is nothing.
    const chunk = textEnd > i ? html.slice(i, textEnd).replace(/[\t\n\r\f ]+/g, ' ') : '';
    if (chunk !== '' && !(chunk === ' ' && atLineStart())) out.push(decodeEntities(chunk));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    const tag = tagName(html, lt);
    if (!tag && !html.startsWith('<!', lt) && !html.startsWith('<?', lt)) {
      out.push('<'); // a bare `<` is text
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end < 0) break; // an unclosed tag: the rest is inside it
    i = end + 1;
    if (!tag) continue; // `<!DOCTYPE …>`, `<?xml …?>`
    // `<br>` always breaks the line; a block's end only once (`</li></ul>` is one break).
    if (tag.name === 'br' || tag.name === 'hr' || (tag.closing && LINE_AFTER.has(tag.name) && !atLineStart())) out.push('\n');
    if (!tag.closing && SKIP_CONTENT.has(tag.name) && !html.slice(lt, end).endsWith('/')) {
      // Skip to the matching close tag, found case-insensitively without copying the input.
      const closer = new RegExp(`</${tag.name}[\\s/>]`, 'gi');
      closer.lastIndex = i;
      const found = closer.exec(html);
      if (!found) break;
      const closeEnd = tagEnd(html, found.index);
      if (closeEnd < 0) break;
      i = closeEnd + 1;
    }
  }
  // Line by line, not one regex over the whole text: runs of spaces from
  // many empty tags would make `[ ]*\n` backtrack quadratically.
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
