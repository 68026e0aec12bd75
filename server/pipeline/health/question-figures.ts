/**
 * Each numbered question of a session: when it was asked and by whom, who
 * answered and how fast, and how many replies its answerers traded about
 * their answers (a question that starts conversations, not only answers).
 */
import type { Message, QuestionFigures } from '../../../shared/index.js';
import type { QuestionMarks } from './question-marks.js';

export interface QuestionInput {
  messages: readonly Message[];
  /** The session's message indexes, in time order. */
  members: readonly number[];
  marks: QuestionMarks;
  /** Message `platform:id` → its index, to follow replies. */
  indexOfId: ReadonlyMap<string, number>;
  /** Person key → how the report names them. */
  person: (key: string) => { key: string; name: string };
}

export function questionFigures(input: QuestionInput): QuestionFigures[] {
  const { messages, marks, person } = input;
  const numbers = [...new Set([...marks.asks.keys(), ...marks.answers.keys()])].sort((a, b) => a - b);
  // Answer message index → its question, for replies to answers.
  const answerOf = new Map<number, number>();
  for (const [n, list] of marks.answers) for (const i of list) answerOf.set(i, n);

  const figures = numbers.map((n) => {
    const ask = marks.asks.get(n)?.[0];
    const asker = ask === undefined ? undefined : messages[ask]!.author;
    // Someone repeating their own question (the host's "A1 from me") is not an answerer.
    const answers = (marks.answers.get(n) ?? []).filter((i) => messages[i]!.author !== asker);
    const answerers = [...new Set(answers.map((i) => messages[i]!.author))];
    const askedMs = ask === undefined ? undefined : Date.parse(messages[ask]!.time);
    const firstMs = answers.length ? Math.min(...answers.map((i) => Date.parse(messages[i]!.time))) : undefined;
    const out: QuestionFigures = {
      number: n,
      answerers: answerers.length,
      answeredBy: answerers.map(person),
      answers: answers.length,
      repliesAmongAnswerers: 0,
    };
    if (ask !== undefined) {
      out.askedAt = messages[ask]!.time;
      out.askedBy = person(asker!);
    }
    // An answer posted before its question (clocks, or a late-logged question) counts as immediate.
    if (askedMs !== undefined && firstMs !== undefined) out.firstAnswerSeconds = Math.max(0, (firstMs - askedMs) / 1000);
    return out;
  });

  const byNumber = new Map(figures.map((f) => [f.number, f]));
  const answerersOf = new Map(figures.map((f) => [f.number, new Set(f.answeredBy.map((p) => p.key))]));
  for (const i of input.members) {
    const m = messages[i]!;
    if (m.kind === 'repost' || !m.replyToId) continue;
    const target = input.indexOfId.get(`${m.platform}:${m.replyToId}`);
    const n = target === undefined ? undefined : answerOf.get(target);
    if (n === undefined) continue;
    const answerers = answerersOf.get(n)!;
    const targetAuthor = messages[target!]!.author;
    if (m.author !== targetAuthor && answerers.has(m.author) && answerers.has(targetAuthor)) byNumber.get(n)!.repliesAmongAnswerers++;
  }
  return figures;
}
