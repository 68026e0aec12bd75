/**
 * `chat-atlas build FILE... [--out graph.json]`: a GraphPayload from files, no server.
 * `chat-atlas import FILE... --dataset NAME`: into the store `npm start` serves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  FormatIdSchema,
  GraphQuerySchema,
  TableMappingSchema,
  TABLE_ROLES,
  type Dataset,
  type FormatId,
  type Message,
  type PersonProfile,
  type TableMapping,
} from '../shared/index.js';
import { isTimezone } from './ingest/parse/table/dates.js';
import type { TableOptions } from './ingest/parse/types.js';
import { readConfig } from './config.js';
import { looseActors } from './ingest/loose-actors.js';
import { newImportJob, runImportJob } from './imports/run-import.js';
import { analyze } from './pipeline/analyze.js';
import { TranscriptError } from './ingest/errors.js';
import type { ReadTranscript } from './ingest/read-transcript.js';
import { mergeProfilesInto } from './ingest/profiles.js';
import { readPath } from './ingest/read-upload.js';
import { folderSize } from './ingest/folder-archive.js';
import { openStore } from './store/index.js';
import Database from 'better-sqlite3';
import { DEFAULT_DB_FILE_NAME } from './store/sqlite.js';

const USAGE = `Usage:
  chat-atlas build FILE|FOLDER... [--format F] [--chat NAME] [--map ROLE=COLUMN,...] [--timezone TZ] [--bots NICK,...] [--out FILE]
                   [--seed N] [--resolution R] [--kinds reply,mention,coAnswer,coSession,repost]
                   [--min-weight W] [--chats a,b] [--from DATE] [--to DATE]
                   [--schedules '[{"chat":"#c","weekday":"tuesday","start":"21:00","timeZone":"America/New_York","minutes":60}]']
  chat-atlas import FILE... --dataset NAME [--format F] [--chat NAME] [--map ROLE=COLUMN,...] [--timezone TZ] [--bots NICK,...] [--data-dir DIR]
  chat-atlas backup FILE [--data-dir DIR]      (SQLite online backup; for PostgreSQL use pg_dump)

Formats (detected from content when --format is absent): ${FormatIdSchema.options.join(', ')}
--map names a table's columns by role (${TABLE_ROLES.join(', ')}),
  e.g. --map author=user_screen_name,text=text,time=created_at,to=in_reply_to_screen_name,bio=user_description;
  an import remembers it for the dataset. --timezone (Europe/London, +01:00) reads table times without an offset.`;

class UsageError extends Error {}

/** How files are read: the format and chat given, and the server's MAX_MESSAGE_CHARS. */
interface ReadChoices {
  format: FormatId | undefined;
  chat: string | undefined;
  table?: TableOptions | undefined;
  /** Nicks left out of IRC logs (--bots). */
  bots?: string[] | undefined;
  maxMessageChars: number;
}

/** --bots a,b: nicks whose lines are left out of IRC logs. */
const botsOption = (values: Record<string, string | undefined>) =>
  values.bots
    ? values.bots
        .split(/[\s,]+/)
        .map((n) => n.replace(/^@+/, ''))
        .filter(Boolean)
    : undefined;

/** Every path read, into memory: a file (a zip may hold several transcripts) or a folder (a Slack export, or transcripts). */
async function readPaths(paths: string[], { format, chat, table, bots, maxMessageChars }: ReadChoices): Promise<ReadTranscript[]> {
  if (paths.length === 0) throw new UsageError('no input file');
  const reads: ReadTranscript[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new UsageError(`no such file: ${p}`);
    reads.push(
      ...(await readPath(p, {
        ...(format ? { format } : {}),
        ...(chat ? { chat } : {}),
        ...(table ? { table } : {}),
        ...(bots ? { bots } : {}),
        // A file's own saving time dates a Zoom chat whose name has none (a folder's entries keep theirs unread).
        ...(fs.statSync(p).isFile() ? { modifiedAt: fs.statSync(p).mtimeMs } : {}),
        maxMessageChars,
      })),
    );
  }
  return reads;
}

