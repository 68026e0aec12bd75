/**
 * Every format Chat Atlas reads, from a real sample where one exists and a
 * realistic hand-made file where not, through both doors a user has: the
 * upload API (`POST /api/datasets`) and the CLI (`npx chat-atlas import`).
 * Both must detect the same format and store the same messages and people;
 * direct messages (Zoom, Slack) never land; a zip of mixed exports reads
 * every transcript inside.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatId } from '../../shared/index.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';
import { makeZip } from '../support/zip.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-every-format-'));

/** A Slack export folder as the zip Slack gives. */
function slackZip(): string {
  const dir = path.join(fixtures, 'made', 'slack', 'export');
  const entries: { path: string; data: Uint8Array }[] = [];
  const walk = (at: string) => {
    for (const name of fs.readdirSync(path.join(dir, at)).sort()) {
      const rel = at ? `${at}/${name}` : name;
      if (fs.statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else entries.push({ path: `libchat/${rel}`, data: fs.readFileSync(path.join(dir, rel)) });
    }
  };
  walk('');
  const file = path.join(tmp, 'libchat-slack-export.zip');
  fs.writeFileSync(file, makeZip(entries));
  return file;
}

/** Several exports of different platforms in one zip, as someone archiving a year of chats would send them. */
function mixedZip(): string {
  const file = path.join(tmp, 'mixed-exports.zip');
  fs.writeFileSync(
    file,
    makeZip([
      { path: 'bluesky/critlib.json', data: fixture('real', 'bluesky', 'app.bsky.feed.searchPosts-5d343d.json'), method: 'deflate' },
      { path: 'zoom/webinar-chat.txt', data: fixture('made', 'zoom', 'new-layout-threads-2024-05-02.txt'), method: 'deflate' },
      { path: 'irc/libchat.log', data: fixture('made', 'irc', 'weechat-libchat.log') },
    ]),
  );
  return file;
}

interface Case {
  name: string;
  file: () => string;
  /** Per transcript read: format and messages. */
  reads: { format: FormatId; messages: number }[];
  people: number;
  /** Text of direct messages the file holds, none of which may be stored. */
  never?: string[];
}

const at =
  (...parts: string[]) =>
  () =>
    path.join(fixtures, ...parts);

const CASES: Case[] = [
  {
    name: 'Twitter API v1.1 (real)',
    file: at('real', 'twitter-v1.1', 'get_mentions.json'),
    reads: [{ format: 'twitter-v1', messages: 19 }],
    people: 15,
  },
  {
    name: 'twarc2 flatten (real)',
    file: at('real', 'twitter-v2', 'flat.jsonl'),
    reads: [{ format: 'twitter-v2', messages: 29 }],
    people: 28,
  },
  { name: 'TAGS sheet (real)', file: at('real', 'tags-csv', 'sample-data.csv'), reads: [{ format: 'tags-csv', messages: 10 }], people: 9 },
  {
    name: 'Storify XML export (real)',
    file: at('real', 'storify', 'docnowcommunity-chat-raw.xml'),
    reads: [{ format: 'storify', messages: 60 }],
    people: 24,
  },
  {
    name: 'rtweet 0.6 write_as_csv (real)',
    file: at('real', 'rtweet-csv', 'auspreserves-2018-02-16.csv'),
    reads: [{ format: 'csv', messages: 60 }],
    people: 19,
  },
  {
    name: 'Mastodon tag timeline (real)',
    file: at('real', 'mastodon', 'tag_timeline.json'),
    reads: [{ format: 'mastodon', messages: 20 }],
    people: 17,
  },
  {
    name: 'Bluesky searchPosts (real)',
    file: at('real', 'bluesky', 'app.bsky.feed.searchPosts-5d343d.json'),
    reads: [{ format: 'bluesky', messages: 23 }],
    people: 20,
  },
  {
    name: 'Slack export zip',
    file: slackZip,
    reads: [{ format: 'slack', messages: 10 }],
    people: 4,
    never: ['group DM', 'a private word', 'reply to the private word'],
  },
  {
    name: 'DiscordChatExporter JSON',
    file: at('made', 'discord', 'reference-desk.json'),
    reads: [{ format: 'discord', messages: 9 }],
    people: 5,
  },
  { name: 'Teams Graph JSON', file: at('made', 'teams', 'channel-messages.json'), reads: [{ format: 'teams', messages: 6 }], people: 5 },
  { name: 'Zoom meeting chat (real)', file: at('real', 'zoom', 'zoom-chat-1.txt'), reads: [{ format: 'zoom', messages: 8 }], people: 4 },
  {
    name: 'Zoom chat with direct messages',
    file: at('made', 'zoom', 'new-layout-threads-2024-05-02.txt'),
    reads: [{ format: 'zoom', messages: 6 }],
    people: 3,
    never: ['SECRET between us'],
  },
  { name: 'WhatsApp iOS (real)', file: at('real', 'whatsapp', '_chat.txt'), reads: [{ format: 'whatsapp', messages: 48 }], people: 3 },
  {
    name: 'IRC, irclogs.ubuntu.com (real)',
    file: at('real', 'irc', '2016-12-19_20.raw.txt'),
    reads: [{ format: 'irc', messages: 1184 }],
    people: 163,
  },
  { name: 'Netlytic CSV', file: at('made', 'csv', 'netlytic.csv'), reads: [{ format: 'csv', messages: 5 }], people: 5 },
  {
    name: 'zip of mixed exports',
    file: mixedZip,
    reads: [
      { format: 'bluesky', messages: 23 },
      { format: 'zoom', messages: 6 },
      { format: 'irc', messages: 5 },
    ],
    people: 26,
    never: ['SECRET between us'],
  },
];

let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Stored {
  reads: { format: string; messages: number }[];
  messages: number;
  people: number;
  texts: string[];
}

async function throughApi(c: Case): Promise<Stored> {
  const file = c.file();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: path.basename(file), content: fs.readFileSync(file) }], { name: c.name }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const dataset = res.json() as {
    id: string;
    counts: { messages: number; people: number };
    sources: { format: string; messages: number }[];
  };
  const messages = (await t.app.inject({ method: 'GET', url: `/api/datasets/${dataset.id}/messages?limit=5000` })).json() as {
    messages: { text: string }[];
  };
  return {
    reads: dataset.sources.map((s) => ({ format: s.format, messages: s.messages })),
    messages: dataset.counts.messages,
    people: dataset.counts.people,
    texts: messages.messages.map((m) => m.text),
  };
}

