/**
 * The real server's log at LOG_LEVEL=info (plugins/logging.ts, errors.ts):
 * no snapshot id in any line (an id is the permission to read the snapshot),
 * and a client that hangs up mid-upload is an info line without a stack,
 * not an "unexpected error".
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetSchema, SnapshotCreatedSchema } from '../../shared/index.js';
import { freePort, startServer, stopServer, tempDir, uploadForm, type ServerProcess } from '../reliability/server-process.js';

let server: ServerProcess;
let dataDir = '';
let port = 0;
beforeAll(async () => {
  dataDir = tempDir('logging');
  port = await freePort();
  server = await startServer(port, dataDir, { LOG_LEVEL: 'info' });
}, 60_000);
afterAll(async () => {
  await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface LogLine {
  level: number;
  msg: string;
  req?: { url: string };
  err?: { stack?: string };
  [key: string]: unknown;
}
/** The log lines written since `from` characters of output. */
const linesSince = (from: number): LogLine[] =>
  server
    .output()
    .slice(from)
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

/** Lets the server write what it logs about the last request. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('the access log', () => {
  it('writes no snapshot id, however the link is spelled', async () => {
    const csv = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'made', 'api', 'uklibchat.csv'));
    const dataset = DatasetSchema.parse(
      await (await fetch(`${server.baseUrl}/api/datasets`, { method: 'POST', body: uploadForm('uklibchat.csv', csv) })).json(),
    );
    const created = await fetch(`${server.baseUrl}/api/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ datasetId: dataset.id }),
    });
    const { id } = SnapshotCreatedSchema.parse(await created.json());
    const from = server.output().length;
    for (const url of [
      `/api/snapshots/${id}`,
      `/api/snapshots/${id}/export?format=gexf`,
      `/s/${id}`,
      `/embed/${id}`,
      `/api/snapshot%73/${id}`,
      `/s/${id}/old-link`,
      `/embed/${id}?x=1`,
    ]) {
      await (await fetch(`${server.baseUrl}${url}`)).arrayBuffer();
    }
    expect((await fetch(`${server.baseUrl}/api/snapshots/${id}`)).status).toBe(200); // the id is a real one
    await settle();
    const lines = linesSince(from);
    expect(lines.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(lines)).not.toContain(id);
    const urls = lines.filter((l) => l.msg === 'incoming request').map((l) => l.req!.url);
    expect(urls).toEqual([
      '/api/snapshots/[redacted]',
      '/api/snapshots/[redacted]/export?format=gexf',
      '/s/[redacted]',
      '/embed/[redacted]',
      '/api/snapshots/[redacted]',
      '/s/[redacted]/old-link',
      '/embed/[redacted]?x=1',
      '/api/snapshots/[redacted]',
    ]);
  });

  it('writes a client that hangs up mid-upload as an info line, without a stack', async () => {
    const from = server.output().length;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const boundary = 'cut-off';
    socket.write(
      `POST /api/datasets HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 10000000\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\nid,author,text\n${'1,ann,hello\n'.repeat(20_000)}`,
    );
    await settle();
    socket.destroy(); // the tab closed mid-upload
    await settle();
    const lines = linesSince(from);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    const hangUp = lines.find((l) => l.msg === 'the client closed the connection before its request was read');
    expect(hangUp).toMatchObject({ level: 30, code: 'ECONNRESET' });
    expect(hangUp!.err).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain('"stack"');
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });
});
