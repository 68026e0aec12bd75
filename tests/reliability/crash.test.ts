/**
 * Crash safety of the real server process: SIGKILL in the middle of an
 * import loses that import and nothing else; SIGTERM lets an in-flight
 * upload finish, closes the database (WAL checkpointed) and exits 0.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetListSchema, DatasetSchema, type Dataset } from '../../shared/index.js';
import { DEFAULT_DB_FILE_NAME, openSqliteStore } from '../../server/store/sqlite.js';
import { PID_FILE } from '../../server/runtime/data-dir-claim.js';
import { isRunning } from '../../server/runtime/process-alive.js';
import { fixture } from '../support/app.js';
import {
  bigCsv,
  freePort,
  signalGroup,
  startServer,
  stopServer,
  tempDir,
  uploadForm,
  type ServerLauncher,
  type ServerProcess,
} from './server-process.js';

let servers: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers) await stopServer(s);
  servers = [];
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function start(port: number, dataDir: string, launcher: ServerLauncher = 'import'): Promise<ServerProcess> {
  const server = await startServer(port, dataDir, {}, launcher);
  servers.push(server);
  return server;
}

async function uploadSmall(baseUrl: string): Promise<Dataset> {
  const res = await fetch(`${baseUrl}/api/datasets`, {
    method: 'POST',
    body: uploadForm('uklibchat.csv', fixture('made', 'api', 'uklibchat.csv'), { name: 'kept' }),
  });
  expect(res.status).toBe(201);
  return DatasetSchema.parse(await res.json());
}

const walSize = (dataDir: string) => {
  const wal = path.join(dataDir, `${DEFAULT_DB_FILE_NAME}-wal`);
  return fs.existsSync(wal) ? fs.statSync(wal).size : 0;
};

/**
 * POSTs a multipart upload with node:http (through `agent` if given). With `pause`, half the body goes,
 * then `pause()` is awaited before the rest: a request still arriving.
 */
function postUpload(
  baseUrl: string,
  fileName: string,
  content: string,
  agent?: http.Agent,
  pause?: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  const boundary = `----crash-${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}/api/datasets`,
      { method: 'POST', agent, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    if (!pause) return void request.end(body);
    const half = Math.floor(body.length / 2);
    request.write(body.subarray(0, half), () => void pause().then(() => request.end(body.subarray(half)), reject));
  });
}

/**
 * Starts a big upload and resolves once its import transaction is under way: parsing 60k+ rows takes a
 * while, then the insert spills pages into the WAL before it commits, so a WAL growing while no answer
 * has come means the transaction is open. Fails if the answer comes first.
 */
