/**
 * A PostgreSQL server for the tests that need one: `TEST_DATABASE_URL` when
 * set, else a throwaway cluster made with the installed binaries (Debian's
 * /usr/lib/postgresql/<n>/bin, or initdb on PATH) in a temp folder, on a free
 * local port, stopped and removed when the file's tests end. Each calling
 * test file gets its own cluster, so files run in parallel without sharing
 * state; tests inside a file isolate further with one schema per store.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  url: string;
  /** Stops the throwaway cluster and removes its files; a no-op for TEST_DATABASE_URL. */
  stop(): Promise<void>;
}

export type PostgresAvailability = { ok: true; server: TestPostgres } | { ok: false; reason: string };

export interface StartOptions {
  /**
   * Trade durability for speed (fsync off): right for tests, wrong for a
   * benchmark that should pay what production pays.
   */
  fast?: boolean;
}

const NO_SERVER = 'no PostgreSQL server reachable (set TEST_DATABASE_URL or install postgresql)';

export async function startTestPostgres(options: StartOptions = {}): Promise<PostgresAvailability> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const problem = await probe(given);
    return problem
      ? { ok: false, reason: `TEST_DATABASE_URL is not reachable: ${problem}` }
      : { ok: true, server: { url: given, stop: async () => {} } };
  }
  const bin = findBinDir();
  if (!bin) return { ok: false, reason: NO_SERVER };
  try {
    return { ok: true, server: await startCluster(bin, options.fast ?? true) };
  } catch (error) {
    return { ok: false, reason: `${NO_SERVER}: could not start a cluster with ${bin}: ${(error as Error).message}` };
  }
}

/** The newest Debian-installed version, else whatever initdb is on PATH. */
function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0]) return path.join(root, versions[0], 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && fs.existsSync(path.join(dir, 'initdb'))) return dir;
  return undefined;
}

/**
 * initdb and postgres refuse to run as root, so as root (CI containers) they
 * run as the `postgres` user the package creates, through setpriv: it execs
 * in place, so the child we hold is the postmaster itself and our signals
 * reach it directly (runuser/su would sit between and relay them).
 */
function runAs(): { prefix: string[]; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  let uid: number;
  let gid: number;
  try {
    [uid, gid] = [id('-u'), id('-g')];
  } catch {
    throw new Error('running as root and there is no postgres user to run the server as');
  }
  return { prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--'], uid, gid };
}

async function startCluster(bin: string, fast: boolean): Promise<TestPostgres> {
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-pg-'));
  const data = path.join(dir, 'data');
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const command = (file: string, args: string[]): [string, string[]] =>
    user ? [user.prefix[0]!, [...user.prefix.slice(1), path.join(bin, file), ...args]] : [path.join(bin, file), args];
  let child: ChildProcess | undefined;
  const removeFiles = () => fs.rmSync(dir, { recursive: true, force: true });
  // If the worker exits without stop() (a crash, a timeout), take the server down with it.
  const onExit = () => (child?.kill('SIGQUIT'), removeFiles());
  process.once('exit', onExit);
  try {
    // Trust auth on loopback only: a throwaway cluster nobody else can reach. The default collation is
    // ICU en-US, like a typical production database, so an ORDER BY that forgets COLLATE "C" (the byte
    // order SQLite uses) fails here; initdb before PostgreSQL 15 has no ICU flags, so then plain C.
    const base = ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
    try {
      execFileSync(...command('initdb', [...base, '--locale-provider=icu', '--icu-locale=en-US']), { cwd: dir, stdio: 'pipe' });
    } catch {
      fs.rmSync(data, { recursive: true, force: true });
      execFileSync(...command('initdb', base), { cwd: dir, stdio: 'pipe' });
    }
    const settings = [
      'listen_addresses=127.0.0.1',
      'max_connections=100',
      ...(fast ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
    ];
    let url = '';
    // The free port is free when asked, not necessarily when postgres binds it: another try on a new port.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const [postgres, args] = command('postgres', ['-D', data, '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])]);
      const log: string[] = [];
      const started = spawn(postgres, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      started.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
      url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      try {
        await waitUntilReady(url, () => started.exitCode === null && started.signalCode === null);
        break;
      } catch (error) {
        // Let it go (and release its lock file in the data folder) before the next try.
        if (started.exitCode === null && started.signalCode === null) {
          await new Promise((resolve) => (started.once('exit', resolve), started.kill('SIGQUIT')));
        }
        if (attempt === 3) throw new Error(`${(error as Error).message}; server log: ${log.join('').trim().slice(-500)}`);
      }
    }
    const server = child!;
    return {
      url,
      stop: async () => {
        process.removeListener('exit', onExit);
        // "Smart" shutdown first: it waits for sessions to end, so a pool still closing its sockets gets no
        // FATAL "terminating connection" (which pg raises as an uncaught error); then "fast", then "immediate".
        const gone = new Promise((resolve) => server.once('exit', resolve));
        for (const signal of ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const) {
          if (server.exitCode !== null || server.signalCode !== null) break;
          server.kill(signal);
          await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
        }
        removeFiles();
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    onExit();
    throw error;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, alive: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = await probe(url);
    if (!problem) return;
    if (!alive()) throw new Error(`postgres exited: ${problem}`);
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs / 1000}s: ${problem}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Undefined when a connection and a query succeed, else why not. */
async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {}); // a refused or dropped connection is reported by connect()
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}
