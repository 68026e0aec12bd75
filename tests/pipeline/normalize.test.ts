import { describe, expect, it } from 'vitest';
import { normalizeMessages } from '../../server/ingest/normalize.js';
import type { ParsedMessage } from '../../server/ingest/parse/types.js';

const p = (id: string, time: string, text: string, hashtags: string[], extra: Partial<ParsedMessage> = {}): ParsedMessage => ({
  id,
  platform: 'twitter',
  author: `twitter:u${id}`,
  time,
  text,
  hashtags,
  mentions: [],
  kind: 'post',
  ...extra,
});

describe('normalizeMessages', () => {
  const base = [
    p('1', '2024-01-01T20:00:00.000Z', 'Q1: hello #uklibchat', ['#uklibchat']),
    p('2', '2024-01-01T20:01:00.000Z', 'A1: hi #uklibchat #openaccess', ['#uklibchat', '#openaccess']),
    p('3', '2024-01-01T20:02:00.000Z', 'A1: agreed', [], { replyToId: '2', kind: 'reply' }),
    p('4', '2024-01-01T20:03:00.000Z', 'unrelated', []),
    p('5', '2024-01-08T20:00:00.000Z', 'Q1 #critlib tonight', ['#critlib']),
    p('6', '2024-01-08T20:01:00.000Z', 'A1: yes #critlib', ['#critlib']),
  ];

  it('puts each message in its chat: its chat tag, else its parent’s, else the one just before', () => {
    const { messages } = normalizeMessages(base, { fileName: 'x.jsonl' });
    expect(messages.map((m) => [m.id, m.chat])).toEqual([
      ['1', '#uklibchat'],
      ['2', '#uklibchat'],
      ['3', '#uklibchat'],
      ['4', '#uklibchat'],
      ['5', '#critlib'],
      ['6', '#critlib'],
    ]);
  });

  it('reads question and answer numbers', () => {
    const { messages } = normalizeMessages(base, { fileName: 'x.jsonl' });
    expect(messages.map((m) => [m.question, m.answer])).toEqual([
      [1, undefined],
      [undefined, 1],
      [undefined, 1],
      [undefined, undefined],
      [1, undefined],
      [undefined, 1],
    ]);
  });

  it('falls back on the file’s main chat tag for a lone untagged message', () => {
    const lone = p('7', '2024-02-01T12:00:00.000Z', 'anyone here?', []);
    const { messages } = normalizeMessages([...base, lone, p('8', '2024-01-01T20:04:00.000Z', 'x #uklibchat', ['#uklibchat'])], {
      fileName: 'x.jsonl',
    });
    expect(messages.find((m) => m.id === '7')!.chat).toBe('#uklibchat');
  });

  it('uses a given chat for all, and the file name when nothing else says', () => {
    expect(new Set(normalizeMessages(base, { fileName: 'x.jsonl', chat: '#MyChat' }).messages.map((m) => m.chat))).toEqual(
      new Set(['#mychat']),
    );
    const untagged = [p('1', '2024-01-01T20:00:00.000Z', 'hello', []), p('2', '2024-01-01T20:01:00.000Z', 'hi', [])];
    expect(normalizeMessages(untagged, { fileName: 'Team Meeting.txt' }).messages.map((m) => m.chat)).toEqual([
      'team meeting',
      'team meeting',
    ]);
  });

  it('reads a message that appears twice in a file once, and says so', () => {
    const { messages, warnings } = normalizeMessages([...base, base[0]!], { fileName: 'x.jsonl' });
    expect(messages).toHaveLength(6);
    expect(warnings).toEqual(['1 message(s) appeared more than once in x.jsonl and were read once']);
  });

  it('drops self-mentions and repeats', () => {
    const m = p('9', '2024-01-01T20:00:00.000Z', 'x', [], { mentions: ['twitter:u9', 'twitter:a', 'twitter:a'] });
    expect(normalizeMessages([m], { fileName: 'x' }).messages[0]!.mentions).toEqual(['twitter:a']);
  });
});

describe('normalizeMessages validation', () => {
  it('keeps exactly what MessageSchema accepts, and reports the rest with the schema’s reason', async () => {
    const { MessageSchema } = await import('../../shared/index.js');
    const good = p('1', '2024-01-01T20:00:00.000Z', 'A1: hi', ['#c'], { replyToId: '0', extra: 'dropped' } as Partial<ParsedMessage>);
    const badTime = p('2', '2024-01-01 20:00', 'x', ['#c']);
    const badKind = p('3', '2024-01-01T20:01:00Z', 'x', ['#c'], { kind: 'boost' as ParsedMessage['kind'] });
    const { messages, skipped } = normalizeMessages([good, badTime, badKind], { fileName: 'x' });
    expect(messages).toEqual([MessageSchema.parse({ ...good, chat: '#c', answer: 1 })]);
    expect(messages[0]).not.toHaveProperty('extra');
    expect(skipped.map((s) => s.reason.split(':')[0])).toEqual(['invalid message 2', 'invalid message 3']);
    expect(skipped[0]!.reason).toContain('time');
    expect(skipped[1]!.reason).toContain('kind');
  });
});
