/**
 * Message: one post in a chat, normalized from any source format. Parsers
 * produce these; the store keeps them; the pipeline reads them.
 */
import { z } from 'zod';
import { PlatformSchema } from './platform.js';

export const MESSAGE_KINDS = ['post', 'reply', 'repost', 'quote'] as const;
export const MessageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKindSchema>;

export const MessageSchema = z.object({
  /** The platform's own id (tweet id, status id…), or a content hash where the format has none. */
  id: z.string().min(1),
  platform: PlatformSchema,
  /** Hashtag (`#uklibchat`, lower-cased), channel or meeting the message belongs to. */
  chat: z.string().min(1),
  /** ISO 8601, UTC (`2024-03-14T20:00:00.000Z`). */
  time: z.iso.datetime(),
  /** Person key of the author (`twitter:ann`). */
  author: z.string().min(1),
  text: z.string(),
  /** Platform id of the message this one replies to, when known. */
  replyToId: z.string().optional(),
  /** Person key of the person replied to, when known. */
  replyToAuthor: z.string().optional(),
  /** Person keys named in the message (not the author). */
  mentions: z.array(z.string()),
  /** Hashtags in the message, lower-cased, with `#`. */
  hashtags: z.array(z.string()),
  kind: MessageKindSchema,
  /** Person key of the reposted or quoted author, for kind `repost`/`quote`. */
  repostOf: z.string().optional(),
  /** `Q3` in the text: the moderator's question number. */
  question: z.number().int().positive().optional(),
  /** `A3` in the text: the answer's question number. */
  answer: z.number().int().positive().optional(),
});
export type Message = z.infer<typeof MessageSchema>;
