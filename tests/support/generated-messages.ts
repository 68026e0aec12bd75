/**
 * A generated history (data/generator) as the Messages the pipeline reads,
 * straight from the model, with each key as Chat Atlas makes it: for stage
 * tests whose answer key is the model itself (questions, first-timers).
 */
import { keyOn, peopleByHandle, personOf, type ChatHistory } from '../../data/generator/index.js';
import type { Message } from '../../shared/index.js';

export function messagesOf(model: ChatHistory): Message[] {
  const index = peopleByHandle(model);
  return model.messages.map((m) => {
    const key = (handle: string) => keyOn(personOf(index, handle), m.platform);
    const out: Message = {
      id: m.id,
      platform: m.platform,
      chat: m.chat,
      time: m.time,
      author: key(m.author),
      text: m.text,
      mentions: m.mentions.map(key),
      hashtags: [m.chat],
      kind: m.kind,
    };
    if (m.replyTo) {
      out.replyToId = m.replyTo.id;
      out.replyToAuthor = key(m.replyTo.author);
    }
    if (m.repostOf) out.repostOf = key(m.repostOf.author);
    if (m.question !== undefined) out.question = m.question;
    if (m.answer !== undefined) out.answer = m.answer;
    return out;
  });
}
