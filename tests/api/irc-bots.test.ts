/** Bots named by the user are left out of IRC logs, through the upload form and the CLI (issue 18, item 4). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/index.js';
import { buildTestApp, fixture, multipart, type TestApp } from '../support/app.js';

const LOG = fixture('real', 'irc', '2016-12-19_20.raw.txt');
let t: TestApp;
beforeAll(async () => (t = await buildTestApp()));
afterAll(async () => t.close());

const upload = async (fields: Record<string, string>) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart([{ filename: '2016-12-19_20.raw.txt', content: LOG }], fields),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const messages: Message[] = (await t.app.inject(`/api/datasets/${id}/messages?limit=5000`)).json().messages;
  return { dataset: res.json(), messages };
};

describe('bots named by the user', () => {
  it('are left out of an uploaded IRC log (the bots field), their lines counted as skipped', async () => {
    const all = await upload({ name: 'with bots' });
    const ubottu = all.messages.filter((m) => m.author === 'irc:ubottu').length;
    expect(ubottu).toBe(22); // the log's `<ubottu>` lines
    const without = await upload({ name: 'without bots', bots: '@ubottu, somebot' });
    expect(without.messages.some((m) => m.author === 'irc:ubottu')).toBe(false);
    expect(without.messages).toHaveLength(all.messages.length - ubottu);
    expect(without.dataset.sources[0].skipped).toBe(all.dataset.sources[0].skipped + ubottu);
  });

  it('are left out by the CLI (--bots)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-atlas-bots-'));
    try {
      const file = path.join(dir, '2016-12-19_20.raw.txt');
      fs.writeFileSync(file, LOG);
      const out = path.join(dir, 'graph.json');
      execFileSync(process.execPath, ['bin/chat-atlas.js', 'build', file, '--bots', 'ubottu', '--out', out], { stdio: 'pipe' });
      const keys = (JSON.parse(fs.readFileSync(out, 'utf8')) as { nodes: { key: string }[] }).nodes.map((n) => n.key);
      expect(keys).not.toContain('irc:ubottu');
      expect(keys.length).toBeGreaterThan(100);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
