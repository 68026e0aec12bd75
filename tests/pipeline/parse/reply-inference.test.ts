import { describe, it, expect } from 'vitest';
import { measureReplyInference, ABLATIONS } from '../../../bench/reply-inference.js';
import {
  addressedPerson,
  atMentions,
  buildNameIndex,
  DEFAULT_REPLY_INFERENCE,
  greetedPerson,
  inferReplies,
  isQuestion,
  namesOf,
} from '../../../server/ingest/parse/reply-inference.js';
import type { ParsedMessage } from '../../../server/ingest/parse/types.js';

const index = buildNameIndex([
  ['zoom:ann lee', namesOf('Ann Lee')],
  ['zoom:bob ray', namesOf('Bob Ray')],
  ['zoom:cat diaz', namesOf('Cat Diaz')],
  ['zoom:dee', namesOf('Dee')],
]);

let clock = 0;
/** A message `seconds` after the previous one made by `msg`. */
function msg(author: string, text: string, seconds = 10, extra: Partial<ParsedMessage> = {}): ParsedMessage {
  clock += seconds * 1000;
  return {
    id: `${author}-${clock}`,
    platform: 'zoom',
    time: new Date(clock).toISOString(),
    author: `zoom:${author}`,
    text,
    mentions: [],
    hashtags: [],
    kind: 'post',
    ...extra,
  };
}
const links = (ms: ParsedMessage[]) => ms.map((m) => (m.replyToAuthor ? `${m.author.slice(5)}→${m.replyToAuthor.slice(5)}` : '-'));

describe('name index', () => {
  it('keeps whole names and first names, drops shared and one-letter names', () => {
    const shared = buildNameIndex([
      ['a', ['Ann Lee', 'Ann']],
      ['b', ['Ann Roe', 'Ann']],
      ['c', ['X']],
    ]);
    expect([...shared]).toEqual([
      ['ann lee', 'a'],
      ['ann roe', 'b'],
    ]);
    expect(namesOf('Ann Lee')).toEqual(['Ann Lee', 'Ann']);
    expect(namesOf('+1 555 0100')).toEqual(['+1 555 0100']);
  });
});

describe('rules 1 and 2: addressing and greetings', () => {
  it('reads a leading name with a colon or comma, or an @, as addressing', () => {
    expect(addressedPerson('Ann: are you there?', index)).toBe('zoom:ann lee');
    expect(addressedPerson('ann lee, are you there?', index)).toBe('zoom:ann lee');
    expect(addressedPerson('@Bob Ray what about you', index)).toBe('zoom:bob ray');
    expect(addressedPerson('@bob', index)).toBe('zoom:bob ray');
    expect(addressedPerson('Annie: hi', index)).toBeUndefined();
    expect(addressedPerson('Ann said so', index)).toBeUndefined();
    expect(addressedPerson('I told Ann: no', index)).toBeUndefined();
  });

  it('reads a greeting or thanks followed at once by a name', () => {
    expect(greetedPerson('Hi Ann!', index)).toBe('zoom:ann lee');
    expect(greetedPerson('thanks bob ray', index)).toBe('zoom:bob ray');
    expect(greetedPerson('Good morning Cat, how are you?', index)).toBe('zoom:cat diaz');
    expect(greetedPerson('Hola Dee 👋', index)).toBe('zoom:dee');
    expect(greetedPerson('Hi Ann and everyone', index)).toBeUndefined();
    expect(greetedPerson('Hi everyone', index)).toBeUndefined();
    expect(greetedPerson('Thanks for that, Ann', index)).toBeUndefined();
  });

  it('finds @mentions anywhere and questions ending a sentence', () => {
    expect(atMentions('cc @Ann Lee and @dee, also mail@bob.org', index)).toEqual(['zoom:ann lee', 'zoom:dee']);
    expect(isQuestion('what about you?')).toBe(true);
    expect(isQuestion('see https://x.org/?q=1')).toBe(false);
  });
});

