/**
 * `GET /api/datasets/:id/messages`: the messages of a chat window (for a
 * session's replay), oldest first, a page at a time: at most `limit`
 * messages and about MESSAGE_PAGE_BYTES of text, with a `next` cursor to ask
 * for the rest. Nobody who opted out is served: not their messages, not
 * their handle in anyone's mentions, reply or text.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GraphQuerySchema, MessageSchema, type Message } from '../../../shared/index.js';
import { makeScrubber, nameVariants } from '../../pipeline/export/name-scrubber.js';
import { HttpError, notFound } from '../../plugins/errors.js';
import { optedOutIn } from '../../privacy/flagged-people.js';
import type { MessageCursor } from '../../store/types.js';
import { DatasetParamsSchema, errorReplies } from './schemas.js';

export const MESSAGE_PAGE_LIMIT = 5000;
/** Text per page at most (the last message may pass it): a page never holds a runaway file's text whole. */
export const MESSAGE_PAGE_BYTES = 4 * 1024 * 1024;
/** What an opted-out person's handle becomes in others' messages. */
export const OPTED_OUT_MENTION = '@[someone who opted out]';

const encodeCursor = (m: Message) => Buffer.from(JSON.stringify([m.time, m.id, m.platform])).toString('base64url');

function decodeCursor(text: string): MessageCursor {
  try {
    const [time, id, platform] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof time === 'string' && typeof id === 'string' && typeof platform === 'string' && !Number.isNaN(Date.parse(time)))
      return { time, id, platform };
  } catch {
    // answered below
  }
  throw new HttpError(
    400,
    'invalid_request',
    'invalid querystring: after is not a cursor this route gave (use the `next` of the page before)',
  );
}

/** Others' messages, less any trace of the people in `optedOut`. */
function withoutOptedOut(optedOut: ReadonlySet<string>): (m: Message) => Message {
  if (optedOut.size === 0) return (m) => m;
  const handles = new Map<string, string>();
  for (const key of optedOut) for (const name of nameVariants(key)) handles.set(`@${name}`, OPTED_OUT_MENTION);
  const scrub = makeScrubber(handles);
  return (m) => {
    const out: Message = { ...m, text: scrub(m.text), mentions: m.mentions.filter((k) => !optedOut.has(k)) };
    if (m.replyToAuthor !== undefined && optedOut.has(m.replyToAuthor)) {
      delete out.replyToAuthor;
      delete out.replyToId;
    }
    if (m.repostOf !== undefined && optedOut.has(m.repostOf)) delete out.repostOf;
    return out;
  };
}

const messages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/datasets/:id/messages',
    {
      schema: {
        tags: ['datasets'],
        summary: 'Messages of a dataset, by chat and time window, a page at a time',
        params: DatasetParamsSchema,
        querystring: GraphQuerySchema.pick({ chats: true, from: true, to: true }).extend({
          limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_LIMIT).default(1000),
          /** The `next` of the page before. */
          after: z.string().max(2000).optional(),
        }),
        response: {
          200: z.object({
            messages: z.array(MessageSchema),
            /** More messages follow: ask again with `after=<next>`. */
            truncated: z.boolean(),
            next: z.string().optional(),
          }),
          ...errorReplies,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { chats, from, to, limit, after } = request.query;
      if (!(await app.store.getDataset(id))) throw notFound(`dataset ${id}`);
      const optedOut = await optedOutIn(app.store, id);
      const page = await app.store.getMessages(id, {
        ...(chats ? { chats: chats.map((c) => c.toLowerCase()) } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(after ? { after: decodeCursor(after) } : {}),
        excludeAuthors: [...optedOut],
        // One more than asked: whether anything follows, without counting the rest.
        limit: limit + 1,
      });
      const clean = withoutOptedOut(optedOut);
      const out: Message[] = [];
      let bytes = 0;
      for (const m of page.slice(0, limit)) {
        if (out.length > 0 && bytes + m.text.length * 2 > MESSAGE_PAGE_BYTES) break;
        out.push(clean(m));
        bytes += m.text.length * 2;
      }
      const truncated = out.length < page.length;
      return { messages: out, truncated, ...(truncated ? { next: encodeCursor(out[out.length - 1]!) } : {}) };
    },
  );
};

export default messages;