async function build(files: string[], values: Record<string, string | undefined>): Promise<void> {
  const messages = new Map<string, Message>();
  const people = new Map<string, PersonProfile>();
  const { MAX_MESSAGE_CHARS } = readConfig(process.env);
  const choices = {
    format: values.format as FormatId | undefined,
    chat: values.chat,
    table: tableOptions(values),
    bots: botsOption(values),
    maxMessageChars: MAX_MESSAGE_CHARS,
  };
  // A Mastodon archive unzipped: its actor.json is the profile of the outbox's author, not a transcript.
  const onDisk = files.filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  const actors = await looseActors(onDisk.map((f) => ({ path: f, fileName: path.basename(f), size: fs.statSync(f).size })));
  const actorPaths = new Set([...actors.keys()].map((f) => f.path));
  for (const read of await readPaths(
    files.filter((f) => !actorPaths.has(f)),
    choices,
  )) {
    for (const m of read.messages) if (!messages.has(`${m.platform}:${m.id}`)) messages.set(`${m.platform}:${m.id}`, m);
    mergeProfilesInto(people, read.people);
    process.stderr.write(`${read.result.file}: ${read.result.format}, ${read.result.messages} messages, ${read.result.skipped} skipped\n`);
    printWarnings(read.result.warnings);
  }
  mergeProfilesInto(
    people,
    [...actors.values()].filter((p) => people.has(p.key)),
  );
  const query = GraphQuerySchema.parse({
    seed: values.seed,
    resolution: values.resolution,
    kinds: values.kinds,
    minWeight: values['min-weight'],
    chats: values.chats,
    from: values.from,
    to: values.to,
    schedules: values.schedules,
  });
  const name = files.map((f) => path.basename(f)).join(', ');
  // A file for Gephi, networkx or a script: every tie, never the page's backbone.
  const payload = analyze(
    { messages: [...messages.values()], people: [...people.values()], dataset: { id: 'cli', name, version: 1 }, backbone: false },
    query,
  );
  const json = JSON.stringify(payload);
  if (values.out) {
    fs.writeFileSync(values.out, json);
    const { nodes, edges, communities } = payload.attributes.meta.counts;
    process.stderr.write(
      `wrote ${values.out}: ${nodes} people, ${edges} ties, ${communities} communities, modularity ${payload.attributes.meta.modularity}\n`,
    );
  } else process.stdout.write(`${json}\n`);
}

