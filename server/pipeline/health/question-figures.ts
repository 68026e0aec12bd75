/**
 * Each numbered question of a session: when it was asked and by whom, who
 * answered and how fast, and how many replies its answerers traded about
 * their answers (a question that starts conversations, not only answers).
 * Which message asks and which answers is session detection's reading
 * (sessions/questions.ts: the host's `Q3` asks, a participant's `Q3:` answers).
 */
import type { Message, QuestionFigures } from '../../../shared/index.js';
import type { SessionQuestion } from '../sessions/questions.js';

export interface QuestionInput {
  messages: readonly Message[];
  /** The session's message indexes, in time order. */
  members: readonly number[];
  /** The session's questions as readSessionQuestions reads them. */
  questions: readonly SessionQuestion[];
  /** Person key → how the report names them. */
  person: (key: string) => { key: string; name: string };
}

export function questionFigures(input: QuestionInput): QuestionFigures[] {
  const { messages, person } = input;
  // The session's answers by message id (→ index), for replies to answers: a reply to an answer of another session is not this one's.
  const answerOf = new Map<number, number>();
  const answerById = new Map<string, number>();
  for (const q of input.questions)
    for (const i of q.answers) {
      answerOf.set(i, q.number);
      answerById.set(messages[i]!.id, i);
    }

  const figures = input.questions.map((q) => {
    // The host answering their own question ("A1 from me") is not an answerer.
    const answers = q.answers.filter((i) => messages[i]!.author !== q.askedBy);
    const answerers = [...new Set(answers.map((i) => messages[i]!.author))];
    const firstMs = answers.length ? Math.min(...answers.map((i) => Date.parse(messages[i]!.time))) : undefined;
    const out: QuestionFigures = {
      number: q.number,
      answerers: answerers.length,
      answeredBy: answerers.map(person),
      answers: answers.length,
      repliesAmongAnswerers: 0,
    };
    if (q.askedAt !== undefined && q.askedBy !== undefined) {
      out.askedAt = q.askedAt;
      out.askedBy = person(q.askedBy);
      // An answer posted before its question (clocks, or a late-logged question) counts as immediate.
      if (firstMs !== undefined) out.firstAnswerSeconds = Math.max(0, (firstMs - Date.parse(q.askedAt)) / 1000);
    }
    return out;
  });
  const byNumber = new Map(figures.map((f) => [f.number, f]));
  const answerersOf = new Map(figures.map((f) => [f.number, new Set(f.answeredBy.map((p) => p.key))]));
  for (const i of input.members) {
    const m = messages[i]!;
    if (m.kind === 'repost' || !m.replyToId) continue;
    const found = answerById.get(m.replyToId);
    const target = found !== undefined && messages[found]!.platform === m.platform ? found : undefined;
    const n = target === undefined ? undefined : answerOf.get(target);
    if (n === undefined) continue;
    const answerers = answerersOf.get(n)!;
    const targetAuthor = messages[target!]!.author;
    if (m.author !== targetAuthor && answerers.has(m.author) && answerers.has(targetAuthor)) byNumber.get(n)!.repliesAmongAnswerers++;
  }
  return figures;
}
