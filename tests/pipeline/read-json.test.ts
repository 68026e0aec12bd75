import { describe, expect, it } from 'vitest';
import { TranscriptError } from '../../server/ingest/errors.js';
import { readJsonContainer, stripAssignmentPrefix } from '../../server/ingest/parse/read-json.js';
import { fixture } from '../support/app.js';

const failure = (text: string) => {
  try {
    readJsonContainer(text, 'f.json');
  } catch (e) {
    if (e instanceof TranscriptError) return { code: e.code, line: e.details.line };
  }
  return undefined;
};

describe('readJsonContainer', () => {
  it('reads a document, or JSON Lines with bad lines reported', () => {
    expect(readJsonContainer('[{"a":1}]', 'f')).toEqual({ kind: 'document', value: [{ a: 1 }] });
    expect(readJsonContainer('{"a":1}\n{oops\n\n{"a":2}\n42\n', 'f')).toEqual({
      kind: 'lines',
      records: [
        { line: 1, value: { a: 1 } },
        { line: 4, value: { a: 2 } },
      ],
      skipped: [
        { line: 2, reason: 'not valid JSON: {oops' },
        { line: 5, reason: 'not a JSON record: 42' },
      ],
    });
  });

  it('names the line where a pretty-printed document was cut, even when fragments of it parse', () => {
    const text = JSON.stringify(JSON.parse(fixture('real', 'twitter-v1.1', 'get_mentions.json').toString()), null, 2);
    const cut = text.slice(0, Math.floor(text.length / 2));
    const expectedLine = cut.split('\n').length;
    expect(failure(cut)).toEqual({ code: 'unreadable_file', line: expectedLine });
    expect(failure('[\n{"a": 1},\n{"a": 2},\n{"a": ')).toEqual({ code: 'unreadable_file', line: 4 });
  });

  it('strips the Twitter archive prefixes, old and new', () => {
    expect(stripAssignmentPrefix('window.YTD.tweets.part0 = [1]')).toBe('[1]');
    expect(stripAssignmentPrefix('Grailbird.data.tweets_2015_01 =\n [1]')).toBe('[1]');
    expect(stripAssignmentPrefix('[1]')).toBe('[1]');
  });
});