/** `author=user_screen_name,text=text` → a mapping; a UsageError names what is wrong. */
export function readMapArg(arg: string): TableMapping {
  const pairs = arg.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--map: "${pair}" is not ROLE=COLUMN`);
    return [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
  });
  const mapping = TableMappingSchema.safeParse(Object.fromEntries(pairs));
  if (!mapping.success) throw new UsageError(`--map: roles are ${TABLE_ROLES.join(', ')}`);
  return mapping.data;
}

/** --map and --timezone, as the table readers take them (a dataset's remembered ones fill what is not given). */
function tableOptions(values: Record<string, string | undefined>, dataset?: Dataset): TableOptions | undefined {
  const mapping = values.map ? readMapArg(values.map) : dataset?.mapping;
  const timezone = values.timezone ?? dataset?.timezone;
  if (timezone && !isTimezone(timezone))
    throw new UsageError(`unknown timezone "${timezone}": use an IANA name (Europe/London) or an offset (+01:00)`);
  return mapping || timezone ? { ...(mapping ? { mapping } : {}), ...(timezone ? { timezone } : {}) } : undefined;
}

/** A table that needs a mapping: its header and a --map line made of the guesses, to edit and run again. */
function mappingHint(error: TranscriptError): string {
  const guesses = Object.entries((error.details.guesses ?? {}) as Record<string, string>).filter(([, c]) => !c.includes(','));
  const header = (error.details.header as string[] | undefined) ?? [];
  return `  columns: ${header.join(', ')}
  try: --map ${guesses.map(([r, c]) => `${r}=${c}`).join(',')}
`;
}

/** A file's warnings (texts cut, lines read as windows-1252…), under its summary line. */
function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`  warning: ${w}\n`);
}

async function importCommand(files: string[], values: Record<string, string | undefined>): Promise<void> {
  if (!values.dataset) throw new UsageError('import needs --dataset NAME');
  if (files.length === 0) throw new UsageError('no input file');
  for (const p of files) if (!fs.existsSync(p)) throw new UsageError(`no such file: ${p}`);
  const config = readConfig(process.env, values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {});
  const store = await openStore(config);
  try {
    const existing = await store.findDatasetByName(values.dataset);
    const target = { ...(existing ? { datasetId: existing.id } : {}), name: values.dataset };
    const table = tableOptions(values, existing);
    // Files and folders alike are read as an upload's are (big ones in chunks, never whole), staged and committed as one import job.
    const onDisk = await Promise.all(
      files.map(async (p) => ({
        path: p,
        fileName: path.basename(path.resolve(p)),
        size: fs.statSync(p).isDirectory() ? await folderSize(p) : fs.statSync(p).size,
        format: values.format as FormatId | undefined,
        chat: values.chat,
        table,
        bots: botsOption(values),
      })),
    );
    const job = newImportJob({ ...target, files: onDisk });
    await store.putImportJob(job);
    const tty = process.stderr.isTTY;
    const dataset = await runImportJob(
      store,
      { job, ...target, files: onDisk, table },
      {
        progressEveryMs: 1000,
        read: { maxMessageChars: config.MAX_MESSAGE_CHARS },
        onProgress: (j) => tty && j.status === 'reading' && process.stderr.write(`\rreading: ${j.percent} %, ${j.messages} messages`),
      },
    );
    if (tty) process.stderr.write('\n');
    const count = dataset.sources.length - (existing?.sources.length ?? 0);
    for (const s of dataset.sources.slice(-count)) {
      process.stderr.write(`${s.file}: ${s.format}, ${s.messages} messages (${s.stored} new), ${s.skipped} skipped\n`);
      printWarnings(s.warnings);
    }
    process.stdout.write(
      `${existing ? 'updated' : 'created'} dataset ${dataset.id} "${dataset.name}" (version ${dataset.version}): ${dataset.counts.messages} messages, ${dataset.counts.people} people\n`,
    );
  } finally {
    await store.close();
  }
}

/** A consistent copy of the SQLite database while the server may be running (SQLite's online backup API). */
async function backup(files: string[], values: Record<string, string | undefined>): Promise<void> {
  const [target] = files;
  if (!target || files.length > 1) throw new UsageError('backup needs one target FILE');
  const config = readConfig(process.env, values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {});
  if (config.DATABASE_URL) throw new UsageError('DATABASE_URL is set: back PostgreSQL up with pg_dump');
  const source = path.join(config.DATA_DIR, DEFAULT_DB_FILE_NAME);
  if (!fs.existsSync(source)) throw new UsageError(`no database at ${source}`);
  if (fs.existsSync(target)) throw new UsageError(`${target} exists; choose a new file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  const datasets = copy.prepare('SELECT count(*) FROM datasets').pluck().get() as number;
  const messages = copy.prepare('SELECT count(*) FROM messages').pluck().get() as number;
  const check = copy.pragma('integrity_check', { simple: true }) as string;
  copy.close();
  process.stdout.write(`backed up ${source} to ${target}: ${datasets} datasets, ${messages} messages, integrity ${check}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: Object.fromEntries(
        [
          'format',
          'chat',
          'map',
          'timezone',
          'bots',
          'out',
          'seed',
          'resolution',
          'kinds',
          'min-weight',
          'chats',
          'from',
          'to',
          'schedules',
          'dataset',
          'data-dir',
        ].map((o) => [o, { type: 'string' as const }]),
      ),
    });
    if (values.format && !FormatIdSchema.safeParse(values.format).success) throw new UsageError(`unknown format "${values.format}"`);
    if (command === 'build') await build(positionals, values);
    else if (command === 'import') await importCommand(positionals, values);
    else if (command === 'backup') await backup(positionals, values);
    else if (command === undefined || command === 'help' || command === '--help') process.stdout.write(`${USAGE}\n`);
    else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof TranscriptError) {
      process.stderr.write(`error: ${error.message}\n`);
      if (error.code === 'needs_mapping') process.stderr.write(mappingHint(error));
      return 1;
    }
    if (error instanceof Error && error.name === 'ZodError') {
      process.stderr.write(`error: invalid option: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
