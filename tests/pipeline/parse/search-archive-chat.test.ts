/**
 * A hashtag search archive is one chat: real tables whose texts were cut at
 * 140 characters (rtweet 0.6) lose the searched tag from some texts, and the
 * `hashtags` column and the file's dominant tag keep them in the chat.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeMessages } from '../../../server/ingest/normalize.js';
import { csvParser } from '../../../server/ingest/parse/csv.js';
import { readHashtagList } from '../../../server/ingest/parse/table/cells.js';
import type { ParsedMessage } from '../../../server/ingest/parse/types.js';
import { readTranscript } from '../../../server/ingest/read-transcript.js';

const real = (path: string) => readFileSync(new URL(`../../fixtures/real/${path}`, import.meta.url));
const chatsOf = (messages: readonly { chat: string }[]) => {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.chat, (counts.get(m.chat) ?? 0) + 1);
  return Object.fromEntries(counts);
};
const read = (path: string, chat?: string) => readTranscript(real(path), { fileName: path.split('/').pop()!, ...(chat ? { chat } : {}) });

describe('a hashtag search archive is one chat (real #auspreserves, rtweet 0.6)', () => {
  const aus = 'rtweet-csv/auspreserves-2018-02-16.csv';

  it('puts all 60 tweets in #auspreserves, though 5 texts show only #digipres or #digitalpreservation', () => {
    expect(chatsOf(read(aus).messages)).toEqual({ '#auspreserves': 60 });
  });

  it('owes it to the file’s dominant tag: without that rule the same tweets made 3 chats', () => {
    const parsed = csvParser.parse(real(aus).toString('utf8'), { fileName: 'auspreserves-2018-02-16.csv' });
    const perMessage = normalizeMessages(parsed.messages, { fileName: 'auspreserves-2018-02-16.csv', searchTagShare: 1.01 });
    expect(chatsOf(perMessage.messages)).toEqual({ '#auspreserves': 55, '#digipres': 3, '#digitalpreservation': 2 });
  });

  it('reads the hashtags column beside the text: `##AusPreserves` is the tag #auspreserves', () => {
    const parsed = csvParser.parse(real(aus).toString('utf8'), { fileName: 'auspreserves-2018-02-16.csv' });
    const doubled = parsed.messages.find((m) => m.id === '964314648093736960')!;
    expect(doubled.text).toContain('#digitalpreservation ##AusPreserves');
    expect(doubled.hashtags).toEqual(['#digitalpreservation', '#auspreserves']);
  });

  it('lets the upload’s chat field say otherwise', () => {
    expect(chatsOf(read(aus, '#AusPreserves2018').messages)).toEqual({ '#auspreserves2018': 60 });
  });
});

describe('real tables that were right stay as they were', () => {
  it.each([
    ['rtweet-csv/vala2018-2018-02-13.csv', { '#vala2018': 1929 }],
    ['hydrator-csv/eaw18-2018-03-20.csv', { '#eaw18': 51 }],
    ['tags-csv/siteconf.csv', { '#siteconf': 436 }],
    ['tags-csv/sample-data.csv', { '#aect19': 10 }],
    // A keyword search with no tag on most tweets: the file's name, as before.
    ['twarc-csv/bang_search.csv', { bang_search: 342 }],
    ['twarc2-csv/dfw_bro.csv', { dfw_bro: 30 }],
  ])('%s', (path, chats) => {
    expect(chatsOf(read(path).messages)).toEqual(chats);
  });
});

describe('a file mixing chats keeps each message’s own', () => {
  const p = (id: string, minute: number, tags: string[]): ParsedMessage => ({
    id,
    platform: 'twitter',
    author: `twitter:u${id}`,
    time: `2024-01-01T20:${String(minute).padStart(2, '0')}:00.000Z`,
    text: `A1 ${tags.join(' ')}`,
    hashtags: tags,
    mentions: [],
    kind: 'post',
  });

  it('splits 11 #uklibchat and 9 #tlchat messages (55 %, under the 60 % of one search) by their tags', () => {
    const messages = [
      ...Array.from({ length: 11 }, (_, i) => p(`u${i}`, i, ['#uklibchat'])),
      ...Array.from({ length: 9 }, (_, i) => p(`t${i}`, 30 + i, ['#tlchat'])),
    ];
    expect(chatsOf(normalizeMessages(messages, { fileName: 'mixed.jsonl' }).messages)).toEqual({ '#uklibchat': 11, '#tlchat': 9 });
    // 13 of 20 (65 %) is one search: the 7 others join it.
    const mostly = [...messages.slice(0, 11), p('x1', 12, ['#uklibchat']), p('x2', 13, ['#uklibchat']), ...messages.slice(11, 18)];
    expect(chatsOf(normalizeMessages(mostly, { fileName: 'mostly.jsonl' }).messages)).toEqual({ '#uklibchat': 20 });
  });
});

describe('readHashtagList', () => {
  it('reads the hashtag cells real exporters write', () => {
    // rtweet 0.6 / twarc 1 json2csv / Hydrator: words; `NA` is none.
    expect(readHashtagList('digitalpreservation AusPreserves')).toEqual(['#digitalpreservation', '#auspreserves']);
    expect(readHashtagList('NA')).toEqual([]);
    // twarc2 csv `entities.hashtags` (real/twarc2-csv/dfw_bro.csv).
    expect(readHashtagList('[{"start": 104, "end": 117, "tag": "BillandDaves"}]')).toEqual(['#billanddaves']);
    expect(readHashtagList('["#critlib", "libraries"]')).toEqual(['#critlib', '#libraries']);
  });
});
