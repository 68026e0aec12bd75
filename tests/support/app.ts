/** Builds the app on a throwaway SQLite store for `app.inject` tests, and multipart bodies for uploads. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { readConfig, type Config } from '../../server/config.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

/** With `withClient`, the app serves a minimal built page (for routes that serve it: /s/:id, /embed/:id). */
export async function buildTestApp(overrides: Partial<Config> = {}, withClient = false): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-test-'));
  const config = readConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOAD_DEMO: false, ...overrides });
  const store = openSqliteStore({ dataDir });
  const clientDir = path.join(dataDir, withClient ? 'client' : 'no-client');
  if (withClient) {
    fs.mkdirSync(clientDir);
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Chat Atlas</title>');
  }
  const app = await buildApp({ config, store, clientDir });
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface FilePart {
  filename: string;
  content: string | Uint8Array;
  field?: string;
}

/** A multipart/form-data body with text fields and `file` parts. */
export function multipart(files: FilePart[], fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----chat-atlas-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(typeof f.content === 'string' ? Buffer.from(f.content) : Buffer.from(f.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const fixture = (...parts: string[]) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', ...parts));

/** A dataset made from `files` through `POST /api/datasets`, as a test's set-up: its id (anything but 201 fails the set-up). */
export async function createDataset(t: TestApp, files: FilePart[], fields: Record<string, string> = {}): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/datasets', ...multipart(files, fields) });
  if (res.statusCode !== 201) throw new Error(`creating the test dataset answered ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}