describe('inferReplies', () => {
  it('links an addressed message to the addressee’s latest earlier message; never to oneself', () => {
    const ms = [
      msg('ann lee', 'hello all'),
      msg('ann lee', 'second'),
      msg('bob ray', 'Ann: welcome'),
      msg('bob ray', 'Bob: talking to myself', 500),
    ];
    const out = inferReplies(ms, index);
    expect(out[2]).toMatchObject({ kind: 'reply', replyToAuthor: 'zoom:ann lee', replyToId: ms[1]!.id });
    expect(out[3]!.replyToAuthor).toBeUndefined();
    expect(out[0]).toBe(ms[0]); // unchanged messages are the same objects
    expect(ms[2]!.kind).toBe('post'); // pure: the input is not touched
  });

  it('addresses someone who has not spoken yet without a replyToId', () => {
    const [m] = inferReplies([msg('bob ray', 'Cat, are you joining?')], index);
    expect(m).toMatchObject({ kind: 'reply', replyToAuthor: 'zoom:cat diaz' });
    expect(m!.replyToId).toBeUndefined();
  });

  it('keeps explicit links (explicit wins)', () => {
    const ms = [msg('ann lee', 'q?'), msg('bob ray', 'Cat: x', 5, { kind: 'reply', replyToAuthor: 'zoom:ann lee', replyToId: 'parent' })];
    expect(inferReplies(ms, index)[1]).toBe(ms[1]);
  });

  it('rule 3: the addressee’s next message answers the addresser, once, within answerSeconds', () => {
    const ms = [
      msg('bob ray', 'Ann: can you check the catalogue?'),
      msg('ann lee', 'on it'),
      msg('ann lee', 'done'),
      msg('bob ray', 'Ann: thanks', 10),
      msg('ann lee', 'late', 400),
    ];
    expect(links(inferReplies(ms, index))).toEqual(['bob ray→ann lee', 'ann lee→bob ray', '-', 'bob ray→ann lee', '-']);
    expect(inferReplies(ms, index)[1]!.replyToId).toBe(ms[0]!.id);
  });

  it('rule 3 stays silent when two people addressed the same person, or when it was a mere greeting', () => {
    const clash = [msg('bob ray', 'Ann: one?'), msg('cat diaz', 'Ann: two?'), msg('ann lee', 'yes')];
    expect(links(inferReplies(clash, index))[2]).toBe('-');
    const greeting = [msg('bob ray', 'Hi Ann'), msg('cat diaz', 'some news'), msg('ann lee', 'A1 we do workshops')];
    expect(links(inferReplies(greeting, index))).toEqual(['bob ray→ann lee', '-', '-']);
  });

  it('rule 4: a quick first answer to the only other recent speaker’s question', () => {
    clock += 3600_000;
    const ms = [msg('ann lee', 'Who is on the desk?'), msg('bob ray', 'me', 30), msg('bob ray', 'until noon', 5)];
    expect(links(inferReplies(ms, index))).toEqual(['-', 'bob ray→ann lee', '-']);
    expect(inferReplies(ms, index)[1]!.replyToId).toBe(ms[0]!.id);
  });

  it('rule 4 needs a question, a quick answer, two voices, and no answer marker', () => {
    clock += 3600_000;
    const statement = [msg('ann lee', 'The desk is open'), msg('bob ray', 'great')];
    expect(links(inferReplies(statement, index))).toEqual(['-', '-']);
    expect(links(inferReplies(statement, index, { questionsOnly: false }))).toEqual(['-', 'bob ray→ann lee']);
    clock += 3600_000;
    const slow = [msg('ann lee', 'Anyone?'), msg('bob ray', 'me', 200)];
    expect(links(inferReplies(slow, index))[1]).toBe('-');
    clock += 3600_000;
    const three = [msg('cat diaz', 'hello'), msg('ann lee', 'Anyone?'), msg('bob ray', 'me')];
    expect(links(inferReplies(three, index))[2]).toBe('-');
    clock += 3600_000;
    const marked = [msg('ann lee', 'Q1: how do you teach?'), msg('bob ray', 'A1: with games')];
    expect(links(inferReplies(marked, index))[1]).toBe('-');
  });

  it('switches rules off by option; defaults are documented values', () => {
    expect(DEFAULT_REPLY_INFERENCE).toEqual({
      addressing: true,
      greetings: true,
      answerSeconds: 300,
      quickSeconds: 120,
      recentSeconds: 300,
      questionsOnly: true,
    });
    const ms = [msg('ann lee', 'Bob: hi'), msg('bob ray', 'Hi Ann')];
    expect(links(inferReplies(ms, index, { addressing: false, greetings: false, answerSeconds: 0, quickSeconds: 0 }))).toEqual(['-', '-']);
  });
});

describe('reply inference against gold links (#ubuntu, Kummerfeld et al. 2019)', () => {
  it('keeps precision at or above 0.8 on the annotated lines', () => {
    const score = measureReplyInference();
    console.log(
      `reply inference on the IRC gold: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} (${score.correct}/${score.predicted} predicted correct, ${score.gold} gold edges)`,
    );
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
    expect(score.recall).toBeGreaterThanOrEqual(0.5);
    expect(score.gold).toBe(181);
  });

  it('gains recall rule by rule without losing precision below 0.8', () => {
    const scores = ABLATIONS.map(([, options]) => measureReplyInference(options));
    for (const s of scores) expect(s.precision).toBeGreaterThanOrEqual(0.8);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!.recall).toBeGreaterThanOrEqual(scores[i - 1]!.recall);
  });
});
