/**
 * Which messages of a session ask a numbered question (`Qn`) and which
 * answer one (`An`). The one place the health stage reads questions from:
 * today the numbers ingest put on each message (Message.question/answer);
 * session detection's question reader replaces this body when it lands, and
 * nothing else in health/ changes.
 */
import type { Message } from '../../../shared/index.js';

export interface QuestionMarks {
  /** Question number → indexes (into the messages) of the messages asking it, in time order. */
  asks: Map<number, number[]>;
  /** Question number → indexes of the messages answering it, in time order. */
  answers: Map<number, number[]>;
}

/** `members`: a session's message indexes in time order. Reposts ask and answer nothing. */
export function readQuestionMarks(messages: readonly Message[], members: readonly number[]): QuestionMarks {
  const asks = new Map<number, number[]>();
  const answers = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, n: number, i: number) => {
    const list = map.get(n);
    if (list) list.push(i);
    else map.set(n, [i]);
  };
  for (const i of members) {
    const m = messages[i]!;
    if (m.kind === 'repost') continue;
    if (m.question !== undefined) add(asks, m.question, i);
    else if (m.answer !== undefined) add(answers, m.answer, i);
  }
  return { asks, answers };
}
