/**
 * A message as SQLite stores it: the columns in one order, bound by position
 * on insert and read back as raw tuples (a million row objects held at once
 * took four times as long). Shared by the store and its staged imports.
 */
import type { Message } from '../../shared/index.js';
import { canonicalTime } from './canonical-time.js';

export const MESSAGE_COLUMNS =
  'platform, id, chat, time, author, text, reply_to_id, reply_to_author, mentions, hashtags, kind, repost_of, question, answer';
export const MESSAGE_PLACEHOLDERS = MESSAGE_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');
/** The columns of a message, in MessageTuple's order; without `text`, '' stands in for it. */
export const messageSelect = (
  text: boolean,
) => `id, platform, chat, time, author, ${text ? 'text' : `'' AS text`}, reply_to_id AS replyToId,
  reply_to_author AS replyToAuthor, mentions, hashtags, kind, repost_of AS repostOf, question, answer`;

/**
 * A message's values in MESSAGE_COLUMNS order, for `?` placeholders: bound by
 * position, a million rows insert a second faster than by name (measured).
 */
export function messageValues(m: Message) {
  return [
    m.platform,
    m.id,
    m.chat,
    canonicalTime(m.time),
    m.author,
    m.text,
    m.replyToId ?? null,
    m.replyToAuthor ?? null,
    m.mentions.length === 0 ? '[]' : JSON.stringify(m.mentions),
    m.hashtags.length === 0 ? '[]' : JSON.stringify(m.hashtags),
    m.kind,
    m.repostOf ?? null,
    m.question ?? null,
    m.answer ?? null,
  ] as const;
}

export type MessageValues = ReturnType<typeof messageValues>;

const parseList = (json: string): string[] => (json === '[]' ? [] : (JSON.parse(json) as string[]));

/** A message row as messageSelect lists its columns. */
export type MessageTuple = [
  id: string,
  platform: Message['platform'],
  chat: string,
  time: string,
  author: string,
  text: string,
  replyToId: string | null,
  replyToAuthor: string | null,
  mentions: string,
  hashtags: string,
  kind: Message['kind'],
  repostOf: string | null,
  question: number | null,
  answer: number | null,
];

/** Absent optional fields are left out, not null or undefined, so results parse and compare cleanly. */
export function tupleToMessage(r: MessageTuple): Message {
  const m: Message = {
    id: r[0],
    platform: r[1],
    chat: r[2],
    time: r[3],
    author: r[4],
    text: r[5],
    mentions: parseList(r[8]),
    hashtags: parseList(r[9]),
    kind: r[10],
  };
  if (r[6] !== null) m.replyToId = r[6];
  if (r[7] !== null) m.replyToAuthor = r[7];
  if (r[11] !== null) m.repostOf = r[11];
  if (r[12] !== null) m.question = r[12];
  if (r[13] !== null) m.answer = r[13];
  return m;
}
