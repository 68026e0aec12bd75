import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkListenSafety, isLoopbackHost } from '../../server/runtime/listen-guard.js';
import { freePort, spawnServer, tempDir } from '../reliability/server-process.js';

const TOKEN = 'listen-guard-token-0123456789';
const REACHABLE = [
  '0.0.0.0',
  '::',
  '192.168.1.20',
  '10.0.0.5',
  '172.16.0.1',
  'fe80::1',
  '::ffff:10.0.0.1',
  '128.0.0.1',
  'atlas.example.org',
  'localhost.example.org',
];
const LOOPBACK = [
  'localhost',
  'LOCALHOST',
  '127.0.0.1',
  '127.0.0.2',
  '127.255.255.254',
  '::1',
  '[::1]',
  '0:0:0:0:0:0:0:1',
  '::ffff:127.0.0.1',
];

describe('checkListenSafety', () => {
  it.each(REACHABLE)('refuses %s without a token, and says how to set one', (host) => {
    const result = checkListenSafety(host, undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(host);
    expect(result.message).toMatch(/ATLAS_TOKEN=\S+ .*npm start/);
    expect(checkListenSafety(host, '').ok).toBe(false);
  });

  it.each(REACHABLE)('allows %s with a token', (host) => {
    expect(checkListenSafety(host, TOKEN)).toEqual({ ok: true });
  });

  it.each(LOOPBACK)('allows loopback %s without a token', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    expect(checkListenSafety(host, undefined)).toEqual({ ok: true });
  });
});

describe('server.ts', () => {
  it('exits 1 before listening on 0.0.0.0 without a token, and no switch overrides that', async () => {
    const dataDir = tempDir('guard');
    const port = await freePort();
    try {
      const server = spawnServer({ HOST: '0.0.0.0', PORT: String(port), DATA_DIR: dataDir, ALLOW_OPEN_WRITES: 'true' });
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(server.output()).toContain('refusing to listen on 0.0.0.0 without ATLAS_TOKEN');
      await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
      expect(fs.readdirSync(dataDir)).toEqual([]); // refused before even opening the database
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
