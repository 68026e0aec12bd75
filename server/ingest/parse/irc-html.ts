/**
 * IRC logs that logging bots publish as HTML → the text lines they show,
 * one per source line so line numbers still point into the file:
 * - irclog2html's table rows (`<tr id="t2013-07-31T01:48:41"><th class="nick">arky</th><td class="text">…`)
 *   become `2013-07-31T01:48:41  <arky> …` (the row id has the day and the seconds the page hides);
 * - anything else (PircBot LogBot's `<span class="irc-date">[1:57]</span> <span>&lt;nick&gt; text</span><br />`)
 *   has its tags stripped and entities decoded.
 * Lines before `<body>` are left empty.
 */
import { decodeEntities } from './html-to-text.js';

const ROW = /<tr id="t(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})"[^>]*>(.*)<\/tr>/i;
const ROW_SAY = /<th class="nick"[^>]*>(.*?)<\/th>\s*<td class="text"[^>]*>(.*?)<\/td>/i;
const ROW_EVENT = /<td class="[\w-]+" colspan="2">(.*?)<\/td>/i;
const TAG = /<[^>]*>/g;

const text = (html: string) => decodeEntities(html.replace(TAG, '')).replace(/\u00a0/g, ' ');

/**
 * Whether a file is an HTML page or HTML log lines: it opens with a doctype,
 * `<html>` or an element (`<span class="irc-date">…`). A text log never does
 * (its lines open with a time), so `<p>` pasted in a message changes nothing.
 */
export function looksLikeHtml(head: string): boolean {
  return /^\s*<(?:!doctype html|html|\?xml|head|body|table|tr|div|span|p|br|pre|ul|li)\b/i.test(head);
}

/** The log lines an HTML log shows, one per line of the file ('' where a line shows none). */
export function htmlLogLines(html: string): string[] {
  const lines = html.split(/\r?\n/);
  const body = lines.findIndex((l) => /<body\b/i.test(l));
  return lines.map((line, i) => {
    if (i < body) return '';
    const row = ROW.exec(line);
    if (row) {
      const say = ROW_SAY.exec(row[2]!);
      if (say) return `${row[1]}  <${text(say[1]!).trim()}> ${text(say[2]!)}`;
      const event = ROW_EVENT.exec(row[2]!);
      return event ? `${row[1]}  ${text(event[1]!)}` : '';
    }
    return text(line.replace(/<br\s*\/?>/gi, ' ')).trim();
  });
}
