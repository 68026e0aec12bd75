/**
 * What parser tests assert about a result: every message and profile valid
 * against the shared schemas, then the counts (messages, authors, replies,
 * mentions, reposts, skipped).
 */
import { MessageSchema, PersonProfileSchema } from '../../shared/index.js';
import type { ParseResult } from '../../server/ingest/parse/types.js';

/** A message as a parser gives it: normalize fills chat (when absent), question and answer later. */
export const ParsedMessageSchema = MessageSchema.omit({ chat: true, question: true, answer: true }).extend({
  chat: MessageSchema.shape.chat.optional(),
});

export function counts(r: ParseResult) {
  for (const m of r.messages) ParsedMessageSchema.parse(m);
  for (const p of r.people) PersonProfileSchema.parse(p);
  return {
    messages: r.messages.length,
    authors: new Set(r.messages.map((m) => m.author)).size,
    replies: r.messages.filter((m) => m.kind === 'reply').length,
    withMentions: r.messages.filter((m) => m.mentions.length > 0).length,
    mentions: r.messages.reduce((n, m) => n + m.mentions.length, 0),
    reposts: r.messages.filter((m) => m.kind === 'repost').length,
    skipped: r.skipped.length,
  };
}
