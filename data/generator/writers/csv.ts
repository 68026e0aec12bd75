/**
 * The generic CSV layout Chat Atlas reads: `id,author,to,text,time,chat`,
 * RFC 4180 (CRLF rows, fields with commas, quotes or line breaks quoted,
 * quotes doubled). `to` is the handle replied to; reposts read "RT @x: …".
 */
import { peopleByHandle, personOf, type ChatHistory } from '../model.js';

export const CSV_HEADER = ['id', 'author', 'to', 'text', 'time', 'chat'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Messages of one chat (any platform: a CSV is what any tool can export), oldest first. */
export function writeCsv(model: ChatHistory, chat: string): string {
  const index = peopleByHandle(model);
  const rows = model.messages
    .filter((m) => m.chat === chat)
    .map((m) => {
      const text = m.repostOf ? `RT @${personOf(index, m.repostOf.author).handle}: ${m.text}` : m.text;
      // Seconds precision, `Z` for UTC: unambiguous for any reader.
      const time = m.time.replace(/\.\d{3}Z$/, 'Z');
      return [m.id, m.author, m.replyTo?.author ?? '', text, time, chat];
    });
  return [CSV_HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