async function uploadUntilImporting(baseUrl: string, dataDir: string, rows: number) {
  const baseline = walSize(dataDir);
  let answered = false;
  const upload = postUpload(baseUrl, `${rows}-rows.csv`, bigCsv(rows)).then(
    (reply) => {
      answered = true;
      return reply;
    },
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  const deadline = Date.now() + 60_000;
  while (walSize(dataDir) < baseline + 512 * 1024 && !answered && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(answered, 'the import finished before it could be caught under way: make the file bigger').toBe(false);
  expect(walSize(dataDir), 'no import under way after 60 s').toBeGreaterThan(baseline);
  return { upload }; // wrapped: returning the promise itself would make the caller wait for the answer
}

/** Resolves once more than `above` message rows are committed (a new dataset's import commits batch by batch). */
async function committedRowsAbove(dataDir: string, above: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  const db = new Database(path.join(dataDir, DEFAULT_DB_FILE_NAME), { readonly: true });
  try {
    for (;;) {
      const rows = db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
      if (rows > above || Date.now() > deadline) return rows;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    db.close();
  }
}

/**
 * A server with one dataset ("kept") is killed with SIGKILL while importing `rows` more, once the import is
 * under way or, with `afterCommit`, once some of its rows are committed; a new server starts on the same
 * folder and port. Resolves with that server and the kept dataset.
 */
async function killDuringImport(label: string, rows: number, afterCommit: boolean) {
  const dataDir = tempDir(label);
  dirs.push(dataDir);
  const port = await freePort();
  const first = await start(port, dataDir);
  const kept = await uploadSmall(first.baseUrl);
  const { upload } = await uploadUntilImporting(first.baseUrl, dataDir, rows);
  if (afterCommit)
    expect(await committedRowsAbove(dataDir, kept.counts.messages), 'no batch committed within 60 s').toBeGreaterThan(kept.counts.messages);
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  expect(await upload).toBeInstanceOf(Error); // the connection died with no answer
  return { dataDir, kept, second: await start(port, dataDir) };
}

/** Below the API too: the file is sound, holds the kept dataset's rows only, and no job is left running. */
function expectOnlyKept(dataDir: string, kept: Dataset): void {
  const db = new Database(path.join(dataDir, DEFAULT_DB_FILE_NAME), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(kept.counts.messages);
    expect(db.prepare('SELECT COUNT(*) FROM datasets').pluck().get()).toBe(1);
    expect(db.prepare("SELECT COUNT(*) FROM imports WHERE status NOT IN ('done', 'failed')").pluck().get()).toBe(0);
  } finally {
    db.close();
  }
}

describe('SIGKILL during an import', () => {
  it('keeps the earlier dataset intact and shows nothing of the interrupted one', async () => {
    const { dataDir, kept, second } = await killDuringImport('crash', 100_000, false); // ~7 MB
    const list = DatasetListSchema.parse(await (await fetch(`${second.baseUrl}/api/datasets`)).json());
    expect(list.datasets.map((d) => [d.id, d.name, d.version, d.counts])).toEqual([[kept.id, 'kept', 1, kept.counts]]);
    const graph = await fetch(`${second.baseUrl}/api/datasets/${kept.id}/graph`);
    expect(graph.status).toBe(200);
    await stopServer(second);
    expectOnlyKept(dataDir, kept);
  }, 120_000);

  it('drops the rows an import committed before the kill as soon as the server starts again', async () => {
    // The restarted server finds no other server on the folder: the import is a stopped one, not a slow one.
    const { dataDir, kept, second } = await killDuringImport('crash-committed', 200_000, true);
    const list = DatasetListSchema.parse(await (await fetch(`${second.baseUrl}/api/datasets`)).json());
    expect(list.datasets.map((d) => d.id)).toEqual([kept.id]);
    await stopServer(second);
    expectOnlyKept(dataDir, kept);
  }, 120_000);
});

describe('SIGTERM', () => {
  it('lets an in-flight upload finish, closes the database and exits 0', async () => {
    const dataDir = tempDir('term');
    dirs.push(dataDir);
    const server = await start(await freePort(), dataDir);
    const kept = await uploadSmall(server.baseUrl);
    expect(walSize(dataDir)).toBeGreaterThan(0); // so that an empty WAL at the end means a checkpoint

    const { upload } = await uploadUntilImporting(server.baseUrl, dataDir, 60_000);
    server.child.kill('SIGTERM');
    const res = await upload;
    const exit = await server.exited;

    if (res instanceof Error) throw new Error(`the in-flight upload was cut off: ${res.message}\n${server.output()}`);
    expect(res.status, res.body).toBe(201);
    const created = DatasetSchema.parse(JSON.parse(res.body));
    expect(created.counts.messages).toBe(60_000);
    expect(exit, server.output()).toEqual({ code: 0, signal: null });

    // Closed cleanly: the last connection checkpointed the WAL into the database file and removed it.
    expect(walSize(dataDir)).toBe(0);
    const store = openSqliteStore({ dataDir });
    try {
      const list = await store.listDatasets();
      expect(list.map((d) => [d.id, d.counts.messages])).toEqual([
        [kept.id, kept.counts.messages],
        [created.id, 60_000],
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('closes as gracefully when run by the npm start command and its whole group is signalled, twice', async () => {
    const dataDir = tempDir('term-group');
    dirs.push(dataDir);
    const server = await start(await freePort(), dataDir, 'npm-start');
    const claim = path.join(dataDir, PID_FILE);
    const serverPid = Number(fs.readFileSync(claim, 'utf8'));
    try {
      const { upload } = await uploadUntilImporting(server.baseUrl, dataDir, 60_000);
      // Ctrl-C, or a service manager stopping the unit, signals every process of the group; a second stop
      // request (or a wrapper relaying the signal) must not cut the close short either.
      signalGroup(server, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      signalGroup(server, 'SIGTERM');
      const res = await upload;
      // The shell in front of it goes with the signal; the server is its child, not ours: wait for it to be gone.
      const deadline = Date.now() + 10_000;
      while (isRunning(serverPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

      if (res instanceof Error) throw new Error(`the in-flight upload was cut off: ${res.message}\n${server.output()}`);
      expect(res.status, res.body).toBe(201);
      expect(DatasetSchema.parse(JSON.parse(res.body)).counts.messages).toBe(60_000);
      expect(isRunning(serverPid), server.output()).toBe(false);
      // Released by the close (a kill leaves it behind), after the database was closed cleanly.
      expect(fs.existsSync(claim), server.output()).toBe(false);
      expect(walSize(dataDir)).toBe(0);
    } finally {
      try {
        process.kill(serverPid, 'SIGKILL'); // only if a failure left it running
      } catch {
        // gone, as it should be
      }
    }
  }, 120_000);

  it('waits for an upload still arriving, then exits at once though the client keeps its connection', async () => {
    const dataDir = tempDir('term-slow');
    dirs.push(dataDir);
    const server = await start(await freePort(), dataDir);
    let exitedEarly = false;
    void server.exited.then(() => (exitedEarly = true));
    // Like a browser: the connection stays open for reuse after the answer.
    const agent = new http.Agent({ keepAlive: true, timeout: 120_000 });
    try {
      const res = await postUpload(server.baseUrl, 'slow.csv', bigCsv(2_000), agent, async () => {
        await new Promise((r) => setTimeout(r, 300)); // the server has the headers and half the body
        server.child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 700));
        expect(exitedEarly, 'the server quit with a request half received').toBe(false);
      });
      const answeredAt = Date.now();
      expect(res.status, res.body).toBe(201);
      expect(DatasetSchema.parse(JSON.parse(res.body)).counts.messages).toBe(2_000);
      const exit = await Promise.race([
        server.exited,
        new Promise<string>((r) => setTimeout(r, 5_000, 'still running 5 s after the answer')),
      ]);
      expect(exit, 'close() waits for the idle kept-alive connection').toEqual({ code: 0, signal: null });
      expect(Date.now() - answeredAt).toBeLessThan(2_000);
      expect(walSize(dataDir)).toBe(0);
    } finally {
      agent.destroy();
    }
  }, 60_000);
});