async function throughCli(c: Case, index: number): Promise<Stored> {
  const dataDir = path.join(tmp, `cli-${index}`);
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'chat-atlas.js'), 'import', c.file(), '--dataset', c.name, '--data-dir', dataDir],
    {
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  const store = openSqliteStore({ dataDir });
  try {
    const [dataset] = await store.listDatasets();
    const messages = await store.getMessages(dataset!.id);
    return {
      reads: dataset!.sources.map((s) => ({ format: s.format, messages: s.messages })),
      messages: dataset!.counts.messages,
      people: dataset!.counts.people,
      texts: messages.map((m) => m.text),
    };
  } finally {
    await store.close();
  }
}

describe('every format, through the API and the CLI', () => {
  CASES.forEach((c, index) => {
    it(`${c.name}: ${c.reads.map((r) => `${r.format} ${r.messages}`).join(' + ')} messages, ${c.people} people`, async () => {
      const api = await throughApi(c);
      const cli = await throughCli(c, index);
      for (const stored of [api, cli]) {
        expect(stored.reads).toEqual(c.reads);
        expect(stored.messages).toBe(c.reads.reduce((s, r) => s + r.messages, 0));
        expect(stored.people).toBe(c.people);
        for (const text of c.never ?? []) expect(stored.texts.some((m) => m.includes(text))).toBe(false);
      }
      expect(cli.texts.sort()).toEqual(api.texts.sort());
    }, 60_000);
  });
});
