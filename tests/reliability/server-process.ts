/**
 * The real server (`server/server.ts`) as a child process on a free loopback
 * port, for tests that kill it, signal it or load it from outside; plus big
 * CSV transcripts to keep an import busy, and a multipart upload over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A port free right now: the kernel picks one, we close it and hand it on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `chat-atlas-${prefix}-`));

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * How server.ts is run: `--import tsx` in this process's Node, or
 * (`npm-start`) with the command `npm start` ends with, through a shell, in a
 * process group of its own (signal it with `signalGroup`), as a terminal or a
 * service manager runs it.
 */
export type ServerLauncher = 'import' | 'npm-start';

/** The server command of package.json's `start` script (what follows its last `&&`, the page build before it). */
export function npmStartServerCommand(): string {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scripts.start!.split('&&').pop()!.trim();
}

/** A signal to the launched process's whole group: what Ctrl-C or a service manager's stop does. */
export function signalGroup(server: Pick<ServerProcess, 'child'>, signal: NodeJS.Signals): void {
  process.kill(-server.child.pid!, signal);
}

/** Spawns server.ts without waiting for it to listen. */
export function spawnServer(env: Record<string, string>, launcher: ServerLauncher = 'import'): Omit<ServerProcess, 'baseUrl'> {
  const [command, args] =
    launcher === 'npm-start' ? ['sh', ['-c', npmStartServerCommand()]] : [process.execPath, ['--import', 'tsx', 'server/server.ts']];
  const child = spawn(command, args, {
    detached: launcher === 'npm-start',
    cwd: ROOT,
    // SQLite under DATA_DIR even when the environment names a PostgreSQL database.
    env: {
      ...process.env,
      DATABASE_URL: '',
      ATLAS_TOKEN: '',
      HOST: '127.0.0.1',
      LOAD_DEMO: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_WRITES_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Spawns server.ts on `port` with its data in `dataDir` and waits until /api/health answers. */
export async function startServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  launcher: ServerLauncher = 'import',
): Promise<ServerProcess> {
  const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, ...env }, launcher);
  const baseUrl = `http://127.0.0.1:${port}`;
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server exited before listening:\n${server.output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { ...server, baseUrl };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.child.kill('SIGKILL');
  throw new Error(`the server did not answer within 30 s:\n${server.output()}`);
}

/** Kills the child if it still runs, and waits for it. */
export async function stopServer(server: Pick<ServerProcess, 'child' | 'exited'> | undefined): Promise<void> {
  if (!server) return;
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** A CSV transcript of `rows` distinct messages among `people` authors in one chat (about 60 bytes a row). */
export function bigCsv(rows: number, people = 200, chat = '#big'): string {
  const lines = ['id,author,text,time,chat'];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < rows; i++) {
    const author = `user${i % people}`;
    const to = `@user${(i * 7 + 3) % people}`;
    lines.push(`${i},${author},message ${i} for ${to},${new Date(start + i * 30_000).toISOString()},${chat}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A multipart body for `fetch` (a Blob keeps the bytes as they are). */
export function uploadForm(fileName: string, content: string | Uint8Array, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof content === 'string' ? content : Buffer.from(content)]), fileName);
  return form;
}
