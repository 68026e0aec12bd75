/**
 * Store import speed: the same seeded messages (~100k, ten chats, people with
 * profiles, replies, mentions, Q/A numbers) imported into a new dataset in
 * SQLite (a file in a temp folder) and in PostgreSQL (TEST_DATABASE_URL, else
 * a throwaway local cluster with production durability: fsync on), each one
 * `importFiles` call, i.e. one transaction. Also times reading them back
 * (`getMessages`, what every graph build does). Opening and migrating are not
 * timed; a small warm-up import runs first on each backend.
 *
 *   npx tsx bench/store-import.ts [--messages N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Rng } from '../data/generator/random.js';
import type { Message, PersonProfile } from '../shared/index.js';
import { openPostgresStore } from '../server/store/postgres.js';
import { openSqliteStore } from '../server/store/sqlite.js';
import type { ImportFile, Store } from '../server/store/types.js';
import { startTestPostgres } from '../tests/support/postgres.js';

export interface StoreImportRow {
  backend: 'sqlite' | 'postgres';
  /** Import seconds and messages per second; absent when the backend was not available. */
  importSeconds?: number;
  importRowsPerSecond?: number;
  readSeconds?: number;
  readRowsPerSecond?: number;
  /** Why this backend was not measured. */
  skipped?: string;
}

export interface StoreImportFigures {
  messages: number;
  people: number;
  files: number;
  rows: StoreImportRow[];
}

const CHATS = [
  '#uklibchat',
  '#critlib',
  '#medlibs',
  '#lawlibchat',
  '#schoollib',
  '#archiveschat',
  '#govlibs',
  '#mlaj',
  '#libraryedchat',
  '#ukmedlibs',
];
const WORDS = [
  'open access',
  'outreach',
  'cataloguing',
  'induction',
  'search skills',
  'the budget',
  'metadata',
  'evidence',
  'workflows',
  'copyright',
];

/** Seeded, so every run and both backends see the same rows: one file per chat, monthly one-hour sessions. */
export function syntheticImport(messages: number, seed = 1): { files: ImportFile[]; people: number } {
  const rng = new Rng(seed);
  const peopleCount = Math.max(10, Math.round(messages / 40));
  const people: PersonProfile[] = Array.from({ length: peopleCount }, (_, i) => ({
    key: `twitter:user${i}`,
    platform: 'twitter',
    handle: `User${i}`,
    name: `User ${i}`,
    bio: `Librarian working on ${rng.pick(WORDS)}. Views my own.`,
    location: rng.pick(['Leeds', 'Dublin', 'Toronto', '']),
    platformId: String(100_000_000 + i),
  }));
  const perChat = Math.ceil(messages / CHATS.length);
  const files = CHATS.map((chat, c) => {
    const list: Message[] = [];
    for (let i = 0; i < perChat && c * perChat + i < messages; i++) {
      const session = Math.floor(i / 200);
      const time = new Date(Date.UTC(2020, 0, 1) + session * 30 * 86_400_000 + c * 3_600_000 + (i % 200) * 17_000).toISOString();
      const author = `twitter:user${rng.int(0, peopleCount - 1)}`;
      const mentions = rng.chance(0.4) ? [`twitter:user${rng.int(0, peopleCount - 1)}`] : [];
      const m: Message = {
        id: `${c}-${i}`,
        platform: 'twitter',
        chat,
        time,
        author,
        text: `A${(i % 5) + 1}: ${rng.pick(WORDS)} and ${rng.pick(WORDS)}, what worked for us ${mentions.length ? '@someone ' : ''}${chat}`,
        mentions,
        hashtags: [chat],
        kind: 'post',
        answer: (i % 5) + 1,
      };
      if (i > 0 && rng.chance(0.3)) Object.assign(m, { kind: 'reply', replyToId: `${c}-${i - 1}`, replyToAuthor: list[i - 1]!.author });
      list.push(m);
    }
    const result = {
      file: `${chat.slice(1)}.jsonl`,
      format: 'twitter-v1' as const,
      messages: list.length,
      skipped: 0,
      skippedItems: [],
      warnings: [],
    };
    return { result, messages: list, people: people.filter((_, p) => p % CHATS.length === c) };
  });
  return { files, people: peopleCount };
}

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

async function measure(backend: StoreImportRow['backend'], store: Store, files: ImportFile[]): Promise<StoreImportRow> {
  await store.importFiles({ name: 'warm-up', files: syntheticImport(2000, 99).files });
  const total = files.reduce((n, f) => n + f.messages.length, 0);
  const [dataset, importSeconds] = await time(() => store.importFiles({ name: 'bench', files }));
  const [read, readSeconds] = await time(() => store.getMessages(dataset.id));
  if (dataset.counts.messages !== total || read.length !== total)
    throw new Error(`bench: ${backend} stored ${dataset.counts.messages} of ${total}`);
  return { backend, importSeconds, importRowsPerSecond: total / importSeconds, readSeconds, readRowsPerSecond: total / readSeconds };
}

export async function measureStoreImport(options: { messages?: number; seed?: number } = {}): Promise<StoreImportFigures> {
  const messages = options.messages ?? 100_000;
  const { files, people } = syntheticImport(messages, options.seed ?? 1);
  const rows: StoreImportRow[] = [];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-bench-'));
  const sqlite = openSqliteStore({ dataDir: dir });
  try {
    rows.push(await measure('sqlite', sqlite, files));
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const server = await startTestPostgres({ fast: false });
  if (!server.ok) rows.push({ backend: 'postgres', skipped: server.reason });
  else {
    // A schema of its own, dropped after, so a shared TEST_DATABASE_URL is left as it was.
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const store = await openPostgresStore({ connectionString: server.server.url, schema });
    try {
      rows.push(await measure('postgres', store, files));
    } finally {
      await store.close();
      const { default: pg } = await import('pg');
      const admin = new pg.Client(server.server.url);
      await admin.connect();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`).finally(() => admin.end());
      await server.server.stop();
    }
  }
  return { messages, people, files: files.length, rows };
}

export function formatStoreImport(figures: StoreImportFigures): string {
  const n = (x: number | undefined, digits = 0) => (x === undefined ? '—' : x.toLocaleString('en-GB', { maximumFractionDigits: digits }));
  const lines = [
    `Store import: ${n(figures.messages)} messages, ${n(figures.people)} people, ${figures.files} files, one transaction`,
    '| backend  | import s | import msgs/s | read s | read msgs/s |',
    '|----------|---------:|--------------:|-------:|------------:|',
    ...figures.rows.map((r) =>
      r.skipped
        ? `| ${r.backend.padEnd(8)} | skipped: ${r.skipped} |`
        : `| ${r.backend.padEnd(8)} | ${n(r.importSeconds, 2)} | ${n(r.importRowsPerSecond)} | ${n(r.readSeconds, 2)} | ${n(r.readRowsPerSecond)} |`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { messages: { type: 'string' } } });
  const figures = await measureStoreImport(values.messages ? { messages: Number(values.messages) } : {});
  process.stdout.write(`${formatStoreImport(figures)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
