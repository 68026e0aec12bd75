/**
 * The seeded demo-data generator: determinism, the default model's shape,
 * each writer's layout, and that the committed data/demo files are exactly
 * what the committed seed generates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  demoFiles, generateChatHistory, keyOn, peopleByHandle, personOf, plantedChats, SECTORS, writeCsv, writeMastodonJson,
  writeTwitterJsonl, writtenHandle, type ChatHistory,
} from '../../data/generator/index.js';
import { readQuestionAnswer } from '../../server/ingest/parse/text.js';

const DEMO_DIR = join(import.meta.dirname, '../../data/demo');
const SMALL = { scale: 0.3, months: 3 } as const;
const model = generateChatHistory();
const index = peopleByHandle(model);

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || record.length) record.push(field), records.push(record);
  return records;
}

const chatMessages = (m: ChatHistory, chat: string) => m.messages.filter((x) => x.chat === chat);

describe('generator determinism', () => {
  it('gives byte-identical files for the same seed', () => {
    const a = demoFiles(generateChatHistory({ seed: 7, ...SMALL }));
    const b = demoFiles(generateChatHistory({ seed: 7, ...SMALL }));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, content] of a) expect(b.get(name), name).toBe(content);
  });

  it('gives different data for a different seed', () => {
    const a = demoFiles(generateChatHistory({ seed: 7, ...SMALL }));
    const b = demoFiles(generateChatHistory({ seed: 8, ...SMALL }));
    for (const [name, content] of a) if (name !== 'README.md') expect(b.get(name), name).not.toBe(content);
  });
});

describe('default model', () => {
  it('has six chats on three platforms, twelve monthly sessions each, 5,000–9,000 messages', () => {
    expect(model.chats.map((c) => c.hashtag)).toEqual(['#medlibsuk', '#k12libchat', '#auspublibs', '#critlibchat', '#archivesfedi', '#lawlibsnet']);
    expect(model.chats.map((c) => c.platform)).toEqual(['twitter', 'twitter', 'twitter', 'twitter', 'mastodon', 'csv']);
    for (const c of model.chats) expect(c.sessions).toHaveLength(12);
    expect(model.messages.length).toBeGreaterThanOrEqual(5000);
    expect(model.messages.length).toBeLessThanOrEqual(9000);
  });

  it('schedules sessions in local evening time, converted to UTC across daylight saving', () => {
    const uk = model.chats[0]!.sessions.map((s) => s.start);
    expect(uk[0]).toBe('2023-01-10T20:00:00.000Z');
    expect(uk[3]).toBe('2023-04-11T19:00:00.000Z');
    expect(model.chats[3]!.sessions[2]!.start).toBe('2023-03-22T01:00:00.000Z');
  });

  it('has home members within 35–70 per chat, each with a known sector and an ISO region', () => {
    for (const c of model.chats) {
      const home = model.people.filter((p) => p.homeChat === c.hashtag && p.attendance !== 'moderator');
      expect(home.length).toBeGreaterThanOrEqual(35);
      expect(home.length).toBeLessThanOrEqual(70);
    }
    for (const p of model.people) {
      expect(SECTORS).toContain(p.sector);
      expect(p.region).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('has the moderator ask Q1–Q5 in every session, within the hour', () => {
    for (const c of model.chats) {
      for (const s of c.sessions) {
        const asked = chatMessages(model, c.hashtag)
          .filter((m) => m.session === s.index && m.author === c.moderator && m.question !== undefined && m.time >= s.start && m.time <= s.end)
          .map((m) => m.question);
        expect(asked, `${c.hashtag} session ${s.index}`).toEqual([1, 2, 3, 4, 5]);
      }
    }
  });

  it('has 5–12% visitors among each chat’s participants', () => {
    for (const c of model.chats) {
      const authors = new Set(chatMessages(model, c.hashtag).map((m) => m.author));
      const visitors = [...authors].filter((h) => personOf(index, h).homeChat !== c.hashtag);
      const share = visitors.length / authors.size;
      expect(share, c.hashtag).toBeGreaterThanOrEqual(0.05);
      expect(share, c.hashtag).toBeLessThanOrEqual(0.12);
    }
  });

  it('links replies and reposts to earlier messages of the same chat, never to oneself for reposts', () => {
    const byId = new Map(model.messages.map((m) => [m.id, m]));
    expect(byId.size).toBe(model.messages.length);
    for (const m of model.messages) {
      for (const link of [m.replyTo, m.repostOf]) {
        if (!link) continue;
        const target = byId.get(link.id);
        expect(target, m.id).toBeDefined();
        expect(target!.author).toBe(link.author);
        expect(target!.chat).toBe(m.chat);
        expect(target!.time < m.time, `${m.id} after ${link.id}`).toBe(true);
      }
      if (m.repostOf) expect(m.repostOf.author).not.toBe(m.author);
      expect(m.kind === 'reply').toBe(m.replyTo !== undefined);
    }
  });

  it('never mentions a message’s own author, and writes every mention into the text', () => {
    for (const m of model.messages) {
      expect(m.mentions).not.toContain(m.author);
      const chat = model.chats.find((c) => c.hashtag === m.chat)!;
      for (const h of m.mentions) expect(m.text).toContain(`@${writtenHandle(personOf(index, h), m.platform, chat.instance)}`);
    }
  });

  it('writes questions and answers so the project’s Q/A reader finds the same numbers', () => {
    for (const m of model.messages.filter((x) => x.kind !== 'repost')) {
      const read = readQuestionAnswer(m.text);
      expect(read.question, m.text).toBe(m.question);
      expect(read.answer, m.text).toBe(m.answer);
    }
    const markers = new Set(model.messages.filter((m) => m.answer).map((m) => /(?:^|\s)(a ?\d+\s?[:).-])/i.exec(m.text)?.[1]?.replace(/\d+/, 'n')));
    expect(markers.size).toBeGreaterThanOrEqual(4);
  });
});

describe('writers', () => {
  it('writes twarc 1 JSON Lines: one status per message, ids as strings and bare numbers, entities at code-point indices', () => {
    const chat = '#medlibsuk';
    const text = writeTwitterJsonl(model, [chat]);
    const lines = text.trimEnd().split('\n');
    const statuses = lines.map((l) => JSON.parse(l) as Record<string, any>);
    expect(statuses.map((s) => s.id_str)).toEqual(chatMessages(model, chat).map((m) => m.id));
    expect(lines[0]).toMatch(/^\{"created_at":"\w{3} \w{3} \d\d \d\d:\d\d:\d\d \+0000 \d{4}","id":\d{18,19},"id_str":"\d+"/);
    for (const s of statuses) {
      const cps = Array.from(s.full_text as string);
      for (const h of s.entities.hashtags) expect(cps.slice(h.indices[0], h.indices[1]).join('')).toBe(`#${h.text}`);
      for (const u of s.entities.user_mentions) expect(cps.slice(u.indices[0], u.indices[1]).join('')).toBe(`@${u.screen_name}`);
      if (s.retweeted_status) expect(s.full_text).toMatch(new RegExp(`^RT @${s.retweeted_status.user.screen_name}: `));
      if (s.in_reply_to_status_id_str) expect(s.in_reply_to_screen_name).toBeTruthy();
    }
  });

  it('writes Mastodon statuses newest first with local accts bare and remote accts with their domain', () => {
    const chat = model.chats.find((c) => c.platform === 'mastodon')!;
    const statuses = JSON.parse(writeMastodonJson(model, chat)) as Record<string, any>[];
    expect(statuses.map((s) => s.id)).toEqual(chatMessages(model, chat.hashtag).map((m) => m.id).reverse());
    for (const s of statuses) {
      const person = personOf(index, s.account.username);
      expect(s.account.acct).toBe(person.instance === chat.instance ? person.handle : `${person.handle}@${person.instance}`);
      if (!s.reblog) expect(s.content).toMatch(/^<p>.*<\/p>$/s);
      for (const m of s.mentions) expect(s.content).toContain(`href="${m.url}" class="u-url mention"`);
    }
    expect(statuses.some((s) => s.account.acct.includes('@'))).toBe(true);
    expect(statuses.some((s) => s.reblog)).toBe(true);
  });

  it('writes an RFC 4180 CSV that splits back into one six-field record per message', () => {
    const chat = '#lawlibsnet';
    const records = parseCsv(writeCsv(model, chat));
    expect(records[0]).toEqual(['id', 'author', 'to', 'text', 'time', 'chat']);
    const rows = records.slice(1);
    expect(rows).toHaveLength(chatMessages(model, chat).length);
    for (const r of rows) expect(r).toHaveLength(6);
    expect(rows.map((r) => r[3])).toEqual(chatMessages(model, chat).map((m) => (m.repostOf ? `RT @${m.repostOf.author}: ${m.text}` : m.text)));
  });
});

describe('committed demo dataset', () => {
  it('equals a fresh generation with the committed seed', () => {
    const truth = JSON.parse(readFileSync(join(DEMO_DIR, 'truth.json'), 'utf8')) as { seed: number; scale: number };
    const fresh = demoFiles(generateChatHistory({ seed: truth.seed, scale: truth.scale }));
    for (const [name, content] of fresh) {
      const path = join(DEMO_DIR, name);
      expect(existsSync(path), `${name} is missing: regenerate with the command in data/demo/README.md`).toBe(true);
      expect(readFileSync(path, 'utf8') === content, `${name} drifted: regenerate with the command in data/demo/README.md`).toBe(true);
    }
  });

  it('has a truth entry for every author key of every file', () => {
    const truth = JSON.parse(readFileSync(join(DEMO_DIR, 'truth.json'), 'utf8')) as { people: Record<string, { sector: string }> };
    const keys = new Set(model.messages.map((m) => keyOn(personOf(index, m.author), m.platform)));
    expect(new Set(Object.keys(truth.people))).toEqual(keys);
    expect([...keys].some((k) => /^mastodon:[a-z0-9_]+@[a-z.]+$/.test(k))).toBe(true);
  });
});

describe('plantedChats', () => {
  it('plants k Twitter chats with the asked visitor rate and gives every key its true chat', () => {
    const { model: planted, trueChat } = plantedChats({ seed: 3, chats: 8, peoplePerChat: 30, sessions: 6, visitorRate: 0.2 });
    expect(planted.chats).toHaveLength(8);
    expect(new Set(planted.messages.map((m) => m.platform))).toEqual(new Set(['twitter']));
    const authors = new Set(planted.messages.map((m) => `twitter:${m.author.toLowerCase()}`));
    expect(new Set(Object.keys(trueChat))).toEqual(authors);
    const idx = peopleByHandle(planted);
    for (const c of planted.chats) {
      const who = new Set(chatMessages(planted, c.hashtag).map((m) => m.author));
      const share = [...who].filter((h) => personOf(idx, h).homeChat !== c.hashtag).length / who.size;
      expect(share).toBeGreaterThan(0.15);
      expect(share).toBeLessThan(0.25);
    }
  });
});
