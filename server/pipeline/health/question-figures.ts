/**
 * Each numbered question of a session: when it was asked and by whom, who
 * answered and how fast, and how many replies its answerers traded about
 * their answers (a question that starts conversations, not only answers).
 * Which message asks and which answers is session detection's reading
 * (sessions/questions.ts: the host's `Q3` asks, a participant's `Q3:` answers).
 * The figures are read from each question's details (who answered when, who
 * replied to whom), which a shared report keeps to count again without
 * someone who opts out later (remove-people.ts).
 */
import type { HealthPerson, Message, QuestionFigures } from '../../../shared/index.js';
import type { SessionQuestion } from '../sessions/questions.js';

export interface QuestionInput {
  messages: readonly Message[];
  /** The session's message indexes, in time order. */
  members: readonly number[];
  /** The session's questions as readSessionQuestions reads them. */
  questions: readonly SessionQuestion[];
  /** Person key → how the report names them. */
  person: (key: string) => HealthPerson;
}

/** A question as its messages give it: the figures are counted from this. */
export interface QuestionDetail {
  number: number;
  askedAt?: string;
  askedBy?: string;
  /** Its answers in time order, the asker's own aside: who and when (ms since the epoch). */
  answers: { author: string; at: number }[];
  /** Replies by one answerer to another answerer's answer, one per reply message: [from, to]. */
  replies: [string, string][];
}

export function questionDetails(input: Omit<QuestionInput, 'person'>): QuestionDetail[] {
  const { messages } = input;
  // The session's answers by message id (→ index), for replies to answers: a reply to an answer of another session is not this one's.
  const answerOf = new Map<number, number>();
  const answerById = new Map<string, number>();
  for (const q of input.questions)
    for (const i of q.answers) {
      answerOf.set(i, q.number);
      answerById.set(messages[i]!.id, i);
    }
  const details = input.questions.map((q): QuestionDetail => {
    // The host answering their own question ("A1 from me") is not an answerer.
    const answers = q.answers.filter((i) => messages[i]!.author !== q.askedBy);
    return {
      number: q.number,
      ...(q.askedAt !== undefined && q.askedBy !== undefined ? { askedAt: q.askedAt, askedBy: q.askedBy } : {}),
      answers: answers.map((i) => ({ author: messages[i]!.author, at: Date.parse(messages[i]!.time) })),
      replies: [],
    };
  });
  const byNumber = new Map(details.map((d) => [d.number, d]));
  const answerersOf = new Map(details.map((d) => [d.number, new Set(d.answers.map((a) => a.author))]));
  for (const i of input.members) {
    const m = messages[i]!;
    if (m.kind === 'repost' || !m.replyToId) continue;
    const found = answerById.get(m.replyToId);
    const target = found !== undefined && messages[found]!.platform === m.platform ? found : undefined;
    const n = target === undefined ? undefined : answerOf.get(target);
    if (n === undefined) continue;
    const answerers = answerersOf.get(n)!;
    const targetAuthor = messages[target!]!.author;
    if (m.author !== targetAuthor && answerers.has(m.author) && answerers.has(targetAuthor))
      byNumber.get(n)!.replies.push([m.author, targetAuthor]);
  }
  return details;
}

/** A question's figures from its details. */
export function figuresOf(d: QuestionDetail, person: (key: string) => HealthPerson): QuestionFigures {
  const answerers = [...new Set(d.answers.map((a) => a.author))];
  const among = new Set(answerers);
  const out: QuestionFigures = {
    number: d.number,
    answerers: answerers.length,
    answeredBy: answerers.map(person),
    answers: d.answers.length,
    repliesAmongAnswerers: d.replies.filter(([a, b]) => among.has(a) && among.has(b)).length,
  };
  if (d.askedAt !== undefined && d.askedBy !== undefined) {
    out.askedAt = d.askedAt;
    out.askedBy = person(d.askedBy);
    // An answer posted before its question (clocks, or a late-logged question) counts as immediate.
    if (d.answers.length) out.firstAnswerSeconds = Math.max(0, (Math.min(...d.answers.map((a) => a.at)) - Date.parse(d.askedAt)) / 1000);
  }
  return out;
}

export function questionFigures(input: QuestionInput): QuestionFigures[] {
  return questionDetails(input).map((d) => figuresOf(d, input.person));
}
