import { describe, expect, it } from 'vitest';
import { extractHashtags, extractMentionHandles, readQuestionAnswer, retweetedHandle } from '../../server/ingest/parse/text.js';

describe('readQuestionAnswer', () => {
  it.each([
    ['A3: we use Zotero', { answer: 3 }],
    ['A3) we use Zotero', { answer: 3 }],
    ['a3 - we use Zotero', { answer: 3 }],
    ['A3. we use Zotero', { answer: 3 }],
    ['A 3: spaced', { answer: 3 }],
    ['Q3. What tools do you use?', { question: 3 }],
    ['Q12: late in the chat', { question: 12 }],
    ['@ann @bob A2: agreed', { answer: 2 }],
    ['Loved this. A4: more of it #uklibchat', { answer: 4 }],
  ])('%s', (text, expected) => {
    expect(readQuestionAnswer(text)).toEqual(expected);
  });

  it.each(['RT @mod: Q1: what brought you here?', 'Flew on an A380 today', 'A0: nothing', 'Question 3 is hard', 'QA team says hi', ''])(
    'finds no marker in %j',
    (text) => {
      expect(readQuestionAnswer(text)).toEqual({});
    },
  );
});

describe('hashtags and mentions', () => {
  it('reads hashtags lower-cased, once each, not inside URLs or words', () => {
    expect(extractHashtags('#UKLibChat A1: see https://x.org/#frag and #OpenAccess #uklibchat C#')).toEqual(['#uklibchat', '#openaccess']);
    expect(extractHashtags('#bibliothèque #2024 #año2024')).toEqual(['#bibliothèque', '#año2024']);
  });

  it('reads @handles and fediverse handles, not e-mail addresses', () => {
    expect(extractMentionHandles('@ann hi @bob@glammr.us, mail z@qz.com (@Cat_1) @ann')).toEqual(['ann', 'bob@glammr.us', 'Cat_1']);
    expect(extractMentionHandles('.@ann great point, cc .@bob but not x.@carl')).toEqual(['ann', 'bob']);
  });

  it('knows an old-style retweet', () => {
    expect(retweetedHandle('RT @RoutledgeEd: Congrats')).toBe('RoutledgeEd');
    expect(retweetedHandle('Not RT @x')).toBeUndefined();
  });
});
